import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton sweep`: apply pickup windows, claim expiry and opening hours.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Re-queue and escalate threads past their pickup window, expire idle claims, open after-hours threads.",
        discussion: "Runs once, or forever with --every. Each escalation runs the configured notify command.")

    @Option(name: .long, help: ArgumentHelp("Repeat at this interval, e.g. 5s or 1m.", valueName: "interval"))
    var every: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let dispatcher = try store.openDispatcher()
        guard let every else {
            report(try dispatcher.sweep(), dispatcher: dispatcher, quiet: false)
            return
        }
        guard let interval = DurationText.parse(every) else {
            throw ValidationError("--every takes \(DurationText.expected); got \(Sanitizer.line(every))")
        }
        while true {
            report(try dispatcher.sweep(), dispatcher: dispatcher, quiet: true)
            Thread.sleep(forTimeInterval: interval)
        }
    }

    private func report(_ sweep: SweepReport, dispatcher: Dispatcher, quiet: Bool) {
        let stamp = ISO8601.format(dispatcher.now)
        for id in sweep.escalated {
            Output.text("\(stamp) escalated \(id): pickup window breached, re-queued")
            notify(threadID: id, dispatcher: dispatcher)
        }
        for id in sweep.expired { Output.text("\(stamp) expired \(id): owner inactive past expiry") }
        for id in sweep.opened { Output.text("\(stamp) opened \(id): queue is open, thread joins it") }
        if sweep.isEmpty, !quiet { Output.text("nothing to do") }
        fflush(nil)
    }

    /// Runs the configured notify command; a failing command is reported, never fatal.
    private func notify(threadID: String, dispatcher: Dispatcher) {
        guard let command = dispatcher.config.notifyCommand else { return }
        let thread = try? dispatcher.store.thread(id: threadID)?.summary
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["BATON_THREAD"] = threadID
        environment["BATON_QUEUE"] = thread?.queue ?? ""
        environment["BATON_LEVEL"] = thread.map { String($0.escalationLevel) } ?? ""
        process.environment = environment
        do {
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                InputLines.warn("notify command exited \(process.terminationStatus) for \(threadID)")
            }
        } catch {
            InputLines.warn("notify command could not run: \(error)")
        }
    }
}
