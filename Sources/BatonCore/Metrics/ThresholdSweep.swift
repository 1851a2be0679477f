/// Precision and recall of the whole engine as one model label's threshold moves, on labelled
/// conversations: what a team reads to set `[engine.model_thresholds]` on its own logs.
///
/// Each row runs the engine (rules and model) with the label's threshold at that value and the
/// others as configured. `recall` and `precision` are the handoff figures of `EvaluationReport`;
/// `kindRecall` is the recall on conversations whose preferred expected kind is the label's kind;
/// `labelFirings` counts conversations where the model fired this label's kind as the primary trigger.
public struct ThresholdSweep: Sendable, Codable, Equatable, CustomStringConvertible {
    public var label: ModelLabel
    /// The threshold the model ships with (or the config sets).
    public var current: Double
    public var rows: [Row]

    public struct Row: Sendable, Codable, Equatable {
        public var threshold: Double
        public var recall: Double
        public var precision: Double
        public var falseEscalationRate: Double
        public var kindExpected: Int
        public var kindRecall: Double
        public var labelFirings: Int
    }

    /// The default thresholds: 0.05 to 0.95 by 0.05, and 0.97, 0.99.
    public static let defaultThresholds: [Double] = (1...19).map { Double($0) / 20 } + [0.97, 0.99]

    public init(_ conversations: [Conversation], label: ModelLabel, config: EngineConfig, model: EscalationModel,
                thresholds: [Double] = ThresholdSweep.defaultThresholds) {
        self.label = label
        current = ModelRule(model: model, config: config).threshold(of: label) ?? 0
        let labelled = conversations.filter { $0.expect != nil }
        rows = thresholds.map { threshold in
            var swept = config
            swept.modelThresholds[label.rawValue] = threshold
            let engine = TriggerEngine(config: swept, model: model)
            let results = labelled.map { ($0, engine.evaluate($0)) }
            let report = EvaluationReport(results)
            let figures = report.byKind.first { $0.kind == label.kind }
            let firings = results.filter { _, decision in
                guard let primary = decision.primary, primary.kind == label.kind, primary.rule.contains("/model:") else { return false }
                return primary.topic == label.topic
            }.count
            return Row(threshold: threshold, recall: report.recall, precision: report.precision,
                       falseEscalationRate: report.falseEscalationRate, kindExpected: figures?.expected ?? 0,
                       kindRecall: figures?.recall ?? 1, labelFirings: firings)
        }
    }

    public var description: String {
        var lines = ["\(label.displayName): threshold now \(SentimentRule.format(current))"]
        let widths = [10, 8, 10, 18, 16, 14]
        lines.append(EvaluationReport.row(["threshold", "recall", "precision", "false escalation", "\(label.kind.rawValue) recall",
                                           "model fired"], widths: widths))
        for row in rows {
            let mark = abs(row.threshold - current) < 0.0001 ? " ◀" : ""
            lines.append(EvaluationReport.row([SentimentRule.format(row.threshold), EvaluationReport.percent(row.recall),
                                               EvaluationReport.percent(row.precision),
                                               EvaluationReport.percent(row.falseEscalationRate),
                                               "\(EvaluationReport.percent(row.kindRecall)) of \(row.kindExpected)",
                                               "\(row.labelFirings)\(mark)"], widths: widths))
        }
        return lines.joined(separator: "\n")
    }
}

extension ModelRule {
    /// How close each label came on a customer message: probability, threshold and the n-grams behind it,
    /// the labels nearest to firing first (probability over threshold), for explaining misses.
    public struct Closeness: Sendable, Equatable {
        public var label: ModelLabel
        public var probability: Double
        public var threshold: Double
        public var evidence: [EscalationModel.Contribution]
        /// Over its threshold but not fired, and why (`ModelRule.holdBackReason`): "a question about the policy",
        /// "no words to judge".
        public var heldBack: String?

        /// `explicit_request 0.41 < 0.62: 'staff' +1.20`; `policy_topic/security 0.90 ≥ 0.58, held back (a
        /// question about the policy): 'stolen' +4.15`.
        public var description: String {
            let comparison = probability >= threshold ? "≥" : "<"
            var text = "\(label.displayName) \(ModelRule.format(probability)) \(comparison) \(ModelRule.format(threshold))"
            if let heldBack { text += ", held back (\(heldBack))" }
            if !evidence.isEmpty {
                text += ": " + evidence.map { "'\($0.text)' +\(ModelRule.format($0.weight))" }.joined(separator: ", ")
            }
            return text
        }
    }

    /// The `limit` labels nearest to firing on `text`.
    public func closest(_ text: String, limit: Int = 2) -> [Closeness] {
        let scores = model.probabilities(text)
        let ranked = scores.indices.sorted { scores[$0] / thresholds[$0] > scores[$1] / thresholds[$1] }
        let normalized = TextNormalizer.normalize(text)
        return ranked.prefix(limit).map { index in
            let label = model.labels[index]
            let heldBack = scores[index] >= thresholds[index] ? holdBackReason(normalized, label: label) : nil
            return Closeness(label: label, probability: scores[index], threshold: thresholds[index],
                             evidence: model.contributions(text, label: label), heldBack: heldBack)
        }
    }
}
