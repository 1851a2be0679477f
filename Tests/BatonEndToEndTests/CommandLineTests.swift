import Foundation
import Testing

/// The `baton` command line, driven as a user or a bot integration would drive it.
@Suite("baton command line", .serialized)
struct CommandLineTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    func baton(_ arguments: String..., input: String? = nil) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) })
    }

    func line(_ id: String, _ text: String) -> String {
        #"{"id": "\#(id)", "channel": "whatsapp", "customer": {"id": "u-\#(id)", "name": "Ana Ruiz", "language": "en"}, "messages": [{"role": "customer", "text": "\#(text)"}]}"#
    }

    @Test("triggers prints one JSON line per conversation in the documented shape")
    func triggersShape() throws {
        let result = try BatonProcess.run(["triggers", "-"], input: Data((line("c1", "I want to talk to a person") + "\n" + line("c2", "thanks, that's all") + "\n").utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "c1")
        #expect(first["handoff"] as? Bool == true)
        #expect(first["at"] as? Int == 0)
        #expect(first["trigger"] as? String == "explicit_request")
        let triggers = try #require(first["triggers"] as? [[String: Any]])
        #expect(Set(triggers[0].keys).isSuperset(of: ["kind", "message", "reason", "rule"]))
        #expect(first["queue"] as? String == "general")
        #expect(first["priority"] as? String != nil)
        #expect((first["sentiment"] as? [Double])?.count == 1)
        #expect(lines[1].contains(#""handoff":false,"at":null,"trigger":null"#))
    }

    @Test("eval meets the quality bar on the dev set")
    func evalDevSet() throws {
        let result = try BatonProcess.run(["eval", BatonProcess.devSet.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["recall"] as? Double ?? 0) >= 0.95)
        #expect((report["falseEscalationRate"] as? Double ?? 1) <= 0.03)
        #expect((report["primaryAccuracy"] as? Double ?? 0) >= 0.95)
        #expect((report["timingAccuracy"] as? Double ?? 0) >= 0.95)
    }

    @Test("fields Baton does not know are kept and shown under FROM THE BOT; --strict refuses them")
    func unknownFieldsKept() throws {
        let event = #"{"conversation_id": "wa-2", "channel": "whatsapp", "order_ref": "A-123", "customer": {"id": "u2", "vip_level": 3}, "message": {"role": "customer", "text": "I want to talk to a human", "mood": "angry\u001b[31m"}}"#
        let strict = try baton("ingest", "-", "--strict", input: event + "\n")
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("line 1: customer.vip_level: unknown field"), "\(strict.stderr)")
        let kept = try baton("ingest", "-", input: event + "\n")
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("handed off 1"), "\(kept.stdout)")
        let shown = try baton("show", "wa-2")
        #expect(shown.stdout.contains("FROM THE BOT\n  · customer.vip_level: 3\n  · message.mood: \"angry"), "\(shown.stdout)")
        #expect(shown.stdout.contains("  · order_ref: \"A-123\""))
        #expect(!shown.stdout.contains("\u{1B}"))
    }

    @Test("a message event with the platform's message id is stored once however often it is ingested")
    func platformMessageIDOnce() throws {
        let event = #"{"conversation_id": "wa-1", "channel": "whatsapp", "customer": {"id": "u1"}, "message": {"id": "wamid.77", "role": "customer", "text": "where is my order?"}}"#
        for _ in 0..<3 { #expect(try baton("ingest", "-", input: event + "\n").status == 0) }
        #expect(try baton("ingest", "-", input: event + "\n" + event + "\n").status == 0)
        let shown = try baton("show", "wa-1")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.components(separatedBy: "where is my order?").count - 1 == 1, "\(shown.stdout)")
    }

    @Test("bad lines are named and skipped; valid lines and earlier data are kept")
    func badInput() throws {
        #expect(try baton("ingest", "-", input: line("keep", "I demand a refund") + "\n").status == 0)
        var input = Data()
        input += Data((line("good1", "can I speak to a human") + "\n").utf8)
        input += Data("{not json\n".utf8)
        input += Data(#"{"id": "u1", "customer": {"id": "x"}, "messages": [{"role": "customer", "text": "hi", "mood": "sad"}]}"#.utf8 + [0x0A])
        input += Data(#"{"id": "u2", "customer": {"id": "x"}, "messages": [{"role": "customer"}]}"#.utf8 + [0x0A])
        input += Data(#"{"id": "u3", "customer": {"id": "x"}, "messages": [{"role": "customer", "text": "caf"#.utf8 + [0xC3, 0x28] + Data(#""}]}"#.utf8) + [0x0A])
        input += Data(#"{"id": "u4", "customer": {"id": "x"}, "messages": [{"role": "ai", "text": "ok", "confidence": 7}]}"#.utf8 + [0x0A])
        input += Data(#"{"id": "big", "customer": {"id": "x"}, "messages": [{"role": "customer", "text": ""#.utf8)
        input += Data(repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024)
        input += Data(#""}]}"#.utf8 + [0x0A])
        input += Data((line("good2", "my account was hacked") + "\n").utf8)
        let result = try BatonProcess.run(["ingest", "-", "--strict", "--db", db], input: input)
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 2: malformed JSON"))
        #expect(result.stderr.contains("line 3: messages[0].mood: unknown field"))
        #expect(result.stderr.contains("line 4: messages[0].text: missing"))
        #expect(result.stderr.contains("line 5: malformed JSON: invalid UTF-8"))
        #expect(result.stderr.contains("line 6: messages[0].confidence: 7 is outside 0…1"))
        #expect(result.stderr.contains("line 7: line is 10485"))
        #expect(result.stdout.contains("stored 2, handed off 2, refused 6 lines"))
        let queue = try baton("queue", "--json")
        let ids = Set(queue.stdout.split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        })
        #expect(ids == ["keep", "good1", "good2"])
    }

    @Test("a file that is not a Baton database is refused and left untouched")
    func foreignFile() throws {
        let path = directory.path("notes.txt")
        let original = Data("these are my notes\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: original)
        let result = try BatonProcess.run(["queue", "--db", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is not a Baton database"))
        #expect(FileManager.default.contents(atPath: path) == original)
    }

    @Test("claim, reply, release: one owner, refusals name the holder, outbox carries it all")
    func lifecycle() throws {
        #expect(try baton("agent", "add", "ana", "--name", "Ana Torres", "--skills", "general").status == 0)
        #expect(try baton("agent", "add", "bo", "--skills", "general").status == 0)
        #expect(try baton("ingest", "-", input: line("t1", "can I talk to a real person please") + "\n").status == 0)
        #expect(try baton("claim", "t1", "--agent", "ana").status == 0)
        let lost = try baton("claim", "t1", "--agent", "bo")
        #expect(lost.status != 0)
        #expect(lost.stderr.contains("already claimed by ana"))
        let intruder = try baton("reply", "t1", "hello", "--agent", "bo")
        #expect(intruder.status != 0)
        #expect(intruder.stderr.contains("only the owner (ana) may do that"))
        #expect(try baton("reply", "t1", "--suggested", "--agent", "ana").status == 0)
        #expect(try baton("release", "t1", "--note", "address updated", "--agent", "ana").status == 0)
        let outbox = try baton("outbox", "--ack")
        let kinds = outbox.stdout.split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["kind"] as? String
        }
        #expect(kinds == ["handoff_message", "claimed", "agent_introduction", "agent_reply", "released_to_ai"])
        #expect(outbox.stdout.contains("Ana Torres"))
        #expect(outbox.stdout.contains("address updated"))
        #expect(try baton("outbox").stdout.isEmpty, "acknowledged messages are not printed again")
        let show = try baton("show", "t1")
        #expect(show.stdout.contains("AUDIT"))
        #expect(show.stdout.contains("ana claim queued→claimed"))
        #expect(show.stdout.contains("ana release claimed→ai"))
    }

    @Test("customer text cannot drive the terminal through baton show")
    func hostileText() throws {
        let hostile = #"help me \u001b[2J\u001b]0;pwned\u0007 \u202eevil\u202c agent please"#
        #expect(try baton("ingest", "-", input: line("h1", hostile) + "\n").status == 0)
        let show = try baton("show", "h1")
        #expect(!show.stdout.contains("\u{1b}"))
        #expect(!show.stdout.contains("\u{202e}"))
        #expect(!show.stdout.contains("\u{07}"))
        #expect(show.stdout.contains("␛[2J"), "escape sequences are shown, not interpreted")
    }

    @Test("demo --seed-only fills a realistic store")
    func demoSeed() throws {
        let demo = directory.path("demo.sqlite")
        let result = try BatonProcess.run(["demo", "--seed-only", "--db", demo], environment: ["USER": "tester"])
        #expect(result.status == 0, "\(result.stderr)")
        let queue = try BatonProcess.run(["queue", "--json", "--limit", "500", "--db", demo])
        let rows = queue.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count >= 15)
        #expect(Set(rows.compactMap { $0["queue"] as? String }).count >= 5)
        #expect(rows.contains { ($0["pickup_remaining_s"] as? Double ?? 1) < 0 }, "some threads are past their pickup window")
        #expect(rows.contains { $0["state"] as? String == "after_hours" })
        let agents = try BatonProcess.run(["agent", "list", "--json", "--db", demo])
        #expect(agents.stdout.split(separator: "\n").count == 4)
        // A second run recreates the demo store rather than failing or duplicating.
        #expect(try BatonProcess.run(["demo", "--seed-only", "--db", demo], environment: ["USER": "tester"]).status == 0)
        // …but never overwrites a store that is not a demo.
        let real = directory.path("real.sqlite")
        #expect(try BatonProcess.run(["init", "--db", real]).status == 0)
        let refused = try BatonProcess.run(["demo", "--seed-only", "--db", real])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("not a demo store"))
    }

    @Test("show --json spells the thread as queue --json does, and every key in snake_case")
    func showJSONMatchesQueueJSON() throws {
        #expect(try baton("ingest", "-", input: line("j1", "I want to talk to a person") + "\n").status == 0)
        let queued = try baton("queue", "--json").stdout.split(separator: "\n").first.map(String.init) ?? ""
        let row = try #require(try JSONSerialization.jsonObject(with: Data(queued.utf8)) as? [String: Any])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(try baton("show", "j1", "--json").stdout.utf8)) as? [String: Any])
        let thread = try #require(shown["thread"] as? [String: Any])
        #expect(Set(thread.keys) == Set(row.keys))
        #expect(thread["customer"] as? String == "Ana Ruiz")
        func keys(_ value: Any) -> [String] {
            if let object = value as? [String: Any] { return object.keys + object.values.flatMap(keys) }
            if let array = value as? [Any] { return array.flatMap(keys) }
            return []
        }
        let camel = keys(shown).filter { $0.contains { $0.isUppercase } }
        #expect(camel.isEmpty, "camelCase keys: \(camel)")
        #expect(keys(shown).contains("suggested_reply"))
    }

    @Test("mistakes say what is missing: no agent, neither id nor --next, a bad disposition")
    func helpfulRefusals() throws {
        #expect(try baton("agent", "add", "ana", "--skills", "general").status == 0)
        #expect(try baton("ingest", "-", input: line("m1", "I want to talk to a person") + "\n").status == 0)
        let nobody = try BatonProcess.run(["claim", "m1", "--db", db], environment: ["USER": ""])
        #expect(nobody.status != 0)
        #expect(nobody.stderr.contains("no agent: pass --agent ID"), "\(nobody.stderr)")
        #expect(try state("m1") == "queued", "nothing was claimed as nobody")
        let neither = try baton("claim", "--agent", "ana")
        #expect(neither.status != 0)
        #expect(neither.stderr.contains("or --next for the most urgent one you may take"), "\(neither.stderr)")
        #expect(try baton("claim", "m1", "--agent", "ana").status == 0)
        let bad = try baton("resolve", "m1", "--disposition", "fixed", "--agent", "ana")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown disposition fixed; use one of solved, ai_could_have_handled, duplicate, no_response, spam"),
                "\(bad.stderr)")
        #expect(try baton("resolve", "m1", "--disposition", "expired", "--agent", "ana").status != 0, "expired is the sweeper's")
    }

    @Test("counts read as words: 1 response")
    func grammar() throws {
        #expect(try baton("ingest", "-", input: line("g1", "I want to talk to a person") + "\n").status == 0)
        #expect(try baton("ingest", "-", input: #"{"conversation_id": "g1", "csat": 4}"# + "\n").status == 0)
        let stats = try baton("stats")
        #expect(stats.stdout.contains("(1 response)"), "\(stats.stdout)")
    }

    func state(_ id: String) throws -> String? {
        let shown = try JSONSerialization.jsonObject(with: Data(try baton("show", id, "--json").stdout.utf8)) as? [String: Any]
        return (shown?["thread"] as? [String: Any])?["state"] as? String
    }
}

/// The escalation model ships inside the binary: a `baton` copied away from the checkout still has it.
@Suite("baton outside the checkout")
struct CopiedBinaryTests {
    @Test("a copied baton loads its model and explains with it, with no file beside it")
    func copiedBinaryHasItsModel() throws {
        let directory = try TemporaryDirectory()
        let copy = directory.path("baton")
        try BatonProcess.copyExecutable(to: copy)
        let labelled = #"{"id": "m1", "customer": {"id": "c"}, "messages": [{"role": "customer", "text": "hola"}], "expect": {"handoff": false}}"#
        try (labelled + "\n").write(toFile: directory.path("one.jsonl"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: copy)
        process.arguments = ["eval", "one.jsonl", "--sweep", "security"]
        process.currentDirectoryURL = directory.url
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path("home")]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.contains("policy_topic/security: threshold now"))
        #expect(text.split(separator: "\n").count == 2 + ThresholdSweepRows.count)
    }
}

/// The number of rows `--sweep` prints by default (0.05 … 0.95 by 0.05, then 0.97 and 0.99).
enum ThresholdSweepRows {
    static let count = 21
}
