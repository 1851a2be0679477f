import Testing
@testable import BatonConsole

@Suite("KeyMap: one table drives keys and the help overlay")
struct KeyMapTests {
    let map = KeyMap.standard

    @Test("Arrows and vim keys both move through the list")
    func arrowsAndVim() {
        #expect(map.command(for: .character("j"), in: .list) == .moveDown)
        #expect(map.command(for: .down, in: .list) == .moveDown)
        #expect(map.command(for: .character("k"), in: .list) == .moveUp)
        #expect(map.command(for: .up, in: .list) == .moveUp)
        #expect(map.command(for: .character("g"), in: .list) == .top)
        #expect(map.command(for: .character("G"), in: .list) == .bottom)
        #expect(map.command(for: .character("q"), in: .list) == .quit)
        #expect(map.command(for: .escape, in: .composer) == .cancel)
    }

    @Test("Keys are resolved by context: j types a j in the composer")
    func contexts() {
        #expect(map.command(for: .character("j"), in: .composer) == nil)
        #expect(map.command(for: .character("j"), in: .picker) == .moveDown)
        #expect(map.command(for: .tab, in: .composer) == .insertSuggested)
        #expect(map.command(for: .control("e"), in: .composer) == .openEditor)
        #expect(map.command(for: .character("S"), in: .list) == .toggleSupervisor)
    }

    @Test("No key is bound twice in one context")
    func noConflicts() {
        for context in KeyContext.allCases {
            var keys = map.bindings.filter { $0.context == context }.flatMap(\.keys)
            if context == .list { keys += map.bindings.filter { $0.context == .supervisor }.flatMap(\.keys) }
            #expect(Set(keys).count == keys.count, "duplicate key in \(context)")
        }
    }

    @Test("The help overlay lists every binding's keys and help text, by context")
    func helpFromTable() {
        let help = map.helpLines()
        for binding in map.bindings {
            let keys = binding.keyText
            #expect(help.contains { $0.contains(keys) && $0.hasSuffix(binding.help) }, "\(binding.command)")
        }
        for context in KeyContext.allCases { #expect(help.contains(context.title)) }
    }

    @Test("A table with a new binding shows it in the help overlay without other changes")
    func helpFollowsTable() {
        let custom = KeyMap(bindings: map.bindings + [KeyMap.Binding(command: .help, keys: [.character("h")], help: "help again", context: .list)])
        #expect(custom.helpLines().contains { $0.contains("h") && $0.hasSuffix("help again") })
        #expect(custom.command(for: .character("h"), in: .list) == .help)
    }

    @Test("Raw character codes decode to keys")
    func decoding() {
        #expect(Key.fromCharacterCode(13) == .enter)
        #expect(Key.fromCharacterCode(27) == .escape)
        #expect(Key.fromCharacterCode(127) == .backspace)
        #expect(Key.fromCharacterCode(5) == .control("e"))
        #expect(Key.fromCharacterCode(0x4F60) == .character("你"))
    }
}
