import ArgumentParser
import BatonCore
import BatonStore
import Foundation

/// `baton triggers FILE|-`: one JSON line per conversation with the engine's verdict.
///
/// Works in chunks of lines. Both cores parse slices of a chunk and evaluate its whole conversations in the
/// same pass; message events are then joined to their conversations in input order and evaluated on both
/// cores; the output of a chunk is written at once, in input order. A thread of its own reads the next chunk, another writes the last one, so neither
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
        let engine = TriggerEngine(config: try store.loadConfig().engine)
        var failures = 0
        /// Conversations of this input that message events may continue, as `baton ingest` would store them.
        /// Not bounded: an event may continue any earlier conversation of the input, however far back, and
        /// forgetting one would refuse its events (`unknownConversation`) where `baton ingest` accepts them.
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
            // Parse on both cores, and evaluate whole conversations right there.
            let sliceCount = (lines.count + Self.sliceLines - 1) / Self.sliceLines
            let slices: [Slice] = TwoCores.map(sliceCount) { slice in
                var result = Slice()
                result.bytes.reserveCapacity(Self.sliceLines * 200)
                for line in lines[(slice * Self.sliceLines)..<min(lines.count, (slice + 1) * Self.sliceLines)] {
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
            // Join message events to their conversations, in input order.
            var pieces: [Piece] = []
            var events: [(conversation: Conversation, from: Int)] = []
            for (index, slice) in slices.enumerated() {
                var written = 0
                for entry in slice.entries {
                    switch entry {
                    case .conversation(let conversation, let end):
                        known[conversation.id] = conversation
                        if case .bytes(index, let range)? = pieces.last, range.upperBound == written {
                            pieces[pieces.count - 1] = .bytes(slice: index, range.lowerBound..<end)
                        } else {
                            pieces.append(.bytes(slice: index, written..<end))
                        }
                        written = end
                    case .message(let number, let id, let channel, let customer, let message):
                        guard var conversation = known[id] ?? customer.map({ Conversation(id: id, channel: channel ?? .webchat, customer: $0, messages: []) }) else {
                            failures += 1
                            InputLines.warn("line \(number): \(IngestError.unknownConversation(id))")
                            continue
                        }
                        conversation.messages.append(message)
                        known[id] = conversation
                        pieces.append(.event(events.count))
                        events.append((conversation, conversation.messages.count - 1))
                    case .failure(let error):
                        failures += 1
                        InputLines.warn(error.description)
                    }
                }
            }
            // Evaluate the message events on both cores; write the chunk's lines in order.
            let work = events
            let eventSlices = (work.count + Self.sliceLines - 1) / Self.sliceLines
            let verdicts: [[[UInt8]]] = TwoCores.map(eventSlices) { slice in
                work[(slice * Self.sliceLines)..<min(work.count, (slice + 1) * Self.sliceLines)].map { job in
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
                case .event(let index): block += verdicts[index / Self.sliceLines][index % Self.sliceLines]
                }
            }
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
