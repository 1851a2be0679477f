import ArgumentParser
import BatonCore
import Foundation

/// `baton notifications`: breach notifications still due, or given up on.
struct NotificationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications",
        abstract: "List pickup-window breach notifications still to be announced, or those that failed for good.",
        discussion: "`baton sweep` runs the due ones. --retry makes every failed one due again.")

    @Flag(name: .long, help: "List the notifications given up on after their last retry.") var failed = false
    @Flag(name: .long, help: "Make every failed notification due again (the next sweep runs it).") var retry = false
    @Option(name: .long, help: "Rows to list.") var limit = 50
    @OptionGroup var store: StoreOptions

    func run() throws {
        let handoffs = try store.openStore(retry ? .change : .read)
        if retry {
            Output.text("\(try handoffs.retryFailedNotifications(now: try StoreOptions.now())) failed notifications are due again")
            return
        }
        let rows = failed ? try handoffs.failedNotifications(limit: max(1, limit))
                          : try handoffs.dueNotifications(now: .distantFuture, limit: max(1, limit))
        var table = [["THREAD", "QUEUE", "LEVEL", "BREACHED", "ATTEMPTS", "LAST ERROR"]]
        for row in rows {
            table.append([row.threadID, row.queue, String(row.level), ISO8601.format(row.at), String(row.attempts), row.lastError ?? "-"])
        }
        Output.text(rows.isEmpty ? (failed ? "no failed notifications" : "no notifications waiting") : Formatting.table(table))
    }
}
