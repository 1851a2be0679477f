import Foundation
import BatonCore

/// The operations of the handoff store: the seam where another database can plug in later.
///
/// Every operation is one transaction. Ownership changes are compare-and-set in the database,
/// following `Lifecycle`'s rules, so two processes can never both own or answer a thread.
/// Refusals throw `LifecycleError` (e.g. `.heldBy(agent:)`); storage faults throw `StoreError`.
/// Every action a person asks for is checked against `Permissions` in its transaction: only registered
/// agents act, a claim needs an available agent, force-release, reassign and agent management a supervisor
/// (`LifecycleError.denied`, naming the rule).
public protocol HandoffStore: AnyObject, Sendable {
    // MARK: Suggestions (collaborative mode)

    /// Stores the AI's suggestion for the human on a queued, claimed or after-hours thread; never in the outbox.
    func addSuggestion(_ suggestion: Suggestion, threadID: String, now: Date) throws
    /// The newest `limit` suggestions of a thread, oldest first.
    func suggestions(threadID: String, limit: Int) throws -> [Suggestion]

    // MARK: Conversations

    /// Stores a conversation or appends the messages not stored yet (matched by index).
    /// Creates the thread in state `.ai` when new. Returns what changed.
    ///
    /// Indexes count the bot platform's messages only: agent replies (sent with `reply`) are kept apart,
    /// so the platform may send the whole conversation again and only its unseen tail is stored.
    /// `thread(id:)` shows both, in arrival order.
    func record(_ conversation: Conversation, now: Date) throws -> RecordOutcome

    /// Ingests many conversations in ONE transaction, with the same rules as `record(_:now:)`.
    /// Returns one outcome per conversation, in order; all or nothing is stored.
    func record(_ conversations: [Conversation], now: Date) throws -> [RecordOutcome]

    /// Records many conversations and applies the handoffs `plan` asks for, all in ONE write transaction.
    ///
    /// `plan` sees the recorded outcomes and reads queue counts, agents and open handoffs through `facts`,
    /// as of that transaction (so nothing can change between planning and handing off). It must not call the
    /// store. Each handoff follows the rules of `handoff(_:now:)`: a refused one is reported in its slot and
    /// the rest still apply. An error thrown by `plan`, invalid input or a storage fault stores nothing at all.
    func record(_ conversations: [Conversation], now: Date,
                plan: (_ recorded: [RecordOutcome], _ facts: any PlanningFacts) throws -> [HandoffRequest]) throws -> RecordedBatch

    /// Appends one message event to a stored conversation (creating it when `customer` is given),
    /// in one transaction so concurrent events never overwrite each other's index.
    func recordEvent(conversationID: String, channel: Channel?, customer: Customer?, message: Message, now: Date) throws -> RecordOutcome

    /// Records many message events, applies the handoffs `plan` asks for and stores the idempotent answers
    /// `receipts` returns, all in ONE write transaction (group commit: one commit for many concurrent requests).
    ///
    /// Each event follows the rules of `recordEvent`, and each is its own unit: a refused one (unknown
    /// conversation, an AI message while humans hold the thread, invalid input) is reported in its slot, stores
    /// nothing, and the others still apply. A conversation appears at most once per call. `plan` sees the results
    /// and reads through `facts`; `receipts` sees the handoffs' results and reads the answers' facts, both as of
    /// the transaction; neither may call the store. An error either throws, or a storage fault, stores nothing.
    func recordEvents(_ events: [MessageEvent], now: Date,
                      plan: (_ recorded: [Result<RecordOutcome, any Error>], _ facts: any PlanningFacts) throws -> [HandoffRequest],
                      receipts: (_ handoffs: [Result<ThreadSummary, LifecycleError>], _ facts: any AnswerFacts) throws -> [IdempotentReceipt])
        throws -> RecordedEvents

    /// The bot-side conversation as stored (no agent replies), or nil if unknown.
    func conversation(id: String) throws -> Conversation?

