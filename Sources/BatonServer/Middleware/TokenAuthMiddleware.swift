import BatonStore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Refuses a request without a valid bearer token with 401 before its body is read, so nothing is stored.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = BatonRequestContext
    let verifier: TokenVerifier

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.count > 7,
              header.prefix(7).lowercased() == "bearer " else { throw APIProblem.unauthorized }
        guard let name = try await verifier.integration(token: Self.trimmed(header.dropFirst(7))) else {
            throw APIProblem.unauthorized
        }
        var context = context
        context.integration = name
        return try await next(request, context)
    }

    /// `text` without the spaces and tabs around it: what `trimmingCharacters(in: .whitespaces)` removes (Unicode
    /// space separators and tab), without Foundation's bridging through NSString on every request.
    static func trimmed(_ text: Substring) -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}

/// Checks bearer tokens against the hashes in the store. A valid token is remembered for `ttl` seconds so a busy
/// integration does not cost a read per request; a revoked token stops working within that time.
public final class TokenVerifier: Sendable {
    let store: any IntegrationStore
    let runner: StoreRunner
    let ttl: TimeInterval
    private let cache = Mutex<[[UInt8]: (name: String, until: Date)]>([:])

    public init(store: any IntegrationStore, runner: StoreRunner, ttl: TimeInterval = 2) {
        self.store = store
        self.runner = runner
        self.ttl = ttl
    }

    func integration(token: String) async throws -> String? {
        guard !token.isEmpty, token.utf8.count <= 256 else { return nil }
        let hash = APITokens.hash(token)
        let now = Date()
        if let hit = cache.withLock({ $0[hash] }), hit.until > now { return hit.name }
        let store = self.store
        guard let name = try await runner.run({ try store.tokenName(hash: hash) }) else { return nil }
        cache.withLock { entries in
            if entries.count > 1_000 { entries.removeAll() }
            entries[hash] = (name, now.addingTimeInterval(ttl))
        }
        return name
    }
}

/// Bearer tokens: 32 random bytes, shown once; the store keeps their SHA-256.
public enum APITokens {
    /// A new token, `baton_` and 43 URL-safe base64 characters (256 random bits).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "baton_" + text
    }

    /// SHA-256 of the token's UTF-8 bytes. A plain hash suffices: the token is 256 random bits, not a password.
    public static func hash(_ token: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(token.utf8)))
    }
}
