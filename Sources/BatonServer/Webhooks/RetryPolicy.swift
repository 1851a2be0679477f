import BatonStore
import Foundation

/// What a receiver did with one delivery attempt.
public enum AttemptOutcome: Sendable, Equatable {
    /// It answered with this status; `retryAfter` is its `Retry-After` header, if any.
    case status(Int, retryAfter: String?)
    /// No answer in time.
    case timeout
    /// The connection failed (refused, reset, DNS…).
    case connectionError(String)
}

/// When to try a delivery again, and when to give up. Pure: the time and the jitter come in as arguments.
///
/// Retried on timeouts, connection errors, 408, 429 and 5xx, with exponential backoff (`base` doubling up to
/// `maxDelay`) and ±`jitter` randomness, honouring `Retry-After` (seconds or an HTTP date), until `giveUpAfter`
/// has passed since the first attempt; any other status below 200 or from 300 up is final.
public struct RetryPolicy: Sendable, Equatable {
    public var base: TimeInterval
    public var maxDelay: TimeInterval
    public var jitter: Double
    public var giveUpAfter: TimeInterval

    public init(base: TimeInterval = 5, maxDelay: TimeInterval = 3600, jitter: Double = 0.2, giveUpAfter: TimeInterval = 24 * 3600) {
        self.base = base
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.giveUpAfter = giveUpAfter
    }

    /// The delay before attempt `attempt + 1` after `attempt` failures, for a uniform `random` in 0..<1.
    public func backoff(afterAttempt attempt: Int, random: Double) -> TimeInterval {
        let exponential = min(maxDelay, base * pow(2, Double(max(0, attempt - 1))))
        return exponential * (1 - jitter + 2 * jitter * random)
    }

    /// What follows attempt number `attempt` (1 for the first) that ended with `outcome` at `now`.
    public func next(after outcome: AttemptOutcome, attempt: Int, firstAttemptAt: Date, now: Date, random: Double) -> WebhookAttemptResult.Next {
        var delay = backoff(afterAttempt: attempt, random: random)
        switch outcome {
        case .status(let code, _) where (200..<300).contains(code):
            return .delivered
        case .status(let code, let retryAfter) where code == 408 || code == 429 || (500..<600).contains(code):
            if let retryAfter, let asked = Self.retryAfter(retryAfter, now: now) {
                delay = max(delay, min(asked, maxDelay))
            }
        case .status:
            return .failed
        case .timeout, .connectionError:
            break
        }
        let at = now.addingTimeInterval(delay)
        return at.timeIntervalSince(firstAttemptAt) > giveUpAfter ? .failed : .retry(at: at)
    }

    /// `Retry-After` as seconds from `now`: delta-seconds or an HTTP date; nil when unreadable.
    public static func retryAfter(_ value: String, now: Date) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds >= 0 ? TimeInterval(seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
