import Foundation
import Testing

/// Roles and the acting identity through the real `baton` binary: every command refuses what the rules refuse.
@Suite("baton roles and trust", .serialized)
struct RolesEndToEndTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("team/baton.sqlite")
    }

    func baton(_ arguments: String..., input: String? = nil, environment: [String: String] = [:]) throws -> BatonProcess.Result {
        try BatonProcess.run(arguments + ["--db", db], input: input.map { Data($0.utf8) }, environment: environment)
    }

    func handoff(_ id: String) throws {
        let line = #"{"id": "\#(id)", "channel": "webchat", "customer": {"id": "u-\#(id)", "name": "Ana Ruiz", "language": "en"}, "messages": [{"role": "customer", "text": "I want to talk to a human"}]}"#
        #expect(try baton("ingest", "-", input: line + "\n").status == 0)
    }

    /// The process's login name, as Baton reads it (not `$USER`).
    var login: String {
        getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "root"
    }

    @Test("agent add --role; force-release, reassign and agent management need a supervisor; refusals name the rule")
    func supervisorOnly() throws {
        #expect(try baton("agent", "add", "sue", "--role", "supervisor", "--skills", "general").status == 0)
        let added = try baton("agent", "add", "ana", "--skills", "general", "--by", "sue")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("agent ana"))
        #expect(try baton("agent", "add", "bo", "--skills", "general", "--by", "sue").status == 0)
        let list = try baton("agent", "list", "--json")
        #expect(list.stdout.contains(#""id":"sue""#) && list.stdout.contains(#""role":"supervisor""#))
        // Agents cannot manage agents, nor can strangers.
        let promote = try baton("agent", "add", "ana", "--role", "supervisor", "--by", "ana")
        #expect(promote.status != 0)
        #expect(promote.stderr.contains("only a supervisor may manage agents (rule supervisor_only)"))
        let stranger = try baton("agent", "add", "eve", "--by", "eve")
        #expect(stranger.stderr.contains("(rule registered_agents_only)"))

        try handoff("t1")
        #expect(try baton("claim", "t1", "--agent", "ana").status == 0)
        let force = try baton("release", "t1", "--force", "--reason", "mine", "--agent", "bo")
        #expect(force.status != 0)
        #expect(force.stderr.contains("only a supervisor may force-release a thread (rule supervisor_only)"))
        let forced = try baton("release", "t1", "--force", "--reason", "customer left", "--agent", "sue")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try baton("show", "t1").stdout.contains("sue force_release claimed→ai"))
    }

    @Test("unknown ids can do nothing, away agents cannot claim, every command")
    func unknownAndAway() throws {
        #expect(try baton("agent", "add", "ana", "--skills", "general").status == 0)
        try handoff("t1")
        for arguments in [["claim", "t1"], ["claim", "--next"], ["transfer", "t1", "billing"], ["release", "t1"]] {
            let result = try BatonProcess.run(arguments + ["--agent", "zed", "--db", db])
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains("zed is not a registered agent"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("(rule registered_agents_only)"), "\(arguments)")
        }
        #expect(try baton("claim", "t1", "--agent", "ana").status == 0)
        for arguments in [["reply", "t1", "hi"], ["note", "t1", "hm"], ["requeue", "t1"], ["resolve", "t1"]] {
            let result = try BatonProcess.run(arguments + ["--agent", "zed", "--db", db])
            #expect(result.stderr.contains("(rule registered_agents_only)"), "\(arguments): \(result.stderr)")
        }
        #expect(try baton("resolve", "t1", "--disposition", "solved", "--agent", "ana").status == 0)
        try handoff("t2")
        #expect(try baton("agent", "status", "ana", "away", "--by", "ana").status == 0)
        let away = try baton("claim", "t2", "--agent", "ana")
        #expect(away.status != 0)
        #expect(away.stderr.contains("ana is away; away and offline agents cannot claim (rule available_to_claim)"))
    }

    @Test("[security] agent_is_os_user refuses --agent other than the login name unless the login is a supervisor")
    func agentIsOSUser() throws {
        let config = directory.path("baton.toml")
        try Data("[security]\nagent_is_os_user = true\n".utf8).write(to: URL(fileURLWithPath: config))
        let env = ["BATON_CONFIG": config]
        #expect(try baton("agent", "add", login, "--skills", "general", "--by", login, environment: env).status == 0)
        #expect(try baton("agent", "add", "ana", "--skills", "general", "--by", login, environment: env).status == 0)
        try handoff("t1")
        let impostor = try baton("claim", "t1", "--agent", "ana", environment: env)
        #expect(impostor.status != 0)
        #expect(impostor.stderr.contains("\(login) may act only as \(login), not as ana"))
        #expect(impostor.stderr.contains("(rule agent_is_os_user)"))
        // $USER is not the login: setting it changes nothing.
        let spoofed = try baton("claim", "t1", "--agent", "ana", environment: env.merging(["USER": "ana"]) { $1 })
        #expect(spoofed.stderr.contains("(rule agent_is_os_user)"))
        #expect(try baton("claim", "t1", "--agent", login, environment: env).status == 0)
        // Once the login is a supervisor it may act for others (and without the setting anyone may).
        #expect(try baton("agent", "add", login, "--role", "supervisor", "--skills", "general", "--by", login, environment: env).status == 0)
        try handoff("t2")
        #expect(try baton("claim", "t2", "--agent", "ana", environment: env).status == 0)
    }

    @Test("the database file and its folder are created owner-only")
    func ownerOnlyFiles() throws {
        #expect(try baton("init").status == 0)
        let folder = try FileManager.default.attributesOfItem(atPath: directory.path("team"))
        let file = try FileManager.default.attributesOfItem(atPath: db)
        #expect((folder[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
        #expect((file[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
        #expect((file[.posixPermissions] as? Int).map { $0 & 0o600 } == 0o600)
    }
}
