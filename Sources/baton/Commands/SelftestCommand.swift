import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton selftest`: the five pre-launch tests against the current config, as a checklist.
struct SelftestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Run the five pre-launch tests against the config: explicit request, out of knowledge, frustration, after hours, packet.",
        discussion: """
            Each test sends a scripted conversation through the engine and the handoff planner with the config in
            use, in a store in memory (the database is never opened), in live mode whatever the config's mode, and
            prints what it produced: the trigger, the queue, the state and the message the customer would get.
            The exit status is 1 when any test fails.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let config = try store.loadConfig()
        let results = try PreLaunchSelftest.run(config: config, now: try StoreOptions.now())
        let failed = results.filter { !$0.passed }.count
        if output.json {
            Output.json(.object([
                ("passed", .bool(failed == 0)),
                ("tests", .array(results.map(Self.json))),
            ]))
        } else {
            if config.engine.mode == .shadow {
                Output.text("the config is in shadow mode (pilot \(config.engine.pilotPercent)% live); these tests run the live handoff")
            }
            for result in results {
                Output.text("\(result.passed ? "✓" : "✗") \(result.name): \(result.expectation)")
                var produced: [String] = []
                if let trigger = result.trigger { produced.append("trigger \(trigger.rawValue)") }
                if result.triggers.count > 1 { produced.append("also \(result.triggers.dropFirst().map(\.rawValue).joined(separator: ", "))") }
                if let queue = result.queue { produced.append("queue \(queue)") }
                if let state = result.state { produced.append("state \(state.rawValue)") }
                if !produced.isEmpty { Output.text("    " + produced.joined(separator: " · ")) }
                if let message = result.customerMessage { Output.text("    message: \(message)") }
                if let remark = result.remark { Output.text("    \(remark)") }
                for problem in result.problems { Output.text("    problem: \(problem)") }
            }
            Output.text(failed == 0 ? "all \(results.count) pre-launch tests passed"
                        : "\(failed) of \(results.count) pre-launch tests failed")
        }
        if failed > 0 { throw ExitCode(1) }
    }

    static func json(_ result: SelftestResult) -> JSONValue {
        .object([
            ("name", .string(result.name)),
            ("passed", .bool(result.passed)),
            ("expectation", .string(result.expectation)),
            ("trigger", .from(result.trigger?.rawValue)),
            ("triggers", .array(result.triggers.map { .string($0.rawValue) })),
            ("queue", .from(result.queue)),
            ("state", .from(result.state?.rawValue)),
            ("customer_message", .from(result.customerMessage)),
            ("problems", .array(result.problems.map(JSONValue.string))),
            ("remark", .from(result.remark)),
        ])
    }
}
