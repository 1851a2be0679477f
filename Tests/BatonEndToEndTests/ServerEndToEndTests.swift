import Foundation
import Glibc
import Testing

/// `baton serve` for real: the reference bot (examples/bot.py) talks to it over HTTP and receives its signed
/// webhooks, while an agent works the conversation in the console in tmux.
@Suite("baton serve with the reference bot", .serialized)
struct ServerEndToEndTests {
    let directory: TemporaryDirectory
    let db: String
    let secret = "whsec_" + Data("end-to-end webhook secret".utf8).base64EncodedString()

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    @discardableResult
    func baton(_ arguments: [String]) throws -> BatonProcess.Result {
        let result = try BatonProcess.run(arguments + ["--db", db])
        if result.status != 0 { Issue.record("baton \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result
    }

    /// The bot's JSON lines so far.
    func events(_ bot: ChildProcess) -> [[String: Any]] {
        bot.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func waitFor(_ bot: ChildProcess, timeout: TimeInterval = 15, _ condition: @escaping ([String: Any]) -> Bool) throws {
        try bot.waitForOutput(timeout: timeout) { text in
            text.split(separator: "\n").contains { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).map(condition) ?? false
            }
        }
    }

    func startServer(port: Int, hookPort: Int) throws -> ChildProcess {
        let config = directory.path("baton.toml")
        try """
            [[webhooks]]
            name = "bot"
            url = "http://127.0.0.1:\(hookPort)/webhooks"
            secret = "\(secret)"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let server = try ChildProcess(try BatonProcess.executable.path,
                                      ["serve", "--listen", "127.0.0.1:\(port)", "--db", db, "--config", config],
                                      directory: directory, name: "serve")
        try ChildProcess.waitForListener(port: port)
        return server
    }

    @Test("the bot hands off, stays silent while the agent holds the thread, and resumes with the agent's note")
    func handoffAndBack() throws {
        try baton(["agent", "add", "maria", "--name", "Maria Lopez", "--skills", "general", "billing"])
        let token = try baton(["token", "create", "reference-bot"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("baton_"))
        let port = try ChildProcess.freePort(), hookPort = try ChildProcess.freePort()
        let server = try startServer(port: port, hookPort: hookPort)
        let bot = try ChildProcess("/usr/bin/env", [
            "python3", BatonProcess.packageRoot.appendingPathComponent("examples/bot.py").path, "--baton", "http://127.0.0.1:\(port)",
            "--token", token, "--listen", "127.0.0.1:\(hookPort)", "--secret", secret,
        ], directory: directory, name: "bot")
        try waitFor(bot) { $0["event"] as? String == "ready" }

        bot.send("c1: hi, where is my parcel?")
        try waitFor(bot) { $0["event"] as? String == "bot_replied" }
        bot.send("c1: this is useless, I want to talk to a human agent")
        try waitFor(bot) { $0["event"] as? String == "bot_silent" && $0["holder"] as? String == "queued" }
        // The handoff text reaches the customer through the signed webhook.
        try waitFor(bot) { $0["event"] as? String == "to_customer" }

        let console = try TmuxSession(command: "'\(try BatonProcess.executable.path)' console --db '\(db)' --agent maria",
                                      columns: 120, rows: 40)
        try console.waitFor("Sam Rivera")
        try console.press("n")
        try console.waitFor(timeout: 5) { $0.contains("Sam Rivera ·") }
        try console.press("s")
        try console.waitFor(timeout: 5) { $0.lowercased().contains("send") }
        try console.press("y")
        try console.waitFor("Sent")
        try waitFor(bot) { $0["event"] as? String == "webhook" && $0["type"] as? String == "agent_reply" }

        bot.send("c1: hello? are you still there?")
        try waitFor(bot) { $0["event"] as? String == "bot_silent" && $0["holder"] as? String == "human" }

        try console.press("a")
        try console.waitFor("note for the bot")
        try console.type("parcel re-shipped, tracking sent by email")
        try console.press("Enter")
        try waitFor(bot) { $0["event"] as? String == "resumed" && $0["note"] as? String == "parcel re-shipped, tracking sent by email" }
        bot.send("c1: great, thanks")
        try waitFor(bot) { ($0["text"] as? String)?.contains("great, thanks") == true && $0["event"] as? String == "bot_replied" }
        try console.press("q")

        let lines = events(bot)
        #expect(!lines.contains { $0["event"] as? String == "webhook_rejected" })
        #expect(!lines.contains { $0["event"] as? String == "error" })
        let sequences = lines.filter { $0["event"] as? String == "webhook" }.compactMap { $0["sequence"] as? Int }
        #expect(sequences == Array(1...sequences.count), "events arrive once each, in order: \(sequences)")
        #expect(lines.filter { $0["event"] as? String == "webhook" }.compactMap { $0["type"] as? String }
                == ["handoff_message", "claimed", "agent_introduction", "agent_reply", "released_to_ai"])
        bot.input.fileHandleForWriting.closeFile()
        #expect(server.stop(SIGTERM) == 0, "SIGTERM ends baton serve cleanly: \(server.stderr.suffix(2000))")
    }
}

/// What the server promised survives `kill -9`: every conversation answered 2xx is stored with its event.
@Suite("baton serve killed and restarted", .serialized)
struct ServerCrashTests {
    @Test("kill -9 loses nothing that was answered 2xx, and the restarted server replays every event")
    func killNine() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path("baton.sqlite")
        let token = try BatonProcess.run(["token", "create", "crash", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let port = try ChildProcess.freePort()
        let config = directory.path("empty.toml")
        _ = FileManager.default.createFile(atPath: config, contents: Data())
        let arguments = ["serve", "--listen", "127.0.0.1:\(port)", "--db", db, "--config", config]
        var server = try ChildProcess(try BatonProcess.executable.path, arguments, directory: directory, name: "serve1")
        try ChildProcess.waitForListener(port: port)
        var accepted: [String] = []
        for index in 0..<40 {
            let id = "k\(index)"
            let body = #"{"id":"\#(id)","customer":{"id":"u\#(index)"},"messages":[{"role":"customer","text":"I want to talk to a human agent"}]}"#
            let answer = try HTTP.call("POST", "http://127.0.0.1:\(port)/v1/conversations", token: token, body: body)
            if answer.status == 200 { accepted.append(id) }
        }
        #expect(accepted.count == 40)
        server.stop(SIGKILL)

        server = try ChildProcess(try BatonProcess.executable.path, arguments, directory: directory, name: "serve2")
        try ChildProcess.waitForListener(port: port)
        let feed = try HTTP.call("GET", "http://127.0.0.1:\(port)/v1/events?after=0&limit=1000", token: token)
        let events = feed.json?["events"] as? [[String: Any]] ?? []
        #expect(Set(events.compactMap { $0["conversation_id"] as? String }) == Set(accepted))
        #expect(events.allSatisfy { $0["type"] as? String == "handoff_message" && $0["sequence"] as? Int == 1 && $0["holder"] as? String == "queued" })
        // Without webhooks configured the server keeps running until told to stop, then exits cleanly.
        #expect(server.process.isRunning)
        #expect(server.stop(SIGTERM) == 0, "\(server.stderr.suffix(1500))")
        let check = try BatonProcess.run(["queue", "--json", "--limit", "100", "--db", db])
        #expect(check.stdout.split(separator: "\n").count == 40)
    }
}
