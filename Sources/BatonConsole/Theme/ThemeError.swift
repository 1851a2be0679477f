/// Why a theme file could not be used; always names the file and, where it applies, the key.
public enum ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(file: String)
    case notFound(name: String, searched: [String])
    case syntax(file: String, line: Int, detail: String)
    case unknownKey(file: String, key: String, known: [String])
    case badValue(file: String, key: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let file): "theme \(file): cannot read the file"
        case .notFound(let name, let searched): "theme \(name) not found (looked in \(searched.joined(separator: ", ")))"
        case .syntax(let file, let line, let detail): "theme \(file), line \(line): \(detail)"
        case .unknownKey(let file, let key, let known): "theme \(file): unknown key \(key) (known: \(known.joined(separator: ", ")))"
        case .badValue(let file, let key, let detail): "theme \(file): \(key) \(detail)"
        }
    }
}
