import Foundation
import Testing
import BatonCore
@testable import BatonStore

/// `baton review` on a fixed store with an injected clock: the facts the store reads and the whole report.
@Suite struct ReviewTests {
    static let now = StoreFixtures.t0.addingTimeInterval(30 * 86_400)
    static let day: TimeInterval = 86_400

    static func conversation(_ id: String, customer: String, text: String, at: Date) -> Conversation {
        Conversation(id: id, customer: Customer(id: customer, name: "Customer \(customer)", language: "en"),
                     messages: [Message(role: .customer, text: text, at: at), Message(role: .ai, text: "Let me check.", at: at + 5)])
    }

    static func handOff(_ store: SQLiteHandoffStore, _ id: String, customer: String, text: String, queue: String = "billing",
                        trigger: TriggerKind = .explicitRequest, at: Date) throws {
        _ = try store.record(conversation(id, customer: customer, text: text, at: at), now: at + 10)
        var request = StoreFixtures.request(id, queue: queue, at: at + 10)
        request.packet = StoreFixtures.packet(id, queue: queue, trigger: trigger)
        try store.handoff(request, now: at + 10)
    }

    /// Previous week: p1 (billing, explicit request, resolved in 10 min). This week: c1 (billing, explicit
    /// request, 15 min, rated 5), c2 (billing, sentiment, the customer repeats themselves, 1 h, marked
    /// ai_could_have_handled, rated 2), c3 (tech, tool failure, transferred to billing, unclaimed), and a1, kept
    /// by the AI; CSAT 4 after handoff, 5 with the AI alone.
    static func store() throws -> SQLiteHandoffStore {
        let store = try StoreFixtures.staffedStore()
        let p1 = now - 10 * day
        try handOff(store, "p1", customer: "u1", text: "I need a person about my invoice", at: p1)
        try store.claim(threadID: "p1", agent: "ana", now: p1 + 70)
        try store.resolve(threadID: "p1", agent: "ana", disposition: .solved, note: nil, now: p1 + 610)

        let c1 = now - 6 * day
        try handOff(store, "c1", customer: "u2", text: "Talk to a human about my invoice please", at: c1)
        try store.claim(threadID: "c1", agent: "ana", now: c1 + 130)
        try store.resolve(threadID: "c1", agent: "ana", disposition: .solved, note: nil, now: c1 + 910)
        try store.ratePacket(threadID: "c1", agent: "ana", rating: 5, note: nil, now: c1 + 920)
        try store.recordCSAT(threadID: "c1", score: 4, now: c1 + 1000)

        let c2 = now - 5 * day
        try handOff(store, "c2", customer: "u3", text: "My refund for order 4411 never arrived", trigger: .sentiment, at: c2)
        try store.claim(threadID: "c2", agent: "bob", now: c2 + 310)
        _ = try store.recordEvent(conversationID: "c2", channel: nil, customer: nil,
                                  message: Message(role: .customer, text: "Again: my refund for order 4411 never arrived!", at: c2 + 320),
                                  now: c2 + 320)
        try store.resolve(threadID: "c2", agent: "bob", disposition: .aiCouldHaveHandled, note: nil, now: c2 + 3610)
        try store.ratePacket(threadID: "c2", agent: "bob", rating: 2, note: "no order number | no amount", now: c2 + 3620)

        let c3 = now - 1 * day
        try handOff(store, "c3", customer: "u4", text: "The export tool keeps failing", queue: "tech", trigger: .toolFailure, at: c3)
        try store.transfer(threadID: "c3", actor: "sue", toQueue: "billing", reason: "billing export", pickupDeadline: c3 + 900, now: c3 + 100)

        // u3 writes again about the refund two days later, and the AI keeps it: a repeat contact on "refund".
        _ = try store.record(conversation("r1", customer: "u3", text: "Where is my refund? Still nothing", at: c2 + 2 * day), now: c2 + 2 * day)
        _ = try store.record(conversation("a1", customer: "u5", text: "What are your opening hours?", at: now - 2 * day), now: now - 2 * day)
        try store.recordCSAT(threadID: "a1", score: 5, now: now - 2 * day + 60)
        return store
    }

    @Test func theStoreReadsTheFactsEachScoreComponentNeeds() throws {
        let store = try Self.store()
        let facts = try store.reviewFacts(since: Self.now - 14 * Self.day, contactsSince: Self.now - 60 * Self.day)
        let byID = Dictionary(uniqueKeysWithValues: facts.handoffs.map { ($0.threadID, $0) })
        #expect(facts.handoffs.map(\.threadID) == ["p1", "c1", "c2", "c3"])
        let c2 = try #require(byID["c2"])
        #expect(c2.customerBefore == ["My refund for order 4411 never arrived"])
        #expect(c2.customerAfterClaim == ["Again: my refund for order 4411 never arrived!"])
        #expect(c2.rating == 2 && c2.ratingNote == "no order number | no amount")
        #expect(c2.disposition == .aiCouldHaveHandled && c2.resolutionSeconds == 3600)
        #expect(byID["c3"]?.transfers == 1)
        #expect(byID["c1"]?.transfers == 0)
        #expect(facts.contacts.count == 6)
    }
}

