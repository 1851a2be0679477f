import BatonCore
/// The table of key bindings, tig style: each entry names a command, its keys, its help text and
/// the context it works in. Key handling, the footer hints and the help overlay all read this table;
/// the help's symbol legend comes from `Legend`, the table the views draw their symbols from.
public struct KeyMap: Sendable {
    /// One row of the table.
    public struct Binding: Sendable {
        public var command: KeyCommand
        public var keys: [Key]
        public var help: String
        public var context: KeyContext
        /// How the keys are written in the help when listing them would be too long (e.g. `1–9`).
        public var label: String?

        public init(command: KeyCommand, keys: [Key], help: String, context: KeyContext, label: String? = nil) {
            self.command = command
            self.keys = keys
            self.help = help
            self.context = context
            self.label = label
        }

        /// The keys as shown in the help: `j ↓`.
        public var keyText: String { label ?? keys.map(\.label).joined(separator: " ") }
    }

    public let bindings: [Binding]

    public init(bindings: [Binding]) { self.bindings = bindings }

    /// The command bound to `key` in `context` or the contexts it falls back to.
    public func command(for key: Key, in context: KeyContext) -> KeyCommand? {
        for candidate in context.lookupOrder {
            if let binding = bindings.first(where: { $0.context == candidate && $0.keys.contains(key) }) {
                return binding.command
            }
        }
        return nil
    }

    /// The keys of `command` as shown to people, e.g. `j/↓`.
    public func keyLabel(for command: KeyCommand, in context: KeyContext) -> String {
        binding(command, in: context)?.keys.map(\.label).joined(separator: "/") ?? ""
    }

    /// The first key of `command`, for one-key hints such as the footer's.
    public func firstKey(for command: KeyCommand, in context: KeyContext) -> String {
        binding(command, in: context)?.keys.first?.label ?? "?"
    }

    func binding(_ command: KeyCommand, in context: KeyContext) -> Binding? {
        for candidate in context.lookupOrder {
            if let found = bindings.first(where: { $0.command == command && $0.context == candidate }) { return found }
        }
        return nil
    }

    /// The help overlay text: one section per context, one line per binding, then the symbols on screen.
    /// `colorless` lists the symbols drawn when there is no colour.
    public func helpLines(colorless: Bool = false) -> [String] {
        var lines: [String] = []
        let symbols = Legend.entries(colorless: colorless)
        // Narrow enough for two columns of help at 120 columns; the odd longer key list runs over.
        let keyColumn = min(11, max(bindings.map { TextWidth.width(of: $0.keyText) }.max() ?? 0,
                                    symbols.map { TextWidth.width(of: $0.symbol) }.max() ?? 0))
        for context in KeyContext.allCases {
            let rows = bindings.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(context.title)
            for row in rows {
                lines.append("  " + TextFit.pad(row.keyText, to: keyColumn) + "  " + row.help)
            }
        }
        lines.append("")
        lines.append(Legend.title)
        for entry in symbols {
            lines.append("  " + TextFit.pad(entry.symbol, to: keyColumn) + "  " + entry.meaning)
        }
        return lines
    }

