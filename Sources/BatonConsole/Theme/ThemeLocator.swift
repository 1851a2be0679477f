import Foundation

/// Finds a theme by name or path. A name is looked up in the user's themes
/// (`$XDG_CONFIG_HOME/baton/themes`, default `~/.config/baton/themes`), then in `$BATON_THEMES`, then among
/// the themes built into the binary (`default-dark`, `light`, `high-contrast`, `monochrome`); a user theme of
/// the same name overrides a built-in one. The binary needs no files next to it to have colour.
public enum ThemeLocator {
    /// The theme used when none is asked for.
    public static let defaultName = "default-dark"

    /// The names of the themes built into the binary.
    public static var builtInNames: [String] { BuiltInThemes.files.keys.sorted() }

    /// Loads `nameOrPath` (a file path when it contains `/` or ends in `.toml`), then applies `NO_COLOR`.
    public static func load(_ nameOrPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ThemeError) -> Theme {
        let requested = nameOrPath ?? defaultName
        var theme: Theme
        if requested.contains("/") || requested.hasSuffix(".toml") {
            theme = try Theme(contentsOf: requested)
        } else {
            let folders = searchFolders(environment: environment)
            if let path = folders.map({ "\($0)/\(requested).toml" }).first(where: { FileManager.default.fileExists(atPath: $0) }) {
                theme = try Theme(contentsOf: path)
            } else if let text = BuiltInThemes.files[requested] {
                theme = try Theme(toml: text, file: "built-in theme \(requested)")
            } else {
                throw .notFound(name: requested, searched: folders + ["built-in: " + builtInNames.joined(separator: ", ")])
            }
        }
        // https://no-color.org: any non-empty value disables colour.
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { theme = theme.withoutColor() }
        return theme
    }

    /// Where user themes are looked for, in order.
    static func searchFolders(environment: [String: String]) -> [String] {
        var folders: [String] = []
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].flatMap { $0.isEmpty ? nil : $0 + "/.config" }
        if let configHome { folders.append(configHome + "/baton/themes") }
        if let custom = environment["BATON_THEMES"], !custom.isEmpty { folders.append(custom) }
        return folders
    }
}
