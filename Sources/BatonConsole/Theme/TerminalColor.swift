/// A terminal colour: the terminal's own default, or an index in the 256-colour palette.
public enum TerminalColor: Sendable, Equatable, Hashable {
    /// Keeps the terminal's own colour (its background stays visible).
    case terminalDefault
    case index(Int)

    /// The names accepted in theme files, by palette index.
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
                        "bright-magenta", "bright-cyan", "bright-white"]

    /// Parses `default`, a colour name such as `bright-red`, or a palette index 0–255.
    init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "default" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: lowered) {
            self = .index(index)
        } else {
            return nil
        }
    }
}
