import Foundation
import Testing
@testable import BatonCore

/// The learned model as a rule: firing, explanations, thresholds from the file and from config, the fallback.
@Suite("Model rule")
struct ModelRuleTests {
    /// "zorgle" means security, "blarf" frustration, "quuxify" a request for a person: words no rule knows.
    static func model(thresholds: [ModelLabel: Double] = [:]) throws -> EscalationModel {
        try SyntheticModel.make(cues: ["zorgle": (.security, 100), "blarf": (.frustration, 100),
                                       "quuxify": (.explicitRequest, 100)], thresholds: thresholds)
    }

    func decide(_ text: String, config: EngineConfig = EngineConfig(), model: EscalationModel? = nil) throws -> HandoffDecision {
        let engine = TriggerEngine(config: config, model: try model ?? Self.model())
        return engine.evaluate(ConversationFixture.customer(["hello there", text]))
    }

    @Test("a label over its threshold fires its kind, explained with score, threshold and n-grams")
    func firesAndExplains() throws {
        let decision = try decide("my zorgle is gone")
        #expect(decision.handoff && decision.at == 1)
        let trigger = try #require(decision.primary)
        #expect(trigger.kind == .policyTopic && trigger.topic == "security")
        #expect(trigger.rule == "policy_topic/model:synthetic-v7")
        #expect(trigger.reason.hasPrefix("model policy_topic/security 0."))
        #expect(trigger.reason.contains(" ≥ 0.50: 'zorgle' +"))
        #expect(decision.queue == "security" && decision.priority == .high)
    }

    @Test("a policy label does not fire on a question about the policy, and does on the customer's own case")
    func policyQuestions() throws {
        // A low threshold, so that longer messages fire on the cue word alone.
        let model = try Self.model(thresholds: [.security: 0.1])
        #expect(try decide("what should I do if my zorgle is ever gone", model: model).handoff == false)
        #expect(try decide("si mi zorgle desaparece, que hago?", model: model).handoff == false)
        // The case told first, then the question: a case.
        #expect(try decide("my zorgle is gone, what should I do if they use it?", model: model).primary?.topic == "security")
        #expect(try decide("what should I do? my zorgle is gone", model: model).primary?.topic == "security")
        // A general question is left alone only for refunds, charges and cancelling: security stays a case.
        #expect(try decide("do zorgles get replaced?", model: model).primary?.topic == "security")
        // Frustration is not a policy: questions do not hold it back.
        #expect(try decide("what if blarf blarf?", model: model).primary?.kind == .sentiment)
    }

    @Test("a message with no letters gives the model nothing to judge: an order number is not a purchase")
    func noWords() throws {
        // "00" is what a number of two digits or more becomes: a cue here, so a number alone scores high.
        let model = try SyntheticModel.make(cues: ["00": (.buyingIntent, 100), "zorgle": (.security, 100)],
                                            thresholds: [.buyingIntent: 0.02])
        let rule = ModelRule(model: model, config: EngineConfig())
        for text in ["55102", "+44 7700 900123", "#88123", "1500"] {
            #expect(try decide(text, model: model).handoff == false, "\(text) handed off")
            let near = try #require(rule.closest(text).first)
            #expect(near.label == .buyingIntent && near.probability >= near.threshold, "\(text): \(near.description)")
            #expect(near.description.contains("held back (no words to judge)"), "\(near.description)")
        }
        // With a word beside it, the number counts again.
        #expect(try decide("200 zorgle", model: model).handoff)
    }

    @Test("asking whether business prices exist is not yet a purchase at scale; a size or a quote is")
    func businessPricesAsked() throws {
        let model = try SyntheticModel.make(cues: ["zorgle": (.buyingIntent, 100)], thresholds: [.buyingIntent: 0.1])
        let rule = ModelRule(model: model, config: EngineConfig())
        for text in ["do you have zorgle pricing?", "tienen precios zorgle?", "vocês têm zorgle?"] {
            #expect(try decide(text, model: model).handoff == false, "\(text) handed off")
            let near = try #require(rule.closest(text).first)
            #expect(near.description.contains("held back (asks whether such prices exist)"), "\(near.description)")
        }
        for text in ["do you have zorgle pricing for 300 seats?", "we need zorgle pricing", "do you have zorgle? I need a quote"] {
            #expect(try decide(text, model: model).primary?.kind == .buyingIntent, "\(text) did not fire")
        }
    }

    @Test("frustration raises sentiment; a request for a person raises explicit_request")
    func otherKinds() throws {
        #expect(try decide("blarf blarf").primary?.rule == "sentiment/model:synthetic-v7")
        #expect(try decide("blarf blarf").primary?.reason.hasPrefix("model sentiment/frustration ") == true)
        #expect(try decide("quuxify now").primary?.kind == .explicitRequest)
        #expect(try decide("nothing to see").handoff == false)
    }

