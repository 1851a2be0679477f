import Foundation
import Testing

/// The customer's side through the command line: taking over from the AI, wait updates by `baton sweep`.
@Suite("baton customer journeys", .serialized)
struct JourneyCommandLineTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    func baton(_ arguments: String..., input: String? = nil) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) })
    }

    func kinds(_ outbox: BatonProcess.Result) -> [String] {
        outbox.stdout.split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["kind"] as? String
        }
    }

    @Test("claim takes over a conversation the AI holds: agent_takeover, the agent as actor, the bot told")
    func claimTakesOverFromTheAI() throws {
        #expect(try baton("agent", "add", "ana", "--name", "Ana Torres", "--skills", "general").status == 0)
        let line = #"{"id": "w1", "channel": "whatsapp", "customer": {"id": "u1", "name": "Ana Ruiz", "language": "en"}, "messages": [{"role": "customer", "text": "where is my parcel"}, {"role": "ai", "text": "It should come Friday.", "confidence": 0.5}]}"#
        #expect(try baton("ingest", "-", input: line + "\n").status == 0)
        let claim = try baton("claim", "w1", "--agent", "ana")
        #expect(claim.status == 0, "\(claim.stderr)")
        #expect(claim.stdout.contains("took over w1 from the AI"))
        let outbox = try baton("outbox", "--ack")
        #expect(kinds(outbox) == ["claimed", "agent_introduction"])
        #expect(outbox.stdout.contains("Ana Torres"))
        let show = try baton("show", "w1")
        #expect(show.stdout.contains("agent_takeover") || show.stdout.contains("takeover"), "\(show.stdout)")
        #expect(show.stdout.contains("ana claim queued→claimed"))
        // Claiming it again is a refusal, not a second take-over.
        #expect(try baton("agent", "add", "bo", "--name", "Bo Lind", "--skills", "general").status == 0)
        let again = try baton("claim", "w1", "--agent", "bo")
        #expect(again.status != 0)
        #expect(again.stderr.contains("already claimed by ana"))
    }

    func run(_ arguments: [String], input: String? = nil, now: String) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) }, environment: ["BATON_NOW": now])
    }

    @Test("a customer who asks for a callback at night gets the time confirmed, and it is listed by queue --state callback")
    func callbackAfterHours() throws {
        let config = directory.path("baton.toml")
        try """
            [[queues]]
            name = "general"
            after_hours = "callback"
            timezone = "Europe/Madrid"
            [queues.hours]
            mon = "09:00-18:00"
            tue = "09:00-18:00"
            wed = "09:00-18:00"
            thu = "09:00-18:00"
            fri = "09:00-18:00"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        // Monday 30 Nov 2026, 21:00 in Madrid.
        let night = "2026-11-30T20:00:00Z"
        let first = #"{"id": "cb1", "channel": "whatsapp", "customer": {"id": "u1", "name": "Lucía Pérez", "language": "es"}, "messages": [{"role": "customer", "text": "quiero hablar con una persona, ¿me pueden llamar mañana a las 4?"}]}"#
        let second = #"{"id": "cb2", "channel": "whatsapp", "customer": {"id": "u2", "name": "Tom Hill", "language": "en"}, "messages": [{"role": "customer", "text": "I want a human. Call me back any time Wednesday"}]}"#
        let ingest = try run(["ingest", "-", "--config", config], input: first + "\n" + second + "\n", now: night)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let outbox = try run(["outbox", "--config", config], now: night)
        #expect(outbox.stdout.contains("te llamaremos mañana, mar 1 dic, a las 16:00."), "\(outbox.stdout)")
        #expect(outbox.stdout.contains("will call you back on Wed 2 Dec at 09:00."), "\(outbox.stdout)")
        // Listed due first; at 16:30 on Tuesday the first is overdue.
        let listed = try run(["queue", "--state", "callback", "--config", config], now: "2026-12-01T15:30:00Z")
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = listed.stdout.split(separator: "\n")
        let cb1 = try #require(rows.firstIndex { $0.hasPrefix("cb1") })
        let cb2 = try #require(rows.firstIndex { $0.hasPrefix("cb2") })
        #expect(cb1 < cb2)
        #expect(rows[cb1].contains("OVERDUE 30m00s") && rows[cb1].contains("2026-12-01T15:00:00Z"))
        #expect(rows[cb2].contains("2026-12-02T08:00:00Z"))
        let json = try run(["queue", "--state", "callback", "--json", "--config", config], now: "2026-12-01T15:30:00Z")
        #expect(json.stdout.contains(#""callback_at":"2026-12-01T15:00:00Z""#), "\(json.stdout)")
        let mixed = try run(["queue", "--state", "callback", "--state", "queued"], now: night)
        #expect(mixed.status != 0 && mixed.stderr.contains("--state callback lists promised callbacks on its own"))
    }

    @Test("sweep tells a customer waiting past the promised time a new estimate, once per interval")
    func waitUpdatesBySweep() throws {
        let config = directory.path("baton.toml")
        try "wait_update_interval = \"10m\"\n[[queues]]\nname = \"general\"\npickup_window = \"2h\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try run(["agent", "add", "ana", "--skills", "general", "--capacity", "1"], now: "2026-11-30T10:00:00Z").status == 0)
        let lines = (1...2).map { #"{"id": "q\#($0)", "channel": "webchat", "customer": {"id": "u\#($0)", "name": "Ana Ruiz", "language": "en"}, "messages": [{"role": "customer", "text": "I need to talk to a person"}]}"# }
        #expect(try run(["ingest", "-", "--config", config], input: lines.joined(separator: "\n") + "\n", now: "2026-11-30T10:00:00Z").status == 0)
        let told = try run(["outbox", "--ack", "--config", config], now: "2026-11-30T10:00:00Z")
        #expect(told.stdout.contains("less than 2 minutes") && told.stdout.contains("about 7 minutes"), "\(told.stdout)")
        let sweep = try run(["sweep", "--config", config], now: "2026-11-30T10:07:00Z")
        #expect(sweep.stdout.contains("updated q1") && sweep.stdout.contains("updated q2"), "\(sweep.stdout)")
        let updates = try run(["outbox", "--ack", "--config", config], now: "2026-11-30T10:07:00Z")
        #expect(kinds(updates) == ["wait_update", "wait_update"])
        #expect(try run(["sweep", "--config", config], now: "2026-11-30T10:15:00Z").stdout.contains("updated") == false)
    }
}
