import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The store's file is its owner's alone: whoever can write it can bypass every rule Baton enforces.
enum OwnerOnlyFile {
    /// Creates a missing file readable and writable by its owner only (0600), before SQLite would with the
    /// umask's wider default; SQLite gives the `-wal` and `-shm` files the same permissions. An existing file
    /// is left as it is; a failure here (say a missing folder) is reported by the open that follows.
    static func create(_ path: String) {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, S_IRUSR | S_IWUSR)
        if descriptor >= 0 { close(descriptor) }
    }
}
