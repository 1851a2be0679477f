import BatonCore
import Foundation
import Testing

/// Shadow mode, the pilot share and the selftest through the real `baton` binary.
@Suite("baton shadow mode and selftest")
struct ShadowEndToEndTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    func config(_ name: String, _ text: String) throws -> String {
        let path = directory.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func items(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { items } else { [] }
    }

    func line(_ id: String, _ text: String) -> String {
        #"{"id": "\#(id)", "channel": "webchat", "customer": {"id": "u-\#(id)", "name": "Ana Ruiz", "language": "en"}, "messages": [{"role": "customer", "text": "\#(text)"}]}"#
    }

    @Test("ingest in shadow mode stores decisions, hands nothing off; baton shadow lists them by trigger")
    func shadowIngest() throws {
        let config = try config("shadow.toml", "[engine]\nmode = \"shadow\"\n")
        let input = [line("s1", "I want to talk to a human"), line("s2", "what are your opening hours?")].joined(separator: "\n") + "\n"
        let ingest = try BatonProcess.run(["ingest", "-", "--db", db, "--config", config], input: Data(input.utf8))
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("handed off 0"))
        #expect(ingest.stdout.contains("shadow decisions 1"))

        let queue = try BatonProcess.run(["queue", "--json", "--db", db, "--config", config])
        #expect(queue.status == 0, "\(queue.stderr)")
        #expect(!queue.stdout.contains("s1"))

        let text = try BatonProcess.run(["shadow", "--db", db, "--config", config])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("1 decision"))
        #expect(text.stdout.contains("s1") && text.stdout.contains("explicit_request") && text.stdout.contains("kept by AI"))
        #expect(!text.stdout.contains("s2"))

        let json = try BatonProcess.run(["shadow", "--json", "--since", "7d", "--db", db, "--config", config])
        let report = try JSONReader.parse(json.stdout)
        #expect(report["mode"] == .string("shadow"))
        #expect(report["total"]?["decisions"] == .number(1))
        #expect(report["total"]?["kept_by_ai"] == .number(1))
        #expect(items(report["decisions"]).first?["conversation_id"] == .string("s1"))
        #expect(items(report["decisions"]).first?["queue"] == .string("general"))
        #expect(items(report["by_trigger"]).first?["trigger"] == .string("explicit_request"))
    }

    @Test("the pilot share is the same in every process: two stores, two runs, the same live conversations")
    func pilotIsStable() throws {
        let config = try config("pilot.toml", "[engine]\nmode = \"shadow\"\npilot_percent = 40\n")
        let ids = (0..<30).map { "pilot-\($0)" }
        let input = ids.map { line($0, "I want to talk to a human") }.joined(separator: "\n") + "\n"
        var shadowed: [Set<String>] = []
        for run in 0..<2 {
            let store = directory.path("pilot-\(run).sqlite")
            let ingest = try BatonProcess.run(["ingest", "-", "--db", store, "--config", config], input: Data(input.utf8))
            #expect(ingest.status == 0, "\(ingest.stderr)")
            let report = try JSONReader.parse(try BatonProcess.run(["shadow", "--json", "--db", store, "--config", config]).stdout)
            shadowed.append(Set(items(report["decisions"]).compactMap { decision -> String? in
                if case .string(let id)? = decision["conversation_id"] { id } else { nil }
            }))
        }
        let live = Set(ids.filter { PilotShare.isLive($0, percent: 40) })
        #expect(!live.isEmpty && live.count < ids.count)
        #expect(shadowed[0] == Set(ids).subtracting(live))
        #expect(shadowed[1] == shadowed[0])
    }

    @Test("selftest passes on the defaults, fails with a never-open queue, and never touches the store")
    func selftest() throws {
        let empty = try config("empty.toml", "")
        let passed = try BatonProcess.run(["selftest", "--db", db, "--config", empty])
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stdout.components(separatedBy: "✓").count - 1 == 5)
        #expect(passed.stdout.contains("all 5 pre-launch tests passed"))

        let never = try config("never.toml", "[[queues]]\nname = \"general\"\nskills = [\"general\"]\n[queues.hours]\n")
        let failed = try BatonProcess.run(["selftest", "--db", db, "--config", never])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("✗ explicit request"))
        #expect(failed.stdout.contains("never open"))
        #expect(failed.stdout.contains("pre-launch tests failed"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
