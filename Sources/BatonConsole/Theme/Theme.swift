import Foundation
import TOMLKit

/// Maps every style role to a look; loaded from a TOML file in `themes/`.
///
/// A theme file has one table per role (`[alert]`, `[selected]`…) with optional `fg`, `bg` and
/// `attrs` keys. Roles left out look like `[normal]`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: TextStyle]

    public init(name: String, styles: [StyleRole: TextStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The look of `role`, falling back to `normal`. A derived role the theme leaves out (the sentiment on
    /// the selected row) takes its foreground from one role and its background from the other: a selected
    /// row keeps its sentiment colour.
    public func style(for role: StyleRole) -> TextStyle {
        if let style = styles[role] { return style }
        if let derivation = role.derivation {
            let front = style(for: derivation.foreground), back = style(for: derivation.background)
            let foreground = front.foreground == .terminalDefault ? back.foreground : front.foreground
            return TextStyle(foreground: foreground, background: back.background, attributes: back.attributes.union(front.attributes))
        }
        return styles[.normal] ?? TextStyle()
    }

    /// Whether any role has a colour (rather than attributes only).
    public var hasColor: Bool {
        styles.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }

    /// The same theme with every colour removed: what `NO_COLOR` asks for. A role set apart by its own
    /// background (the selection, headers, banners) keeps that as reverse video, and a role left with no
    /// attribute at all takes the built-in monochrome look, so nothing that was visible disappears.
    public func withoutColor() -> Theme {
        var copy = self
        let normalBackground = style(for: .normal).background
        for (role, style) in styles {
            var attributes = style.attributes
            if role != .normal, style.background != normalBackground { attributes.insert(.reverse) }
            if attributes.isEmpty { attributes = Theme.builtIn.styles[role]?.attributes ?? [] }
            copy.styles[role] = TextStyle(attributes: attributes)
        }
        return copy
    }

    /// The built-in look used when no theme file can be found: attributes only, readable anywhere.
    public static let builtIn = Theme(name: "built-in", styles: [
        .normal: TextStyle(),
        .header: TextStyle(attributes: [.bold, .reverse]),
        .selected: TextStyle(attributes: [.reverse]),
        .alert: TextStyle(attributes: [.bold, .underline]),
        .warning: TextStyle(attributes: [.bold]),
        .positive: TextStyle(),
        .neutral: TextStyle(),
        .negative: TextStyle(attributes: [.bold]),
        .muted: TextStyle(attributes: [.dim]),
        .accent: TextStyle(attributes: [.bold]),
        .banner: TextStyle(attributes: [.bold, .reverse]),
    ])

    /// Parses theme TOML; `file` names the source in errors.
    public init(toml: String, file: String) throws(ThemeError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw .syntax(file: file, line: error.source.begin.line, detail: error.description)
        } catch {
            throw .syntax(file: file, line: 0, detail: "\(error)")
        }
        var name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var styles: [StyleRole: TextStyle] = [:]
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            if key == "name" {
                guard let text = value.string else { throw .badValue(file: file, key: key, detail: "must be a string") }
                name = text
                continue
            }
            guard let role = StyleRole(rawValue: key) else {
                throw .unknownKey(file: file, key: key, known: ["name"] + StyleRole.allCases.map(\.rawValue))
            }
            guard let roleTable = value.table else {
                throw .badValue(file: file, key: key, detail: "must be a table like [\(key)] with fg, bg, attrs")
            }
            styles[role] = try Self.style(roleTable, role: key, file: file)
        }
        self.init(name: name, styles: styles)
    }

    /// Reads and parses a theme file.
    public init(contentsOf path: String) throws(ThemeError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path)
        }
        try self.init(toml: text, file: path)
    }

    private static func style(_ table: TOMLTable, role: String, file: String) throws(ThemeError) -> TextStyle {
        var style = TextStyle()
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let path = "\(role).\(key)"
            switch key {
            case "fg", "bg":
                let color: TerminalColor
                if let index = value.int {
                    guard (0...255).contains(index) else { throw .badValue(file: file, key: path, detail: "palette index \(index) is not in 0–255") }
                    color = .index(index)
                } else if let text = value.string, let named = TerminalColor(name: text) {
                    color = named
                } else {
                    throw .badValue(file: file, key: path, detail: "unknown colour \(value.debugDescription); use default, "
                                    + TerminalColor.names.joined(separator: ", ") + " or 0–255")
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard let array = value.array else { throw .badValue(file: file, key: path, detail: "must be an array of strings") }
                for item in array {
                    guard let text = item.string, let attribute = TextAttribute(rawValue: text.lowercased()) else {
                        throw .badValue(file: file, key: path, detail: "unknown attribute \(item.debugDescription); use "
                                        + TextAttribute.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw .unknownKey(file: file, key: path, known: ["fg", "bg", "attrs"])
            }
        }
        return style
    }
}
