/// Whether Baton hands conversations off (`live`) or only records what it would have done (`shadow`).
///
/// `[engine] mode = "shadow"` is for the weeks before going live: every decision to hand off is stored as a
/// `ShadowDecision` (trigger, queue, priority, the customer message) and the conversation stays with the AI;
/// nothing enters a queue and nothing reaches the outbox. `[engine] pilot_percent` sends a stable share of
/// conversations (`PilotShare`) through live handoff meanwhile.
public enum EngineMode: String, Sendable, Equatable, CaseIterable {
    case live
    case shadow
}

/// The stable share of conversations a shadow-mode pilot hands off live, chosen by the conversation id.
///
/// The id's UTF-8 bytes are hashed with 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime 0x100000001b3),
/// a fixed function: every process, run and machine puts an id in the same one of 100 buckets,
/// `fnv1a64(id) % 100`. Ids in buckets below the percentage are live, so raising it only adds conversations. Swift's `Hasher` is seeded per process and would move conversations between runs.
public enum PilotShare {
    /// 64-bit FNV-1a of `text`'s UTF-8 bytes.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The conversation's bucket, 0..<100.
    public static func bucket(_ conversationID: String) -> Int {
        Int(fnv1a64(conversationID) % 100)
    }

    /// Whether the conversation is in the live pilot share of `percent` (0: none, 100: all).
    public static func isLive(_ conversationID: String, percent: Int) -> Bool {
        bucket(conversationID) < percent
    }
}

extension EngineConfig {
    /// Whether a handoff of this conversation happens for real: always in live mode; in shadow mode only
    /// for the pilot share.
    public func handsOffLive(_ conversationID: String) -> Bool {
        mode == .live || PilotShare.isLive(conversationID, percent: pilotPercent)
    }
}
