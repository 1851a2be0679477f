import Foundation

/// Keeps `baton demo` from ever wiping a real store: only a file it created itself is recreated.
enum DemoStoreFile {
    static func markerPath(_ path: String) -> String { path + ".demo" }

    /// Removes a previous demo store at `path`; refuses any other existing file.
    static func prepare(path: String) throws {
        let files = FileManager.default
        try StoreOptions.createFolders(of: path, for: "the demo store")
        guard files.fileExists(atPath: path) else { return }
        guard files.fileExists(atPath: markerPath(path)) else {
            throw CLIError("\(path) exists and is not a demo store; refusing to overwrite it (choose another --db)")
        }
        for suffix in ["", "-wal", "-shm", ".demo"] where files.fileExists(atPath: path + suffix) {
            try files.removeItem(atPath: path + suffix)
        }
    }

    static func mark(path: String) throws {
        try Data("baton demo store\n".utf8).write(to: URL(fileURLWithPath: markerPath(path)))
    }
}
