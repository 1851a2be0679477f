/// How one style role looks: foreground, background and attributes.
public struct TextStyle: Sendable, Equatable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: Set<TextAttribute>

    public init(foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
                attributes: Set<TextAttribute> = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
