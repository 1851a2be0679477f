import Crypto
import Foundation

/// Standard Webhooks signatures: `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one
/// `v1,…` per active secret, separated by spaces, so a receiver can roll its secret over without a gap.
public struct WebhookSigner: Sendable {
    /// Key bytes; `SymmetricKey` is made per use (it is not `Sendable`).
    private let keys: [[UInt8]]

    /// Secrets as configured: `whsec_<base64>` (the Standard Webhooks form) is decoded; any other text is used as
    /// its UTF-8 bytes.
    public init(secrets: [String]) {
        keys = secrets.map { secret in
            if secret.hasPrefix("whsec_"), let bytes = Data(base64Encoded: String(secret.dropFirst(6))) {
                return [UInt8](bytes)
            }
            return Array(secret.utf8)
        }
    }

    /// The `webhook-signature` header value for one delivery.
    public func signature(id: String, timestamp: Int, body: [UInt8]) -> String {
        var content = Array("\(id).\(timestamp).".utf8)
        content += body
        return keys.map { key in
            "v1," + Data(HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key))).base64EncodedString()
        }.joined(separator: " ")
    }

    /// The three Standard Webhooks headers.
    public func headers(id: String, timestamp: Int, body: [UInt8]) -> [(String, String)] {
        [("webhook-id", id), ("webhook-timestamp", String(timestamp)), ("webhook-signature", signature(id: id, timestamp: timestamp, body: body))]
    }

    /// Verifies a delivery as a receiver would: any `v1,` signature matching, and a timestamp within `tolerance`.
    public func verify(id: String, timestamp: String, signatures: String, body: [UInt8], now: Date, tolerance: TimeInterval = 300) -> Bool {
        guard let seconds = Int(timestamp), abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance else { return false }
        var content = Array("\(id).\(seconds).".utf8)
        content += body
        let offered = signatures.split(separator: " ").compactMap { part -> Data? in
            guard part.hasPrefix("v1,") else { return nil }
            return Data(base64Encoded: String(part.dropFirst(3)))
        }
        return keys.contains { key in
            offered.contains { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: content, using: SymmetricKey(data: key)) }
        }
    }
}
