import BatonCore
import BatonServer
import BatonStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_795_168_800)) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The API over an in-memory store, driven in process through the router (no sockets), with one valid token.
struct ServerHarness {
    let store: SQLiteHandoffStore
    let clock = TestClock()
    let api: BatonAPI
    let token = "baton_test-token-for-the-harness"

    init(config: BatonConfig = BatonConfig(), settings: ServerSettings = ServerSettings(storeThreads: 2)) throws {
        store = try SQLiteHandoffStore.inMemory()
        try store.upsertAgent(Agent(id: "ana", name: "ana", skills: ["general", "billing"], capacity: 100), actor: "setup")
        let clock = self.clock
        api = BatonAPI(store: store, config: config, settings: settings, clock: { clock.now })
        try store.createToken(name: "test-bot", hash: APITokens.hash(token), now: clock.now)
    }

    func run(_ test: @Sendable (APIClient) async throws -> Void) async throws {
        let app = Application(router: buildRouter(api: api))
        let token = self.token
        try await app.test(.router) { client in try await test(APIClient(client: client, token: token)) }
    }
}

/// Requests as a bot sends them, answers decoded for assertions.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    let token: String

    struct Answer: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var json: JSONValue { (try? JSONReader.parse(body)) ?? .null }
        subscript(_ key: String) -> JSONValue? { json[key] }
    }

    func request(_ method: HTTPRequest.Method, _ uri: String, body: String? = nil, bytes: [UInt8]? = nil,
                 contentType: String? = "application/json", key: String? = nil, token: String?? = .none) async throws -> Answer {
        var headers = HTTPFields()
        let bearer = token ?? self.token
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        if let contentType, body != nil || bytes != nil { headers[.contentType] = contentType }
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        let payload = bytes ?? body.map { Array($0.utf8) }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers,
                                                       body: payload.map { ByteBuffer(bytes: $0) })
        return Answer(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    func post(_ uri: String, _ body: String, key: String? = nil) async throws -> Answer {
        try await request(.post, uri, body: body, key: key)
    }

    func get(_ uri: String) async throws -> Answer { try await request(.get, uri) }
}

extension JSONValue {
    var string: String? { if case .string(let text) = self { text } else { nil } }
    var number: Double? { if case .number(let number) = self { number } else { nil } }
    var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    var array: [JSONValue]? { if case .array(let elements) = self { elements } else { nil } }
}

enum Bodies {
    static func conversation(_ id: String, _ texts: [(String, String)], customer: String = "cu-\(UUID().uuidString.prefix(8))",
                             channel: String = "webchat") -> String {
        let messages = texts.map { role, text in #"{"role":"\#(role)","text":"\#(text)"}"# }.joined(separator: ",")
        return #"{"id":"\#(id)","channel":"\#(channel)","customer":{"id":"\#(customer)","name":"Ana Souza","language":"en"},"messages":[\#(messages)]}"#
    }

    static let wantsHuman = [("customer", "hi, I have a question about my order"), ("ai", "Sure, what would you like to know?"),
                             ("customer", "I want to talk to a human agent now")]
    static let calm = [("customer", "what are your opening hours?"), ("ai", "We are open 9 to 5.")]
}
