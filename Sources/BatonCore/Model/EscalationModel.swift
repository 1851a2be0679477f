import Foundation

/// What the escalation model predicts for a customer message: one independent label each.
public enum ModelLabel: String, Sendable, CaseIterable, Codable {
    case explicitRequest = "explicit_request"
    case frustration
    case refund
    case billingDispute = "billing_dispute"
    case legal, privacy, medical, security, lockout, cancellation
    case buyingIntent = "buying_intent"

    /// The trigger kind a firing label raises.
    public var kind: TriggerKind {
        switch self {
        case .explicitRequest: .explicitRequest
        case .frustration: .sentiment
        case .buyingIntent: .buyingIntent
        default: .policyTopic
        }
    }

    /// The policy topic group of a policy label (its own name), nil for the others.
    public var topic: String? { kind == .policyTopic ? rawValue : nil }

    /// How the label is named in explanations: `policy_topic/security`, `sentiment/frustration`, `explicit_request`.
    public var displayName: String {
        switch kind {
        case .policyTopic: "policy_topic/\(rawValue)"
        case .sentiment: "sentiment/frustration"
        default: kind.rawValue
        }
    }
}

/// A linear escalation model over hashed word and character n-grams (`tools/train/FEATURES.md`),
/// trained offline by `tools/train/train.py` and shipped inside the binary (`shipped`).
///
/// Weights file, little-endian: the magic `BATONMDL`, a format version (UInt32, 1), a header length
/// (UInt32) and that many bytes of JSON header (name, version, feature version, bits, labels,
/// thresholds, per-label scales and biases, training settings, validation figures), then the int8
/// weights, `2^bits` rows of one byte per label. A label's score is `bias + scale × Σ weights / √N`
/// over the message's N feature occurrences; its probability the logistic of that.
public struct EscalationModel: Sendable {
    public static let formatVersion: UInt32 = 1
    static let magic = Array("BATONMDL".utf8)

    public let name: String
    public let version: Int
    public let labels: [ModelLabel]
    /// Probability at or above which each label fires, as trained (config may override them).
    public let thresholds: [Double]
    public let header: Header
    let hasher: FeatureHasher
    let scales: [Double]
    let biases: [Double]
    /// Row-major as in the weights file, one byte per label: row `r`, label `k` at `r * labels.count + k`,
    /// followed by `padding` zero bytes so that every row can be read with one 16-byte SIMD load (the lanes
    /// past the row's labels read the next row and are ignored).
    let weights: [Int8]
    /// The widest SIMD load per row, and so the most labels a model may have.
    static let stride = 16
    static let padding = 16

    /// `name` and `version` as the trigger rules show them, e.g. `baton-escalation-v1`.
    public var identifier: String { "\(name)-v\(version)" }

    /// The JSON header of a weights file.
    public struct Header: Sendable, Codable {
        public var name: String
        public var version: Int
        public var featureVersion: Int
        public var bits: Int
        public var labels: [String]
        public var thresholds: [Double]
        public var scales: [Double]
        public var biases: [Double]
        public var validation: Validation
        /// How each public data set's intents map to labels ("" a negative, nil left out of training).
        public var sources: [String: [String: String?]]?

        enum CodingKeys: String, CodingKey {
            case name, version, featureVersion = "feature_version", bits, labels, thresholds, scales, biases, validation,
                 sources
        }
    }

    /// Figures recorded with the weights.
    public struct Validation: Sendable, Codable {
        /// The shipped weights on each training source, by source name (`hand`, `banking77`, `clinc150`, `export`).
        public var shipped: [String: Figures]
        public var outOfFold: Figures
        public var heldOut: [NamedFigures]

        enum CodingKeys: String, CodingKey {
            case shipped, outOfFold = "out_of_fold", heldOut = "held_out"
        }
    }

    /// Message-level figures of one set (see tools/train/train.py `figures`).
    public struct Figures: Sendable, Codable, Equatable {
        public var positives: Int
        public var benign: Int
        public var handoffRecalled: Int
        public var labelRecalled: Int
        public var falseEscalations: Int
        public var labels: [String: LabelFigures]

        public init(positives: Int, benign: Int, handoffRecalled: Int, labelRecalled: Int, falseEscalations: Int,
                    labels: [String: LabelFigures]) {
            self.positives = positives
            self.benign = benign
            self.handoffRecalled = handoffRecalled
            self.labelRecalled = labelRecalled
            self.falseEscalations = falseEscalations
            self.labels = labels
        }

