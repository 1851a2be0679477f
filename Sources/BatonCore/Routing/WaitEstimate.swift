import Foundation

/// An honest estimate of how long a customer will wait for a human, from the queue as it is now.
public struct WaitEstimate: Sendable, Equatable {
    /// Expected seconds until an agent picks up; nil when nobody who can take the queue is online.
    public var seconds: TimeInterval?

    public init(seconds: TimeInterval?) { self.seconds = seconds }

    /// Estimates from the customer's place in line, the agents on shift and recent handle times.
    ///
    /// - Parameters:
    ///   - ahead: threads waiting in the queue before this one.
    ///   - freeSlots: spare capacity of available agents with the queue's skill.
    ///   - agentsOnShift: available agents with the skill, busy or not.
    ///   - recentHandleTimes: how long recent threads in the queue took from claim to finish.
    public static func estimate(ahead: Int, freeSlots: Int, agentsOnShift: Int, recentHandleTimes: [TimeInterval]) -> WaitEstimate {
        guard agentsOnShift > 0 else { return WaitEstimate(seconds: nil) }
        // A free agent still needs a moment to notice and read the packet.
        let pickupLatency: TimeInterval = 60
        if freeSlots > ahead { return WaitEstimate(seconds: pickupLatency) }
        let handle = median(recentHandleTimes) ?? 360
        // Each agent finishes a thread every `handle` seconds on average; the customer waits
        // for the threads ahead that no free slot absorbs.
        let backlog = Double(ahead - freeSlots + 1)
        return WaitEstimate(seconds: pickupLatency + backlog * handle / Double(agentsOnShift))
    }

    /// Customer-facing wording in English: "about 4 minutes", "less than 2 minutes", or no promise when
    /// nobody is on. Other languages: `Templates.waitText(_:language:)`.
    public var text: String { Self.english.waitText(self, language: "en") }

    private static let english = Templates()

    static func median(_ values: [TimeInterval]) -> TimeInterval? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
