extension Array where Element == QueueCounts {
    /// Counts one more thread waiting in `queue`, adding the queue when nothing waited or was held there,
    /// so the next customer planned from these counts (say in the same ingest batch) is told the wait
    /// behind this one.
    public mutating func join(queue: String) {
        if let index = firstIndex(where: { $0.queue == queue }) {
            self[index].waiting += 1
        } else {
            append(QueueCounts(queue: queue, waiting: 1, claimed: 0, oldestQueuedAt: nil, nearestDeadline: nil, breached: 0,
                               escalations: 0, recentHandleTimes: []))
        }
    }
}
