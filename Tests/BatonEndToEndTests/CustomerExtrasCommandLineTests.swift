import Foundation
import Testing

/// `customer.attributes`, `customer.pages` with a page rule, and `ai_suggestion` events through `baton ingest`
/// and `baton show`.
@Suite("baton: customer attributes, pages and AI suggestions", .serialized)
struct CustomerExtrasCommandLineTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    func baton(_ arguments: String..., input: String? = nil) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) })
    }

    @Test("attributes and pages show in baton show (text and JSON); suggestions are listed and never in the outbox")
    func showAndSuggest() throws {
        let config = directory.path("baton.toml")
        try #"""
            [[rules.pages]]
            name = "pricing_interest"
            path = "/pricing*"
            min_visits = 2
            within_days = 7
            effect = "buying_intent"
            """#.write(toFile: config, atomically: true, encoding: .utf8)
        let conversation = #"{"id": "p1", "customer": {"id": "u1", "name": "Rosa", "attributes": {"account name": "Acme\u001b[2J Ltd", "plan": "Pro", "contract value": 12000, "trial": false}, "pages": [{"path": "/pricing", "title": "Pricing", "at": "2026-11-19T09:00:00Z"}, {"url": "https://shop.example/pricing/teams?ref=ad", "at": "2026-11-20T09:40:00Z"}]}, "messages": [{"role": "customer", "text": "hello, quick question", "at": "2026-11-20T10:00:00Z"}]}"#
        let bad = #"{"id": "p2", "customer": {"id": "u2", "attributes": {"plan": ["a"]}}, "messages": [{"role": "customer", "text": "hi"}]}"#
        let ingest = try BatonProcess.run(["ingest", "-", "--db", db, "--config", config], input: Data((conversation + "\n" + bad + "\n").utf8))
        #expect(ingest.stderr.contains("line 2: customer.attributes.plan: expected a string, a number or true/false, got an array"), "\(ingest.stderr)")
        #expect(ingest.stdout.contains("stored 1, handed off 1"), "\(ingest.stdout)")

        let shown = try baton("show", "p1")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("ACCOUNT  account name: Acme␛[2J Ltd · plan: Pro · contract value: 12000 · trial: no"), "\(shown.stdout)")
        #expect(shown.stdout.contains("PAGES    pricing_interest: 2 visits to /pricing* in the last 7 days (/pricing, /pricing/teams) → buying_intent"))
        #expect(shown.stdout.contains("VISITED  /pricing/teams 2026-11-20T09:40:00Z"))
        #expect(shown.stdout.contains("TRIGGER  buying_intent (pages/pricing_interest)"))
        #expect(!shown.stdout.contains("\u{1B}"))
        let json = try baton("show", "p1", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let profile = try #require((object["packet"] as? [String: Any])?["profile"] as? [String: Any])
        #expect((profile["attributes"] as? [[String: Any]])?.count == 4)
        #expect((profile["pages"] as? [[String: Any]])?.count == 2)
        #expect((profile["page_signals"] as? [[String: Any]])?.first?["visits"] as? Int == 2, "\(profile.keys)")

        let suggestion = #"{"conversation_id": "p1", "message": {"role": "ai_suggestion", "kind": "fact", "title": "quote", "text": "Pro annual: 10% off"}}"#
        let suggested = try baton("ingest", "-", input: suggestion + "\n")
        #expect(suggested.status == 0, "\(suggested.stderr)")
        #expect(suggested.stdout.contains("suggestions 1"), "\(suggested.stdout)")
        let withSuggestion = try baton("show", "p1")
        #expect(withSuggestion.stdout.contains("AI SUGGESTS (for you; never sent to the customer)\n  · fact: quote: Pro annual: 10% off"), "\(withSuggestion.stdout)")
        let outbox = try baton("outbox")
        #expect(!outbox.stdout.contains("10% off"))
    }
}
