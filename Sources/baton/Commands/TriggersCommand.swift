import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton triggers FILE|-`: one JSON line per conversation with the engine's verdict.
///
/// Works in chunks of lines: parsing and evaluating run on both cores, in slices of a chunk; message events
/// are joined to their conversations in input order between the two; the output of a chunk is written at
/// once, in input order. A thread of its own reads the next chunk, another writes the last one, so neither
/// waits for the cores (`ChunkQueue`: at most two chunks ahead and two behind).
struct TriggersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "Evaluate escalation triggers for each conversation; print one JSON line each.",
        discussion: """
        Accepts and refuses the same lines as `baton ingest`. A message event is added to its conversation \
        from earlier in the input and the verdict on the new message is printed; CSAT lines print nothing. \
        Refused lines are reported on stderr with their line number and field, and the exit status is 1.
        """)

    @Argument(help: "JSON-lines file of conversations, or - for standard input.")
    var file: String

    @OptionGroup var store: StoreOptions

    /// Lines read before a chunk is worked on, and lines per slice handed to a core.
    static let chunkLines = 16_384
    static let sliceLines = 512

    /// One input line: its number and bytes, or the reason it was refused before parsing.
    enum RawLine: Sendable {
        case text(Int, [UInt8])
        case refused(InputError)
    }

    func run() throws {
        let engine = TriggerEngine(config: try store.loadConfig().engine)
        var failures = 0
        /// Conversations of this input that message events may continue, as `baton ingest` would store them.
        var known: [String: Conversation] = [:]
        let reader = try LineReader.open(file, maxLineBytes: InputLines.maxLineBytes)
        let parser = ConversationParser(maxLineBytes: InputLines.maxLineBytes)
        // Reading the next chunk and writing the last one run on threads of their own, beside the work on
        // the current chunk; at most two chunks wait in each pipe.
        let chunks = ChunkQueue<[RawLine]>(capacity: 2)
        let readerDone = ChunkQueue<[RawLine]>.thread { Self.read(reader, into: chunks) }
        let blocks = ChunkQueue<[UInt8]>(capacity: 2)
        let writerDone = ChunkQueue<[UInt8]>.thread {
            while let block = blocks.take() { FileHandle.standardOutput.write(Data(block)) }
        }
        defer {
            blocks.finish()
            writerDone.wait()
            // Drain what the reader still sends (after an error), so it can finish.
            while chunks.take() != nil {}
            readerDone.wait()
        }
        while let lines = chunks.take() {
            // Parse on both cores.
            let slices = (lines.count + Self.sliceLines - 1) / Self.sliceLines
            let parsed: [[Result<InputRecord, InputError>]] = TwoCores.map(slices) { slice in
                lines[(slice * Self.sliceLines)..<min(lines.count, (slice + 1) * Self.sliceLines)].map { line in
                    switch line {
                    case .refused(let error): return .failure(error)
                    case .text(let number, let bytes):
                        do throws(InputError) { return .success(try parser.parse(line: bytes, lineNumber: number)) } catch { return .failure(error) }
                    }
                }
            }
            // Join message events to their conversations, in input order.
            var jobs: [(conversation: Conversation, from: Int)] = []
            jobs.reserveCapacity(lines.count)
            for (offset, result) in parsed.joined().enumerated() {
                switch result {
                case .success(.conversation(let conversation)):
                    known[conversation.id] = conversation
                    jobs.append((conversation, 0))
                case .success(.message(let id, let channel, let customer, let message)):
                    guard var conversation = known[id] ?? customer.map({ Conversation(id: id, channel: channel ?? .webchat, customer: $0, messages: []) }) else {
                        failures += 1
                        if case .text(let number, _) = lines[offset] {
                            InputLines.warn("line \(number): \(IngestError.unknownConversation(id))")
                        }
                        continue
                    }
                    conversation.messages.append(message)
                    known[id] = conversation
                    jobs.append((conversation, conversation.messages.count - 1))
                case .success(.csat), .success(.suggestion), .success(.customerLeft):
                    // Neither changes what the engine decides.
                    break
                case .failure(let error):
                    failures += 1
                    InputLines.warn(error.description)
                }
            }
            // Evaluate and serialise on both cores; write the chunk's lines in order.
            let work = jobs
            let jobSlices = (work.count + Self.sliceLines - 1) / Self.sliceLines
            let outputs: [[UInt8]] = TwoCores.map(jobSlices) { slice in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(Self.sliceLines * 200)
                for job in work[(slice * Self.sliceLines)..<min(work.count, (slice + 1) * Self.sliceLines)] {
                    JSONOutput.writeDecision(engine.evaluate(job.conversation, from: job.from), into: &bytes)
                    bytes.append(0x0A)
                }
                return bytes
            }
            var block: [UInt8] = []
            block.reserveCapacity(outputs.reduce(0) { $0 + $1.count })
            for output in outputs { block += output }
            blocks.put(block)
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Reads `reader` to its end in chunks of `chunkLines` lines (blank lines left out, oversized ones
    /// refused with their number), sends each chunk to `chunks`, then finishes it.
    private static func read(_ reader: LineReader, into chunks: ChunkQueue<[RawLine]>) {
        var reader = reader
        var lineNumber = 0
        var chunk: [RawLine] = []
        chunk.reserveCapacity(chunkLines)
        while let line = reader.next() {
            lineNumber += 1
            switch line {
            case .oversized(let bytes):
                chunk.append(.refused(InputError(line: lineNumber, field: nil,
                                                 message: "line is \(bytes) bytes, over the \(InputLines.maxLineBytes)-byte limit; skipped")))
            case .text(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                chunk.append(.text(lineNumber, bytes))
            }
            if chunk.count == chunkLines {
                chunks.put(chunk)
                chunk = []
                chunk.reserveCapacity(chunkLines)
            }
        }
        if !chunk.isEmpty { chunks.put(chunk) }
        chunks.finish()
    }
}
