/// Who the customer is, for the packet's top bar and profile section.
public struct CustomerProfile: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var channel: Channel
    public var language: String
    public var tier: String
    public var ltv: Double?
    public var tags: [String]
    public var priorContacts: [PriorContact]
    /// Other threads of this customer that are waiting or claimed right now.
    public var openHandoffs: Int
    /// Free-form attributes from the platform or CRM, in the order sent.
    public var attributes: [CustomerAttribute] = []
    /// Pages visited, as sent (the packet shows the most recent).
    public var pages: [PageVisit] = []
    /// The page rules that matched at the handoff, each with its explanation.
    public var pageSignals: [PageSignal] = []

    public init(id: String, name: String, channel: Channel, language: String, tier: String, ltv: Double?,
                tags: [String], priorContacts: [PriorContact], openHandoffs: Int) {
        self.id = id
        self.name = name
        self.channel = channel
        self.language = language
        self.tier = tier
        self.ltv = ltv
        self.tags = tags
        self.priorContacts = priorContacts
        self.openHandoffs = openHandoffs
    }

    enum CodingKeys: String, CodingKey {
        case id, name, channel, language, tier, ltv, tags, priorContacts, openHandoffs, attributes, pages, pageSignals
    }

    /// Decodes a profile; packets stored before attributes and pages existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        channel = try container.decode(Channel.self, forKey: .channel)
        language = try container.decode(String.self, forKey: .language)
        tier = try container.decode(String.self, forKey: .tier)
        ltv = try container.decodeIfPresent(Double.self, forKey: .ltv)
        tags = try container.decode([String].self, forKey: .tags)
        priorContacts = try container.decode([PriorContact].self, forKey: .priorContacts)
        openHandoffs = try container.decode(Int.self, forKey: .openHandoffs)
        attributes = try container.decodeIfPresent([CustomerAttribute].self, forKey: .attributes) ?? []
        pages = try container.decodeIfPresent([PageVisit].self, forKey: .pages) ?? []
        pageSignals = try container.decodeIfPresent([PageSignal].self, forKey: .pageSignals) ?? []
    }
}
