import Foundation
import Glibc
import Testing

/// The real `baton console` in a real terminal (tmux), driven key by key like a person would.
@Suite("console in a terminal", .serialized)
struct ConsoleEndToEndTests {
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

    func conversation(_ id: String, _ name: String, _ text: String) -> String {
        #"{"id": "\#(id)", "channel": "webchat", "customer": {"id": "u-\#(id)", "name": "\#(name)", "language": "en"}, "messages": [{"role": "customer", "text": "\#(text)"}]}"#
    }

    func console(agent: String, columns: Int = 120, rows: Int = 40, supervisor: Bool = false) throws -> TmuxSession {
        let binary = try BatonProcess.executable.path
        let flags = supervisor ? " --supervisor" : ""
        return try TmuxSession(command: "cd '\(BatonProcess.packageRoot.path)' && '\(binary)' console --db '\(db)' --agent \(agent)\(flags)",
                               columns: columns, rows: rows)
    }

    func show(_ id: String) throws -> [String: Any] {
        let result = try baton(["show", id, "--json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func state(of id: String) throws -> (state: String?, owner: String?) {
        let thread = try show(id)["thread"] as? [String: Any]
        return (thread?["state"] as? String, thread?["owner"] as? String)
    }

    /// The thread's owner once it has one, waiting up to `seconds`; nil if none by then.
    func owner(of id: String, within seconds: TimeInterval) throws -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if let owner = try state(of: id).owner { return owner }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return nil
    }

    @Test("page to suggested reply in three keys, then release to the AI with a note")
    func agentWorksAThread() throws {
        try baton(["agent", "add", "maria", "--name", "Maria Lopez", "--skills", "general", "billing"])
        try baton(["ingest", "-"], input: [
            conversation("calm", "Tom Calm", "can I speak to a person about my order"),
            conversation("angry", "Rita Furious", "I've waited three weeks, this is unacceptable and I'M FURIOUS"),
        ].joined(separator: "\n") + "\n")
        let terminal = try console(agent: "maria")
        #expect(try terminal.waitFor("Rita Furious").contains("Tom Calm"))

        try terminal.press("Space")
        let paged = try terminal.waitFor(timeout: 5) { $0.contains("Rita Furious ·") }
        #expect(paged.contains("Rita Furious ·"), "the packet of the most urgent thread is open")
        try terminal.press("s")
        try terminal.waitFor(timeout: 5) { $0.lowercased().contains("send") }
        try terminal.press("y")
        let sent = try terminal.waitFor("Sent")
        #expect(sent.contains("I'm sorry about the trouble"), "the suggested reply is shown in the transcript")
        #expect(try state(of: "angry") == ("claimed", "maria"))
        let messages = try show("angry")["messages"] as? [[String: Any]] ?? []
        #expect(messages.last?["role"] as? String == "agent")
        let reply = messages.last?["text"] as? String
        // The introduction has just named Maria; the reply does not introduce her a second time.
        #expect(reply?.hasPrefix("Hi Rita, I'm sorry about the trouble") == true, "reply was \(reply ?? "none")")
        let everything = try baton(["outbox", "--all"]).stdout
        #expect(everything.components(separatedBy: "Maria Lopez").count - 1 == 1, "one introduction naming Maria:\n\(everything)")

        try terminal.press("a")
        try terminal.waitFor("note for the bot")
        try terminal.type("customer calmed down, order re-shipped")
        try terminal.press("Enter")
        try terminal.waitFor(timeout: 5) { !$0.contains("note for the bot") }
        #expect(try state(of: "angry").state == "ai")
        let outbox = try baton(["outbox"]).stdout
        #expect(outbox.contains(#""kind":"released_to_ai""#))
        #expect(outbox.contains("customer calmed down, order re-shipped"))

        try terminal.press("q")
        let after = try terminal.waitFor("EXITED")
        #expect(after.contains("EXITED 0"))
        #expect(after.contains("icanon") && !after.contains("-icanon"), "the terminal is back in cooked mode")
        #expect(after.contains("echo") && !after.contains("-echo"), "echo is restored")
    }

    @Test("two consoles race for one thread: exactly one wins, the other is told who")
    func twoConsolesRace() throws {
        try baton(["agent", "add", "ana", "--skills", "general"])
        try baton(["agent", "add", "bo", "--skills", "general"])
        try baton(["ingest", "-"], input: conversation("only", "Uma Single", "let me talk to a human please") + "\n")
        let first = try console(agent: "ana")
        let second = try console(agent: "bo")
        try first.waitFor("Uma Single")
        try second.waitFor("Uma Single")
        try first.press("Space")
        try second.press("Space")
        Thread.sleep(forTimeInterval: 0.5)
        try first.press("c")
        try second.press("c")
        // The keys are typed; the consoles claim a moment later.
        let winner = try #require(try owner(of: "only", within: 5))
        #expect(winner == "ana" || winner == "bo")
        let loser = winner == "ana" ? second : first
        let loserScreen = try loser.waitFor("Claimed by \(winner) first", timeout: 5)
        #expect(loserScreen.contains("Claimed by \(winner) first"))
        let claims = (try show("only")["audit"] as? [[String: Any]] ?? []).filter { $0["action"] as? String == "claim" }
        #expect(claims.count == 1)
        try first.press("q")
        try second.press("q")
    }

    @Test("resizing mid-compose keeps the draft and reflows; tiny terminals get a message")
    func resizeMidCompose() throws {
        try baton(["agent", "add", "kim", "--name", "Kim", "--skills", "general"])
        try baton(["ingest", "-"], input: conversation("r1", "Rui Resize", "I need an agent") + "\n")
        let terminal = try console(agent: "kim", columns: 100, rows: 30)
        try terminal.waitFor("Rui Resize")
        try terminal.press("Space")
        try terminal.press("r")
        try terminal.waitFor("Enter send")
        try terminal.type("hello from a resized window")
        try terminal.waitFor("hello from a resized window")
        try terminal.resize(columns: 64, rows: 18)
        let narrow = try terminal.waitFor("hello from a resized")
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 64 })
        try terminal.resize(columns: 40, rows: 12)
        let tiny = try terminal.waitFor("too small")
        #expect(tiny.contains("too small"), "40×12 screen:\n\(tiny)")
        try terminal.resize(columns: 120, rows: 40)
        #expect(try terminal.waitFor("hello from a resized window").contains("hello from a resized window"))
        try terminal.press("Enter")
        try terminal.waitFor(timeout: 5) { !$0.contains("Enter send") }
        let messages = try show("r1")["messages"] as? [[String: Any]] ?? []
        #expect(messages.last?["text"] as? String == "hello from a resized window")
        try terminal.press("q")
        #expect(try terminal.waitFor("EXITED").contains("EXITED 0"))
    }

    @Test("changes from other processes appear without a keypress; a supervisor sees the window breach and re-queue")
    func liveUpdatesAndSupervisor() throws {
        let config = directory.path("baton.toml")
        try "[[queues]]\nname = \"general\"\npickup_window = \"2s\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        try baton(["agent", "add", "sam", "--skills", "general", "--role", "supervisor"])
        let binary = try BatonProcess.executable.path
        let terminal = try TmuxSession(command: "'\(binary)' console --db '\(db)' --config '\(config)' --agent sam --supervisor",
                                       columns: 140, rows: 40)
        try terminal.waitFor("Baton")
        try baton(["ingest", "-", "--config", config], input: conversation("live1", "Lia Live", "get me a real person") + "\n")
        #expect(try terminal.waitFor("Lia Live", timeout: 3).contains("Lia Live"), "ingest by another process shows up without a keypress")
        Thread.sleep(forTimeInterval: 2.5)
        let swept = try baton(["sweep", "--config", config])
        #expect(swept.stdout.contains("escalated live1"))
        let screen = try terminal.waitFor("↑1", timeout: 3)
        #expect(screen.contains("↑1"), "the supervisor sees the re-queue with its escalation level")
        let audit = try show("live1")["audit"] as? [[String: Any]] ?? []
        #expect(audit.contains { $0["action"] as? String == "escalate" })
        try terminal.press("q")
        #expect(try terminal.waitFor("EXITED").contains("EXITED 0"))
    }

    @Test("SIGTERM restores the terminal and exits 143")
    func signalRestoresTerminal() throws {
        try baton(["agent", "add", "lee", "--skills", "general"])
        let terminal = try console(agent: "lee", columns: 80, rows: 24)
        try terminal.waitFor("Baton")
        // The pane runs bash, and bash runs the console: signal bash's child.
        let shell = try terminal.tmux(["display", "-p", "-t", terminal.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let finder = Process()
        finder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        finder.arguments = ["pgrep", "-P", shell]
        let output = Pipe()
        finder.standardOutput = output
        try finder.run()
        finder.waitUntilExit()
        let console = try #require(Int32(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Glibc.kill(console, SIGTERM) == 0)
        let after = try terminal.waitFor("EXITED")
        #expect(after.contains("EXITED 143"))
        #expect(after.contains("icanon") && !after.contains("-icanon"))
    }
}
