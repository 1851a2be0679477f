import BatonCore
import BatonStore
import Foundation

/// `baton queue --state callback`: promised callbacks, due first, overdue ones marked.
enum CallbackListing {
    static func print(store: any HandoffStore, limit: Int, offset: Int, json: Bool, now: Date) throws {
        let tasks = try store.callbacks(limit: max(1, limit), offset: max(0, offset))
        if json {
            for task in tasks {
                guard case .object(var fields) = JSONOutput.thread(task.thread, now: now) else { continue }
                fields.append(("callback_at", .string(ISO8601.format(task.dueAt))))
                fields.append(("overdue", .bool(task.isOverdue(at: now))))
                Output.json(.object(fields))
            }
            return
        }
        let total = try store.callbackCount()
        var rows = [["ID", "QUEUE", "STATE", "DUE", "CALL AT", "CUSTOMER"]]
        for task in tasks {
            let remaining = task.remaining(at: now)
            rows.append([
                Sanitizer.line(task.thread.id), task.thread.queue, task.thread.state.rawValue,
                remaining < 0 ? "OVERDUE \(Formatting.duration(-remaining))" : "in \(Formatting.duration(remaining))",
                ISO8601.format(task.dueAt), Sanitizer.line(String(task.thread.customerName.prefix(30))),
            ])
        }
        Output.text(Formatting.table(rows))
        Output.text("\(tasks.count) of \(total) callback\(total == 1 ? "" : "s")")
    }
}