    /// Threads of this customer waiting for or held by a human right now.
    func openThreadCount(customerID: String) throws -> Int
    /// `openThreadCount(customerID:)` for many customers in one read; every id asked for has an entry.
    func openThreadCounts(customerIDs: [String]) throws -> [String: Int]

    /// Records a customer satisfaction score (1–5) for the thread's latest handoff.
    func recordCSAT(threadID: String, score: Int, now: Date) throws

    // MARK: Lifecycle

    /// Moves a thread from the AI (or resolved) to a queue, storing its packet and the customer message.
    @discardableResult
    func handoff(_ request: HandoffRequest, now: Date) throws -> ThreadSummary
    /// Applies many handoffs in ONE transaction, each with the rules of `handoff(_:now:)`. A refused handoff
    /// (say another process handed the thread off first) is reported in its slot and the others still apply;
    /// invalid input or a storage fault stores none of them.
    @discardableResult
    func handoff(_ requests: [HandoffRequest], now: Date) throws -> [Result<ThreadSummary, LifecycleError>]
    /// An agent takes over a conversation the AI holds: `request` (from `TakeoverPlanner`, naming the agent in
    /// `takenOverBy`) hands it off and the agent claims it in one transaction; the bot gets the `claimed` control
    /// event and the customer the agent's introduction. Refused unless the AI holds the thread.
    @discardableResult
    func takeOver(_ request: HandoffRequest, now: Date) throws -> ThreadSummary
    /// Compare-and-set claim: succeeds for exactly one agent.
    @discardableResult
    func claim(threadID: String, agent: String, now: Date) throws -> ThreadSummary
    /// Claims the most urgent waiting thread of `queues` (all queues when nil) in one transaction, so that
    /// agents asking at the same moment each get a different thread; nil when nothing is waiting.
    @discardableResult
    func claimNext(agent: String, queues: [String]?, now: Date) throws -> ThreadSummary?
    /// Sends a reply to the customer; owner only.
    func reply(threadID: String, agent: String, text: String, now: Date) throws
    /// A private note other agents see but the customer never does; owner only.
    func note(threadID: String, agent: String, text: String, now: Date) throws
    func transfer(threadID: String, actor: String, toQueue: String, reason: String?, pickupDeadline: Date, now: Date) throws
    /// Gives the thread back to its queue, unclaimed; owner only.
    func requeue(threadID: String, actor: String, reason: String?, pickupDeadline: Date, now: Date) throws
    /// Hands the thread back to the AI; the note goes to the bot as context.
    func release(threadID: String, agent: String, note: String?, now: Date) throws
    func resolve(threadID: String, agent: String, disposition: Disposition, note: String?, now: Date) throws
    /// The agent who resolved the thread rates its context packet, 1 to 5, with what was missing; audited.
    func ratePacket(threadID: String, agent: String, rating: Int, note: String?, now: Date) throws
    /// The newest packet rating of the thread, if it has one.
    func packetRating(threadID: String) throws -> PacketRating?
    /// A resolved thread whose customer wrote again goes back to the queue.
    func reopen(threadID: String, pickupDeadline: Date, afterHours: Bool, now: Date) throws
    /// The waiting thread becomes a follow-up (no more wait updates; it keeps its place), once, for `reason`:
    /// the customer chose not to wait (and gets `customerMessage`), or `acknowledge_close` kept it for opening.
    func answerLater(threadID: String, reason: String, customerMessage: String?, now: Date) throws
    /// Supervisor: take the thread from whoever holds it and give it back to the AI.
    func forceRelease(threadID: String, supervisor: String, reason: String, now: Date) throws
    /// Supervisor: give the thread to another agent.
    func reassign(threadID: String, supervisor: String, toAgent: String, reason: String, now: Date) throws

    // MARK: Agent-to-agent transfer offers

