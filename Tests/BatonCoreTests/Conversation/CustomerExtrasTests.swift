import Foundation
import Testing
@testable import BatonCore

@Suite("customer.attributes, customer.pages and the page rules")
struct CustomerExtrasTests {
    let parser = ConversationParser()
    let day: TimeInterval = 86_400
    let t0 = ISO8601.parse("2026-11-20T10:00:00Z")!

    func line(customer: String, at: String = "2026-11-20T10:00:00Z", text: String = "what does the team plan cost?") -> String {
        #"{"id": "c1", "customer": {"id": "u1", \#(customer)}, "messages": [{"role": "customer", "text": "\#(text)", "at": "\#(at)"}]}"#
    }

    func customer(_ line: String, number: Int = 1) throws -> Customer {
        guard case .conversation(let conversation) = try parser.parse(line: line, lineNumber: number) else {
            Issue.record("not a conversation")
            return Customer(id: "")
        }
        return conversation.customer
    }

    func refusal(_ customer: String, number: Int = 4) -> InputError? {
        do {
            _ = try parser.parse(line: line(customer: customer), lineNumber: number)
            return nil
        } catch {
            return error
        }
    }

    @Test("attributes keep their order and types; pages take a url or a path")
    func parsesBoth() throws {
        let parsed = try customer(line(customer: #"""
            "attributes": {"account name": "Acme Ltd", "plan": "Pro", "contract value": 12000.5, "customer since": "2021-03-01", "open tickets": 2, "churned": false, "note": null},
            "pages": [{"path": "/pricing", "title": "Pricing", "at": "2026-11-19T09:00:00Z"}, {"url": "https://shop.example/Pricing/teams?ref=ad#top", "at": "2026-11-20T09:00:00Z"}]
            """#))
        #expect(parsed.attributes == [
            CustomerAttribute(name: "account name", value: .string("Acme Ltd")),
            CustomerAttribute(name: "plan", value: .string("Pro")),
            CustomerAttribute(name: "contract value", value: .number(12000.5)),
            CustomerAttribute(name: "customer since", value: .string("2021-03-01")),
            CustomerAttribute(name: "open tickets", value: .number(2)),
            CustomerAttribute(name: "churned", value: .bool(false)),
        ])
        #expect(parsed.pages.map(\.path) == ["/pricing", "/Pricing/teams"])
        #expect(parsed.pages[0].title == "Pricing")
        #expect(parsed.pages[1].at == t0 - 3600)
        #expect(AttributeValue.number(2).description == "2")
        #expect(AttributeValue.bool(true).description == "yes")
    }

    @Test("bad attributes and pages are refused naming the line and the field")
    func refusals() {
        let many = (0...CustomerAttribute.maxCount).map { #""a\#($0)": 1"# }.joined(separator: ", ")
        #expect(refusal(#""attributes": {\#(many)}"#)?.description == "line 4: customer.attributes: has 51 attributes, over the limit of 50")
        #expect(refusal(#""attributes": {"plan": ["a"]}"#)?.description
                == "line 4: customer.attributes.plan: expected a string, a number or true/false, got an array")
        let long = String(repeating: "x", count: CustomerAttribute.maxValueBytes + 1)
        #expect(refusal(#""attributes": {"plan": "\#(long)"}"#)?.field == "customer.attributes.plan")
        #expect(refusal(#""attributes": {"": 1}"#)?.field == "customer.attributes")
        #expect(refusal(#""attributes": ["plan"]"#)?.description == "line 4: customer.attributes: expected an object, got an array")
        #expect(refusal(#""pages": [{"path": "/a", "at": "2026-11-20T10:00:00Z"}, {"path": "/b"}]"#)?.description
                == "line 4: customer.pages[1].at: missing")
        #expect(refusal(#""pages": [{"path": "/a", "url": "https://x/a", "at": "2026-11-20T10:00:00Z"}]"#)?.description
                == "line 4: customer.pages[0]: has both \"url\" and \"path\"; send one")
        #expect(refusal(#""pages": [{"title": "x", "at": "2026-11-20T10:00:00Z"}]"#)?.field == "customer.pages[0]")
        #expect(refusal(#""pages": [{"path": "/a", "at": "yesterday"}]"#)?.field == "customer.pages[0].at")
        let visits = (0...PageVisit.maxCount).map { _ in #"{"path": "/a", "at": "2026-11-20T10:00:00Z"}"# }.joined(separator: ",")
        #expect(refusal(#""pages": [\#(visits)]"#)?.field == "customer.pages")
    }

    @Test("a bad line is refused alone: the lines around it parse")
    func neighboursParse() throws {
        let lines = [line(customer: #""attributes": {"plan": "Pro"}"#), line(customer: #""attributes": {"plan": {"x": 1}}"#),
                     line(customer: #""pages": [{"path": "/pricing", "at": "2026-11-20T09:00:00Z"}]"#)]
        var parsed: [Customer] = []
        var errors: [InputError] = []
        for (index, text) in lines.enumerated() {
            do { parsed.append(try customer(text, number: index + 1)) } catch let error as InputError { errors.append(error) }
        }
        #expect(parsed.count == 2)
        #expect(errors.map(\.line) == [2])
        #expect(errors.first?.field == "customer.attributes.plan")
    }

    @Test("path patterns: * is any run of characters, without case")
    func patterns() {
        #expect(PageRule.matches("/pricing*", "/Pricing/teams"))
        #expect(PageRule.matches("/pricing", "/pricing"))
        #expect(!PageRule.matches("/pricing", "/pricing/teams"))
        #expect(PageRule.matches("/account/*/cancel", "/account/42/cancel"))
        #expect(!PageRule.matches("/account/*/cancel", "/account/42/cancel/done"))
        #expect(PageRule.matches("*cancel*", "/help/how-to-cancel"))
        #expect(PageVisit(url: "https://x.example", at: t0).path == "/")
    }

    @Test("page rules read from the config, with mistakes named by key")
    func config() throws {
        let toml = """
        [[rules.pages]]
        name = "pricing_interest"
        path = "/pricing*"
        min_visits = 3
        within_days = 7
        effect = "buying_intent"
        [[rules.pages]]
        path = "/account/cancel*"
        min_visits = 2
        effect = "policy"
        topic = "churn_risk"
        [[rules.pages]]
        path = "/enterprise"
        min_visits = 1
        effect = "priority"
        """
        let rules = try ConfigLoader.load(toml: toml, source: "baton.toml").engine.pageRules
        #expect(rules == [
            PageRule(name: "pricing_interest", pattern: "/pricing*", minVisits: 3, withinDays: 7, effect: .buyingIntent),
            PageRule(name: "pages2", pattern: "/account/cancel*", minVisits: 2, withinDays: 7, effect: .policy(topic: "churn_risk")),
            PageRule(name: "pages3", pattern: "/enterprise", minVisits: 1, withinDays: 7, effect: .priority(.high)),
        ])
        func error(_ body: String) -> String {
            do {
                _ = try ConfigLoader.load(toml: "[[rules.pages]]\n" + body, source: "baton.toml")
                return ""
            } catch { return error.description }
        }
        #expect(error(#"effect = "buying_intent""#) == #"baton.toml: rules.pages[0].path: missing; a page rule needs a path pattern such as "/pricing*""#)
        #expect(error("path = \"/a\"\neffect = \"policy\"") == #"baton.toml: rules.pages[0].topic: missing; effect = "policy" needs the topic it fires, such as "churn_risk""#)
        #expect(error("path = \"/a\"\neffect = \"shout\"") == #"baton.toml: rules.pages[0].effect: "shout" is not one of priority, buying_intent, policy"#)
        #expect(error("path = \"/a\"\neffect = \"priority\"\nwithin_days = 0") == "baton.toml: rules.pages[0].within_days: must be from 1 to 365 days, got 0")
        #expect(error("path = \"/a\"\neffect = \"buying_intent\"\npriority = \"high\"") == #"baton.toml: rules.pages[0].priority: only applies with effect = "priority""#)
        #expect(error("path = \"/a\"\neffect = \"priority\"\npriority = \"urgent\"").hasPrefix("baton.toml: rules.pages[0].priority: \"urgent\" is not one of"))
        #expect(error("path = \"/a\"\neffect = \"priority\"\nvisits = 2") == "baton.toml: rules.pages[0].visits: unknown key")
    }

    func conversation(pages: [PageVisit], text: String = "thanks, bye") -> Conversation {
        Conversation(id: "c1", customer: Customer(id: "u1", pages: pages),
                     messages: [Message(role: .customer, text: text, at: t0)])
    }

    @Test("enough visits within the window fire buying_intent and say which pages, how many, in what window")
    func buyingIntent() throws {
        var config = EngineConfig()
        config.pageRules = [PageRule(name: "pricing_interest", pattern: "/pricing*", minVisits: 3, withinDays: 7, effect: .buyingIntent)]
        let engine = TriggerEngine(config: config, model: nil)
        let visits = [PageVisit(url: "/pricing", at: t0 - 6 * day), PageVisit(url: "https://x.example/pricing/teams", at: t0 - day),
                      PageVisit(url: "/pricing", at: t0 - 3600), PageVisit(url: "/docs", at: t0 - 60)]
        let decision = engine.evaluate(conversation(pages: visits))
        let primary = try #require(decision.primary)
        #expect(primary.kind == .buyingIntent)
        #expect(primary.rule == "pages/pricing_interest")
        #expect(primary.reason == "3 visits to /pricing* in the last 7 days (/pricing, /pricing/teams)")
        // One visit falls out of the window: two are not enough.
        var older = visits
        older[0].at = t0 - 8 * day
        #expect(!engine.evaluate(conversation(pages: older)).handoff)
        // Visits after the message do not count towards it.
        older[0].at = t0 + 60
        #expect(!engine.evaluate(conversation(pages: older)).handoff)
    }

    @Test("a policy effect fires the topic (routed by its [[topics]] entry); a priority effect raises another handoff's priority")
    func policyAndPriority() throws {
        var config = EngineConfig()
        config.topics.append(PolicyTopic(name: "churn_risk", queue: "retention", urgency: .medium, phrases: []))
        config.pageRules = [
            PageRule(name: "cancel_visits", pattern: "/account/cancel*", minVisits: 2, withinDays: 7, effect: .policy(topic: "churn_risk")),
            PageRule(name: "enterprise", pattern: "/enterprise", minVisits: 1, withinDays: 30, effect: .priority(.high)),
        ]
        let engine = TriggerEngine(config: config, model: nil)
        let cancel = engine.evaluate(conversation(pages: [PageVisit(url: "/account/cancel", at: t0 - day),
                                                         PageVisit(url: "/account/cancel/confirm", at: t0 - 600)]))
        #expect(cancel.primary?.kind == .policyTopic)
        #expect(cancel.primary?.topic == "churn_risk")
        #expect(cancel.queue == "retention")
        #expect(cancel.primary?.reason == "2 visits to /account/cancel* in the last 7 days (/account/cancel, /account/cancel/confirm)")

        let ask = "I want to talk to a person"
        let plain = engine.evaluate(conversation(pages: [], text: ask))
        let raised = engine.evaluate(conversation(pages: [PageVisit(url: "/enterprise", at: t0 - 2 * day)], text: ask))
        #expect(plain.primary?.kind == .explicitRequest && raised.primary?.kind == .explicitRequest)
        #expect(plain.priority != .high)
        #expect(raised.priority == .high)
        // The priority rule alone never hands off.
        #expect(!engine.evaluate(conversation(pages: [PageVisit(url: "/enterprise", at: t0 - 2 * day)])).handoff)
    }

    @Test("the packet carries the attributes, the pages and every page rule that matched")
    func packet() throws {
        var config = EngineConfig()
        config.pageRules = [PageRule(name: "enterprise", pattern: "/enterprise", minVisits: 1, withinDays: 30, effect: .priority(.high))]
        var conversation = conversation(pages: [PageVisit(url: "/enterprise", title: "Enterprise", at: t0 - day)], text: "I want to talk to a person")
        conversation.customer.attributes = [CustomerAttribute(name: "plan", value: .string("Pro"))]
        let engine = TriggerEngine(config: config, model: nil)
        let packet = try #require(PacketBuilder(engine: config).build(conversation: conversation, decision: engine.evaluate(conversation), now: t0))
        #expect(packet.profile.attributes == conversation.customer.attributes)
        #expect(packet.profile.pages == conversation.customer.pages)
        #expect(packet.profile.pageSignals == [PageSignal(rule: "enterprise", pattern: "/enterprise", visits: 1, windowDays: 30,
                                                          paths: ["/enterprise"], effect: "priority high")])
        // Packets stored before these fields existed still read.
        var json = String(decoding: try JSONEncoder().encode(packet.profile), as: UTF8.self)
        for key in ["attributes", "pages", "pageSignals"] {
            json = json.replacingOccurrences(of: "\"\(key)\":", with: "\"old_\(key)\":")
        }
        let old = try JSONDecoder().decode(CustomerProfile.self, from: Data(json.utf8))
        #expect(old.attributes.isEmpty && old.pages.isEmpty && old.pageSignals.isEmpty)
    }
}
