import BatonCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard output for `baton outbox --ack`: every write is checked, and `confirm()` returns only once what
/// was written has reached its reader, so an acknowledgement never outruns delivery.
///
/// "Reached" depends on what standard output is:
/// - a pipe or a socket: the reader has taken every byte (`FIONREAD` / `TIOCOUTQ` report none left unread);
///   a reader that closes its end first is reported as `.readerGone`;
/// - a regular file: the bytes are on disk (`fsync`);
/// - a terminal or another device: the write succeeded (a full device, `/dev/full`, fails the write).
///
/// SIGPIPE is ignored while it is in use, so a reader that went away is an error to report, not a silent death.
final class ConfirmedOutput {
    enum Kind { case pipe, socket, file, device }

    enum Failure: Error, CustomStringConvertible {
        case readerGone
        case write(errno: Int32)
        case sync(errno: Int32)

        var description: String {
            switch self {
            case .readerGone: "the reader closed standard output before taking everything written"
            case .write(let code): "writing to standard output failed: \(String(cString: strerror(code)))"
            case .sync(let code): "syncing standard output to disk failed: \(String(cString: strerror(code)))"
            }
        }
    }

    let descriptor: Int32
    let kind: Kind

    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        signal(SIGPIPE, SIG_IGN)
        var info = stat()
        if fstat(descriptor, &info) != 0 {
            kind = .device
        } else {
            switch info.st_mode & S_IFMT {
            case S_IFIFO: kind = .pipe
            case S_IFSOCK: kind = .socket
            case S_IFREG: kind = .file
            default: kind = .device
            }
        }
    }

    /// Whether each message should be confirmed before the next is written: on a pipe or socket a reader holds
    /// at most the message it is working on, so one that stops early takes nothing it did not read.
    var confirmsEachMessage: Bool { kind == .pipe || kind == .socket }

    /// Writes all of `bytes`, through partial writes and interruptions.
    func write(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw errno == EPIPE ? .readerGone : .write(errno: errno)
            }
            offset += written
        }
    }

    /// Returns once everything written so far has reached the reader (see the type's documentation).
    func confirm() throws(Failure) {
        switch kind {
        case .file:
            if fsync(descriptor) != 0 { throw .sync(errno: errno) }
        case .device:
            return
        case .pipe, .socket:
            // Nothing wakes a writer when a pipe drains, so look with short naps that grow while the reader is busy.
            var nap: useconds_t = 5
            while true {
                switch ReaderDrain.look(readerGone: { readerGone }, unread: { Int(unread()) }) {
                case .taken: return
                case .readerGone: throw .readerGone
                case .waiting:
                    usleep(nap)
                    nap = min(nap * 2, 20_000)
                }
            }
        }
    }

    /// Whether the reader of a pipe or socket has gone away (closed its end), checked without writing.
    var readerGone: Bool {
        guard kind == .pipe || kind == .socket else { return false }
        var watch = pollfd(fd: descriptor, events: 0, revents: 0)
        return poll(&watch, 1, 0) > 0 && watch.revents & Int16(POLLERR | POLLHUP) != 0
    }

    /// Bytes written but not yet taken by the reader; 0 when the system cannot tell.
    private func unread() -> Int32 {
        var pending: Int32 = 0
        let request = kind == .pipe ? UInt(FIONREAD) : UInt(TIOCOUTQ)
        return ioctl(descriptor, request, &pending) == 0 ? pending : 0
    }
}
