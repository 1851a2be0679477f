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
}
