import BatonConsole
import ArgumentParser
import BatonCore
import Foundation

/// `baton queue`: list threads, most urgent first.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "List threads waiting for or held by humans.")

    @Option(name: .long, help: "Only this queue (repeatable).")
    var queue: [String] = []

    @Option(name: .long, help: "Only these states: queued, after_hours, claimed, resolved, ai (repeatable); or callback alone for promised callbacks, due first.")
    var state: [String] = []

    @Option(name: .long, help: "Only threads held by this agent.")
    var owner: String?

    @Option(name: .long, help: "Rows per page.")
    var limit = 50

    @Option(name: .long, help: "Rows to skip.")
    var offset = 0

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        if state.contains("callback") {
            guard state == ["callback"], queue.isEmpty, owner == nil else {
                throw ValidationError("--state callback lists promised callbacks on its own: drop the other --state, --queue and --owner options")
            }
            try CallbackListing.print(store: store.openStore(.read), limit: limit, offset: offset, json: output.json, now: try StoreOptions.now())
            return
        }
        var states: Set<ThreadState> = [.queued, .afterHours, .claimed]
        if !state.isEmpty {
            states = try Set(state.map { name in
                guard let parsed = ThreadState(rawValue: name) else {
                    throw ValidationError("unknown state \(name); use \(ThreadState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return parsed
            })
        }
        let known = try store.loadConfig().allQueueNames
        if let unknown = queue.first(where: { !known.contains($0) }) {
            throw ValidationError("no queue \(unknown); the queues are \(known.joined(separator: ", "))")
        }
        let handoffs = try store.openStore(.read)
        let query = ThreadQuery(queues: queue.isEmpty ? nil : queue, states: states, owner: owner, limit: max(1, limit), offset: max(0, offset))
        let threads = try handoffs.threads(query)
        let now = try StoreOptions.now()
        if output.json {
            for thread in threads { Output.json(JSONOutput.thread(thread, now: now)) }
            return
        }
        let total = try handoffs.threadCount(query)
        var rows = [["ID", "QUEUE", "PRI", "STATE", "TRIGGER", "SENT", "WAIT", "PICKUP", "OWNER", "CUSTOMER"]]
        for thread in threads {
            let pickup = thread.pickupRemaining(at: now).map { $0 < 0 ? "BREACH \(Formatting.duration(-$0))" : Formatting.duration($0) } ?? "-"
            rows.append([
                Sanitizer.line(thread.id), thread.queue, thread.priority.rawValue, thread.state.rawValue,
                thread.trigger?.shortLabel ?? "-", SentimentBand(score: thread.sentiment).rawValue.prefix(3).description,
                thread.waited(at: now).map(Formatting.duration) ?? "-", pickup,
                thread.owner ?? (thread.suggestedAgent.map { "(→\($0))" } ?? "-"),
                Sanitizer.line(String(thread.customerName.prefix(30))),
            ])
        }
        Output.text(Formatting.table(rows))
        Output.text("\(threads.count) of \(total) thread\(total == 1 ? "" : "s")")
    }
}
