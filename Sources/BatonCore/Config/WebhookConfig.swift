/// One `[[webhooks]]` entry: where `baton serve` delivers outbox events, signed with the Standard Webhooks scheme.
public struct WebhookConfig: Sendable, Equatable {
    /// Names the endpoint in the store, `baton webhooks` and /metrics; defaults to the URL.
    public var name: String
    public var url: String
    /// Signing secrets, newest first: `whsec_` + base64, or any other text used as it is. Every delivery is
    /// signed with each of them, so a receiver may roll its secret over without missing a delivery.
    public var secrets: [String]
    /// The event kinds to send; nil sends every kind.
    public var events: Set<OutboxKind>?

    public init(name: String? = nil, url: String, secrets: [String], events: Set<OutboxKind>? = nil) {
        self.name = name ?? url
        self.url = url
        self.secrets = secrets
        self.events = events
    }
}
