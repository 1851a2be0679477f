import BatonCore
import Foundation

// baton-bench: prints benchmark figures as JSON.
//   baton-bench [--quick] [--conversations N] [--only SECTION] [--keep]
//     --only runs one section (trigger_engine, long_messages, ingest, huge_message_claims, multi_process_claims,
//     large_store, console, soak);
//     --keep leaves the benchmark databases in place and names their folder on stderr.
//   baton-bench claim-worker DB AGENT      (internal: one claiming process)
//   baton-bench console-probe DB AGENT     (internal: a console's first paint and memory, cold)

let arguments = Array(CommandLine.arguments.dropFirst())

if arguments.first == "claim-worker", arguments.count == 3 {
    try MultiProcessClaims.worker(path: arguments[1], agent: arguments[2])
    exit(0)
}
if arguments.first == "console-probe", arguments.count == 3 {
    try ConsoleBench.probe(path: arguments[1], agent: arguments[2])
    exit(0)
}

let quick = arguments.contains("--quick")
var conversations = quick ? 100_000 : 1_000_000
if let index = arguments.firstIndex(of: "--conversations"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
    conversations = value
}
let sections = ["trigger_engine", "long_messages", "ingest", "huge_message_claims", "multi_process_claims", "large_store",
                "console", "soak"]
let only: String? = arguments.firstIndex(of: "--only").map { index in
    guard index + 1 < arguments.count, sections.contains(arguments[index + 1]) else {
        FileHandle.standardError.write(Data("baton-bench: --only needs one of \(sections.joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return arguments[index + 1]
}
let selected = only.map { [$0] } ?? sections
func runs(_ section: String) -> Bool { selected.contains(section) }
let keep = arguments.contains("--keep")
let directory = NSTemporaryDirectory() + "baton-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer {
    if keep {
        FileHandle.standardError.write(Data("databases kept in \(directory)\n".utf8))
    } else {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

func report(_ name: String, _ value: JSONValue) {
    FileHandle.standardError.write(Data("\(name): \(value.serialized)\n".utf8))
}

var results: [(key: String, value: JSONValue)] = []
if runs("trigger_engine") {
    let triggers = TriggerBenchmark.run(messages: quick ? 20_000 : 200_000)
    report("trigger_engine", triggers)
    results.append(("trigger_engine", triggers))
}

if runs("long_messages") {
    let long = ReliabilityBenchmark.longMessages()
    report("long_messages", long)
    results.append(("long_messages", long))
}

if runs("ingest") {
    let ingest = try StoreBenchmark.ingest(messages: quick ? 20_000 : 100_000, rounds: quick ? 1 : 5, directory: directory)
    report("ingest", ingest)
    results.append(("ingest", ingest))
}

if runs("huge_message_claims") {
    let claims = try ReliabilityBenchmark.claimsDuringHugeIngest(directory: directory)
    report("huge_message_claims", claims)
    results.append(("huge_message_claims", claims))
}

if runs("multi_process_claims") {
    let claims = try MultiProcessClaims.run(processes: 8, threads: quick ? 2_000 : 10_000, directory: directory,
                                            executable: CommandLine.arguments[0])
    report("multi_process_claims", claims)
    results.append(("multi_process_claims", claims))
}

if runs("large_store") || runs("console") {
    // The console is measured on the same large store (the console section needs it built).
    let (large, path) = try StoreBenchmark.large(conversations: conversations, waiting: 100_000, directory: directory)
    if runs("large_store") {
        report("large_store", large)
        results.append(("large_store", large))
    }
    if runs("console") {
        let console = try ConsoleBench.run(path: path, agent: "bench0", executable: CommandLine.arguments[0])
        report("console", console)
        results.append(("console", console))
    }
}

if runs("soak") {
    let soak = try ReliabilityBenchmark.soak(seconds: quick ? 30 : 180)
    report("soak", soak)
    results.append(("soak", soak))
}

print(JSONValue.object(results).serialized)
