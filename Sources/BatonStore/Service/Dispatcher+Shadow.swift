import Foundation
import BatonCore

extension Dispatcher {
    /// The request as this conversation's mode has it: in shadow mode, outside the pilot share, marked `shadow`
    /// so the store records the decision and the AI keeps the conversation.
    func applyingMode(_ request: HandoffRequest) -> HandoffRequest {
        guard request.takenOverBy == nil, !config.engine.handsOffLive(request.threadID) else { return request }
        var shadow = request
        shadow.shadow = true
        return shadow
    }

    /// Shadow decisions since `since` and their totals by trigger, for `baton shadow` and the monthly review.
    public func shadowReport(since: Date, limit: Int = 100_000) throws -> (records: [ShadowRecord], summary: ShadowSummary) {
        let records = try store.shadowDecisions(since: since, limit: limit)
        return (records, ShadowSummary(records))
    }
}