    /// The owner (or a supervisor) offers a claimed thread to `toAgent` with a note, like a reservation: it stays
    /// held by its owner until the receiver accepts or declines, or the thread's queue's `offerTimeout` passes
    /// (then `sweep` returns it to the queue). Refused unless `toAgent` is registered, is not the owner and is fit
    /// for the queue (`AgentFitness`: skill, spare capacity, available), and while another offer of the thread
    /// is open. The note is kept in the thread's notes; the receiver gets a notice; the audit says who offered it
    /// to whom, with the note.
    @discardableResult
    func offerTransfer(threadID: String, actor: String, toAgent: String, note: String, queues: [QueueConfig],
                       now: Date) throws -> TransferOffer
    /// The agent offered the thread takes it, compare-and-set against the offering owner's claim: exactly one
    /// accept wins, an answered or timed-out offer is refused (`LifecycleError.noOffer`). The bot gets the
    /// `claimed` control event; the customer one short line naming the new agent when the conversation
    /// introduces agents.
    @discardableResult
    func acceptOffer(threadID: String, agent: String, now: Date) throws -> ThreadSummary
    /// The agent offered the thread declines it: back to its queue in its place (the wait it had is kept), the
    /// note kept for whoever claims it next, and the offering agent gets a notice.
    func declineOffer(threadID: String, agent: String, reason: String?, queues: [QueueConfig], now: Date) throws
    /// Open offers (made to `toAgent`, or all), soonest timeout first.
    func openOffers(toAgent: String?, now: Date) throws -> [TransferOffer]
    /// The open offer of a thread, if any.
    func openOffer(threadID: String, now: Date) throws -> TransferOffer?
    /// The agent's notices not shown yet, oldest first.
    func unseenNotices(agent: String) throws -> [AgentNotice]
    /// Marks the agent's notices up to `throughID` as shown.
    func markNoticesSeen(agent: String, throughID: Int64) throws

    /// Pickup windows, claim expiry and opening hours, per queue policy.
    /// An implementation may bound the work of one call (to keep its transaction short); a backlog
    /// is then worked off by the following sweeps.
    func sweep(now: Date, queues: [QueueConfig]) throws -> SweepReport
    /// Tells waiting customers a new estimate: those queued past the wait they were promised, or re-queued
    /// after a breached pickup window since they last heard from us, and not updated within `minimumInterval`.
    /// `plan` sees them (with how many threads are before each) and the queues as of this transaction, and
    /// returns the updates to send; each is written to the outbox with its new promise in the same transaction.
    func sendWaitUpdates(now: Date, minimumInterval: TimeInterval,
                         plan: (_ due: [WaitingCustomer], _ facts: any PlanningFacts) throws -> [WaitUpdate]) throws -> [WaitUpdate]

    // MARK: Reads

    /// A page of threads in the query's order (by default most urgent first: priority, then longest wait).
    func threads(_ query: ThreadQuery) throws -> [ThreadSummary]
    func threadCount(_ query: ThreadQuery) throws -> Int
    /// The threads of `query`'s scope (queues, states, owner; its search, limit and offset are ignored) whose
    /// customer, id, trigger, queue or message text contains `text`, ignoring case and accents, each with its
    /// position in the scope's list in the query's order; the first `limit` by position.
    func threadMatches(_ query: ThreadQuery, text: String, limit: Int) throws -> [ThreadMatch]
    /// Where thread `id` is in `query`'s list (its scope, search and order), zero-based; nil when not in it.
    func threadPosition(_ query: ThreadQuery, id: String) throws -> Int?
    /// The thread with its packet, full transcript, notes and audit trail.
    func thread(id: String) throws -> ThreadDetail?
    func queueCounts(now: Date) throws -> [QueueCounts]
    /// Promised callbacks of waiting threads (after hours, or queued since opening), due first; a page.
    func callbacks(limit: Int, offset: Int) throws -> [CallbackTask]
    func callbackCount() throws -> Int

    // MARK: Agents

