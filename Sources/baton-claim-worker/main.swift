// A helper process for BatonStoreTests' multi-process test: it claims every queued thread of one
// queue it can get, as one agent, and prints the ids it won, one per line.
//
// Usage: baton-claim-worker <database path> <queue> <agent> <start at, seconds since 1970>
import Foundation
import BatonCore
import BatonStore

let arguments = CommandLine.arguments
guard arguments.count == 5, let startAt = Double(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: baton-claim-worker <database> <queue> <agent> <start-epoch-seconds>\n".utf8))
    exit(2)
}
let (path, queue, agent) = (arguments[1], arguments[2], arguments[3])

do {
    // Every worker starts at the same moment, opening included, so their work really overlaps.
    let wait = startAt - Date().timeIntervalSince1970
    if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    let store = try SQLiteHandoffStore(path: path, busyTimeout: 30)
    var won: [String] = []
    var refused = 0
    while true {
        let page = try store.threads(ThreadQuery(queues: [queue], states: [.queued], limit: 8))
        if page.isEmpty { break }
        for thread in page.shuffled() {
            do {
                try store.claim(threadID: thread.id, agent: agent, now: Date())
                won.append(thread.id)
            } catch let error as LifecycleError {
                // Another process got there first; that is the point of the test.
                if case .heldBy = error { refused += 1 } else { throw error }
            }
        }
    }
    print(won.joined(separator: "\n"))
    FileHandle.standardError.write(Data("\(agent): won \(won.count), refused \(refused)\n".utf8))
} catch {
    FileHandle.standardError.write(Data("baton-claim-worker \(agent): \(error)\n".utf8))
    exit(1)
}
