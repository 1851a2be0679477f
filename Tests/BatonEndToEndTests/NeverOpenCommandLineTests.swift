import Foundation
import Testing

/// A queue whose hours never open, through the command line: one warning naming the queue and the field, and a
/// customer message that promises no opening time.
@Suite("baton with a queue that never opens", .serialized)
struct NeverOpenCommandLineTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    func run(_ arguments: [String], input: String? = nil) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) }, environment: ["BATON_NOW": "2026-11-30T20:00:00Z"])
    }

    @Test("the config loads with one warning per command, and the customer is offered a callback with no time")
    func warnsOnceAndPromisesNoTime() throws {
        let config = directory.path("baton.toml")
        try """
            [[queues]]
            name = "general"
            after_hours = "callback"
            [queues.hours]
            mon = "closed"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let line = #"{"id": "n1", "channel": "whatsapp", "customer": {"id": "u1", "name": "Tom Hill", "language": "en"}, "messages": [{"role": "customer", "text": "I want to talk to a human"}]}"#
        let ingest = try run(["ingest", "-", "--config", config], input: line + "\n")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let warning = "baton: warning: \(config): queues[0].hours: queue \"general\" never opens"
        #expect(ingest.stderr.components(separatedBy: warning).count == 2, "\(ingest.stderr)")
        let outbox = try run(["outbox", "--config", config])
        #expect(outbox.stdout.contains("Our team is offline right now, and we can't give you a time yet for when we'll be back. We've noted your request, and a team member will call you back"), "\(outbox.stdout)")
        #expect(!outbox.stdout.contains("as soon as"))
        // `claim` reads the config twice (the acting identity, then the dispatcher) and still warns once.
        let claim = try run(["claim", "n1", "--agent", "nobody", "--config", config])
        #expect(claim.stderr.components(separatedBy: warning).count == 2, "\(claim.stderr)")
    }
}
