import Foundation

/// A private note on a thread; never shown to the customer.
public struct ThreadNote: Sendable, Equatable, Codable {
    public var author: String
    public var text: String
    public var at: Date

    public init(author: String, text: String, at: Date) {
        self.author = author
        self.text = text
        self.at = at
    }
}
