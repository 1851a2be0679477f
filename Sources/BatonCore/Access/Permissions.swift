/// Who may do what: pure rules over the acting id and the agent registered under it (nil when none is).
///
/// The store looks the actor up in the same transaction as the change and asks these rules, so the
/// console, the command line and the HTTP server refuse exactly the same things.
public enum Permissions {
    /// Lifecycle actions a person asks for: every one needs a registered agent; force-release and reassign
    /// need a supervisor; a claim needs an available agent.
    public static func check(_ action: LifecycleAction, actor: String, registered: Agent?) throws(LifecycleError) {
        if systemActors.contains(actor) {
            // The engine's own steps, such as closing a thread after hours, hand threads back to the AI; nothing else.
            guard action == .release else {
                throw .denied(AccessDenied(.registeredAgentsOnly, "\(actor) is Baton's own id; it cannot \(verb(action))"))
            }
            return
        }
        guard let agent = registered else {
            throw .denied(AccessDenied(.registeredAgentsOnly,
                               "\(actor) is not a registered agent and cannot \(verb(action)); add them with baton agent add"))
        }
        switch action {
        case .forceRelease, .reassign:
            guard agent.role == .supervisor else {
                throw .denied(AccessDenied(.supervisorOnly, "\(actor) is an agent; only a supervisor may \(verb(action))"))
            }
        case .claim:
            try checkAvailable(agent, to: "claim")
        case .acceptOffer:
            try checkAvailable(agent, to: "accept a thread")
        default:
            break
        }
    }

    /// Ids Baton itself acts under (the engine, the sweeper): no person may register or act as them.
    public static let systemActors: Set<String> = ["system", "sweeper"]

    /// An id may be registered as an agent unless Baton acts under it.
    public static func checkAgentID(_ id: String) throws(LifecycleError) {
        guard !systemActors.contains(id) else {
            throw .denied(AccessDenied(.registeredAgentsOnly, "\(id) is reserved for Baton itself and cannot be an agent"))
        }
    }

    /// The agent a supervisor hands a thread to must be registered and available.
    public static func checkAssignee(_ id: String, registered: Agent?) throws(LifecycleError) {
        guard let agent = registered else {
            throw .denied(AccessDenied(.registeredAgentsOnly, "\(id) is not a registered agent and cannot be given a thread"))
        }
        try checkAvailable(agent, to: "be given a thread")
    }

    /// Adding or changing agents needs a supervisor. While no supervisor is registered (a new store) anyone
    /// may, so the first supervisor can be added.
    public static func checkManagement(actor: String, registered: Agent?, supervisorsExist: Bool) throws(LifecycleError) {
        guard supervisorsExist else { return }
        guard let agent = registered else {
            throw .denied(AccessDenied(.registeredAgentsOnly, "\(actor) is not a registered agent and cannot manage agents"))
        }
        guard agent.role == .supervisor else {
            throw .denied(AccessDenied(.supervisorOnly, "\(actor) is an agent; only a supervisor may manage agents"))
        }
    }

    /// Agents set their own status; supervisors set anyone's (anyone may while no supervisor is registered).
    public static func checkStatusChange(of target: String, actor: String, registered: Agent?,
                                         supervisorsExist: Bool) throws(LifecycleError) {
        guard supervisorsExist else { return }
        guard let agent = registered else {
            throw .denied(AccessDenied(.registeredAgentsOnly, "\(actor) is not a registered agent and cannot change a status"))
        }
        guard agent.role == .supervisor || agent.id == target else {
            throw .denied(AccessDenied(.ownStatusOnly, "\(actor) may set only their own status; \(target)'s needs a supervisor"))
        }
    }

    /// `[security] agent_is_os_user`: the acting id must be the login name, unless the login is a supervisor.
    public static func checkIdentity(acting: String, login: String?, loginAgent: Agent?) throws(LifecycleError) {
        guard let login, !login.isEmpty else {
            throw .denied(AccessDenied(.agentIsOSUser, "cannot tell the login name (no $USER), and agent_is_os_user is on"))
        }
        guard acting != login else { return }
        guard loginAgent?.role == .supervisor else {
            throw .denied(AccessDenied(.agentIsOSUser, "\(login) may act only as \(login), not as \(acting); only a supervisor may act for others"))
        }
    }

    private static func checkAvailable(_ agent: Agent, to verb: String) throws(LifecycleError) {
        guard agent.status == .available else {
            throw .denied(AccessDenied(.availableToClaim, "\(agent.id) is \(agent.status.rawValue); away and offline agents cannot \(verb)"))
        }
    }

    private static func verb(_ action: LifecycleAction) -> String {
        switch action {
        case .forceRelease: "force-release a thread"
        case .reassign: "reassign a thread"
        case .requeue: "re-queue a thread"
        case .offer: "offer a thread to another agent"
        case .acceptOffer: "accept a thread offered to them"
        case .declineOffer: "decline a thread offered to them"
        default: "\(action.rawValue) a thread"
        }
    }
}
