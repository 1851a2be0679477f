import BatonCore
import Foundation

/// Reads JSON lines from a file or standard input and parses each into an `InputRecord`.
enum InputLines {
    static let maxLineBytes = 1 << 20

    /// Calls `body` with each non-blank line's 1-based number and its record, or the reason it was refused.
    /// - Parameter strict: refuse fields Baton does not know instead of keeping them (`ConversationParser.strict`).
    static func forEach(_ path: String, strict: Bool = false, _ body: (_ line: Int, Result<InputRecord, InputError>) throws -> Void) throws {
        var reader = try LineReader.open(path, maxLineBytes: maxLineBytes)
        let parser = ConversationParser(maxLineBytes: maxLineBytes, strict: strict)
        var lineNumber = 0
        while let line = reader.next() {
            lineNumber += 1
            switch line {
            case .oversized(let bytes):
                try body(lineNumber, .failure(InputError(line: lineNumber, field: nil,
                                                         message: "line is \(bytes) bytes, over the \(maxLineBytes)-byte limit; skipped")))
            case .text(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                do {
                    try body(lineNumber, .success(try parser.parse(line: bytes, lineNumber: lineNumber)))
                } catch let error as InputError {
                    try body(lineNumber, .failure(error))
                }
            }
        }
        if let failure = reader.readFailure {
            try body(lineNumber + 1, .failure(InputError(line: lineNumber + 1, field: nil, message: failure)))
        }
    }

    /// Prints `baton: MESSAGE` on standard error, sanitized: messages quote input and ids.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("baton: \(Sanitizer.line(message))\n".utf8))
    }
}
