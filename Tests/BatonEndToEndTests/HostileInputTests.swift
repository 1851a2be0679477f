import Foundation
import Testing

/// Bad, out-of-range and hostile input through the real command line: refused line by line, never a crash,
/// nothing escaping to the terminal.
@Suite("hostile input through the command line", .serialized)
struct HostileInputTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    func baton(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) }, environment: environment)
    }

    static func conversation(_ id: String, customer: String = "", text: String = "thanks, that's all", extra: String = "") -> String {
        let customerID = customer.isEmpty ? #""u-1""# : customer
        return #"{"id": \#(id), "customer": {"id": \#(customerID)}, "messages": [{"role": "customer", "text": "\#(text)"}]\#(extra)}"#
    }

    /// 500 lines: valid conversations with bad lines of every kind among them, at known line numbers.
    static func mixedFile() -> (text: String, bad: [Int: String], good: Int) {
        let bad: [Int: String] = [
            3: conversation(#""""#),
            50: conversation(#"" padded""#),
            99: conversation("\"" + String(repeating: "x", count: 201) + "\""),
            120: conversation(#""c\u001b]0;evil\u0007""#),
            150: conversation(#""c150""#, customer: #""""#),
            151: conversation(#""c151""#, customer: #""cust\r""#),
            200: #"{"conversation_id": "never-seen", "csat": 4}"#,
            250: conversation(#""c250""#, extra: #", "expect": {"handoff": true, "at": 1e19}"#),
            300: #"{"id": "c300", "customer": {"id": "u", "ltv": 9.3e16}, "messages": [{"role": "customer", "text": "hi"}]}"#,
            350: #"{"id": "c350", "customer": {"id": "u", "prior_contacts": [{"topic": "x", "days_ago": 1e19}]}, "messages": [{"role": "customer", "text": "hi"}]}"#,
            400: conversation(#""c400""#, text: #"hello\u0000 I want to talk to a person"#),
            450: #"{"id": "c450", "customer": {"id": "u"}, "messages": [{"role": "customer", "text": "hi", "at": "2026-02-31T10:00:00Z"}]}"#,
            499: #"{"conversation_id": "ghost", "message": {"role": "customer", "text": "hello?"}}"#,
        ]
        var lines: [String] = []
        var good = 0
        for number in 1...500 {
            if let line = bad[number] {
                lines.append(line)
            } else {
                lines.append(conversation("\"ok-\(number)\""))
                good += 1
            }
        }
        return (lines.joined(separator: "\n") + "\n", bad, good)
    }

    static func refusedLines(_ stderr: String) -> Set<Int> {
        Set(stderr.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "line ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        })
    }

    @Test("one bad line never takes the others with it: every refusal names its line, every valid line is stored")
    func badLinesInABatch() throws {
        let file = Self.mixedFile()
        let result = try baton(["ingest", "-"], input: file.text)
        #expect(result.status == 1)
        #expect(result.stdout.contains("stored \(file.good),"), "\(result.stdout)")
        #expect(Self.refusedLines(result.stderr) == Set(file.bad.keys), "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1b}"))
        let stored = try baton(["queue", "--state", "ai", "--json", "--limit", "1000"])
        #expect(stored.stdout.split(separator: "\n").count == file.good)
    }

    @Test("baton triggers and baton ingest accept and refuse the same lines")
    func triggersAgreesWithIngest() throws {
        let file = Self.mixedFile()
        let triggers = try BatonProcess.run(["triggers", "-"], input: Data(file.text.utf8))
        let ingest = try baton(["ingest", "-"], input: file.text)
        #expect(triggers.status == 1)
        // The CSAT line for an unknown thread is accepted by triggers (there is nothing to evaluate) and refused
        // by ingest, which has no thread to record it on; every other refusal is the same.
        #expect(Self.refusedLines(triggers.stderr).union([200]) == Self.refusedLines(ingest.stderr), "\(triggers.stderr)")
        #expect(triggers.stdout.split(separator: "\n").count == file.good)
    }

    /// Reading `/proc/self/mem` from its start fails with an I/O error on Linux: a read error on demand.
    @Test("a read error ends the input with a refusal naming where, and exit status 1, in each reading command",
          arguments: [["triggers"], ["ingest"], ["outbox", "ack", "--from"]])
    func readError(_ command: [String]) throws {
        let result = try baton(command + ["/proc/self/mem"])
        #expect(result.status == 1, "\(command): \(result.stderr)")
        #expect(result.stderr.contains("line 1: input ends early: Input/output error"), "\(command): \(result.stderr)")
    }

    @Test("message events continue a conversation in triggers as they would in the store")
    func triggersEvents() throws {
        let input = [
            Self.conversation(#""e1""#),
            #"{"conversation_id": "e1", "message": {"role": "customer", "text": "I want to talk to a person"}}"#,
            #"{"conversation_id": "e1", "csat": 5}"#,
        ].joined(separator: "\n")
        let result = try BatonProcess.run(["triggers", "-"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains(#""handoff":true,"at":1,"trigger":"explicit_request""#))
    }

    @Test("a duration too large for a date is a config error naming the key, not a crash")
    func hugeDuration() throws {
        let config = directory.path("baton.toml")
        try #"[[queues]]\#nname = "general"\#npickup_window = "1e20s"\#n"#.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try baton(["ingest", "-", "--config", config], input: Self.conversation(#""d1""#) + "\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("queues[0].pickup_window"))
    }

    @Test("deadlines stored far in the future (by an older build) list without a crash")
    func storedHugeDeadline() throws {
        #expect(try baton(["ingest", "-"], input: Self.conversation(#""far""#, text: "I want to talk to a person") + "\n").status == 0)
        let python = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("UPDATE threads SET pickup_deadline = 1e20, queued_at = -1e20 WHERE id = 'far'")
            db.commit()
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", python, db]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        for arguments in [["queue"], ["queue", "--json"], ["show", "far"], ["show", "far", "--json"], ["stats"]] {
            let result = try baton(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test("customer text, ids and arguments never reach the terminal raw; JSON escapes controls, C1, bidi and zero-width")
    func everyLineSanitized() throws {
        let hostile = #"{"id": "h1", "customer": {"id": "u1", "name": "Ana\u009b31m\u202eRuiz\u200b", "tier": "\u001b]0;owned\u0007gold", "language": "\u001b[2Jes", "tags": ["v\u001b[5mip"]}, "messages": [{"role": "customer", "text": "I want to talk to a person \u2066now\u2069"}]}"#
        #expect(try baton(["ingest", "-"], input: hostile + "\n").status == 0)
        let unsafe: (String) -> Bool = { text in
            text.unicodeScalars.contains { scalar in
                let value = scalar.value
                return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                    || (0x2066...0x2069).contains(value) || value == 0x200B
            }
        }
        for arguments in [["show", "h1"], ["show", "h1", "--json"], ["queue"], ["queue", "--json"], ["outbox"], ["agent", "list"], ["stats"]] {
            let result = try baton(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!unsafe(result.stdout), "\(arguments) printed a raw control: \(result.stdout.debugDescription)")
        }
        let json = try baton(["queue", "--json"]).stdout
        #expect(json.contains(#"\u009b"#) && json.contains(#"\u202e"#) && json.contains(#"\u200b"#))
        // Errors quote what was typed, sanitized.
        for arguments in [["show", "no\u{1b}]0;x\u{07}such"], ["queue", "--state", "\u{1b}]0;x\u{07}"], ["queue", "--queue", "q\u{9b}"],
                          ["stats", "--since", "\u{1b}[2J"], ["--\u{1b}]0;evil\u{07}"]] {
            let result = try baton(arguments)
            #expect(result.status != 0)
            #expect(!unsafe(result.stderr), "\(arguments.debugDescription) echoed a raw control: \(result.stderr.debugDescription)")
        }
    }

    @Test("identifiers are validated where they are created: agent ids, skills and the acting --agent")
    func identifiersAtCreation() throws {
        let badSkill = try baton(["agent", "add", "ana", "--skills", "bill\u{1b}[5ming"])
        #expect(badSkill.status != 0)
        #expect(badSkill.stderr.contains("skill contains the control character U+001B"))
        #expect(try baton(["agent", "add", "ana\u{1b}]0;x"]).status != 0)
        #expect(try baton(["ingest", "-"], input: Self.conversation(#""t1""#, text: "I want to talk to a person") + "\n").status == 0)
        let actor = try baton(["claim", "t1", "--agent", "supervisor\u{1b}]0;x\u{07}\r-ana"])
        #expect(actor.status != 0)
        #expect(actor.stderr.contains("contains the control character"))
        #expect(try baton(["show", "t1"]).stdout.contains("claim") == false, "nothing was claimed or audited")
    }
}
