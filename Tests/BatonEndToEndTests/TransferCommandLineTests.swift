import Foundation
import Testing

/// `baton transfer --to-agent` and `baton offer`: an agent-to-agent transfer driven from the command line.
@Suite("baton transfer to an agent", .serialized)
struct TransferCommandLineTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("baton.sqlite")
    }

    func baton(_ arguments: String..., input: String? = nil) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) })
    }

    @Test("offer with a note, refusals named, accept: the receiver owns it and the customer hears one line")
    func offerAndAccept() throws {
        #expect(try baton("agent", "add", "ana", "--name", "Ana Torres", "--skills", "general").status == 0)
        #expect(try baton("agent", "add", "bo", "--name", "Bo Lind", "--skills", "general").status == 0)
        #expect(try baton("agent", "add", "tess", "--skills", "tech").status == 0)
        let line = #"{"id": "t1", "channel": "webchat", "customer": {"id": "u1", "name": "Marta Núñez", "language": "es"}, "messages": [{"role": "customer", "text": "quiero hablar con una persona"}]}"#
        #expect(try baton("ingest", "-", input: line + "\n").status == 0)
        #expect(try baton("claim", "t1", "--agent", "ana").status == 0)

        let noNote = try baton("transfer", "t1", "--to-agent", "bo", "--agent", "ana")
        #expect(noNote.status != 0)
        #expect(noNote.stderr.contains("--to-agent needs --note"), "\(noNote.stderr)")
        let unfit = try baton("transfer", "t1", "--to-agent", "tess", "--note", "tech question", "--agent", "ana")
        #expect(unfit.status != 0)
        #expect(unfit.stderr.contains("cannot offer the thread to tess: no general skill"), "\(unfit.stderr)")

        let offered = try baton("transfer", "t1", "--to-agent", "bo", "--note", "Refund approved, waiting for the bank reference", "--agent", "ana")
        #expect(offered.status == 0, "\(offered.stderr)")
        #expect(offered.stdout.contains("offered t1 to bo"))
        #expect(try baton("offer", "list", "--to", "bo").stdout.contains("Refund approved"))
        // The thread shows the open offer: to whom, by whom, until when, with the note.
        let pending = try baton("show", "t1")
        #expect(pending.stdout.contains("OFFER    to bo by ana, answer within "), "\(pending.stdout)")
        #expect(pending.stdout.contains("note: Refund approved, waiting for the bank reference"))
        let pendingJSON = try baton("show", "t1", "--json")
        #expect(pendingJSON.stdout.contains("\"offer\""), "\(pendingJSON.stdout)")
        #expect(pendingJSON.stdout.contains("\"to\" : \"bo\""), "\(pendingJSON.stdout)")
        let held = try baton("claim", "t1", "--agent", "tess")
        #expect(held.status != 0)

        let accepted = try baton("offer", "accept", "t1", "--agent", "bo")
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let again = try baton("offer", "accept", "t1", "--agent", "bo")
        #expect(again.status != 0)
        #expect(again.stderr.contains("no open offer of t1 to bo"), "\(again.stderr)")
        let shown = try baton("show", "t1")
        #expect(shown.stdout.contains("Refund approved, waiting for the bank reference"))
        #expect(!shown.stdout.contains("OFFER "), "an accepted offer is no longer shown")
        let outbox = try baton("outbox")
        #expect(outbox.stdout.contains("Bo Lind, de nuestro equipo, continúa con tu conversación a partir de aquí."))
        #expect(outbox.stdout.components(separatedBy: "se ha unido").count == 2, "one greeting only, from Ana")
    }
}
