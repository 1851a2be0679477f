/// The rules that decide who may act, each with the name a refusal quotes.
public enum AccessRule: String, Sendable, CaseIterable {
    /// Only ids added with `baton agent add` may act on threads.
    case registeredAgentsOnly = "registered_agents_only"
    /// Force-release, reassign and agent management need a supervisor.
    case supervisorOnly = "supervisor_only"
    /// Away and offline agents cannot take threads.
    case availableToClaim = "available_to_claim"
    /// Agents may change their own status only; supervisors anyone's.
    case ownStatusOnly = "own_status_only"
    /// `[security] agent_is_os_user`: act as your login name unless you are a supervisor.
    case agentIsOSUser = "agent_is_os_user"
    /// A store that has a supervisor always keeps one: the last supervisor cannot be demoted or removed.
    case keepOneSupervisor = "keep_one_supervisor"
}

/// Why an actor was refused, naming the rule.
public struct AccessDenied: Error, Sendable, Equatable, CustomStringConvertible {
    public var rule: AccessRule
    public var message: String

    public init(_ rule: AccessRule, _ message: String) {
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(message) (rule \(rule.rawValue))" }
}
