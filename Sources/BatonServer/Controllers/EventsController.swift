import BatonCore
import BatonStore
import Foundation
import Hummingbird

/// `GET /v1/events`: the outbox as a replay feed (cursor, long poll); `POST /v1/events/ack`.
struct EventsController {
    let api: BatonAPI

    func addRoutes(to group: RouterGroup<BatonRequestContext>) {
        group.get { request, _ in try await events(request) }
        group.post("ack") { request, context in
            try await api.post(request, context: context) { try await acknowledge($0) }
        }
    }

    func events(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let after = try Self.integer(query["after"].map(String.init), "after", default: 0, range: 0...Int64.max)
        let limit = Int(try Self.integer(query["limit"].map(String.init), "limit", default: 100, range: 1...1000))
        let wait = try Self.duration(query["wait"].map(String.init), max: api.settings.maxLongPoll)
        let deadline = ContinuousClock.now + wait
        let store = api.store
        while true {
            let events = try await api.run { try store.outbox(afterID: after, limit: limit, includeDelivered: true) }
            if !events.isEmpty || ContinuousClock.now >= deadline {
                let next = events.last?.id ?? after
                return APIResponse(json: .object([
                    ("events", .array(events.map(APIJSON.event))),
                    ("next_cursor", .string(String(next))),
                ])).response
            }
            await api.watcher.wait(after: after, until: deadline)
            if Task.isCancelled { throw CancellationError() }
        }
    }

    /// `{"ids": [1, 2, 3]}`: marks events delivered (they stay in the replay feed); answers how many were new,
    /// how many were already marked, and which ids name no event.
    func acknowledge(_ body: [UInt8]) async throws -> APIResponse {
        var fields = APIInput.Fields(try APIInput.object(body))
        guard let numbers = try fields.numbers("ids") else { throw APIProblem.invalid("missing; the event ids to acknowledge", field: "ids") }
        try fields.rejectUnknown()
        guard numbers.count <= 10_000 else { throw APIProblem.invalid("at most 10000 ids at once, got \(numbers.count)", field: "ids") }
        let ids = try numbers.enumerated().map { index, number -> Int64 in
            guard number == number.rounded(), number >= 1, number < 9.0e15 else {
                throw APIProblem.invalid("must be a positive whole number, got \(number)", field: "ids[\(index)]")
            }
            return Int64(number)
        }
        let store = api.store
        let now = api.clock()
        let marked = try await api.run { try store.acknowledge(outboxIDs: ids, now: now) }
        return APIResponse(json: .object([
            ("acknowledged", .from(marked.newlyDelivered)),
            ("already_acknowledged", .from(marked.alreadyDelivered)),
            ("unknown", .array(marked.unknown.map { .number(Double($0)) })),
        ]))
    }

    static func integer(_ text: String?, _ name: String, default value: Int64, range: ClosedRange<Int64>) throws -> Int64 {
        guard let text else { return value }
        guard let number = Int64(text), range.contains(number) else {
            throw APIProblem.invalid("must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"", field: name)
        }
        return number
    }

    /// `30s`, `2m`, `500ms` or plain seconds, at most `max`.
    static func duration(_ text: String?, max: Duration) throws -> Duration {
        guard let text, !text.isEmpty else { return .zero }
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        var number = Double(text)
        if number == nil, let (suffix, scale) = units.first(where: { text.hasSuffix($0.0) }) {
            number = Double(text.dropLast(suffix.count)).map { $0 * scale }
        }
        guard let seconds = number, seconds.isFinite, seconds >= 0 else {
            throw APIProblem.invalid("must be a duration such as 30s, got \"\(text)\"", field: "wait")
        }
        let wait = Duration.milliseconds(Int64((seconds * 1000).rounded()))
        guard wait <= max else { throw APIProblem.invalid("at most \(max.components.seconds)s, got \"\(text)\"", field: "wait") }
        return wait
    }
}