        enum CodingKeys: String, CodingKey {
            case positives, benign, handoffRecalled = "handoff_recalled", labelRecalled = "label_recalled",
                 falseEscalations = "false_escalations", labels
        }
    }

    public struct LabelFigures: Sendable, Codable, Equatable {
        public var positives: Int
        public var recalled: Int
        /// Benign messages on which this label fired.
        public var `false`: Int

        public init(positives: Int, recalled: Int, false: Int) {
            self.positives = positives
            self.recalled = recalled
            self.false = `false`
        }
    }

    public struct NamedFigures: Sendable, Codable {
        public var name: String
        public var positives: Int
        public var benign: Int
        public var handoffRecalled: Int
        public var labelRecalled: Int
        public var falseEscalations: Int

        enum CodingKeys: String, CodingKey {
            case name, positives, benign, handoffRecalled = "handoff_recalled", labelRecalled = "label_recalled",
                 falseEscalations = "false_escalations"
        }
    }

    /// A weights file that cannot be used, and why.
    public struct LoadError: Error, Sendable, CustomStringConvertible, Equatable {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Reads a weights file.
    public init(bytes: [UInt8]) throws(LoadError) {
        guard bytes.count >= 16, Array(bytes[0..<8]) == Self.magic else {
            throw LoadError("not an escalation model weights file (no BATONMDL magic)")
        }
        func uint32(at offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
        }
        let format = uint32(at: 8)
        guard format == Self.formatVersion else {
            throw LoadError("weights file format \(format); this build reads format \(Self.formatVersion)")
        }
        let headerLength = Int(uint32(at: 12))
        guard 16 + headerLength <= bytes.count else { throw LoadError("weights file truncated in its header") }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[16..<(16 + headerLength)]))
        } catch {
            throw LoadError("weights file header: \(error)")
        }
        guard header.featureVersion == FeatureHasher.version else {
            throw LoadError("weights trained with feature version \(header.featureVersion); this build computes version \(FeatureHasher.version)")
        }
        guard (8...24).contains(header.bits) else { throw LoadError("weights file: \(header.bits) bits is out of range") }
        var labels: [ModelLabel] = []
        for name in header.labels {
            guard let label = ModelLabel(rawValue: name) else { throw LoadError("weights file: unknown label \(name)") }
            labels.append(label)
        }
        let count = labels.count
        guard count > 0, count <= Self.stride, header.thresholds.count == count, header.scales.count == count, header.biases.count == count else {
            throw LoadError("weights file: thresholds, scales and biases must have one value per label")
        }
        let expected = (1 << header.bits) * count
        let start = 16 + headerLength
        guard bytes.count - start == expected else {
            throw LoadError("weights file holds \(bytes.count - start) weight bytes; \(expected) expected")
        }
        self.header = header
        name = header.name
        version = header.version
        self.labels = labels
        thresholds = header.thresholds
        scales = header.scales
        biases = header.biases
        hasher = FeatureHasher(bits: header.bits)
        weights = [Int8](unsafeUninitializedCapacity: expected + Self.padding) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                let raw = UnsafeMutableRawBufferPointer(buffer)
                raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<(start + expected)]))
                raw[expected..<(expected + Self.padding)].initializeMemory(as: UInt8.self, repeating: 0)
            }
            initialized = expected + Self.padding
        }
    }

    /// The weights shipped in this binary, decoded once on first use.
    public static let shipped: EscalationModel = {
        do {
            return try decodeShipped()
        } catch {
            fatalError("the escalation model shipped in this build does not load: \(error)")
        }
    }()

    /// Decodes the shipped weights anew (what `shipped` does once; the benchmark times it).
    public static func decodeShipped() throws(LoadError) -> EscalationModel {
        try EscalationModel(bytes: Base64.decode(shippedBase64))
    }

    /// The probability of each label (in `labels` order) for one message.
    public func probabilities(_ text: String) -> [Double] {
        var result = [Double](repeating: 0, count: labels.count)
        probabilities(text, into: &result)
        return result
    }

    /// Writes the probability of each label into `result` (which must hold `labels.count` values).
    ///
    /// Two passes over the message's features, with no allocation for ordinary messages. The first hashes
    /// every feature and keeps each distinct row once, in a small open-addressing table on the stack (at
    /// least twice the message's number of features, so at most half full), listing the new rows in
    /// order. The second adds the listed rows' int8 weights, one 16-byte SIMD load each, into 16-bit lanes
    /// that move to 32-bit sums every 256 rows, before 127 × 256 could overflow them. The loads of the
    /// second pass depend on nothing but the list, so the processor keeps many of them in flight: the
    /// weights table is larger than the caches, and waiting for one row at a time was most of the cost.
    /// Integer sums do not depend on their order, so the result is the same as adding row by row.
    public func probabilities(_ text: String, into result: inout [Double]) {
        let count = labels.count
        var sums = SIMD16<Int32>()
        let rowMask = UInt32((1 << hasher.bits) - 1)
        // The closures below read only locals: capturing `self` copied the model (retaining each of its arrays and
        // strings) several times per message.
        let weights = self.weights
        let distinct = FeatureHasher.withTokens(text) { bytes, tokens, tokenCount in
            // The table is sized from the message's own number of features, counted from its tokens: sized from
            // its bytes (at most 5 features a byte), clearing it was more work than filling it.
            let occurrences = FeatureHasher.occurrences(tokens: tokens, count: tokenCount)
            var size = 64
            while size < 2 &* occurrences { size &<<= 1 }
            let mask = size &- 1
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: size &+ occurrences) { space in
                let seen = UnsafeMutableBufferPointer(rebasing: space[0..<size])
                let rows = UnsafeMutableBufferPointer(rebasing: space[size...])
                seen.initialize(repeating: -1)
                var sink = DistinctRows(seen: seen, rows: rows, mask: mask)
                _ = FeatureHasher.features(bytes: bytes, tokens: tokens, count: tokenCount, mask: rowMask, into: &sink)
                let distinct = sink.distinct
                weights.withUnsafeBufferPointer { table in
                    let base = UnsafeRawPointer(table.baseAddress!)
                    var lanes = SIMD16<Int16>()
                    var pending = 0
                    for position in 0..<distinct {
                        let row = Int(rows[position])
                        let weights = base.loadUnaligned(fromByteOffset: row &* count, as: SIMD16<Int8>.self)
                        lanes &+= SIMD16<Int16>(truncatingIfNeeded: weights)
                        pending &+= 1
                        if pending == 256 {
                            sums &+= SIMD16<Int32>(truncatingIfNeeded: lanes)
                            lanes = SIMD16<Int16>()
                            pending = 0
                        }
                    }
                    sums &+= SIMD16<Int32>(truncatingIfNeeded: lanes)
                }
                return distinct
            }
        }
        let root = Double(distinct).squareRoot()
        for label in 0..<count {
            let z = biases[label] + scales[label] * Double(sums[label]) / root
            result[label] = 1 / (1 + exp(-z))
        }
    }

    /// Lists each distinct row of a message once, in order of first occurrence (`probabilities`' first pass).
    struct DistinctRows: FeatureSink {
        let seen: UnsafeMutableBufferPointer<Int32>
        let rows: UnsafeMutableBufferPointer<Int32>
        let mask: Int
        var distinct = 0

        @inline(__always)
        mutating func feature(row: Int, group: Int) {
            guard EscalationModel.insertOnce(row, into: seen, mask: mask) else { return }
            rows[distinct] = Int32(truncatingIfNeeded: row)
            distinct &+= 1
        }
    }

    /// Adds `row` to `seen`, an open-addressing table of rows (-1 marks an empty slot; `mask` is its size minus
    /// one, the size a power of two at least twice the rows it will hold): true when it was not there yet.
    @inline(__always)
    static func insertOnce(_ row: Int, into seen: UnsafeMutableBufferPointer<Int32>, mask: Int) -> Bool {
        let key = Int32(truncatingIfNeeded: row)
        var slot = row & mask
        while true {
            let present = seen[slot]
            if present == key { return false }
            if present < 0 {
                seen[slot] = key
                return true
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// One n-gram's share of a label's score.
    public struct Contribution: Sendable, Equatable {
        /// The word (its unigram and character n-grams together) or the two neighbouring words, normalised.
        public var text: String
        public var weight: Double
    }

    /// The n-grams that weigh most towards `label` in `text`, largest first (positive ones only). A row
    /// that several n-grams share counts once, for the word or pair where it first occurs.
    public func contributions(_ text: String, label: ModelLabel, limit: Int = 3) -> [Contribution] {
        guard let column = labels.firstIndex(of: label) else { return [] }
        let stride = labels.count
        let bound = min(FeatureHasher.maxOccurrences, 5 &* text.utf8.count &+ 1)
        var size = 64
        while size < 2 &* bound { size &<<= 1 }
        let mask = size &- 1
        let rowMask = UInt32((1 << hasher.bits) - 1)
        return FeatureHasher.withTokens(text) { bytes, tokens, count in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: size) { seen in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 &* count &+ 1) { sums in
                    seen.initialize(repeating: -1)
                    sums.initialize(repeating: 0)
                    var distinct = 0
                    weights.withUnsafeBufferPointer { table in
                        _ = FeatureHasher.features(bytes: bytes, tokens: tokens, count: count, mask: rowMask) { row, group in
                            guard Self.insertOnce(row, into: seen, mask: mask) else { return }
                            distinct &+= 1
                            sums[group] &+= Int(table[row &* stride &+ column])
                        }
                    }
                    let factor = scales[column] / Double(distinct).squareRoot()
                    func word(_ index: Int) -> String {
                        let token = tokens[index]
                        return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<(token.start + token.length)]),
                                      as: UTF8.self)
                    }
                    var result: [Contribution] = []
                    for group in 0..<(2 &* count &+ 1) where sums[group] > 0 {
                        let text: String
                        if group < count {
                            text = word(group)
                        } else {
                            let index = group - count
                            let left = index == 0 ? "^" : word(index - 1)
                            let right = index == count ? "$" : word(index)
                            text = "\(left) \(right)"
                        }
                        result.append(Contribution(text: text, weight: Double(sums[group]) * factor))
                    }
                    result.sort { $0.weight > $1.weight || ($0.weight == $1.weight && $0.text < $1.text) }
                    return Array(result.prefix(limit))
                }
            }
        }
    }
}