    /// The standard bindings: arrows and vim keys. From a page to the suggested reply sent is `p`, `s`, `y`;
    /// to the most urgent thread's, `Space`, `s`, `y`.
    public static let standard = KeyMap(bindings: [
        Binding(command: .moveDown, keys: [.character("j"), .down], help: "next thread", context: .list),
        Binding(command: .moveUp, keys: [.character("k"), .up], help: "previous thread", context: .list),
        Binding(command: .pageDown, keys: [.pageDown, .control("f")], help: "page down", context: .list),
        Binding(command: .pageUp, keys: [.pageUp, .control("b")], help: "page up", context: .list),
        Binding(command: .top, keys: [.character("g"), .home], help: "first thread (5g: row 5)", context: .list),
        Binding(command: .bottom, keys: [.character("G"), .end], help: "last thread (5G: row 5)", context: .list),
        Binding(command: .count, keys: (1...9).map { .character(Character("\($0)")) }, help: "count: 5j, 3PgDn, 12G (row 12)",
                context: .list, label: "1-9"),
        Binding(command: .urgent, keys: [.character(" ")], help: "most urgent thread for you", context: .list),
        Binding(command: .openPaged, keys: [.character("p")], help: "the thread you were paged about", context: .list),
        Binding(command: .claim, keys: [.character("c"), .enter], help: "claim", context: .list),
        Binding(command: .sendSuggested, keys: [.character("s")], help: "send the suggested reply (asks)", context: .list),
        Binding(command: .reply, keys: [.character("r")], help: "reply (claims if needed)", context: .list),
        Binding(command: .useAISuggestion, keys: [.character("A")], help: "the AI's latest suggestion into the reply", context: .list),
        Binding(command: .replyInEditor, keys: [.character("E")], help: "reply in $EDITOR", context: .list),
        Binding(command: .note, keys: [.character("i")], help: "internal note", context: .list),
        Binding(command: .transfer, keys: [.character("t")], help: "transfer to a queue", context: .list),
        Binding(command: .offerToAgent, keys: [.character("T")], help: "offer to an agent, with a note", context: .list),
        Binding(command: .acceptOffer, keys: [.character("O")], help: "accept the thread offered to you", context: .list),
        Binding(command: .declineOffer, keys: [.character("D")], help: "decline the thread offered to you", context: .list),
        Binding(command: .requeue, keys: [.character("u")], help: "back to the queue, unclaimed", context: .list),
        Binding(command: .release, keys: [.character("a")], help: "release to the AI, note for the bot", context: .list),
        Binding(command: .resolve, keys: [.character("x")], help: "resolve (disposition)", context: .list),
        Binding(command: .search, keys: [.character("/")], help: "search customer, id, why, queue, text", context: .list),
        Binding(command: .searchNext, keys: [.character("n")], help: "next match", context: .list),
        Binding(command: .searchPrevious, keys: [.character("N")], help: "previous match", context: .list),
        Binding(command: .filter, keys: [.character("f")], help: "filter the list (empty: all)", context: .list),
        Binding(command: .sort, keys: [.character("o")], help: "order: urgency, wait, mood, queue", context: .list),
        Binding(command: .cycleScope, keys: [.character("v")], help: "view: my queues, held by me, all, live AI", context: .list),
        Binding(command: .clear, keys: [.escape], help: "clear search, filter and count", context: .list),
        Binding(command: .focusDetail, keys: [.tab], help: "read the transcript / escalations", context: .list),
        Binding(command: .copy, keys: [.character("y")], help: "copy the suggested reply (OSC 52)", context: .list),
        Binding(command: .messages, keys: [.character("M")], help: "message history", context: .list),
        Binding(command: .help, keys: [.character("?")], help: "keys and symbols", context: .list),
        Binding(command: .quit, keys: [.character("q")], help: "quit", context: .list),
        Binding(command: .toggleSupervisor, keys: [.character("S")], help: "supervisor / agent view", context: .supervisor),
        Binding(command: .forceRelease, keys: [.character("F")], help: "force-release (reason)", context: .supervisor),
        Binding(command: .reassign, keys: [.character("R")], help: "reassign (checks skills, capacity)", context: .supervisor),
        Binding(command: .moveDown, keys: [.character("j"), .down], help: "next message / escalation", context: .detail),
        Binding(command: .moveUp, keys: [.character("k"), .up], help: "previous message / escalation", context: .detail),
        Binding(command: .pageDown, keys: [.pageDown, .character(" ")], help: "page down (pages overlap)", context: .detail),
        Binding(command: .pageUp, keys: [.pageUp, .character("b")], help: "page up", context: .detail),
        Binding(command: .top, keys: [.character("g"), .home], help: "first message", context: .detail),
        Binding(command: .bottom, keys: [.character("G"), .end], help: "last message", context: .detail),
        Binding(command: .copy, keys: [.character("y")], help: "copy the selected message", context: .detail),
        Binding(command: .focusList, keys: [.tab, .escape], help: "back to the thread list", context: .detail),
        Binding(command: .submit, keys: [.enter], help: "send / save", context: .composer),
        Binding(command: .insertSuggested, keys: [.tab], help: "insert the suggested reply", context: .composer),
        Binding(command: .openEditor, keys: [.control("e")], help: "edit in $EDITOR", context: .composer),
        Binding(command: .deleteBackward, keys: [.backspace], help: "delete before the cursor", context: .composer),
        Binding(command: .deleteForward, keys: [.delete, .control("d")], help: "delete at the cursor", context: .composer),
        Binding(command: .cursorLeft, keys: [.left, .control("b")], help: "cursor left", context: .composer),
        Binding(command: .cursorRight, keys: [.right, .control("f")], help: "cursor right", context: .composer),
        Binding(command: .cursorStart, keys: [.home, .control("a")], help: "start of text", context: .composer),
        Binding(command: .cursorEnd, keys: [.end], help: "end of text", context: .composer),
        Binding(command: .cancel, keys: [.escape], help: "close (asks to keep a draft)", context: .composer),
        Binding(command: .moveDown, keys: [.character("j"), .down], help: "next choice", context: .picker),
        Binding(command: .moveUp, keys: [.character("k"), .up], help: "previous choice", context: .picker),
        Binding(command: .pageDown, keys: [.pageDown], help: "page down", context: .picker),
        Binding(command: .pageUp, keys: [.pageUp], help: "page up", context: .picker),
        Binding(command: .top, keys: [.character("g"), .home], help: "first choice", context: .picker),
        Binding(command: .bottom, keys: [.character("G"), .end], help: "last choice", context: .picker),
        Binding(command: .choose, keys: [.enter], help: "choose", context: .picker),
        Binding(command: .cancel, keys: [.escape, .character("q")], help: "cancel", context: .picker),
        Binding(command: .confirm, keys: [.character("y"), .enter], help: "yes, do it", context: .confirm),
        Binding(command: .cancel, keys: [.character("n"), .escape], help: "no", context: .confirm),
        Binding(command: .keepDraft, keys: [.character("k"), .enter], help: "keep the draft for later", context: .draft),
        Binding(command: .discardDraft, keys: [.character("d")], help: "discard the draft", context: .draft),
        Binding(command: .cancel, keys: [.escape], help: "back to writing", context: .draft),
        Binding(command: .moveDown, keys: [.character("j"), .down], help: "scroll down", context: .overlay),
        Binding(command: .moveUp, keys: [.character("k"), .up], help: "scroll up", context: .overlay),
        Binding(command: .pageDown, keys: [.pageDown, .character(" ")], help: "page down", context: .overlay),
        Binding(command: .pageUp, keys: [.pageUp, .character("b")], help: "page up", context: .overlay),
        Binding(command: .top, keys: [.character("g"), .home], help: "top", context: .overlay),
        Binding(command: .bottom, keys: [.character("G"), .end], help: "bottom", context: .overlay),
        Binding(command: .close, keys: [.escape, .character("q"), .character("?")], help: "close", context: .overlay),
    ])
}
