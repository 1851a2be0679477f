import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton sweep`: apply pickup windows, claim expiry and opening hours; announce breaches.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Re-queue and escalate threads past their pickup window, expire idle claims, open after-hours threads, update waits.",
        discussion: """
        Runs once, or forever with --every. Each breach runs the configured notify command at least once: \
        the breach and its notification are stored together, and a notification still due (because a sweep \
        was killed, or the command failed) is run by the next sweep. A failing command is retried with backoff \
        for about an hour and a half, then listed by `baton notifications --failed`.
        """)

    @Option(name: .long, help: ArgumentHelp("Repeat at this interval, e.g. 5s or 1m.", valueName: "interval"))
    var every: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let dispatcher = try store.openDispatcher()
        let notifier = Notifier(store: dispatcher.store, deliver: NotifyCommand(dispatcher.config.notifyCommand)?.run)
        guard let every else {
            try sweep(dispatcher, notifier, quiet: false)
            return
        }
        guard let interval = DurationText.parse(every) else {
            throw ValidationError("--every takes \(DurationText.expected); got \(every)")
        }
        while true {
            try sweep(dispatcher, notifier, quiet: true)
            Thread.sleep(forTimeInterval: interval)
        }
    }

    private func sweep(_ dispatcher: Dispatcher, _ notifier: Notifier, quiet: Bool) throws {
        let sweep = try dispatcher.sweep()
        let stamp = ISO8601.format(dispatcher.now)
        for id in sweep.escalated { Output.text("\(stamp) escalated \(id): pickup window breached, re-queued") }
        for id in sweep.expired { Output.text("\(stamp) expired \(id): owner inactive past expiry") }
        for id in sweep.opened { Output.text("\(stamp) opened \(id): queue is open, thread joins it") }
        for id in sweep.waitUpdates { Output.text("\(stamp) updated \(id): waited past the promised time, told a new estimate") }
        for id in sweep.offersExpired { Output.text("\(stamp) offer of \(id) timed out: unanswered past the queue's offer_timeout, back in the queue") }
        for id in sweep.left { Output.text("\(stamp) kept \(id) as a follow-up: the customer has not written for the queue's leave_after") }
        fflush(nil)
        let notified = try notifier.run(now: { dispatcher.now })
        for retry in notified.retrying {
            InputLines.warn("notify command failed for \(retry.notification.threadID) (attempt \(retry.notification.attempts + 1)): \(retry.error); trying again at \(retry.retryAt.map(ISO8601.format) ?? "-")")
        }
        for retry in notified.gaveUp {
            InputLines.warn("notify command failed for \(retry.notification.threadID) for the last time: \(retry.error); see `baton notifications --failed`")
        }
        if sweep.isEmpty, notified.isEmpty, !quiet { Output.text("nothing to do") }
        fflush(nil)
    }
}

/// The configured notify command, run through `/bin/sh -c` with BATON_THREAD, BATON_QUEUE and BATON_LEVEL set.
struct NotifyCommand: Sendable {
    let command: String
    /// A command still running after this long is stopped and counts as failed.
    static let timeout: TimeInterval = 30

    init?(_ command: String?) {
        guard let command, !command.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        self.command = command
    }

    /// Runs the command for one breach: nil when it exited 0, else what went wrong.
    func run(_ notification: BreachNotification) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["BATON_THREAD"] = notification.threadID
        environment["BATON_QUEUE"] = notification.queue
        environment["BATON_LEVEL"] = String(notification.level)
        process.environment = environment
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return "could not start /bin/sh: \(error)"
        }
        if finished.wait(timeout: .now() + Self.timeout) == .timedOut {
            process.terminate()
            finished.wait()
            return "still running after \(Int(Self.timeout))s; stopped"
        }
        if process.terminationReason == .uncaughtSignal { return "killed by signal \(process.terminationStatus)" }
        return process.terminationStatus == 0 ? nil : "exited \(process.terminationStatus)"
    }
}
