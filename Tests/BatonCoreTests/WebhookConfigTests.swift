import Testing
@testable import BatonCore

/// `[[webhooks]]` in baton.toml.
@Suite struct WebhookConfigTests {
    @Test func webhooksAreReadWithTheirSecretsAndEvents() throws {
        let config = try ConfigLoader.load(toml: """
            [[webhooks]]
            url = "https://bot.example.com/baton"
            secret = ["whsec_bmV3", "whsec_b2xk"]
            events = ["handoff_message", "released_to_ai"]

            [[webhooks]]
            name = "audit"
            url = "http://127.0.0.1:9000/hook"
            secret = "plain secret"
            events = "all"
            """, source: "baton.toml")
        #expect(config.webhooks == [
            WebhookConfig(url: "https://bot.example.com/baton", secrets: ["whsec_bmV3", "whsec_b2xk"], events: [.handoffMessage, .releasedToAI]),
            WebhookConfig(name: "audit", url: "http://127.0.0.1:9000/hook", secrets: ["plain secret"], events: nil),
        ])
        #expect(config.webhooks[0].name == "https://bot.example.com/baton")
    }

    @Test(arguments: [
        ("url = \"ftp://x\"\nsecret = \"s\"", "webhooks[0].url"),
        ("url = \"http://x\"", "webhooks[0].secret"),
        ("url = \"http://x\"\nsecret = [\"a\", \"b\", \"c\"]", "webhooks[0].secret"),
        ("url = \"http://x\"\nsecret = \"s\"\nevents = [\"claimd\"]", "webhooks[0].events"),
        ("url = \"http://x\"\nsecret = \"s\"\nretries = 3", "webhooks[0].retries"),
    ])
    func mistakesNameTheKey(body: String, key: String) {
        #expect {
            _ = try ConfigLoader.load(toml: "[[webhooks]]\n" + body, source: "baton.toml")
        } throws: { error in
            (error as? ConfigError)?.description.contains(key) == true
        }
    }
}
