import Foundation
import Testing

/// `baton outbox` under real consumers: an acknowledgement means the consumer has the message.
@Suite("outbox delivery", .serialized)
struct OutboxDeliveryTests {
    let directory: TemporaryDirectory
    let db: String
    static let messages = 120

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
        let lines = (0..<Self.messages).map {
            #"{"id": "c\#($0)", "customer": {"id": "u\#($0)"}, "messages": [{"role": "customer", "text": "I want to talk to a person"}]}"#
        }
        let result = try BatonProcess.run(["ingest", "-", "--db", db], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        try #require(result.status == 0, "\(result.stderr)")
        try #require(try pending().count == Self.messages)
    }

    /// Ids of the messages not yet acknowledged.
    func pending() throws -> [Int] {
        let result = try BatonProcess.run(["outbox", "--db", db])
        return result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? Int
        }
    }

    /// Runs a shell pipeline with `$BATON` and `$DB` set; returns baton's exit status (`PIPESTATUS[0]`) and the stderr of the pipeline.
    func pipeline(_ script: String) throws -> (status: Int32, stderr: String) {
        let errPath = directory.path("pipeline.err")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script + "; exit ${PIPESTATUS[0]}"]
        process.environment = ProcessInfo.processInfo.environment.merging(["BATON": try BatonProcess.executable.path, "DB": db]) { $1 }
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }

    @Test("a full output device: the write error stops the run, exit 1, nothing acknowledged")
    func fullDevice() throws {
        let result = try pipeline(#""$BATON" outbox --ack --db "$DB" > /dev/full"#)
        #expect(result.status == 1)
        #expect(result.stderr.contains("No space left on device"))
        #expect(try pending().count == Self.messages)
    }

    @Test("a reader that takes one line and exits: only that line is acknowledged", arguments: [false, true])
    func readerTakesOne(ignoringSIGPIPE: Bool) throws {
        let trap = ignoringSIGPIPE ? "trap '' PIPE; " : ""
        let out = directory.path("head.out")
        let result = try pipeline(#"\#(trap)"$BATON" outbox --ack --db "$DB" | head -1 > "\#(out)""#)
        #expect(result.status != 0)
        let taken = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(taken.count == 1)
        #expect(try pending().count == Self.messages - 1)
        #expect(!(try pending()).contains { taken[0].contains(#""id":\#($0),"#) }, "the line the reader took is the one acknowledged")
    }

    @Test("--follow with a consumer that dies after 10 messages: those 10 are acknowledged, none lost")
    func followConsumerDies() throws {
        let out = directory.path("ten.out")
        let result = try pipeline(#""$BATON" outbox --ack --follow --db "$DB" | head -10 > "\#(out)""#)
        #expect(result.status != 0, "baton notices the reader is gone and stops")
        let taken = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(taken.count == 10)
        #expect(try pending().count == Self.messages - 10)
    }

    @Test("a regular file: everything written is synced, then acknowledged")
    func regularFile() throws {
        let out = directory.path("all.jsonl")
        #expect(try pipeline(#""$BATON" outbox --ack --db "$DB" > "\#(out)""#).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count == Self.messages)
        #expect(try pending().isEmpty)
    }

    @Test("at-least-once: print, deliver, acknowledge by id or from the printed lines; unknown ids are named")
    func explicitAcknowledgement() throws {
        let ids = try pending()
        let byID = try BatonProcess.run(["outbox", "ack", String(ids[0]), String(ids[1]), "--db", db])
        #expect(byID.status == 0)
        #expect(byID.stdout.contains("acknowledged 2"))
        // The consumer hands back the lines it delivered (JSON lines as printed, or bare ids).
        let printed = try BatonProcess.run(["outbox", "--db", db]).stdout.split(separator: "\n")
        let delivered = printed.prefix(5).joined(separator: "\n") + "\n\(ids[0])\n"
        let fromFile = directory.path("delivered.txt")
        try delivered.write(toFile: fromFile, atomically: true, encoding: .utf8)
        let result = try BatonProcess.run(["outbox", "ack", "--from", fromFile, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("acknowledged 5, 1 already acknowledged"))
        #expect(try pending().count == Self.messages - 7)
        let same = try BatonProcess.run(["outbox", "--ack-from", "-", "--db", db], input: Data("\(ids[9])\n".utf8))
        #expect(same.stdout.contains("acknowledged 1"))
        let unknown = try BatonProcess.run(["outbox", "ack", "999999", String(ids[10]), "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no outbox message with id 999999"))
        #expect(try pending().count == Self.messages - 9)
    }
}
