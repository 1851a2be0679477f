import BatonCore
import BatonStore
import Foundation
import Hummingbird

/// `GET /v1/threads/{id}`: state, holder, owner and the context packet.
struct ThreadsController {
    let api: BatonAPI

    func addRoutes(to group: RouterGroup<BatonRequestContext>) {
        group.get(":id") { _, context in
            let id = try context.parameters.require("id")
            let store = api.store
            let read = try await api.run { () -> (ThreadDetail?, Int) in
                (try store.thread(id: id), try store.events(threadID: id, afterSequence: 0, limit: 10_000).last?.sequence ?? 0)
            }
            guard let detail = read.0 else { throw APIProblem.notFound("no conversation \(id)") }
            return APIResponse(json: try Self.json(detail, lastSequence: read.1, now: api.clock())).response
        }
    }

    static func json(_ detail: ThreadDetail, lastSequence: Int, now: Date) throws -> JSONValue {
        let thread = detail.summary
        return .object([
            ("id", .string(thread.id)),
            ("state", .string(thread.state.rawValue)),
            ("holder", .string(Holder(thread.state).rawValue)),
            ("owner", .from(thread.owner)),
            ("queue", thread.queue.isEmpty ? .null : .string(thread.queue)),
            ("priority", .string(thread.priority.rawValue)),
            ("trigger", .from(thread.trigger?.rawValue)),
            ("escalation_level", .from(thread.escalationLevel)),
            ("queued_at", .from(thread.queuedAt)),
            ("pickup_deadline", .from(thread.pickupDeadline)),
            ("pickup_remaining_s", .from(thread.pickupRemaining(at: now).map { $0.rounded() })),
            ("claimed_at", .from(thread.claimedAt)),
            ("last_sequence", .from(lastSequence)),
            ("packet", try detail.packet.map(APIJSON.encoded) ?? .null),
        ])
    }
}
