import Foundation
import Testing

/// The packet rating and the review through the real `baton` binary, at a fixed time (`BATON_NOW`).
@Suite("baton rate, resolve --rating and review", .serialized)
struct RatingReviewEndToEndTests {
    let directory: TemporaryDirectory
    let db: String
    let now = ["BATON_NOW": "2026-11-20T10:00:00Z"]

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    func baton(_ arguments: String..., input: String? = nil) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) }, environment: now)
    }

    func claimed(_ id: String) throws {
        let line = #"{"id": "\#(id)", "channel": "webchat", "customer": {"id": "u-\#(id)", "name": "Ana Ruiz", "language": "en"}, "messages": [{"role": "customer", "text": "I want to talk to a human", "at": "2026-11-20T09:58:00Z"}]}"#
        #expect(try baton("ingest", "-", input: line + "\n").status == 0)
        #expect(try baton("claim", id, "--agent", "ana").status == 0)
    }

    @Test("resolve --rating and rate store the rating in the audit trail; bad values are refused before anything changes")
    func rating() throws {
        #expect(try baton("agent", "add", "ana", "--skills", "general").status == 0)
        #expect(try baton("agent", "add", "bo", "--skills", "general").status == 0)
        try claimed("t1")
        let bad = try baton("resolve", "t1", "--rating", "9", "--agent", "ana")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("packet rating for thread t1 must be a whole number from 1 to 5, got 9"))
        #expect(try baton("show", "t1").stdout.contains("resolve") == false, "a refused rating resolves nothing")
        let noRating = try baton("resolve", "t1", "--rating-note", "x", "--agent", "ana")
        #expect(noRating.stderr.contains("--rating-note needs --rating N (1 to 5)"))
        let resolved = try baton("resolve", "t1", "--rating", "3", "--rating-note", "no order number", "--agent", "ana")
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(resolved.stdout == "resolved t1 (solved)\nrated the packet of t1 3/5\n")
        #expect(try baton("show", "t1").stdout.contains("packet rated 3/5: no order number"))
        let other = try baton("rate", "t1", "4", "--agent", "bo")
        #expect(other.status != 0)
        #expect(other.stderr.contains("thread t1 was resolved by ana; only ana rates its packet, not bo"))
        #expect(try baton("rate", "t1", "0", "--agent", "ana").stderr.contains("must be a whole number from 1 to 5, got 0"))
        #expect(try baton("rate", "t1", "five", "--agent", "ana").status != 0)
        let again = try baton("rate", "t1", "4", "--agent", "ana")
        #expect(again.stdout == "rated the packet of t1 4/5\n")
    }

    @Test("review prints text, Markdown or JSON; stats shows AI-only CSAT; bad options are refused")
    func review() throws {
        #expect(try baton("agent", "add", "ana", "--skills", "general").status == 0)
        try claimed("t1")
        #expect(try baton("resolve", "t1", "--rating", "2", "--agent", "ana").status == 0)
        let text = try baton("review", "--since", "7d")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Handoff review 2026-11-13T10:00:00Z to 2026-11-20T10:00:00Z, against the 7 days before\n"))
        #expect(text.stdout.contains("explicit_request  1            0         +1"))
        let markdown = try baton("review", "--markdown")
        #expect(markdown.stdout.hasPrefix("# Handoff review\n"))
        #expect(markdown.stdout.contains("| t1 | general | explicit_request |"))
        let json = try baton("review", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ids = (object["sections"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["overview", "reasons", "false_escalations", "lowest_scores", "repeat_contacts", "csat", "queues"])
        #expect(try baton("review", "--json", "--markdown").stderr.contains("choose one of --json and --markdown"))
        #expect(try baton("review", "--since", "soon").stderr.contains("--since takes"))
        #expect(try baton("ingest", "-", input: #"{"conversation_id": "t1", "csat": 4}"# + "\n").status == 0)
        #expect(try baton("stats", "--since", "7d").stdout.contains("post-handoff CSAT"))
        let stats = try baton("stats", "--since", "7d", "--json")
        #expect(stats.stdout.contains(#""aiOnlyCSATResponses":0"#))
    }
}
