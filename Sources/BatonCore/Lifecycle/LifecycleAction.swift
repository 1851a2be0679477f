/// A state change a person, the sweeper or the bot can ask of a thread.
public enum LifecycleAction: String, Sendable, Codable, CaseIterable {
    case handoff
    case claim
    case reply
    case note
    case transfer
    case requeue
    case release
    case resolve
    case reopen
    /// The sweeper re-queues an unclaimed thread past its pickup window.
    case escalate
    /// The sweeper ends an idle claim per queue policy.
    case expire
    /// Opening hours begin: after-hours threads join the queue.
    case open
    /// A supervisor takes a thread from its owner.
    case forceRelease = "force_release"
    case reassign
    /// The thread is kept as a follow-up, answered when someone is free, with no more wait updates: a waiting
    /// customer chose not to wait, or an `acknowledge_close` queue kept the request for opening.
    case answerLater = "answer_later"
    /// The agent who resolved a thread rates its context packet (no change of state).
    case rate
    /// The owner (or a supervisor) offers the claimed thread to another agent, with a note; it stays held
    /// by the owner until the offer is accepted, declined or times out (`TransferOffer`).
    case offer
    /// The agent offered the thread accepts it and becomes its owner.
    case acceptOffer = "accept_offer"
    /// The agent offered the thread declines it: it goes back to its queue, in its place.
    case declineOffer = "decline_offer"
    /// The sweeper: nobody answered the offer within the queue's `offer_timeout`; back to the queue.
    case offerExpired = "offer_expired"
}
