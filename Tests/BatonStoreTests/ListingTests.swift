import Foundation
import GRDB
import Testing
import BatonCore
@testable import BatonStore

/// Pages, counts and queue counts read through indexes and trigger-kept counters must say exactly what
/// a plain scan of every thread says, after any mix of lifecycle operations.
@Suite struct ListingTests {
    let t0 = StoreFixtures.t0
    let queues = ["billing", "sales", "security", "tech"]
    let agents = ["ana", "bo", "cy"]

    /// A deterministic mix of handoffs (some after hours), claims, replies, transfers, requeues, releases,
    /// resolutions, reopenings and sweeps over 80 threads and four queues.
    func churnedStore() throws -> SQLiteHandoffStore {
        let store = try StoreFixtures.staffedStore()
        try store.register("cy")
        var random = SeededRandom(seed: 42)
        let ids = (0..<80).map { "t\($0)" }
        func randomRequest(_ id: String) -> HandoffRequest {
            let at = t0.addingTimeInterval(Double(random.next(100)))
            return StoreFixtures.request(id, queue: queues[random.next(queues.count)], priority: [.high, .medium, .low][random.next(3)],
                                         afterHours: random.next(6) == 0, at: at, window: Double(60 + random.next(600)))
        }
        // Threads come in every way the store inserts them: one at a time, as a message event, in a batch, and
        // in a batch that hands some off as it records them.
        for (index, id) in ids.prefix(40).enumerated() {
            if index % 4 == 3 {
                _ = try store.recordEvent(conversationID: id, channel: .whatsapp, customer: Customer(id: "cust-\(id)"),
                                          message: Message(role: .customer, text: "hello"), now: t0)
            } else {
                _ = try store.record(StoreFixtures.conversation(id), now: t0)
            }
        }
        _ = try store.record(ids[40..<60].map { StoreFixtures.conversation($0) }, now: t0)
        let planned = try store.record(ids[60...].map { StoreFixtures.conversation($0) } + [StoreFixtures.conversation("t61")],
                                       now: t0) { _, _ in ids[60...].enumerated().filter { $0.offset % 3 != 2 }.map { randomRequest($0.element) } }
        #expect(planned.handoffs.allSatisfy { if case .success = $0 { true } else { false } })
        for (index, id) in ids.prefix(60).enumerated() where index % 8 != 7 {  // some threads stay with the AI
            try store.handoff(randomRequest(id), now: t0.addingTimeInterval(100))
        }
        for step in 0..<300 {
            let id = ids[random.next(ids.count)]
            let agent = agents[random.next(agents.count)]
            let now = t0.addingTimeInterval(200 + Double(step))
            do {
                switch random.next(9) {
                case 0, 1: try store.claim(threadID: id, agent: agent, now: now)
                case 2: try store.reply(threadID: id, agent: agent, text: "on it", now: now)
                case 3: try store.transfer(threadID: id, actor: agent, toQueue: queues[random.next(queues.count)], reason: nil,
                                           pickupDeadline: now.addingTimeInterval(Double(random.next(900))), now: now)
                case 4: try store.requeue(threadID: id, actor: agent, reason: nil, pickupDeadline: now.addingTimeInterval(120), now: now)
                case 5: try store.release(threadID: id, agent: agent, note: nil, now: now)
                case 6: try store.resolve(threadID: id, agent: agent, disposition: .solved, note: nil, now: now)
                case 7: try store.reopen(threadID: id, pickupDeadline: now.addingTimeInterval(300), afterHours: false, now: now)
                default: _ = try store.sweep(now: now, queues: queues.map { QueueConfig(name: $0) })
                }
            } catch is LifecycleError {
                // Refusals (not the owner, wrong state) are part of the mix.
            }
        }
        return store
    }

