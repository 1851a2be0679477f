import Foundation
import BatonCore
import BatonStore

/// The callbacks scope: threads whose customer was promised a call, due first; the row counts down to the
/// call and an overdue one is drawn as an alert. Claiming one works as for any waiting thread.
extension ConsoleSession {
    var isListingCallbacks: Bool { state.mode == .agent && state.scope == .callbacks }

    /// One page of promised callbacks as list rows.
    func callbackRows(offset: Int, limit: Int) throws -> [ThreadRow] {
        try store.callbacks(limit: limit, offset: offset).map { task in
            var row = ThreadRow(task.thread)
            row.callbackDue = task.dueAt
            return row
        }
    }
}