extension ReviewTests {
    func report() throws -> ReviewReport {
        try Dispatcher(store: try Self.store(), config: BatonConfig(), clock: { Self.now })
            .review(since: Self.now - 7 * Self.day, now: Self.now)
    }

    @Test func theReviewAsTextOnAFixedStore() throws {
        #expect(try report().text() == #"""
            Handoff review 2026-06-01T06:13:20Z to 2026-06-08T06:13:20Z, against the 7 days before

            Overview
            ========
            figure                   this period  previous  trend
            handoffs                 3            1         +2
            conversations            5            1         +4
            mean quality score       66           97        -31.3
            packets rated by agents  2 of 3       0 of 1

            mean quality score (0–100)
              this period  ████████████████████▎          66
              previous     ██████████████████████████████ 97

            Handoffs by reason
            ==================
            reason            this period  previous  trend
            explicit_request  1            1         =
            sentiment         1            0         +1
            tool_failure      1            0         +1

            handoffs this period
              explicit_request  ██████████████████████████████ 1
              sentiment         ██████████████████████████████ 1
              tool_failure      ██████████████████████████████ 1

            False escalations by reason (resolved as ai_could_have_handled)
            ===============================================================
            reason            false escalations  resolved  share
            sentiment         1                  1         100%
            explicit_request  0                  1         0%

            share of resolved handoffs the AI could have handled
              sentiment         ██████████████████████████████ 100%
              explicit_request                                 0%

            Lowest quality scores (20 at most)
            ==================================
            thread  queue    reason            score  context  routing  transition  efficiency  rating  what cost points
            c3      billing  tool_failure      49     0.89     0.00     -           -           -       transferred to another queue; packet missing: transcript
            c2      billing  sentiment         51     0.89     1.00     0.00        0.25        0.25    customer repeated themselves: "Again: my refund for order 4411 never arrived!"; resolution 4.0× the queue's median; rated 2/5: no order number | no amount; packet missing: transcript
            c1      billing  explicit_request  97     0.89     1.00     1.00        1.00        1.00    packet missing: transcript
            components 0–1; - is not known yet (unclaimed, unresolved or unrated)

            score (0–100)
              c3  ███████████████▏               49
              c2  ███████████████▊               51
              c1  ██████████████████████████████ 97

            Repeat contacts by topic (within 30 days of an earlier one)
            ===========================================================
            topic   this period  previous  trend
            refund  1            0         +1

            repeat contacts this period
              refund  ██████████████████████████████ 1

            CSAT after handoff next to conversations the AI handled alone
            =============================================================
            conversations  CSAT  responses  previous  trend
            after handoff  4.00  1          -
            AI alone       5.00  1          -

            mean CSAT (1–5) this period
              after handoff  ████████████████████████       4.00
              AI alone       ██████████████████████████████ 5.00

            Time to pickup and resolution per queue (medians)
            =================================================
            queue    handoffs  pickup  resolution
            billing  3         2m00    15m00

            median time to pickup
              billing  ██████████████████████████████ 2m00

            median time to resolution
              billing  ██████████████████████████████ 15m00
            """#)
    }

    @Test func theReviewAsMarkdownOnAFixedStore() throws {
        #expect(try report().markdown() == #"""
            # Handoff review

            2026-06-01T06:13:20Z to 2026-06-08T06:13:20Z, against the 7 days before.

            ## Overview

            | figure | this period | previous | trend |
            | --- | --- | --- | --- |
            | handoffs | 3 | 1 | +2 |
            | conversations | 5 | 1 | +4 |
            | mean quality score | 66 | 97 | -31.3 |
            | packets rated by agents | 2 of 3 | 0 of 1 |  |

            **mean quality score (0–100)**

            ```
              this period  ████████████████████▎          66
              previous     ██████████████████████████████ 97
            ```

            ## Handoffs by reason

            | reason | this period | previous | trend |
            | --- | --- | --- | --- |
            | explicit_request | 1 | 1 | = |
            | sentiment | 1 | 0 | +1 |
            | tool_failure | 1 | 0 | +1 |

            **handoffs this period**

            ```
              explicit_request  ██████████████████████████████ 1
              sentiment         ██████████████████████████████ 1
              tool_failure      ██████████████████████████████ 1
            ```

            ## False escalations by reason (resolved as ai_could_have_handled)

            | reason | false escalations | resolved | share |
            | --- | --- | --- | --- |
            | sentiment | 1 | 1 | 100% |
            | explicit_request | 0 | 1 | 0% |

            **share of resolved handoffs the AI could have handled**

            ```
              sentiment         ██████████████████████████████ 100%
              explicit_request                                 0%
            ```

            ## Lowest quality scores (20 at most)

            | thread | queue | reason | score | context | routing | transition | efficiency | rating | what cost points |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            | c3 | billing | tool_failure | 49 | 0.89 | 0.00 | - | - | - | transferred to another queue; packet missing: transcript |
            | c2 | billing | sentiment | 51 | 0.89 | 1.00 | 0.00 | 0.25 | 0.25 | customer repeated themselves: "Again: my refund for order 4411 never arrived!"; resolution 4.0× the queue's median; rated 2/5: no order number \| no amount; packet missing: transcript |
            | c1 | billing | explicit_request | 97 | 0.89 | 1.00 | 1.00 | 1.00 | 1.00 | packet missing: transcript |

            _components 0–1; - is not known yet (unclaimed, unresolved or unrated)_

            **score (0–100)**

            ```
              c3  ███████████████▏               49
              c2  ███████████████▊               51
              c1  ██████████████████████████████ 97
            ```

            ## Repeat contacts by topic (within 30 days of an earlier one)

            | topic | this period | previous | trend |
            | --- | --- | --- | --- |
            | refund | 1 | 0 | +1 |

            **repeat contacts this period**

            ```
              refund  ██████████████████████████████ 1
            ```

            ## CSAT after handoff next to conversations the AI handled alone

            | conversations | CSAT | responses | previous | trend |
            | --- | --- | --- | --- | --- |
            | after handoff | 4.00 | 1 | - |  |
            | AI alone | 5.00 | 1 | - |  |

            **mean CSAT (1–5) this period**

            ```
              after handoff  ████████████████████████       4.00
              AI alone       ██████████████████████████████ 5.00
            ```

            ## Time to pickup and resolution per queue (medians)

            | queue | handoffs | pickup | resolution |
            | --- | --- | --- | --- |
            | billing | 3 | 2m00 | 15m00 |

            **median time to pickup**

            ```
              billing  ██████████████████████████████ 2m00
            ```

            **median time to resolution**

            ```
              billing  ██████████████████████████████ 15m00
            ```
            """#)
    }

    @Test func theReviewAsJSONOnAFixedStore() throws {
        #expect(try report().json() == #"""
            {
              "end" : "2026-06-08T06:13:20Z",
              "previous_start" : "2026-05-25T06:13:20Z",
              "sections" : [
                {
                  "charts" : [
                    {
                      "bars" : [
                        {
                          "display" : "66",
                          "label" : "this period",
                          "value" : 65.66666666666667
                        },
                        {
                          "display" : "97",
                          "label" : "previous",
                          "value" : 97
                        }
                      ],
                      "title" : "mean quality score (0–100)"
                    }
                  ],
                  "columns" : [
                    "figure",
                    "this period",
                    "previous",
                    "trend"
                  ],
                  "id" : "overview",
                  "rows" : [
                    [
                      "handoffs",
                      "3",
                      "1",
                      "+2"
                    ],
                    [
                      "conversations",
                      "5",
                      "1",
                      "+4"
                    ],
                    [
                      "mean quality score",
                      "66",
                      "97",
                      "-31.3"
                    ],
                    [
                      "packets rated by agents",
                      "2 of 3",
                      "0 of 1",
                      ""
                    ]
                  ],
                  "title" : "Overview"
                },
                {
                  "charts" : [
                    {
                      "bars" : [
                        {
                          "display" : "1",
                          "label" : "explicit_request",
                          "value" : 1
                        },
                        {
                          "display" : "1",
                          "label" : "sentiment",
                          "value" : 1
                        },
                        {
                          "display" : "1",
                          "label" : "tool_failure",
                          "value" : 1
                        }
                      ],
                      "title" : "handoffs this period"
                    }
                  ],
                  "columns" : [
                    "reason",
                    "this period",
                    "previous",
                    "trend"
                  ],
                  "id" : "reasons",
                  "rows" : [
                    [
                      "explicit_request",
                      "1",
                      "1",
                      "="
                    ],
                    [
                      "sentiment",
                      "1",
                      "0",
                      "+1"
                    ],
                    [
                      "tool_failure",
                      "1",
                      "0",
                      "+1"
                    ]
                  ],
                  "title" : "Handoffs by reason"
                },
                {
                  "charts" : [
                    {
                      "bars" : [
                        {
                          "display" : "100%",
                          "label" : "sentiment",
                          "value" : 1
                        },
                        {
                          "display" : "0%",
                          "label" : "explicit_request",
                          "value" : 0
                        }
                      ],
                      "title" : "share of resolved handoffs the AI could have handled"
                    }
                  ],
                  "columns" : [
                    "reason",
                    "false escalations",
                    "resolved",
                    "share"
                  ],
                  "id" : "false_escalations",
                  "rows" : [
                    [
                      "sentiment",
                      "1",
                      "1",
                      "100%"
                    ],
                    [
                      "explicit_request",
                      "0",
                      "1",
                      "0%"
                    ]
                  ],
                  "title" : "False escalations by reason (resolved as ai_could_have_handled)"
                },
                {
                  "charts" : [
                    {
                      "bars" : [
                        {
                          "display" : "49",
                          "label" : "c3",
                          "value" : 49
                        },
                        {
                          "display" : "51",
                          "label" : "c2",
                          "value" : 51
                        },
                        {
                          "display" : "97",
                          "label" : "c1",
                          "value" : 97
                        }
                      ],
                      "title" : "score (0–100)"
                    }
                  ],
                  "columns" : [
                    "thread",
                    "queue",
                    "reason",
                    "score",
                    "context",
                    "routing",
                    "transition",
                    "efficiency",
                    "rating",
                    "what cost points"
                  ],
                  "id" : "lowest_scores",
                  "note" : "components 0–1; - is not known yet (unclaimed, unresolved or unrated)",
                  "rows" : [
                    [
                      "c3",
                      "billing",
                      "tool_failure",
                      "49",
                      "0.89",
                      "0.00",
                      "-",
                      "-",
                      "-",
                      "transferred to another queue; packet missing: transcript"
                    ],
                    [
                      "c2",
                      "billing",
                      "sentiment",
                      "51",
                      "0.89",
                      "1.00",
                      "0.00",
                      "0.25",
                      "0.25",
                      "customer repeated themselves: \"Again: my refund for order 4411 never arrived!\"; resolution 4.0× the queue's median; rated 2/5: no order number | no amount; packet missing: transcript"
                    ],
                    [
                      "c1",
                      "billing",
                      "explicit_request",
                      "97",
                      "0.89",
                      "1.00",
                      "1.00",
                      "1.00",
                      "1.00",
                      "packet missing: transcript"
                    ]
                  ],
                  "title" : "Lowest quality scores (20 at most)"
                },
                {
                  "charts" : [
                    {
                      "bars" : [
                        {
                          "display" : "1",
                          "label" : "refund",
                          "value" : 1
                        }
                      ],
                      "title" : "repeat contacts this period"
                    }
                  ],
                  "columns" : [
                    "topic",
                    "this period",
                    "previous",
                    "trend"
                  ],
                  "id" : "repeat_contacts",
                  "rows" : [
                    [
                      "refund",
                      "1",
                      "0",
                      "+1"
                    ]
                  ],
                  "title" : "Repeat contacts by topic (within 30 days of an earlier one)"
                },
                {
                  "charts" : [
                    {
                      "bars" : [
                        {
                          "display" : "4.00",
                          "label" : "after handoff",
                          "value" : 4
                        },
                        {
                          "display" : "5.00",
                          "label" : "AI alone",
                          "value" : 5
                        }
                      ],
                      "title" : "mean CSAT (1–5) this period"
                    }
                  ],
                  "columns" : [
                    "conversations",
                    "CSAT",
                    "responses",
                    "previous",
                    "trend"
                  ],
                  "id" : "csat",
                  "rows" : [
                    [
                      "after handoff",
                      "4.00",
                      "1",
                      "-",
                      ""
                    ],
                    [
                      "AI alone",
                      "5.00",
                      "1",
                      "-",
                      ""
                    ]
                  ],
                  "title" : "CSAT after handoff next to conversations the AI handled alone"
                },
                {
                  "charts" : [
                    {
                      "bars" : [
                        {
                          "display" : "2m00",
                          "label" : "billing",
                          "value" : 120
                        }
                      ],
                      "title" : "median time to pickup"
                    },
                    {
                      "bars" : [
                        {
                          "display" : "15m00",
                          "label" : "billing",
                          "value" : 900
                        }
                      ],
                      "title" : "median time to resolution"
                    }
                  ],
                  "columns" : [
                    "queue",
                    "handoffs",
                    "pickup",
                    "resolution"
                  ],
                  "id" : "queues",
                  "rows" : [
                    [
                      "billing",
                      "3",
                      "2m00",
                      "15m00"
                    ]
                  ],
                  "title" : "Time to pickup and resolution per queue (medians)"
                }
              ],
              "start" : "2026-06-01T06:13:20Z"
            }
            """#)
    }
}
