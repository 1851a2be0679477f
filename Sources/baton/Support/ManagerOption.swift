import ArgumentParser
import Foundation

/// `--by`, defaulting to `$USER`: who adds or changes an agent (a supervisor, once the store has one).
struct ManagerOption: ParsableArguments {
    @Option(name: .customLong("by"), help: ArgumentHelp("Who makes the change (default: $USER); a supervisor once the store has one.",
                                                       valueName: "id"))
    var by: String?

    /// The acting id, checked against `[security] agent_is_os_user`.
    func acting(_ store: StoreOptions) throws -> String {
        try ActingIdentity.checked(by ?? StoreOptions.environment("USER") ?? ActingIdentity.loginName ?? "", store: store)
    }
}
