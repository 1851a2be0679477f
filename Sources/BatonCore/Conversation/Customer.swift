import Foundation

/// What the bot platform knows about the customer.
public struct Customer: Sendable, Equatable, Codable {
    public var id: String
    public var name: String?
    /// ISO 639-1 code such as `en`, `es`, `pt`.
    public var language: String?
    public var tier: String?
    /// Lifetime value in the account currency.
    public var ltv: Double?
    /// `vip`, `named_account`, `high_ltv` or free-form tags.
    public var tags: [String]
    public var priorContacts: [PriorContact]
    /// Free-form facts from the platform or CRM (`customer.attributes`), in the order sent. Not part of this
    /// type's `Codable` form: the parser reads them, the store keeps them in their own column.
    public var attributes: [CustomerAttribute] = []
    /// Pages the customer visited (`customer.pages`); like `attributes`, outside `Codable`.
    public var pages: [PageVisit] = []

    public init(id: String, name: String? = nil, language: String? = nil, tier: String? = nil, ltv: Double? = nil,
                tags: [String] = [], priorContacts: [PriorContact] = [], attributes: [CustomerAttribute] = [],
                pages: [PageVisit] = []) {
        self.id = id
        self.name = name
        self.language = language
        self.tier = tier
        self.ltv = ltv
        self.tags = tags
        self.priorContacts = priorContacts
        self.attributes = attributes
        self.pages = pages
    }

    enum CodingKeys: String, CodingKey {
        case id, name, language, tier, ltv, tags
        case priorContacts = "prior_contacts"
    }

    /// Decodes a customer where only `id` is required; missing `tags` and `prior_contacts` are empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        tier = try container.decodeIfPresent(String.self, forKey: .tier)
        ltv = try container.decodeIfPresent(Double.self, forKey: .ltv)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        priorContacts = try container.decodeIfPresent([PriorContact].self, forKey: .priorContacts) ?? []
    }
}

/// An earlier contact of the same customer.
public struct PriorContact: Sendable, Equatable, Codable {
    public var topic: String
    public var daysAgo: Int

    public init(topic: String, daysAgo: Int) {
        self.topic = topic
        self.daysAgo = daysAgo
    }

    enum CodingKeys: String, CodingKey {
        case topic
        case daysAgo = "days_ago"
    }
}
