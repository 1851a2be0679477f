import Testing
import Foundation
import BatonCore
@testable import BatonConsole

/// Whole screens rendered into the buffer and compared as text, at 120×40, 80×24 and 40×12.
@Suite("Screens: whole-screen renders")
struct ScreenTests {
    typealias F = ConsoleFixtures

    @Test("The agent view at 120×40: list and packet side by side, hostile and wide names aligned")
    func agent120x40() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 120, rows: 40))
        #expect(F.screen(session) == """
             Baton · Ana · agent view                                                                         10:00:00 UTC · ? help
            billing 3 · 6m40 · ⏱-1:40 │ tech 1 · 10s · ⏱9:50
              Customer      Why       S  Wait  Pickup Owner       │Marta Núñez · gold · webchat · en  ● -0.70 negative ▅▄▂ worsening
            ! Marta Núñez   explicit  ●  6m40   -1:40             │billing · high · waiting 6m40 · pickup late by 1m40
            · Evil␛[2J␛]52… sentiment ●  2m00    3:00             │Charged twice for order 1182; wants the duplicate refunded.
            · 👩‍💻 王小明 🇲🇽… policy    ●   30s    4:30             │AI checked one charge, customer asked for a human.
                                                                  │Why   explicit — customer asked for a human
                                                                  │Tried 1 answer, last: I can see one charge.
                                                                  │      kb: kb-refunds
                                                                  │Do    Refund the duplicate charge of order 1182.
                                                                  │Reply Hi, I can help with that refund now.
                                                                  │── transcript ─ Tab to read ─────────────────────────────────────
                                                                  │customer 09:51 I was charged twice for order 1182
                                                                  │ai 09:51 I can see one charge. Could you check your statement?
                                                                  │customer 09:52 I already did. Let me talk to a human please
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
             my queues: 3 threads
             Space urgent  p paged  c claim  s send suggested  r reply  x resolve  a to AI  / search  Tab transcript  ? more
            """)
    }

    @Test("The agent view at 80×24: list above the packet")
    func agent80x24() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 80, rows: 24))
        #expect(F.screen(session) == """
             Baton · Ana · agent view                                 10:00:00 UTC · ? help
            billing 3 · 6m40 · ⏱-1:40 │ tech 1 · 10s · ⏱9:50
              Customer                                Why       S  Wait  Pickup Owner
            ! Marta Núñez                             explicit  ●  6m40   -1:40
            · Evil␛[2J␛]52;c;cGF5bWU=␇Co<U+202E>rp<U… sentiment ●  2m00    3:00
            · 👩‍💻 王小明 🇲🇽 José                       policy    ●   30s    4:30




            ────────────────────────────────────────────────────────────────────────────────
            Marta Núñez · gold · webchat · en  ● -0.70 negative ▅▄▂ worsening
            billing · high · waiting 6m40 · pickup late by 1m40
            Charged twice for order 1182; wants the duplicate refunded.
            AI checked one charge, customer asked for a human.
            Why   explicit — customer asked for a human
            Do    Refund the duplicate charge of order 1182.
            Reply Hi, I can help with that refund now.
            ── transcript ─ Tab to read ────────────────────────────────────────────────────
            customer 09:51 I was charged twice for order 1182
            ai 09:51 I can see one charge. Could you check your statement?
            customer 09:52 I already did. Let me talk to a human please
             my queues: 3 threads
             Space urgent  p paged  c claim  s send suggested  r reply  x resolve  ? more
            """)
    }

    @Test("At 40×12 only a clear notice is drawn, no garbage")
    func tooSmall40x12() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 40, rows: 12))
        #expect(F.screen(session) == """




                       terminal too small
                          (need 60×16,
                          now 40×12);
                            q quits




            """)
    }

    @Test("The hostile thread's packet: escape sequences, OSC 52, bidi and BEL are shown, not obeyed")
    func hostile80x24() throws {
        let session = try F.session(try F.scene(), size: TerminalSize(columns: 80, rows: 24))
        _ = session.handle(.character("j"))
        #expect(F.screen(session) == """
             Baton · Ana · agent view                                 10:00:00 UTC · ? help
            billing 3 · 6m40 · ⏱-1:40 │ tech 1 · 10s · ⏱9:50
              Customer                                Why       S  Wait  Pickup Owner
            ! Marta Núñez                             explicit  ●  6m40   -1:40
            · Evil␛[2J␛]52;c;cGF5bWU=␇Co<U+202E>rp<U… sentiment ●  2m00    3:00
            · 👩‍💻 王小明 🇲🇽 José                       policy    ●   30s    4:30




            ────────────────────────────────────────────────────────────────────────────────
            Evil␛[2J␛]52;c;cGF5bWU=␇C… · gold · webchat · en  ● -0.10 neutral ▅▄▄ worsening
            billing · medium · waiting 2m00 · pickup in 3:00
            Charged twice for order 1182; wants the duplicate refunded.
            AI checked one charge, customer asked for a human.
            Why   sentiment — customer asked for a human
            Tried 1 answer, last: I can see one charge.
            Do    Refund the duplicate charge of order 1182.
            Reply Hi, I can help with that refund now.
            ── transcript ─ Tab to read ────────────────────────────────────────────────────
            customer 09:56 hi␛]0;pwned␇ there␛[31m red␇
              second line<U+202E>olleh
             my queues: 3 threads
             Space urgent  p paged  c claim  s send suggested  r reply  x resolve  ? more
            """)
    }

    @Test("The supervisor view at 120×40: queues with countdown bars, agents and what they hold, notices, figures")
    func supervisor120x40() throws {
        let session = try F.session(try F.supervisorScene(), agent: "sue", supervisor: true, size: TerminalSize(columns: 120, rows: 40), stats: F.stats)
        _ = session.handle(.character("S"))
        #expect(F.screen(session) == """
             Baton · Sue · supervisor view                                                                    10:00:00 UTC · ? help
            tech 1 · 10s · ⏱9:50 │ billing 2 · 6m40 · ⏱3:00 · 1 late
              Customer      Queue     S  Wait  Pickup Owner       │Queues
            ! Marta Núñez   billing   ●  6m40 ↑1 5:00             │tech        1 waiting ████████  9:50 · 0 late
            · Evil␛[2J␛]52… billing   ●  2m00    3:00             │  Tech Person ████ 9:50
            · 👩‍💻 王小明 🇲🇽… billing   ●   30s         held by bob │billing     2 waiting █████░░░  3:00 · 1 late
            · Tech Person   tech      ●   10s    9:50             │  Marta Núñez ████ 5:00   Evil␛[2J␛]5… ██░░ 3:00
                                                                  │
                                                                  │Agents
                                                                  │Ana          available ░░░░░ 0/3
                                                                  │Bob          available ██░░░ 1/3  👩‍💻 王小明 🇲🇽 José
                                                                  │Sue          available ░░░░░ 0/3
                                                                  │
                                                                  │Today
                                                                  │handoff rate 12% · false escalations 3% · CSAT 4.3
                                                                  │median pickup 1m20 · median resolution 10m00
                                                                  │handoffs/h ▂▄▅▃█
                                                                  │pickup/h   ▆█▃
                                                                  │
                                                                  │Breaches (24 h): 1 · 1–1 of 1
                                                                  │10:00 Marta Núñez in billing missed pickup, level 1
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
                                                                  │
             all queues: 4 threads
             F force-release  R reassign  / search  Tab breaches  S agent view  q quit  ? more
            """)
    }
}
