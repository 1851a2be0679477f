import Testing
import Foundation
@testable import BatonConsole

@Suite("Themes: every file in themes/ parses; bad files name the file and key")
struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes").path

    static let files = ["default-dark", "light", "high-contrast", "monochrome"]

    @Test("Every shipped theme parses and styles every role", arguments: files)
    func shipped(_ name: String) throws {
        let theme = try Theme(contentsOf: "\(Self.themesFolder)/\(name).toml")
        #expect(theme.name == name)
        for role in StyleRole.themed { #expect(theme.styles[role] != nil, "\(name) lacks [\(role.rawValue)]") }
        // Selection and alerts must stand out from normal text in every theme.
        #expect(theme.style(for: .selected) != theme.style(for: .normal))
        #expect(theme.style(for: .alert) != theme.style(for: .normal))
    }

    @Test("The themes folder holds exactly the shipped themes")
    func folder() throws {
        let found = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder).filter { $0.hasSuffix(".toml") }.sorted()
        #expect(found == Self.files.map { $0 + ".toml" }.sorted())
    }

    @Test("default-dark keeps the terminal background and colours sentiment green, yellow, red")
    func defaultDark() throws {
        let theme = try Theme(contentsOf: "\(Self.themesFolder)/default-dark.toml")
        #expect(theme.style(for: .normal) == TextStyle())
        #expect(theme.style(for: .positive).foreground == .index(2))
        #expect(theme.style(for: .neutral).foreground == .index(3))
        #expect(theme.style(for: .negative).foreground == .index(1))
        #expect(theme.style(for: .header).attributes == [.bold])
    }

    @Test("monochrome uses attributes only")
    func monochrome() throws {
        let theme = try Theme(contentsOf: "\(Self.themesFolder)/monochrome.toml")
        for style in theme.styles.values {
            #expect(style.foreground == .terminalDefault)
            #expect(style.background == .terminalDefault)
        }
    }

    @Test("NO_COLOR keeps the selection visible (reverse) in every theme, and alerts, headers and banners distinct",
          arguments: files)
    func noColorKeepsSelection(_ name: String) throws {
        let theme = try ThemeLocator.load(name, environment: ["NO_COLOR": "1", "HOME": "/nonexistent"])
        #expect(!theme.hasColor)
        for role: StyleRole in [.selected, .selectedNegative, .selectedPositive, .header, .banner] {
            #expect(theme.style(for: role).attributes.contains(.reverse), "\(name): \(role) invisible without colour")
        }
        #expect(theme.style(for: .alert) != theme.style(for: .normal))
    }

    @Test("NO_COLOR strips colours from any theme but keeps attributes")
    func noColor() throws {
        let theme = try ThemeLocator.load("\(Self.themesFolder)/high-contrast.toml", environment: ["NO_COLOR": "1"])
        #expect(theme.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        #expect(theme.style(for: .alert).attributes.contains(.bold))
        let coloured = try ThemeLocator.load("\(Self.themesFolder)/high-contrast.toml", environment: ["NO_COLOR": ""])
        #expect(coloured.style(for: .alert).background == .index(1))
    }

    @Test("The binary carries every shipped theme, byte for byte as in themes/")
    func builtIn() throws {
        #expect(ThemeLocator.builtInNames == Self.files.sorted())
        for name in Self.files {
            let file = try String(contentsOfFile: "\(Self.themesFolder)/\(name).toml", encoding: .utf8)
            let embedded = try #require(BuiltInThemes.files[name])
            #expect(embedded.trimmingCharacters(in: .whitespacesAndNewlines) == file.trimmingCharacters(in: .whitespacesAndNewlines),
                    "themes/\(name).toml changed: update BuiltInThemes.swift")
        }
    }

    @Test("Themes need no files: every name loads from the binary, colours included, wherever the process runs")
    func loadsWithoutFiles() throws {
        let nowhere = ["HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent"]
        for name in Self.files {
            let theme = try ThemeLocator.load(name, environment: nowhere)
            #expect(theme.name == name)
        }
        let standard = try ThemeLocator.load(nil, environment: nowhere)
        #expect(standard.name == "default-dark")
        #expect(standard.style(for: .negative).foreground == .index(1), "sentiment colour without any theme file")
        #expect(throws: ThemeError.self) { try ThemeLocator.load("no-such-theme", environment: nowhere) }
    }

    @Test("A theme in $XDG_CONFIG_HOME/baton/themes overrides the built-in one of that name; BATON_THEMES is searched too")
    func userThemesOverride() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("baton-themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("baton/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "name = \"mine\"\n[negative]\nfg = \"magenta\"\n".write(to: folder.appendingPathComponent("default-dark.toml"), atomically: true, encoding: .utf8)
        let theme = try ThemeLocator.load(nil, environment: ["XDG_CONFIG_HOME": home.path])
        #expect(theme.name == "mine")
        #expect(theme.style(for: .negative).foreground == .index(5))
        let dotConfig = home.appendingPathComponent(".config/baton/themes")
        try FileManager.default.createDirectory(at: dotConfig, withIntermediateDirectories: true)
        try "name = \"home-light\"\n".write(to: dotConfig.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        #expect(try ThemeLocator.load("light", environment: ["HOME": home.path]).name == "home-light", "without XDG_CONFIG_HOME, ~/.config")
        let other = try ThemeLocator.load("light", environment: ["BATON_THEMES": Self.themesFolder, "XDG_CONFIG_HOME": home.path])
        #expect(other.name == "light")
    }

    @Test("An unknown role is refused, naming the file and the key")
    func unknownRole() {
        #expect(throws: ThemeError.unknownKey(file: "bad.toml", key: "alrt", known: ["name"] + StyleRole.allCases.map(\.rawValue))) {
            try Theme(toml: "[alrt]\nfg = \"red\"\n", file: "bad.toml")
        }
    }

    @Test("A bad colour, index, attribute or key names the file and role.key")
    func badValues() {
        let cases: [(String, String)] = [
            ("[alert]\nfg = \"redd\"\n", "alert.fg"),
            ("[alert]\nbg = 300\n", "alert.bg"),
            ("[alert]\nattrs = [\"blink\"]\n", "alert.attrs"),
            ("[alert]\nattrs = \"bold\"\n", "alert.attrs"),
            ("[alert]\ncolour = \"red\"\n", "alert.colour"),
        ]
        for (toml, key) in cases {
            do {
                _ = try Theme(toml: toml, file: "themes/bad.toml")
                Issue.record("accepted \(toml)")
            } catch {
                #expect(error.description.contains("themes/bad.toml"), "\(error)")
                #expect(error.description.contains(key), "\(error)")
            }
        }
    }

    @Test("A TOML syntax error names the file and line")
    func syntax() {
        do {
            _ = try Theme(toml: "[alert]\nfg = \n", file: "broken.toml")
            Issue.record("accepted broken TOML")
        } catch {
            guard case .syntax(let file, let line, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(file == "broken.toml")
            #expect(line == 2)
        }
    }
}
