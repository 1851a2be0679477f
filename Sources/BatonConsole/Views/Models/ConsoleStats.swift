import Foundation

/// Today's figures for the supervisor view, computed by the caller (Core's metrics) and passed in.
public struct ConsoleStats: Sendable, Equatable {
    /// Share of conversations handed to humans, 0–1.
    public var handoffRate: Double?
    /// Median time from handoff to first claim.
    public var medianTimeToPickup: TimeInterval?
    /// Median time from first claim to resolution.
    public var medianResolutionTime: TimeInterval?
    /// Mean CSAT, 1–5.
    public var csat: Double?
    /// Share of resolved handoffs marked `ai_could_have_handled`, 0–1.
    public var falseEscalationRate: Double?
    /// Handoffs per hour of the day so far, oldest first (for a sparkline).
    public var handoffsPerHour: [Double]
    /// Median time to pickup per hour, seconds, oldest first (for a sparkline).
    public var pickupPerHour: [Double]

    public init(handoffRate: Double? = nil, medianTimeToPickup: TimeInterval? = nil, medianResolutionTime: TimeInterval? = nil,
                csat: Double? = nil, falseEscalationRate: Double? = nil, handoffsPerHour: [Double] = [], pickupPerHour: [Double] = []) {
        self.handoffRate = handoffRate
        self.medianTimeToPickup = medianTimeToPickup
        self.medianResolutionTime = medianResolutionTime
        self.csat = csat
        self.falseEscalationRate = falseEscalationRate
        self.handoffsPerHour = handoffsPerHour
        self.pickupPerHour = pickupPerHour
    }
}
