import BatonConsole
import BatonCore
import BatonStore
import Foundation

/// Console figures on the large store: frame render, keystroke to updated buffer, refresh after
/// another process writes, and — in a fresh process — first paint and memory.
enum ConsoleBench {
    static func run(path: String, agent: String, executable: String) throws -> JSONValue {
        let store = try SQLiteHandoffStore(path: path)
        let queues = BatonConfig().queues
        let agentView = try ConsoleBenchmark.measure(store: store, agent: agent, queues: queues)
        // The supervisor view is a supervisor's: an agent is refused it (rule supervisor_only).
        let supervisor = "\(agent)-supervisor"
        try store.upsertAgent(Agent(id: supervisor, name: "Bench supervisor", skills: queues.flatMap(\.skills), capacity: 1,
                                    role: .supervisor), actor: "bench")
        let supervisorView = try ConsoleBenchmark.measure(store: store, agent: supervisor, queues: queues, supervisor: true)
        let probe = try probeInFreshProcess(path: path, agent: agent, executable: executable)
        func ms(_ seconds: Double) -> JSONValue { .number(Measure.round(seconds * 1000)) }
        return .object([
            ("size", .string("\(agentView.size.columns)x\(agentView.size.rows)")),
            ("waiting_threads", .number(Double(agentView.threads))),
            ("render_ms_p50", ms(agentView.renderP50)),
            ("render_ms_p99", ms(agentView.renderP99)),
            ("keystroke_ms_p50", ms(agentView.keystrokeP50)),
            ("keystroke_ms_p99", ms(agentView.keystrokeP99)),
            ("refresh_after_other_process_ms_p99", ms(agentView.refreshP99)),
            ("supervisor_render_ms_p99", ms(supervisorView.renderP99)),
            ("supervisor_keystroke_ms_p99", ms(supervisorView.keystrokeP99)),
            ("first_paint_ms", probe["first_paint_ms"] ?? .null),
            ("memory_mb", probe["rss_mb"] ?? .null),
            ("goal_render_ms_p99", .number(5)),
            ("goal_first_paint_ms", .number(300)),
            ("goal_memory_mb", .number(64)),
            ("goal_keystroke_ms_p99", .number(16)),
        ])
    }

    /// Runs `baton-bench console-probe` so first paint and memory are those of a console starting cold.
    static func probeInFreshProcess(path: String, agent: String, executable: String) throws -> JSONValue {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["console-probe", path, agent]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try? JSONReader.parse(Array(data))) ?? .null
    }

    /// The probe itself: open the store, build the session, render the first 200×60 frame.
    static func probe(path: String, agent: String) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let store = try SQLiteHandoffStore(path: path)
        let size = TerminalSize(columns: 200, rows: 60)
        let session = try ConsoleSession(store: store, agentID: agent, supervisor: false, queues: BatonConfig().queues, clock: { Date() }, size: size)
        let frame = ConsoleRenderer.render(session.state, size: size)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let rss = Measure.residentMemoryMB() ?? Measure.peakMemoryMB()
        print(JSONValue.object([
            ("first_paint_ms", .number(Measure.round(elapsed))),
            ("rss_mb", .number(Measure.round(rss, 1))),
            ("peak_rss_mb", .number(Measure.round(Measure.peakMemoryMB(), 1))),
            ("cells", .number(Double(frame.cells.count))),
        ]).serialized)
    }
}
