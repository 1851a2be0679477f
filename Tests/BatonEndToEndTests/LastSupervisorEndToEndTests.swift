import Foundation
import Testing

/// `baton agent add` refuses to make the last supervisor an agent, naming the rule.
@Suite("baton keeps one supervisor")
struct LastSupervisorEndToEndTests {
    @Test("demoting the last supervisor is refused with keep_one_supervisor; with two, one may go")
    func lastSupervisor() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path("baton.sqlite")
        func baton(_ arguments: String...) throws -> BatonProcess.Result { try BatonProcess.run(arguments + ["--db", db]) }
        #expect(try baton("agent", "add", "sue", "--role", "supervisor", "--skills", "general").status == 0)
        let refused = try baton("agent", "add", "sue", "--role", "agent", "--by", "sue")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("sue is the last supervisor"), "\(refused.stderr)")
        #expect(refused.stderr.contains("(rule keep_one_supervisor)"))
        #expect(try baton("agent", "list", "--json").stdout.contains(#""role":"supervisor""#))
        // Without --role an update keeps the role: a supervisor changing their skills stays a supervisor.
        let skills = try baton("agent", "add", "sue", "--skills", "general", "billing", "--by", "sue")
        #expect(skills.status == 0, "\(skills.stderr)")
        #expect(skills.stdout.contains("supervisor sue"))

        #expect(try baton("agent", "add", "max", "--role", "supervisor", "--by", "sue").status == 0)
        let demoted = try baton("agent", "add", "sue", "--role", "agent", "--by", "max")
        #expect(demoted.status == 0, "\(demoted.stderr)")
        #expect(try baton("agent", "add", "max", "--role", "agent", "--by", "max").status != 0)
    }
}
