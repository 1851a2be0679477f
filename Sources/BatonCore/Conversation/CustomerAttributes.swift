import Foundation

/// One value of a customer's free-form attributes: text, a number or a flag.
public enum AttributeValue: Sendable, Equatable, Codable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        }
    }

    /// As people read it: `Acme Ltd`, `12000`, `0.5`, `yes`.
    public var description: String {
        switch self {
        case .string(let text): text
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): flag ? "yes" : "no"
        }
    }
}

/// One of the customer's attributes from the bot platform or CRM (`customer.attributes`): account name, plan,
/// contract value, customer since, open tickets, in the order the platform sent them.
public struct CustomerAttribute: Sendable, Equatable, Codable {
    public var name: String
    public var value: AttributeValue

    public init(name: String, value: AttributeValue) {
        self.name = name
        self.value = value
    }

    /// Attributes accepted per customer.
    public static let maxCount = 50
    /// Longest attribute name, in UTF-8 bytes.
    public static let maxNameBytes = 64
    /// Longest text value, in UTF-8 bytes.
    public static let maxValueBytes = 1024
}

/// A page the customer visited (`customer.pages`), for behavioural rules and the packet.
public struct PageVisit: Sendable, Equatable, Codable {
    /// The page's URL or path as the platform sent it.
    public var url: String
    public var title: String?
    public var at: Date

    public init(url: String, title: String? = nil, at: Date) {
        self.url = url
        self.title = title
        self.at = at
    }

    /// Visits accepted per customer (the most recent ones matter; send at most this many).
    public static let maxCount = 200
    /// Longest URL or path, in UTF-8 bytes.
    public static let maxURLBytes = 2048
    /// Longest title, in UTF-8 bytes.
    public static let maxTitleBytes = 512

    /// The path of the URL: `https://shop.example/pricing?x=1#a` is `/pricing`; a path stays as it is,
    /// without its query and fragment.
    public var path: String {
        var text = Substring(url)
        if let scheme = text.range(of: "://") {
            text = text[scheme.upperBound...]
            text = text.firstIndex(of: "/").map { text[$0...] } ?? "/"
        }
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
        return text.isEmpty ? "/" : String(text)
    }
}
