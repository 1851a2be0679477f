import ArgumentParser
import BatonCore
import BatonStore
import Foundation
import Synchronization

/// `baton triggers FILE|-`: one JSON line per conversation with the engine's verdict.
///
/// Works in chunks of lines, in four stages on threads of their own (`ChunkQueue`s between them hold at most
/// two chunks each, so memory stays bounded): one reads lines; both cores parse slices of a chunk and
/// evaluate its whole conversations in the same pass; one joins message events to their conversations in
/// input order, has them evaluated and puts the chunk's output together in input order; one writes it.
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

    /// Lines read before a chunk is worked on, and lines per slice handed to a core. Options only so tests
    /// can cross chunk and slice boundaries with a few lines; the output never depends on them.
    @Option(name: .customLong("chunk-lines"), help: .hidden)
    var chunkLines = 16_384
    @Option(name: .customLong("slice-lines"), help: .hidden)
    var sliceLines = 512

    /// One input line: its number and bytes, or the reason it was refused before parsing.
    enum RawLine: Sendable {
        case text(Int, [UInt8])
        case refused(InputError)
    }

    /// What one slice of a chunk becomes on a core. A whole conversation is evaluated there at once: it needs
    /// nothing from earlier lines. A message event needs the conversation it continues, so it waits for the
    /// join in input order, and so do refusals (reported in order).
    struct Slice: Sendable {
        /// The verdict lines of the slice's conversations, one after another.
        var bytes: [UInt8] = []
        var entries: [Entry] = []
    }

    enum Entry: Sendable {
        /// A conversation whose verdict line ends at `end` in the slice's bytes.
        case conversation(Conversation, end: Int)
        case message(line: Int, id: String, channel: Channel?, customer: Customer?, message: Message)
        case failure(InputError)
    }

    /// A piece of a chunk's output: bytes of a slice, or the verdict of the nth message event.
    enum Piece {
        case bytes(slice: Int, Range<Int>)
        case event(Int)
    }

    func run() throws {
        guard chunkLines > 0, sliceLines > 0 else { throw ValidationError("--chunk-lines and --slice-lines must be positive") }
        let (chunkLines, sliceLines) = (chunkLines, sliceLines)
        let engine = TriggerEngine(config: try store.loadConfig().engine)
        let reader = try LineReader.open(file, maxLineBytes: InputLines.maxLineBytes)
        let parser = ConversationParser(maxLineBytes: InputLines.maxLineBytes)
        // Four stages, each on a thread of its own, at most two chunks waiting between two of them: reading
        // lines; parsing them and evaluating whole conversations on both cores; joining message events to
        // their conversations in input order (and evaluating them), which puts the chunk's output together;
        // writing it. So the single-threaded stages work beside the cores instead of between their turns.
        let chunks = ChunkQueue<[RawLine]>(capacity: 2)
        let readerDone = ChunkQueue<[RawLine]>.thread { Self.read(reader, chunkLines: chunkLines, into: chunks) }
        let joins = ChunkQueue<[Slice]>(capacity: 2)
        let blocks = ChunkQueue<[UInt8]>(capacity: 2)
        let failures = Failures()
        let joinerDone = ChunkQueue<[Slice]>.thread {
            Self.join(joins, sliceLines: sliceLines, engine: engine, into: blocks, failures: failures)
            blocks.finish()
        }
        let writerDone = ChunkQueue<[UInt8]>.thread {
            while let block = blocks.take() { FileHandle.standardOutput.write(Data(block)) }
        }
        while let lines = chunks.take() {
            // Parse on both cores, and evaluate whole conversations right there.
            let sliceCount = (lines.count + sliceLines - 1) / sliceLines
            let slices: [Slice] = TwoCores.map(sliceCount) { slice in
                var result = Slice()
                result.bytes.reserveCapacity(sliceLines * 200)
                for line in lines[(slice * sliceLines)..<min(lines.count, (slice + 1) * sliceLines)] {
                    switch line {
                    case .refused(let error): result.entries.append(.failure(error))
                    case .text(let number, let bytes):
                        do throws(InputError) {
                            switch try parser.parse(line: bytes, lineNumber: number) {
                            case .conversation(let conversation):
                                JSONOutput.writeDecision(engine.evaluate(conversation, from: 0), into: &result.bytes)
                                result.bytes.append(0x0A)
                                result.entries.append(.conversation(conversation, end: result.bytes.count))
                            case .message(let id, let channel, let customer, let message):
                                result.entries.append(.message(line: number, id: id, channel: channel, customer: customer, message: message))
                            case .csat, .suggestion, .customerLeft:
                                // Neither changes what the engine decides.
                                break
                            }
                        } catch {
                            result.entries.append(.failure(error))
                        }
                    }
                }
                return result
            }
            joins.put(slices)
        }
        joins.finish()
        joinerDone.wait()
        writerDone.wait()
        readerDone.wait()
        if failures.count > 0 { throw ExitCode(1) }
    }

    /// Refused lines counted by the joining stage, read when it is done.
    final class Failures: Sendable {
        private let value = Mutex(0)
        var count: Int { value.withLock { $0 } }
        func add() { value.withLock { $0 += 1 } }
    }

    /// Adds the conversations of `entries` to `known`, in order.
    private static func remember(_ entries: some Sequence<Entry>, into known: inout [String: Conversation]) {
        for case .conversation(let conversation, _) in entries { known[conversation.id] = conversation }
    }

    /// The joining stage: for each chunk's slices, in input order, remembers the conversations, adds each
    /// message event to the conversation it continues (refusing events of conversations never seen without
    /// their customer), reports refused lines, evaluates the events on both cores and sends the chunk's
    /// output, in input order, to `blocks`.
    ///
    /// The conversations are looked up by id only once the input has a message event: until then the
    /// chunks' entries are kept as they are, and the first event indexes them all, in input order (a later
    /// conversation with the same id replaces an earlier one, as in `baton ingest`). An input of whole
    /// conversations never pays for the index.
    private static func join(_ joins: ChunkQueue<[Slice]>, sliceLines: Int, engine: TriggerEngine, into blocks: ChunkQueue<[UInt8]>, failures: Failures) {
        /// Conversations of this input that message events may continue, as `baton ingest` would store them,
        /// by id; nil until the first message event, while `unindexed` holds them.
        ///
        /// Not bounded: an event may continue any earlier conversation of the input, however far back, and
        /// forgetting one would refuse its events (`unknownConversation`) where `baton ingest` accepts them,
        /// so memory grows with the conversations of the input, as a store's would.
        var known: [String: Conversation]?
        /// The entries of the slices joined before the first message event, in input order.
        var unindexed: [[Entry]] = []
        while let slices = joins.take() {
            var pieces: [Piece] = []
            var events: [(conversation: Conversation, from: Int)] = []
            for (index, slice) in slices.enumerated() {
                var written = 0
                for (position, entry) in slice.entries.enumerated() {
                    switch entry {
                    case .conversation(let conversation, let end):
                        if known != nil { known![conversation.id] = conversation }
                        if case .bytes(index, let range)? = pieces.last, range.upperBound == written {
                            pieces[pieces.count - 1] = .bytes(slice: index, range.lowerBound..<end)
                        } else {
                            pieces.append(.bytes(slice: index, written..<end))
                        }
                        written = end
                    case .message(let number, let id, let channel, let customer, let message):
                        if known == nil {
                            // The first event: index every conversation before it.
                            var first: [String: Conversation] = [:]
                            for entries in unindexed { Self.remember(entries, into: &first) }
                            for earlier in slices[..<index] { Self.remember(earlier.entries, into: &first) }
                            Self.remember(slice.entries[..<position], into: &first)
                            unindexed = []
                            known = first
                        }
                        guard var conversation = known![id] ?? customer.map({ Conversation(id: id, channel: channel ?? .webchat, customer: $0, messages: []) }) else {
                            failures.add()
                            InputLines.warn("line \(number): \(IngestError.unknownConversation(id))")
                            continue
                        }
                        conversation.messages.append(message)
                        known![id] = conversation
                        pieces.append(.event(events.count))
                        events.append((conversation, conversation.messages.count - 1))
                    case .failure(let error):
                        failures.add()
                        InputLines.warn(error.description)
                    }
                }
            }
            if known == nil { unindexed += slices.map(\.entries) }
            // Evaluate the message events on both cores; put the chunk's lines together in order.
            let work = events
            let eventSlices = (work.count + sliceLines - 1) / sliceLines
            let verdicts: [[[UInt8]]] = TwoCores.map(eventSlices) { slice in
                work[(slice * sliceLines)..<min(work.count, (slice + 1) * sliceLines)].map { job in
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(256)
                    JSONOutput.writeDecision(engine.evaluate(job.conversation, from: job.from), into: &bytes)
                    bytes.append(0x0A)
                    return bytes
                }
            }
            var block: [UInt8] = []
            block.reserveCapacity(slices.reduce(0) { $0 + $1.bytes.count } + verdicts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
            for piece in pieces {
                switch piece {
                case .bytes(let slice, let range): block += slices[slice].bytes[range]
                case .event(let index): block += verdicts[index / sliceLines][index % sliceLines]
                }
            }
            blocks.put(block)
        }
    }

    /// Reads `reader` to its end in chunks of `chunkLines` lines (blank lines left out, oversized ones
    /// refused with their number), sends each chunk to `chunks`, then finishes it.
    private static func read(_ reader: LineReader, chunkLines: Int, into chunks: ChunkQueue<[RawLine]>) {
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
        if let failure = reader.readFailure {
            chunk.append(.refused(InputError(line: lineNumber + 1, field: nil, message: failure)))
        }
        if !chunk.isEmpty { chunks.put(chunk) }
        chunks.finish()
    }
}
