import BatonCore
import BatonServer
import BatonStore
import Foundation
import Synchronization
import Testing

/// Standard Webhooks signing, the retry policy, and delivery order, all with an injected clock and transport.
@Suite struct WebhookSigningTests {
    @Test func signaturesMatchTheStandardWebhooksTestVector() {
        // From the Standard Webhooks specification's reference implementations.
        let signer = WebhookSigner(secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        let body = Array(#"{"test": 2432232314}"#.utf8)
        #expect(signer.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: body)
                == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func twoSecretsSignTwiceSoEitherVerifiesDuringRotation() {
        let both = WebhookSigner(secrets: ["new-secret", "old-secret"])
        let body = Array("{}".utf8)
        let header = both.signature(id: "evt_1", timestamp: 1_700_000_000, body: body)
        #expect(header.split(separator: " ").count == 2)
        let now = Date(timeIntervalSince1970: 1_700_000_010)
        #expect(WebhookSigner(secrets: ["old-secret"]).verify(id: "evt_1", timestamp: "1700000000", signatures: header, body: body, now: now))
        #expect(WebhookSigner(secrets: ["new-secret"]).verify(id: "evt_1", timestamp: "1700000000", signatures: header, body: body, now: now))
        #expect(!WebhookSigner(secrets: ["other"]).verify(id: "evt_1", timestamp: "1700000000", signatures: header, body: body, now: now))
        #expect(!WebhookSigner(secrets: ["old-secret"]).verify(id: "evt_2", timestamp: "1700000000", signatures: header, body: body, now: now))
        // A replay long after the timestamp is refused.
        #expect(!WebhookSigner(secrets: ["old-secret"]).verify(id: "evt_1", timestamp: "1700000000", signatures: header, body: body,
                                                               now: now.addingTimeInterval(3600)))
    }
}

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(base: 5, maxDelay: 3600, jitter: 0.2, giveUpAfter: 24 * 3600)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func backoffDoublesWithinItsJitterUpToTheCap() {
        for attempt in 1...15 {
            let nominal = min(3600, 5 * pow(2, Double(attempt - 1)))
            #expect(policy.backoff(afterAttempt: attempt, random: 0) == nominal * 0.8)
            #expect(policy.backoff(afterAttempt: attempt, random: 0.5) == nominal)
            #expect(abs(policy.backoff(afterAttempt: attempt, random: 0.999_999) - nominal * 1.2) < 0.01)
        }
    }

    @Test func whatIsRetriedAndWhatIsFinal() {
        func next(_ outcome: AttemptOutcome) -> WebhookAttemptResult.Next {
            policy.next(after: outcome, attempt: 1, firstAttemptAt: t0, now: t0, random: 0.5)
        }
        #expect(next(.status(200, retryAfter: nil)) == .delivered)
        #expect(next(.status(204, retryAfter: nil)) == .delivered)
        for retried in [AttemptOutcome.status(500, retryAfter: nil), .status(503, retryAfter: nil), .status(408, retryAfter: nil),
                        .status(429, retryAfter: nil), .timeout, .connectionError("refused")] {
            #expect(next(retried) == .retry(at: t0 + 5))
        }
        for final in [400, 401, 403, 404, 410, 422, 301] {
            #expect(next(.status(final, retryAfter: nil)) == .failed)
        }
    }

    @Test func retryAfterIsHonouredInSecondsOrAsADate() {
        #expect(policy.next(after: .status(429, retryAfter: "120"), attempt: 1, firstAttemptAt: t0, now: t0, random: 0.5) == .retry(at: t0 + 120))
        #expect(RetryPolicy.retryAfter("Thu, 01 Jan 1970 00:01:00 GMT", now: Date(timeIntervalSince1970: 0)) == 60)
        // Never shorter than the backoff, never longer than the cap.
        #expect(policy.next(after: .status(429, retryAfter: "1"), attempt: 3, firstAttemptAt: t0, now: t0, random: 0.5) == .retry(at: t0 + 20))
        #expect(policy.next(after: .status(429, retryAfter: "999999"), attempt: 1, firstAttemptAt: t0, now: t0, random: 0.5) == .retry(at: t0 + 3600))
    }

    @Test func itGivesUpOnceTheNextTryWouldFallPast24Hours() {
        var now = t0
        var attempt = 1
        var outcome = policy.next(after: .status(500, retryAfter: nil), attempt: attempt, firstAttemptAt: t0, now: now, random: 0.5)
        while case .retry(let at) = outcome {
            now = at
            attempt += 1
            outcome = policy.next(after: .status(500, retryAfter: nil), attempt: attempt, firstAttemptAt: t0, now: now, random: 0.5)
        }
        #expect(outcome == .failed)
        #expect(now.timeIntervalSince(t0) <= 24 * 3600)
        #expect(now.timeIntervalSince(t0) > 22 * 3600)
        #expect(attempt > 20)
    }
}