    /// Every thread, straight from the table without any index.
    func everyThread(_ store: SQLiteHandoffStore) throws -> [ThreadSummary] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(ThreadRow.columns) FROM threads NOT INDEXED").map(ThreadRow.summary)
        }
    }

    /// Each thread's stored sort rank: its priority's, moved ahead when it was captured (`QueueOrder`).
    func sortRanks(_ store: SQLiteHandoffStore) throws -> [String: Int] {
        try store.writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, priority_rank FROM threads NOT INDEXED")
                .map { ($0[0] as String, $0[1] as Int) })
        }
    }

    func displayOrder(_ ranks: [String: Int]) -> (ThreadSummary, ThreadSummary) -> Bool {
        { a, b in
            let (left, right) = (ranks[a.id] ?? a.priority.rank, ranks[b.id] ?? b.priority.rank)
            if left != right { return left < right }
            return self.sameRankOrder(a, b)
        }
    }

    func sameRankOrder(_ a: ThreadSummary, _ b: ThreadSummary) -> Bool {
        if a.escalationLevel != b.escalationLevel { return a.escalationLevel > b.escalationLevel }
        if a.queuedAt != b.queuedAt {
            guard let left = a.queuedAt else { return true }  // SQLite sorts NULL first
            guard let right = b.queuedAt else { return false }
            return left < right
        }
        return a.id < b.id
    }

    @Test func everyFilterCombinationPagesAndCountsLikeAFullScan() throws {
        let store = try churnedStore()
        let all = try everyThread(store)
        let ranks = try sortRanks(store)
        #expect(Set(all.map(\.state)).count >= 4, "the mix should leave threads in most states")
        let stateSets = (1..<(1 << ThreadState.allCases.count)).map { mask in
            Set(ThreadState.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
        }
        let queueFilters: [[String]?] = [nil, ["sales"], ["billing", "tech", "nowhere"], ["nowhere"]]
        for states in stateSets {
            for queueFilter in queueFilters {
                for owner in [nil, "ana"] as [String?] {
                    let expected = all.filter { thread in
                        states.contains(thread.state) && (queueFilter?.contains(thread.queue) ?? true)
                            && (owner == nil || thread.owner == owner)
                    }.sorted(by: displayOrder(ranks)).map(\.id)
                    let query = ThreadQuery(queues: queueFilter, states: states, owner: owner)
                    #expect(try store.threadCount(query) == expected.count, "count of \(query)")
                    for (offset, limit) in [(0, 100), (0, 7), (5, 7), (expected.count - 1, 3), (expected.count + 2, 5)] where offset >= 0 {
                        let page = try store.threads(ThreadQuery(queues: queueFilter, states: states, owner: owner,
                                                                 limit: limit, offset: offset))
                        #expect(page.map(\.id) == Array(expected.dropFirst(offset).prefix(limit)), "page \(offset)+\(limit) of \(query)")
                    }
                }
            }
        }
    }

    @Test func countersAgreeWithTheThreadsTable() throws {
        let store = try churnedStore()
        let (counters, scanned) = try store.writer.read { db in
            (try Row.fetchAll(db, sql: "SELECT queue, state, threads FROM thread_counts WHERE threads <> 0 ORDER BY 1, 2"),
             try Row.fetchAll(db, sql: "SELECT queue, state, COUNT(*) AS threads FROM threads NOT INDEXED GROUP BY 1, 2 ORDER BY 1, 2"))
        }
        #expect(counters == scanned)
    }

    @Test func queueCountsMatchAFullScanAtAnyTime() throws {
        let store = try churnedStore()
        let all = try everyThread(store)
        // Before every deadline, between them (both sides of the middle), and after all of them.
        for seconds in [0.0, 300, 450, 600, 750, 900, 1_200, 100_000] {
            let now = t0.addingTimeInterval(seconds)
            let counts = try store.queueCounts(now: now)
            let listed = all.filter { [.queued, .afterHours, .claimed].contains($0.state) }
            #expect(counts.filter { $0.waiting + $0.claimed > 0 }.map(\.queue) == Set(listed.map(\.queue)).sorted())
            for count in counts {
                let waiting = listed.filter { $0.queue == count.queue && $0.state != .claimed }
                #expect(count.waiting == waiting.count, "waiting in \(count.queue)")
                #expect(count.claimed == listed.filter { $0.queue == count.queue && $0.state == .claimed }.count)
                #expect(count.oldestQueuedAt == waiting.compactMap(\.queuedAt).min(), "oldest in \(count.queue)")
                #expect(count.nearestDeadline == waiting.compactMap(\.pickupDeadline).min(), "nearest in \(count.queue)")
                let breached = waiting.filter { $0.state == .queued && ($0.pickupDeadline.map { $0 < now } ?? false) }
                #expect(count.breached == breached.count, "breached in \(count.queue) at +\(seconds)s")
            }
        }
    }

    @Test func pagesStayRightAcrossMoreQueuesThanOneMergeTakes() throws {
        let store = try StoreFixtures.staffedStore()
        try store.register("cy")
        let count = ThreadListing.mergeLimit + 5
        for index in 0..<count {
            let id = "m\(index)"
            _ = try store.record(StoreFixtures.conversation(id), now: t0)
            let at = t0.addingTimeInterval(Double(count - index))
            try store.handoff(StoreFixtures.request(id, queue: "q\(index)", priority: index.isMultiple(of: 3) ? .high : .low, at: at), now: at)
        }
        let expected = try everyThread(store).sorted(by: displayOrder(try sortRanks(store))).map(\.id)
        #expect(try store.threads(ThreadQuery(limit: 500)).map(\.id) == expected)
        #expect(try store.threads(ThreadQuery(limit: 10, offset: 100)).map(\.id) == Array(expected[100..<110]))
        #expect(try store.threadCount(ThreadQuery()) == count)
    }

    @Test func busyWaitsNapBrieflyAndGiveUpAtTheTimeout() {
        let callback = BusyWait.callback(timeout: 0.2)
        let started = DispatchTime.now().uptimeNanoseconds
        var tries = 0
        while callback(tries) { tries += 1 }
        let waited = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        #expect(waited >= 0.2)
        #expect(waited < 1.0)
        // SQLite's own handler tries about 8 times in 200 ms; naps of at most 0.5 ms try far more often,
        // and naps of at least 50 µs never spin.
        #expect(tries >= 40, "tried \(tries) times")
        #expect(tries <= 4_000, "tried \(tries) times")
    }
}

/// A small deterministic generator, so the mixes above are the same on every run.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
