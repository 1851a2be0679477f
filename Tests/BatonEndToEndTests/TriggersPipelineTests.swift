import Foundation
import Testing

/// `baton triggers` works in chunks of lines and slices of a chunk on two cores, with message events joined
/// to their conversations in input order in a stage of its own: the output must not depend on where the
/// chunk and slice boundaries fall.
@Suite("baton triggers: chunks and slices")
struct TriggersPipelineTests {
    static func conversation(_ id: String, _ text: String) -> String {
        #"{"id": "\#(id)", "channel": "whatsapp", "customer": {"id": "u-\#(id)", "language": "en"}, "messages": [{"role": "customer", "text": "\#(text)"}]}"#
    }

    static func event(_ id: String, _ text: String) -> String {
        #"{"conversation_id": "\#(id)", "message": {"role": "customer", "text": "\#(text)"}}"#
    }

    /// Conversations, a conversation sent again under the same id, events (of an earlier chunk's conversation,
    /// of the replaced one, of one never seen, of one named with its customer), CSAT, blank and refused lines.
    static let input = [
        conversation("a", "hello"),
        conversation("b", "where is my order"),
        "",
        conversation("c", "thanks"),
        conversation("a", "my card was stolen"),
        event("a", "I want to talk to a person"),
        event("z", "anyone there?"),
        event("b", "still waiting"),
        #"{"id": "broken", "messages": ["#,
        #"{"conversation_id": "b", "csat": 4}"#,
        conversation("d", "ok"),
        #"{"conversation_id": "n", "customer": {"id": "u-n"}, "message": {"role": "customer", "text": "hi"}}"#,
        event("d", "this is useless, get me a human"),
        event("a", "hello??"),
        conversation("e", "bye"),
    ].joined(separator: "\n") + "\n"

    @Test("the same output and errors whatever the chunk and slice sizes")
    func boundaries() throws {
        let whole = try BatonProcess.run(["triggers", "-"], input: Data(Self.input.utf8))
        #expect(whole.status == 1)
        let verdicts = whole.stdout.split(separator: "\n")
        #expect(verdicts.count == 11, "\(whole.stdout)")
        #expect(whole.stderr.contains("line 7:") && whole.stderr.contains("line 9:"), "\(whole.stderr)")
        #expect(whole.stderr.split(separator: "\n").count == 2)
        // The event of "a" continues the conversation sent last under that id: its second message.
        #expect(verdicts[4].hasPrefix(#"{"id":"a","handoff":true,"at":1,"#), "\(verdicts[4])")
        #expect(verdicts[9].hasPrefix(#"{"id":"a","#))
        for (chunk, slice) in [(1, 1), (2, 1), (3, 2), (4, 4), (5, 2), (7, 3), (64, 1)] {
            let result = try BatonProcess.run(["triggers", "-", "--chunk-lines", "\(chunk)", "--slice-lines", "\(slice)"], input: Data(Self.input.utf8))
            #expect(result.status == whole.status)
            #expect(result.stdout == whole.stdout, "chunks of \(chunk), slices of \(slice)")
            #expect(result.stderr == whole.stderr, "chunks of \(chunk), slices of \(slice)")
        }
    }

    @Test("an input of whole conversations only: one verdict each, in order")
    func conversationsOnly() throws {
        let ids = (0..<40).map { "k\($0)" }
        let input = ids.map { Self.conversation($0, "where is my parcel") }.joined(separator: "\n")
        for (chunk, slice) in [(16_384, 512), (3, 2), (8, 8)] {
            let result = try BatonProcess.run(["triggers", "-", "--chunk-lines", "\(chunk)", "--slice-lines", "\(slice)"], input: Data(input.utf8))
            #expect(result.status == 0)
            let printed = result.stdout.split(separator: "\n").map { $0.split(separator: "\"")[3] }
            #expect(printed.map(String.init) == ids)
        }
    }

    @Test("a directory given as the input file is refused with a message, not a crash")
    func directoryInput() throws {
        let directory = try TemporaryDirectory()
        let result = try BatonProcess.run(["triggers", directory.path("")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a directory"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
