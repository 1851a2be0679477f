/// The thread state machine: which actions are allowed from which states, who may perform them,
/// and where they lead. The store turns these rules into compare-and-set updates, so the
/// database enforces exactly what this type describes.
public enum Lifecycle {
    /// States from which `action` may be taken.
    public static func sources(of action: LifecycleAction) -> Set<ThreadState> {
        switch action {
        case .handoff: [.ai, .resolved]
        case .claim: [.queued, .afterHours]
        case .reply, .note: [.claimed]
        case .transfer: [.claimed, .queued, .afterHours]
        case .requeue: [.claimed]
        case .release: [.claimed, .queued, .afterHours]
        case .resolve: [.claimed]
        case .reopen: [.resolved]
        case .escalate: [.queued]
        case .expire: [.claimed]
        case .open: [.afterHours]
        case .forceRelease: [.claimed, .queued, .afterHours]
        case .reassign: [.claimed, .queued, .afterHours]
        case .answerLater: [.queued, .afterHours]
        case .rate: [.resolved]
        case .offer, .acceptOffer, .declineOffer, .offerExpired: [.claimed]
        }
    }

    /// Whether only the current owner may take `action` while the thread is claimed.
    public static func requiresOwner(_ action: LifecycleAction) -> Bool {
        switch action {
        case .reply, .note, .requeue, .release, .resolve, .transfer: true
        default: false
        }
    }

    /// The state after `action` succeeds. `afterHours` tells a handoff or re-queue that the
    /// queue is closed; `expiryPolicy` picks where an expired claim goes.
    public static func target(of action: LifecycleAction, from state: ThreadState, afterHours: Bool = false,
                              expiryPolicy: ExpiryPolicy = .returnToAI) -> ThreadState {
        switch action {
        case .handoff, .reopen: afterHours ? .afterHours : .queued
        case .claim, .reassign: .claimed
        case .reply, .note, .answerLater, .rate, .offer: state
        case .acceptOffer: .claimed
        case .declineOffer, .offerExpired: afterHours ? .afterHours : .queued
        case .transfer, .requeue, .escalate: afterHours ? .afterHours : .queued
        case .release, .forceRelease: .ai
        case .resolve: .resolved
        case .expire:
            switch expiryPolicy {
            case .returnToAI: .ai
            case .resolve: .resolved
            case .requeue: afterHours ? .afterHours : .queued
            }
        case .open: .queued
        }
    }

    /// Checks an action against the rules and returns the next state, or the reason it is refused.
    public static func apply(_ action: LifecycleAction, to state: ThreadState, owner: String?, actor: String,
                             afterHours: Bool = false, expiryPolicy: ExpiryPolicy = .returnToAI) throws(LifecycleError) -> ThreadState {
        guard sources(of: action).contains(state) else {
            if action == .claim, state == .claimed, let owner {
                throw owner == actor ? .alreadyYours : .heldBy(agent: owner)
            }
            throw .notAllowed(action: action, state: state)
        }
        if state == .claimed, requiresOwner(action), let owner, owner != actor {
            throw .notOwner(heldBy: owner)
        }
        return target(of: action, from: state, afterHours: afterHours, expiryPolicy: expiryPolicy)
    }
}

/// What happens to a claim when its agent goes quiet past the queue's expiry.
public enum ExpiryPolicy: String, Sendable, Codable, CaseIterable {
    case returnToAI = "return_to_ai"
    case resolve
    case requeue
}

/// Why a lifecycle action was refused.
public enum LifecycleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Someone else claimed the thread first.
    case heldBy(agent: String)
    /// The actor already owns the thread.
    case alreadyYours
    /// Only the owner may do this.
    case notOwner(heldBy: String)
    /// The action makes no sense in this state.
    case notAllowed(action: LifecycleAction, state: ThreadState)
    case noSuchThread(String)
    case noSuchAgent(String)
    case noSuchQueue(String)
    /// The agent already holds as many threads as their capacity allows.
    case atCapacity(agent: String, capacity: Int)
    /// The actor may not do this: unregistered, not a supervisor, away (`Permissions`).
    case denied(AccessDenied)
    /// An agent-to-agent offer refused: the receiving agent cannot take this thread now (`AgentFitness`).
    case unfit(agent: String, reason: String)
    /// There is no open transfer offer of this thread to this agent (never made, answered, or timed out).
    case noOffer(threadID: String, agent: String)
    /// The thread is already offered to someone, until the offer is answered or times out.
    case alreadyOffered(threadID: String, to: String)

    public var description: String {
        switch self {
        case .heldBy(let agent): "already claimed by \(agent)"
        case .alreadyYours: "you already hold this thread"
        case .notOwner(let owner): "only the owner (\(owner)) may do that"
        case .notAllowed(let action, let state): "cannot \(action.rawValue) a thread that is \(state.rawValue)"
        case .noSuchThread(let id): "no thread \(id)"
        case .noSuchAgent(let id): "no agent \(id)"
        case .noSuchQueue(let name): "no queue \(name)"
        case .atCapacity(let agent, let capacity): "\(agent) already holds \(capacity) threads (capacity)"
        case .denied(let denial): denial.description
        case .unfit(let agent, let reason): "cannot offer the thread to \(agent): \(reason)"
        case .noOffer(let threadID, let agent): "no open offer of \(threadID) to \(agent) (answered, withdrawn or timed out)"
        case .alreadyOffered(let threadID, let to): "\(threadID) is already offered to \(to); wait for the answer or the timeout"
        }
    }
}
