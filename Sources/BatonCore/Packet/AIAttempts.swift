/// What the AI did before handing off.
public struct AIAttempts: Sendable, Equatable, Codable {
    public var answers: [String]
    public var links: [String]
    public var kb: [String]
    public var toolCalls: [ToolCall]

    public init(answers: [String] = [], links: [String] = [], kb: [String] = [], toolCalls: [ToolCall] = []) {
        self.answers = answers
        self.links = links
        self.kb = kb
        self.toolCalls = toolCalls
    }

    public var failedTools: [ToolCall] { toolCalls.filter { !$0.ok } }
}
