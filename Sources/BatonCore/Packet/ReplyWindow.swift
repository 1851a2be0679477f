import Foundation

/// WhatsApp lets a business reply freely only within 24 hours of the customer's last message.
public struct ReplyWindow: Sendable, Equatable, Codable {
    public var lastCustomerMessageAt: Date
    public var closesAt: Date

    public init(lastCustomerMessageAt: Date, closesAt: Date) {
        self.lastCustomerMessageAt = lastCustomerMessageAt
        self.closesAt = closesAt
    }

    /// How long after the customer's last message WhatsApp lets a business write free text.
    public static let whatsappLength: TimeInterval = 24 * 3600

    /// WhatsApp's window after the customer's last message.
    public static func whatsapp(lastCustomerMessageAt last: Date) -> ReplyWindow {
        ReplyWindow(lastCustomerMessageAt: last, closesAt: last.addingTimeInterval(whatsappLength))
    }

    public func isOpen(at now: Date) -> Bool { now < closesAt }
    public func remaining(at now: Date) -> TimeInterval { max(0, closesAt.timeIntervalSince(now)) }
    /// Open but with less than two hours left.
    public func isClosing(at now: Date) -> Bool { isOpen(at: now) && remaining(at: now) < 2 * 3600 }
}
