import BatonCore
import BatonStore
import Foundation
import Hummingbird

/// `GET /v1/queues`: per queue, waiting and claimed counts, oldest wait, wait estimate and agents available and on
/// shift; an open queue with nobody on shift says so instead of a wait, with its after-hours choice.
struct QueuesController {
    let api: BatonAPI

    func addRoutes(to group: RouterGroup<BatonRequestContext>) {
        group.get { _, _ in
            let store = api.store
            let now = api.clock()
            let (counts, agents) = try await api.run { (try store.queueCounts(now: now), try store.agents()) }
            let config = api.config
            var names = config.allQueueNames
            for count in counts where !count.queue.isEmpty && !names.contains(count.queue) { names.append(count.queue) }
            let queues: [JSONValue] = names.map { name in
                let queue = config.queue(named: name)
                let count = counts.first { $0.queue == name }
                let staffing = Staffing(of: queue, among: agents)
                return .object([
                    ("name", .string(name)),
                    ("open", .bool(queue.hours.isOpen(at: now))),
                    ("waiting", .from(count?.waiting ?? 0)),
                    ("claimed", .from(count?.claimed ?? 0)),
                    ("breached", .from(count?.breached ?? 0)),
                    ("oldest_wait_s", .from(count?.oldestQueuedAt.map { max(0, now.timeIntervalSince($0)).rounded() })),
                    ("wait", APIJSON.wait(in: queue, staffing: staffing, ahead: count?.waiting ?? 0,
                                          recentHandleTimes: count?.recentHandleTimes ?? [], config: config, now: now)),
                    ("agents_available", .from(staffing.available)),
                    ("agents_on_shift", .from(staffing.onShift)),
                    ("free_slots", .from(staffing.freeSlots)),
                ])
            }
            return APIResponse(json: .object([("queues", .array(queues))])).response
        }
    }
}
