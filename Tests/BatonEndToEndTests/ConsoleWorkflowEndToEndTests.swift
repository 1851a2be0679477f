import Foundation
import Glibc
import Testing

/// The console as an agent works a shift with it, in a real terminal (tmux): a real editor, an installed
/// binary, the clipboard, drafts that survive Ctrl-C, and the keys it takes to get work done.
@Suite("console workflows in a terminal", .serialized)
struct ConsoleWorkflowEndToEndTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    @discardableResult
    func baton(_ arguments: [String], input: String? = nil) throws -> BatonProcess.Result {
        let result = try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) })
        if result.status != 0 { Issue.record("baton \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result
    }

    func conversation(_ id: String, _ name: String, _ text: String, language: String = "en") -> String {
        #"{"id": "\#(id)", "channel": "webchat", "customer": {"id": "u-\#(id)", "name": "\#(name)", "language": "\#(language)"}, "messages": [{"role": "customer", "text": "\#(text)"}]}"#
    }

    /// The console in tmux; `environment` is set for the console only (`NAME=value` words before it).
    func console(agent: String, binary: String? = nil, directory workingDirectory: String? = nil, columns: Int = 120, rows: Int = 40,
                 flags: String = "", environment: [String: String] = [:]) throws -> TmuxSession {
        let program = try binary ?? BatonProcess.executable.path
        let settings = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let folder = workingDirectory ?? BatonProcess.packageRoot.path
        // `swift test` sets NO_COLOR for its children; the console here sees only what the test asks for.
        return try TmuxSession(command: "cd '\(folder)' && env -u NO_COLOR \(settings) '\(program)' console --db '\(db)' --agent \(agent) \(flags)",
                               columns: columns, rows: rows)
    }

    func show(_ id: String) throws -> [String: Any] {
        let result = try baton(["show", id, "--json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func lastMessage(of id: String) throws -> (role: String?, text: String?) {
        let messages = try show(id)["messages"] as? [[String: Any]] ?? []
        return (messages.last?["role"] as? String, messages.last?["text"] as? String)
    }

    /// The path of an interactive editor, or nil (the test is then skipped with a note).
    static var editor: String? {
        for candidate in ["/usr/bin/vi", "/usr/bin/vim.tiny", "/usr/bin/vim", "/usr/bin/nvi"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }

    @Test("$EDITOR is a real vi: it gets the terminal, the text comes back, and nothing the terminal answers acts as a key")
    func realEditor() throws {
        let editor = try #require(Self.editor, "no vi installed: .ci/run installs vim-tiny")
        try baton(["agent", "add", "eva", "--name", "Eva", "--skills", "general", "--role", "supervisor"])
        try baton(["ingest", "-"], input: conversation("ed1", "Edna Editor", "I need a human right now") + "\n")
        let home = directory.path("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        // A supervisor console: there a stray "R" from the terminal would open the reassign picker.
        let terminal = try console(agent: "eva", flags: "--supervisor", environment: ["EDITOR": editor, "VISUAL": "", "HOME": home])
        try terminal.waitFor("Edna Editor")
        try terminal.press("E")
        // vi shows the suggested reply, in the terminal, and waits for keys.
        let inEditor = try terminal.waitFor(timeout: 20) { $0.contains("thanks for waiting") && !$0.contains("Baton ·") }
        #expect(!inEditor.contains("Baton ·"), "the editor has the screen:\n\(inEditor)")
        try terminal.press("Escape")
        try terminal.type(":%d")
        try terminal.press("Enter")
        try terminal.type("i")
        try terminal.type("Written in vi, line one.")
        try terminal.press("Escape")
        try terminal.type(":wq")
        try terminal.press("Enter")
        let back = try terminal.waitFor(timeout: 20) { $0.contains("Enter send") && $0.contains("Written in vi, line one.") }
        #expect(back.contains("Written in vi, line one."), "the composer holds the edited text:\n\(back)")
        #expect(!back.contains("Reassign"), "no key came from the terminal's answers")
        try terminal.press("Enter")
        try terminal.waitFor(timeout: 20) { $0.contains("Reply sent") }
        #expect(try lastMessage(of: "ed1") == ("agent", "Written in vi, line one."))
        try terminal.press("q")
        let after = try terminal.waitFor("EXITED")
        #expect(after.contains("EXITED 0"))
        #expect(after.contains("icanon") && !after.contains("-icanon"), "the terminal is back in cooked mode")
    }

    @Test("a binary copied outside the checkout has its themes: sentiment in colour; NO_COLOR keeps the selection in reverse")
    func installedBinaryHasColour() throws {
        let installed = directory.path("bin")
        try FileManager.default.createDirectory(atPath: installed, withIntermediateDirectories: true)
        let copy = installed + "/baton"
        try BatonProcess.copyExecutable(to: copy)
        try baton(["agent", "add", "ivy", "--skills", "general"])
        try baton(["ingest", "-"], input: conversation("col1", "Cora Colour", "this is useless, I want a human NOW!!") + "\n")
        let nowhere = ["HOME": installed, "XDG_CONFIG_HOME": installed, "BATON_THEMES": ""]
        let coloured = try console(agent: "ivy", binary: copy, directory: installed, environment: nowhere)
        try coloured.waitFor("Cora Colour")
        let escapes = try coloured.screen(escapes: true)
        // default-dark: negative sentiment is red (31), the selection has a cyan background (46).
        #expect(escapes.contains("\u{1B}[31m") || escapes.contains(";31m") || escapes.contains("[1;31m"), "no red:\n\(escapes.debugDescription.prefix(600))")
        #expect(escapes.contains("46m"), "no cyan selection background")
        try coloured.press("q")
        try coloured.waitFor("EXITED")

        var plain = nowhere
        plain["NO_COLOR"] = "1"
        let monochrome = try console(agent: "ivy", binary: copy, directory: installed, environment: plain)
        try monochrome.waitFor("Cora Colour")
        let noColour = try monochrome.screen(escapes: true)
        #expect(noColour.contains("\u{1B}[7m") || noColour.contains(";7m"), "the selected row is in reverse video")
        #expect(!noColour.contains("46m") && !noColour.contains("[31m"), "no colour under NO_COLOR")
        #expect(noColour.contains("negative"), "sentiment is said in words")
        try monochrome.press("q")
        try monochrome.waitFor("EXITED")
    }

    @Test("y copies the suggested reply to the clipboard with OSC 52 (tmux with set-clipboard keeps it)")
    func clipboard() throws {
        try baton(["agent", "add", "cal", "--skills", "general"])
        try baton(["ingest", "-"], input: conversation("cp1", "Cleo Copy", "please let me speak to a person") + "\n")
        let terminal = try console(agent: "cal")
        try terminal.tmux(["set-option", "-g", "set-clipboard", "on"])
        try terminal.waitFor("Cleo Copy")
        try terminal.press("y")
        try terminal.waitFor("Copied the suggested reply")
        var buffer = ""
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            buffer = (try? terminal.tmux(["show-buffer"])) ?? ""
            if !buffer.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(buffer.hasPrefix("Hi Cleo, thanks for waiting."), "clipboard: \(buffer)")
        try terminal.press("q")
        try terminal.waitFor("EXITED")
    }

    @Test("Ctrl-C while writing asks first; the draft survives quitting and comes back in the next console")
    func draftSurvivesCtrlC() throws {
        try baton(["agent", "add", "dot", "--skills", "general"])
        try baton(["ingest", "-"], input: conversation("dr1", "Dora Draft", "I want to talk to a human") + "\n")
        let first = try console(agent: "dot")
        try first.waitFor("Dora Draft")
        try first.press("Space")
        try first.press("r")
        try first.waitFor("Enter send")
        try first.type("Half-written answer about your order")
        try first.waitFor("Half-written answer about your order")
        try first.press("C-c")
        let asked = try first.waitFor("Quit Baton?")
        #expect(asked.contains("Your draft is saved"), "\(asked)")
        try first.press("n")
        try first.waitFor(timeout: 10) { $0.contains("Enter send") && !$0.contains("Quit Baton?") }
        try first.press("C-c")
        try first.waitFor("Quit Baton?")
        try first.press("y")
        #expect(try first.waitFor("EXITED").contains("EXITED 0"))
        #expect(try lastMessage(of: "dr1").role == "customer", "nothing was sent")

        let second = try console(agent: "dot")
        try second.waitFor("Dora Draft")
        try second.press("Space")
        try second.press("r")
        // The draft's text and its notice may reach the screen in different frames: wait for both.
        let restored = try second.waitFor(timeout: 10) { $0.contains("Half-written answer about your order") && $0.contains("draft is back") }
        #expect(restored.contains("draft is back"), "\(restored)")
        try second.press("Enter")
        try second.waitFor("Reply sent")
        #expect(try lastMessage(of: "dr1").text == "Half-written answer about your order")
        try second.press("q")
        try second.waitFor("EXITED")
    }

    @Test("agent speed: from a page to the suggested reply sent is three keys, wherever the paged thread sits")
    func pageToReplyInThreeKeys() throws {
        try baton(["agent", "add", "pia", "--name", "Pia", "--skills", "general"])
        // Sixty threads already wait; the page is about a newer one, far below the first screen.
        let backlog = (0..<60).map { conversation(String(format: "old%02d", $0), "Backlog \($0)", "I want to talk to a human") }
        try baton(["ingest", "-"], input: backlog.joined(separator: "\n") + "\n")
        let terminal = try console(agent: "pia", columns: 120, rows: 40)
        try terminal.waitFor("Backlog 0")
        try baton(["ingest", "-"], input: conversation("paged", "Pablo Paged", "can I speak to a real person please") + "\n")
        let paged = try terminal.waitFor(timeout: 20) { $0.contains("Pablo Paged") && $0.contains("p opens it") }
        #expect(paged.contains("p opens it"), "\(paged)")
        let listRows = paged.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).prefix(35)
        #expect(!listRows.contains { $0.contains("Pablo Paged") }, "the paged thread is not on the first screen of the list")
        terminal.resetKeyCount()
        try terminal.press("p")
        try terminal.waitFor(timeout: 10) { $0.contains("Pablo Paged ·") }
        try terminal.press("s")
        try terminal.waitFor("send the suggested reply to Pablo Paged")
        try terminal.press("y")
        try terminal.waitFor(timeout: 20) { $0.contains("Sent the suggested reply to Pablo Paged") }
        #expect(terminal.keys == 3)
        let reply = try lastMessage(of: "paged")
        #expect(reply.role == "agent")
        #expect(reply.text?.hasPrefix("Hi Pablo,") == true, "\(reply.text ?? "none")")
        print("agent speed: page to suggested reply sent in \(terminal.keys) keys (paged thread at position 61 of 61)")
        try terminal.press("q")
        try terminal.waitFor("EXITED")
    }

    @Test("a customer writes at night; the queue opens; the agent sees the callback first and sends the opener in two keys")
    func nightToOpening() throws {
        let config = directory.path("baton.toml")
        try """
            [[queues]]
            name = "general"
            after_hours = "callback"
            timezone = "Europe/Madrid"
            [queues.hours]
            mon = "09:00-18:00"
            tue = "09:00-18:00"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        func at(_ now: String, _ arguments: [String], input: String? = nil) throws {
            let result = try BatonProcess.run(arguments + ["--db", db, "--config", config], input: input.map { Data($0.utf8) },
                                              environment: ["BATON_NOW": now])
            #expect(result.status == 0, "baton \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        try at("2026-11-30T07:00:00Z", ["agent", "add", "ana", "--name", "Ana", "--skills", "general"])
        // Monday 21:00 in Madrid: closed. Lucía asks for a person and a call.
        try at("2026-11-30T20:00:00Z", ["ingest", "-"],
               input: conversation("night", "Lucía Pérez", "quiero hablar con una persona, me pueden llamar mañana?", language: "es") + "\n")
        // Tuesday 09:00: the queue opens (the sweep runs every minute in production); then the day's first customer.
        try at("2026-12-01T08:00:30Z", ["sweep"])
        try at("2026-12-01T08:02:00Z", ["ingest", "-"], input: conversation("day", "Dan Day", "I want to talk to a human") + "\n")
        let terminal = try console(agent: "ana", flags: "--config '\(config)'", environment: ["BATON_NOW": "2026-12-01T08:05:00Z"])
        let screen = try terminal.waitFor(timeout: 20) { $0.contains("Lucía Pérez") && $0.contains("Dan Day") }
        let rows = screen.split(separator: "\n").map(String.init)
        let lucia = try #require(rows.firstIndex { $0.contains("Lucía Pérez") })
        let dan = try #require(rows.firstIndex { $0.contains("Dan Day") })
        #expect(lucia < dan, "the customer who wrote at night is first: \(screen)")
        terminal.resetKeyCount()
        try terminal.press("s")
        try terminal.waitFor("send the suggested reply to Lucía Pérez")
        try terminal.press("y")
        try terminal.waitFor(timeout: 20) { $0.contains("Sent the suggested reply to Lucía Pérez") }
        #expect(terminal.keys == 2)
        let reply = try lastMessage(of: "night")
        #expect(reply.role == "agent")
        #expect(reply.text?.hasPrefix("Hola Lucía, vi el mensaje que nos enviaste mientras nuestro equipo no estaba disponible") == true,
                "\(reply.text ?? "none")")
        print("night to opening: the callback was first and its opener went out in \(terminal.keys) keys")
        try terminal.press("q")
        try terminal.waitFor("EXITED")
    }

    @Test("agent speed: any thread of a 1,000-row list is reachable by search in at most five keys")
    func searchThousandRows() throws {
        try baton(["agent", "add", "sid", "--skills", "general"])
        let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "bu"]
        func name(_ index: Int) -> String {
            let digits = String(format: "%03d", index).compactMap { $0.wholeNumberValue }
            return digits.map { syllables[$0] }.joined().capitalized + " Q\(String(format: "%03d", index))"
        }
        let lines = (0..<1_000).map { conversation(String(format: "s%04d", $0), name($0), "I want to talk to a human") }
        try baton(["ingest", "-"], input: lines.joined(separator: "\n") + "\n")
        let terminal = try console(agent: "sid", columns: 120, rows: 40)
        try terminal.waitFor("1/1000")
        var worst = 0
        for target in [737, 999, 402] {
            terminal.resetKeyCount()
            try terminal.press("/")
            try terminal.type(String(format: "q%03d", target).dropFirst().description)
            try terminal.press("Enter")
            let found = try terminal.waitFor(timeout: 20) { $0.contains(name(target) + " ·") }
            #expect(found.contains(name(target) + " ·"), "search did not open \(name(target))")
            worst = max(worst, terminal.keys)
        }
        #expect(worst <= 5)
        print("agent speed: a thread of 1,000 reached by search in \(worst) keys")
        try terminal.press("q")
        try terminal.waitFor("EXITED")
    }
}
