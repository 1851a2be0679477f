import BatonCore
import BatonStore
import Foundation
import Synchronization

/// The in-memory store accepted lines go into, replaced every few thousand records so memory stays flat.
let fuzzStore = Mutex<(dispatcher: Dispatcher, records: Int)>((FuzzStore.make(), 0))

enum FuzzStore {
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_168_800) }

    static func make() -> Dispatcher {
        do {
            return Dispatcher(store: try SQLiteHandoffStore.inMemory(), config: BatonConfig(), clock: clock)
        } catch {
            fatalError("cannot open an in-memory store: \(error)")
        }
    }
}

/// libFuzzer calls this once before the first input: the store and the engine (whose shipped model takes a
/// while to decode under the sanitizers) are made here, so the first input is not charged with it and
/// mistaken for a timeout.
@_cdecl("LLVMFuzzerInitialize")
public func parserFuzzInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> Int32 {
    fuzzStore.withLock { _ in }
    return 0
}

/// libFuzzer entry: one input line. Invariants:
/// - nothing crashes (parser, engine, planner, store);
/// - the parser answers exactly as its generic path alone (`parseGeneric`): the same record or the same
///   error, so the direct reader of the common shapes (`ConversationParser.direct`) never changes an answer;
/// - a refusal names line 1, and its text (field and message) is safe to print;
/// - an accepted conversation, or a message event that names its customer, is stored: every refusal
///   happens at the parser, with a line and a field, never later in the store.
@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let generic: Result<InputRecord, InputError>
    do throws(InputError) { generic = .success(try ConversationParser().parseGeneric(line: bytes, lineNumber: 1)) } catch { generic = .failure(error) }
    if let direct = ConversationParser.direct(bytes) {
        precondition(generic == .success(direct), "the direct reader answers \(direct), the generic parser \(generic)")
    }
    let record: InputRecord
    do {
        record = try ConversationParser().parse(line: bytes, lineNumber: 1)
        precondition(generic == .success(record), "parse answers \(record), the generic parser \(generic)")
    } catch {
        precondition(generic == .failure(error), "parse refuses with \(error), the generic parser answers \(generic)")
        precondition(error.line == 1, "a refusal names line \(error.line)")
        precondition(Sanitizer.unsafeScalars(in: error.description).isEmpty, "a refusal is unsafe to print: \(error.description.debugDescription)")
        precondition(!error.message.isEmpty, "a refusal without a message")
        return 0
    }
    fuzzStore.withLock { state in
        if state.records >= 5_000 { state = (FuzzStore.make(), 0) }
        state.records += 1
        do {
            _ = try state.dispatcher.ingest(record)
        } catch {
            switch (record, error) {
            case (.message(_, _, nil, _), IngestError.unknownConversation):
                break  // a first event without its customer: refused by the store, with the line, by the CLI
            case (.csat, LifecycleError.noSuchThread):
                break  // a score for a conversation this store never saw
            case (.csat, LifecycleError.notAllowed):
                break
            case (.message, LifecycleError.notAllowed):
                break
            case (.message(_, _, _, let message), IngestError.heldByHuman) where message.role == .ai:
                break  // the bot must stay silent while the thread is queued or a human holds it (409 over HTTP)
            default:
                preconditionFailure("an accepted line was refused by the store: \(error)")
            }
        }
    }
    return 0
}
