import BatonCore
/// The table of key bindings, tig style: each entry names a command, its keys, its help text and
/// the context it works in. Key handling and the help overlay both read this one table.
public struct KeyMap: Sendable {
    /// One row of the table.
    public struct Binding: Sendable {
        public var command: KeyCommand
        public var keys: [Key]
        public var help: String
        public var context: KeyContext
    }

    public let bindings: [Binding]

    public init(bindings: [Binding]) { self.bindings = bindings }

    /// The command bound to `key` in `context`; supervisor bindings also apply on the main screen
    /// (the session checks the permission).
    public func command(for key: Key, in context: KeyContext) -> KeyCommand? {
        let contexts: [KeyContext] = context == .main ? [.main, .supervisor] : [context]
        for candidate in contexts {
            if let binding = bindings.first(where: { $0.context == candidate && $0.keys.contains(key) }) {
                return binding.command
            }
        }
        return nil
    }

    /// The keys of `command` as shown to people, e.g. `j/↓`.
    public func keyLabel(for command: KeyCommand, in context: KeyContext) -> String {
        bindings.first { $0.command == command && $0.context == context }?.keys.map(\.label).joined(separator: "/") ?? ""
    }

    /// The help overlay text: one section per context, one line per binding, generated from the table.
    public func helpLines() -> [String] {
        var lines: [String] = []
        let keyColumn = bindings.map { TextWidth.width(of: $0.keys.map(\.label).joined(separator: " ")) }.max() ?? 0
        for context in KeyContext.allCases {
            let rows = bindings.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(context.title)
            for row in rows {
                lines.append("  " + TextFit.pad(row.keys.map(\.label).joined(separator: " "), to: keyColumn) + "  " + row.help)
            }
        }
        return lines
    }

    /// The standard bindings: arrows and vim keys; from page to suggested reply sent is `n`, `s`, `y`.
    public static let standard = KeyMap(bindings: [
        Binding(command: .moveDown, keys: [.character("j"), .down], help: "next thread", context: .main),
        Binding(command: .moveUp, keys: [.character("k"), .up], help: "previous thread", context: .main),
        Binding(command: .top, keys: [.character("g"), .home], help: "first thread", context: .main),
        Binding(command: .bottom, keys: [.character("G"), .end], help: "last thread", context: .main),
        Binding(command: .scrollUp, keys: [.pageUp], help: "transcript back", context: .main),
        Binding(command: .scrollDown, keys: [.pageDown], help: "transcript forward", context: .main),
        Binding(command: .next, keys: [.character("n")], help: "most urgent thread for you", context: .main),
        Binding(command: .claim, keys: [.character("c"), .enter], help: "claim", context: .main),
        Binding(command: .sendSuggested, keys: [.character("s")], help: "send suggested reply (asks)", context: .main),
        Binding(command: .reply, keys: [.character("r")], help: "reply (claims if needed)", context: .main),
        Binding(command: .replyInEditor, keys: [.character("E")], help: "reply in $EDITOR", context: .main),
        Binding(command: .note, keys: [.character("N")], help: "private note", context: .main),
        Binding(command: .transfer, keys: [.character("t")], help: "transfer to a queue", context: .main),
        Binding(command: .requeue, keys: [.character("u")], help: "back to queue, unclaimed", context: .main),
        Binding(command: .release, keys: [.character("a")], help: "release to the AI + note", context: .main),
        Binding(command: .resolve, keys: [.character("x")], help: "resolve (disposition)", context: .main),
        Binding(command: .cycleScope, keys: [.character("/")], help: "list: my queues, mine, all", context: .main),
        Binding(command: .help, keys: [.character("?")], help: "this help", context: .main),
        Binding(command: .quit, keys: [.character("q")], help: "quit", context: .main),
        Binding(command: .toggleSupervisor, keys: [.character("S")], help: "supervisor / agent view", context: .supervisor),
        Binding(command: .forceRelease, keys: [.character("F")], help: "force-release (reason)", context: .supervisor),
        Binding(command: .reassign, keys: [.character("R")], help: "reassign (reason)", context: .supervisor),
        Binding(command: .submit, keys: [.enter], help: "send / save", context: .composer),
        Binding(command: .insertSuggested, keys: [.tab], help: "insert suggested reply", context: .composer),
        Binding(command: .openEditor, keys: [.control("e")], help: "edit in $EDITOR", context: .composer),
        Binding(command: .deleteBackward, keys: [.backspace], help: "delete before the cursor", context: .composer),
        Binding(command: .deleteForward, keys: [.delete, .control("d")], help: "delete at the cursor", context: .composer),
        Binding(command: .cursorLeft, keys: [.left, .control("b")], help: "cursor left", context: .composer),
        Binding(command: .cursorRight, keys: [.right, .control("f")], help: "cursor right", context: .composer),
        Binding(command: .cursorStart, keys: [.home, .control("a")], help: "start of text", context: .composer),
        Binding(command: .cursorEnd, keys: [.end], help: "end of text", context: .composer),
        Binding(command: .cancel, keys: [.escape], help: "cancel", context: .composer),
        Binding(command: .pickNext, keys: [.character("j"), .down], help: "next choice", context: .picker),
        Binding(command: .pickPrevious, keys: [.character("k"), .up], help: "previous choice", context: .picker),
        Binding(command: .choose, keys: [.enter], help: "choose", context: .picker),
        Binding(command: .cancel, keys: [.escape, .character("q")], help: "cancel", context: .picker),
        Binding(command: .confirm, keys: [.character("y"), .enter], help: "yes, do it", context: .confirm),
        Binding(command: .cancel, keys: [.character("n"), .escape], help: "no", context: .confirm),
    ])
}