    @Test("thresholds come from the weights file and can be overridden per label in the config")
    func thresholds() throws {
        let text = "my zorgle is gone"
        let score = try Self.model().probabilities(text)[ModelLabel.allCases.firstIndex(of: .security)!]
        #expect(score > 0.5 && score < 0.99)
        #expect(try decide(text, model: Self.model(thresholds: [.security: score + 0.001])).handoff == false)
        #expect(try decide(text, model: Self.model(thresholds: [.security: score])).handoff)
        var config = EngineConfig()
        config.modelThresholds["security"] = score + 0.001
        #expect(try decide(text, config: config).handoff == false)
        config.modelThresholds["security"] = 0.2
        let fired = try decide(text, config: config)
        #expect(fired.primary?.reason.contains(" ≥ 0.20") == true)
    }

    @Test("a rule that fires the same kind wins; the model adds only kinds no rule fired")
    func rulesFirst() throws {
        let decision = try decide("someone stole my card, zorgle")
        let policy = decision.triggers.filter { $0.kind == .policyTopic }
        #expect(policy.count == 1)
        #expect(policy.first?.rule == "policy_topic/security")
        let both = try decide("agent please, blarf blarf", model: Self.model(thresholds: [.frustration: 0.2]))
        #expect(both.primary?.rule.hasPrefix("explicit_request/") == true)
        #expect(both.triggers.contains { $0.rule == "sentiment/model:synthetic-v7" })
    }

    @Test("frustration just under its threshold counts towards two short negative messages in a row")
    func frustrationStreak() throws {
        let text = "blarf again"
        let column = ModelLabel.allCases.firstIndex(of: .frustration)!
        let probability = try Self.model().probabilities(text)[column]
        let model = try Self.model(thresholds: [.frustration: min(0.99, probability / 0.8)])
        let conversation = ConversationFixture.customer([text, text])
        let decision = TriggerEngine(config: EngineConfig(), model: model).evaluate(conversation)
        #expect(decision.at == 1 && decision.primary?.rule == "sentiment/consecutive")
        #expect(decision.primary?.reason.contains("frustration 0.") == true)
        // One of them alone is not enough, nor are both without the model, nor one-word messages.
        #expect(TriggerEngine(config: EngineConfig(), model: model).evaluate(ConversationFixture.customer([text])).handoff == false)
        #expect(TriggerEngine(config: EngineConfig(), model: nil).evaluate(conversation).handoff == false)
    }

    @Test("a policy label fires only when its topic group is configured")
    func topicsFromConfig() throws {
        var config = EngineConfig()
        config.topics.removeAll { $0.name == "security" }
        #expect(try decide("my zorgle is gone", config: config).handoff == false)
    }

    @Test("[engine] model = false: rules alone")
    func fallback() throws {
        var config = EngineConfig()
        config.model = false
        let engine = TriggerEngine(config: config)
        #expect(engine.modelRule == nil)
        #expect(TriggerEngine().modelRule?.model.identifier == EscalationModel.shipped.identifier)
        #expect(TriggerEngine(config: config, model: nil).evaluate(ConversationFixture.customer(["my zorgle is gone"])).handoff == false)
        // The rules still fire without the model.
        #expect(engine.evaluate(ConversationFixture.customer(["I want to talk to a person"])).primary?.rule == "explicit_request/en")
    }

    @Test("explanations list the heaviest n-grams first and only those that push towards the label")
    func contributions() throws {
        let model = try Self.model()
        let evidence = model.contributions("the zorgle and the blarf", label: .security)
        #expect(evidence.first?.text == "zorgle")
        #expect(evidence.allSatisfy { $0.weight > 0 })
        #expect(model.contributions("nothing here", label: .security).isEmpty)
    }

    @Test("a weights file that does not fit is refused with the reason")
    func refusals() throws {
        #expect(throws: EscalationModel.LoadError.self) { try EscalationModel(bytes: Array("not a model".utf8)) }
        var header: [String: Any] = ["name": "x", "version": 1, "feature_version": FeatureHasher.version + 1, "bits": 8,
                                     "labels": ["refund"], "thresholds": [0.5], "scales": [1.0], "biases": [0.0],
                                     "validation": ["shipped": [String: Any](), "held_out": [Any](),
                                                    "out_of_fold": ["positives": 0, "benign": 0, "handoff_recalled": 0,
                                                                    "label_recalled": 0, "false_escalations": 0,
                                                                    "labels": [String: Any]()]]]
        let weights = [Int8](repeating: 1, count: 256)
        do {
            _ = try EscalationModel(bytes: SyntheticModel.file(header: header, weights: weights))
            Issue.record("a model of another feature version loaded")
        } catch {
            #expect("\(error)".contains("feature version"))
        }
        header["feature_version"] = FeatureHasher.version
        #expect(throws: Never.self) { try EscalationModel(bytes: SyntheticModel.file(header: header, weights: weights)) }
        do {
            _ = try EscalationModel(bytes: SyntheticModel.file(header: header, weights: Array(weights.dropLast())))
            Issue.record("a truncated model loaded")
        } catch {
            #expect("\(error)".contains("255"))
        }
        header["labels"] = ["refunds"]
        #expect(throws: EscalationModel.LoadError.self) { try EscalationModel(bytes: SyntheticModel.file(header: header, weights: weights)) }
    }
}
