import Foundation

/// Finds a theme by name or path: an explicit path, `$BATON_THEMES`, `./themes`, or a `themes`
/// folder next to (or above) the running executable.
public enum ThemeLocator {
    /// Loads `nameOrPath` (a file path when it contains `/` or ends in `.toml`). The default theme
    /// falls back to `Theme.builtIn` when no file exists, so a bare binary still works.
    public static func load(_ nameOrPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ThemeError) -> Theme {
        let requested = nameOrPath ?? "default-dark"
        var theme: Theme
        if requested.contains("/") || requested.hasSuffix(".toml") {
            theme = try Theme(contentsOf: requested)
        } else {
            let folders = searchFolders(environment: environment)
            if let path = folders.map({ "\($0)/\(requested).toml" }).first(where: { FileManager.default.fileExists(atPath: $0) }) {
                theme = try Theme(contentsOf: path)
            } else if nameOrPath == nil {
                theme = .builtIn
            } else {
                throw .notFound(name: requested, searched: folders)
            }
        }
        // https://no-color.org: any non-empty value disables colour.
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { theme = theme.withoutColor() }
        return theme
    }

    static func searchFolders(environment: [String: String]) -> [String] {
        var folders: [String] = []
        if let custom = environment["BATON_THEMES"], !custom.isEmpty { folders.append(custom) }
        folders.append(FileManager.default.currentDirectoryPath + "/themes")
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            folders.append(directory.appendingPathComponent("themes").path)
            directory = directory.deletingLastPathComponent()
        }
        return folders
    }
}