    /// Adds or updates an agent; `actor` must be a supervisor once one is registered (`Permissions`). An existing
    /// agent keeps their status: only `setAgentStatus` changes it.
    func upsertAgent(_ agent: Agent, actor: String) throws
    /// Agents set their own status; supervisors anyone's.
    func setAgentStatus(id: String, status: AgentStatus, actor: String, now: Date) throws
    /// The registered agent with this id, with its load; nil when none is.
    func agent(id: String) throws -> Agent?
    /// All agents with their current load.
    func agents() throws -> [Agent]

    // MARK: Drafts

    /// Stores or replaces the agent's unsent text of this kind on the thread; empty text deletes it.
    /// Sending a reply or saving a note deletes the matching draft in the same transaction.
    func saveDraft(_ draft: Draft) throws
    func draft(threadID: String, agent: String, kind: Draft.Kind) throws -> Draft?
    /// All of an agent's drafts, most recently changed first.
    func drafts(agent: String) throws -> [Draft]
    func deleteDraft(threadID: String, agent: String, kind: Draft.Kind) throws

    // MARK: Outbox and audit

    /// Undelivered messages after `afterID`, oldest first.
    func outbox(afterID: Int64, limit: Int, includeDelivered: Bool) throws -> [OutboxMessage]
    /// Marks messages delivered, in one transaction; says which were newly marked, already delivered or unknown.
    @discardableResult
    func acknowledge(outboxIDs: [Int64], now: Date) throws -> OutboxAcknowledgement
    /// The latest `limit` audit entries (of one thread, or of all), oldest first.
    func audit(threadID: String?, limit: Int) throws -> [AuditEntry]
    /// Escalation notifications (pickup-window breaches), newest first; the newest 5,000 at most.
    func escalations(since: Date) throws -> [EscalationNotice]

    // MARK: Breach notifications

    /// Pickup-window breaches whose notification is due at `now`: never announced, not given up on, and past
    /// their retry time; oldest first. Each breach's notification is written with the breach itself.
    func dueNotifications(now: Date, limit: Int) throws -> [BreachNotification]
    /// Records what running the notify command for a breach notification did.
    func recordNotification(id: Int64, result: NotificationResult, now: Date) throws
    /// Notifications given up on after their last retry, newest first.
    func failedNotifications(limit: Int) throws -> [BreachNotification]
    /// Makes every notification given up on due again, with its attempts reset; returns how many.
    @discardableResult
    func retryFailedNotifications(now: Date) throws -> Int

    // MARK: Metrics

    /// Handed-off threads resolved at or after `since`, oldest first, at most `limit`: each with its
    /// disposition, the primary trigger of its latest handoff and the customer message that trigger fired on.
    /// What `baton export-training` turns into training examples.
    func resolvedHandoffs(since: Date, limit: Int) throws -> [ResolvedHandoff]

    /// Customers' contacts since `since`, oldest first: each conversation started then (at its first message) and
    /// each reopen, with what is needed to tell its topic; of these customers, or of all when nil.
    /// What repeat contacts are counted from.
    func customerContacts(customerIDs: [String]?, since: Date) throws -> [CustomerContact]

    /// Shadow mode's decisions taken at or after `since`, oldest first, at most `limit`: what Baton would have
    /// done with each conversation, and what became of it since (still with the AI, handed off later, resolved).
    func shadowDecisions(since: Date, limit: Int) throws -> [ShadowRecord]

    /// Per-thread facts for `Metrics`, for threads with activity since `since`.
    func metricFacts(since: Date) throws -> MetricInput

    /// What `ReviewReport` and `QualityScore` are computed from, read in one transaction: metric facts and handoffs
    /// since `since`, and customers' contacts since `contactsSince`.
    func reviewFacts(since: Date, contactsSince: Date) throws -> ReviewFacts

    /// Everything that must hold whatever happened to the processes that wrote the store (crashes, kill -9,
    /// races): one description per problem found, none when the store is sound. Reads the whole store.
    func checkInvariants() throws -> [String]

    /// Changes whenever any process commits; the console polls it to refresh without a keypress.
    func changeToken() throws -> Int64
}
