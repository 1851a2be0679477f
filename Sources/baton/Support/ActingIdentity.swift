import BatonCore
import BatonStore
import Foundation

/// Who is acting, checked against `[security] agent_is_os_user`.
enum ActingIdentity {
    /// `id` when the config allows the login to act as it: always unless `agent_is_os_user` is on, then only
    /// the login name itself, or anyone when the login is a registered supervisor.
    static func checked(_ id: String, store: StoreOptions) throws -> String {
        guard try store.loadConfig().agentIsOSUser else { return id }
        let login = loginName
        var loginAgent: Agent?
        if let login, login != id, FileManager.default.fileExists(atPath: store.databasePath) {
            loginAgent = try store.openStore(.read).agent(id: login)
        }
        try Permissions.checkIdentity(acting: id, login: login, loginAgent: loginAgent)
        return id
    }

    /// The login name of the process's real user, from the password database: unlike `$USER`, not
    /// something the caller can set.
    static var loginName: String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}

extension AgentOption {
    /// The acting agent id, checked against `[security] agent_is_os_user`.
    func acting(_ store: StoreOptions) throws -> String {
        try ActingIdentity.checked(id, store: store)
    }
}
