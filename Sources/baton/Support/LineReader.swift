import Foundation

/// Reads newline-separated lines from a file descriptor without ever holding more than one
/// oversized line's worth of bytes: a line over the limit is skipped and reported by its size.
struct LineReader {
    enum Line {
        case text([UInt8])
        case oversized(bytes: Int)
    }

    private let handle: FileHandle
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes from `position` up to here are known to hold no newline, so they are never scanned twice.
    private var scanned = 0
    private var skipping = false
    private var skipped = 0
    private var atEnd = false
    /// Why the input ended before its end, when a read failed: said by the caller as a refused line, so the
    /// command's exit status is 1 like for any other line it could not take.
    private(set) var readFailure: String?

    init(handle: FileHandle, maxLineBytes: Int) {
        self.handle = handle
        self.maxLineBytes = maxLineBytes
    }

    /// Opens `path`, or standard input for `-`.
    static func open(_ path: String, maxLineBytes: Int) throws -> LineReader {
        if path == "-" { return LineReader(handle: .standardInput, maxLineBytes: maxLineBytes) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError("cannot open \(path): \(FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")")
        }
        var status = stat()
        if fstat(handle.fileDescriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw CLIError("cannot read \(path): it is a directory")
        }
        return LineReader(handle: handle, maxLineBytes: maxLineBytes)
    }

    /// The next line without its newline, or nil at end of input.
    mutating func next() -> Line? {
        while true {
            if let newline = Self.newline(in: buffer, from: max(position, scanned)) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                scanned = position
                compact()
                if skipping {
                    skipping = false
                    let total = skipped + line.count
                    skipped = 0
                    return .oversized(bytes: total)
                }
                if line.count > maxLineBytes { return .oversized(bytes: line.count) }
                return .text(line.last == 0x0D ? Array(line.dropLast()) : line)
            }
            scanned = buffer.count
            if buffer.count - position > maxLineBytes {
                // Drop what we have of an oversized line and keep counting its bytes.
                skipped += buffer.count - position
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                position = 0
                scanned = 0
            }
            if atEnd {
                guard position < buffer.count || skipping else { return nil }
                let line = Array(buffer[position...])
                buffer.removeAll()
                position = 0
                scanned = 0
                if skipping {
                    skipping = false
                    return .oversized(bytes: skipped + line.count)
                }
                return line.count > maxLineBytes ? .oversized(bytes: line.count) : .text(line)
            }
            // At most `readBytes` at a time, so a large file (or standard input redirected from one) is never
            // read whole.
            if scratch.isEmpty { scratch = [UInt8](repeating: 0, count: Self.readBytes) }
            let count = scratch.withUnsafeMutableBytes { Glibc.read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                // A read error ends the input; the lines before it were read. The caller reports it (`readFailure`).
                readFailure = "input ends early: \(String(cString: strerror(errno)))"
            }
            if count <= 0 { atEnd = true } else { buffer.append(contentsOf: scratch[..<count]) }
        }
    }

    /// Bytes asked of the file at a time.
    static let readBytes = 1 << 20
    private var scratch: [UInt8] = []

    /// The index of the first newline of `buffer` at or after `start`.
    private static func newline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            guard let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else { return nil }
            return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private mutating func compact() {
        if position > 1 << 16, position * 2 > buffer.count {
            buffer.removeSubrange(0..<position)
            scanned -= position
            position = 0
        }
    }
}