/// Base64 decoding that skips line breaks, for the weights literal.
///
/// The literal's lines hold whole groups of four characters, so most of the text goes through the fast
/// path: four table lookups, one validity check and three bytes out per group. Line breaks, padding and
/// anything irregular go through the byte-at-a-time path.
enum Base64 {
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    static func decode(_ text: String) throws(EscalationModel.LoadError) -> [UInt8] {
        var text = text
        let result: [UInt8]? = text.withUTF8 { utf8 in
            var valid = true
            let decoded = [UInt8](unsafeUninitializedCapacity: utf8.count / 4 * 3 + 3) { output, initialized in
                table.withUnsafeBufferPointer { table in
                    var written = 0
                    var accumulator: UInt32 = 0
                    var pending = 0
                    var index = 0
                    let end = utf8.count
                    while index < end {
                        if pending == 0 && index &+ 4 <= end {
                            let a = table[Int(utf8[index])], b = table[Int(utf8[index &+ 1])]
                            let c = table[Int(utf8[index &+ 2])], d = table[Int(utf8[index &+ 3])]
                            if (a | b | c | d) < 64 {
                                let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                                output[written] = UInt8(truncatingIfNeeded: group >> 16)
                                output[written &+ 1] = UInt8(truncatingIfNeeded: group >> 8)
                                output[written &+ 2] = UInt8(truncatingIfNeeded: group)
                                written &+= 3
                                index &+= 4
                                continue
                            }
                        }
                        let byte = utf8[index]
                        index &+= 1
                        if byte == 0x0A || byte == 0x0D || byte == 0x3D { continue }
                        let value = table[Int(byte)]
                        if value == 255 {
                            valid = false
                            break
                        }
                        accumulator = accumulator << 6 | UInt32(value)
                        pending += 1
                        if pending == 4 {
                            output[written] = UInt8(truncatingIfNeeded: accumulator >> 16)
                            output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                            output[written + 2] = UInt8(truncatingIfNeeded: accumulator)
                            written += 3
                            accumulator = 0
                            pending = 0
                        }
                    }
                    if pending == 3 {
                        output[written] = UInt8(truncatingIfNeeded: accumulator >> 10)
                        output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
                        written += 2
                    } else if pending == 2 {
                        output[written] = UInt8(truncatingIfNeeded: accumulator >> 4)
                        written += 1
                    } else if pending == 1 {
                        valid = false
                    }
                    initialized = written
                }
            }
            return valid ? decoded : nil
        }
        guard let result else { throw EscalationModel.LoadError("the shipped weights are not valid base64") }
        return result
    }
}
