import BatonCore
import Foundation

/// Reads JSON lines from a file or standard input and parses each into an `InputRecord`.
enum InputLines {
    static let maxLineBytes = 1 << 20

    static func forEach(_ path: String, _ body: (Result<InputRecord, InputError>) throws -> Void) throws {
        var reader = try LineReader.open(path, maxLineBytes: maxLineBytes)
        let parser = ConversationParser(maxLineBytes: maxLineBytes)
        var lineNumber = 0
        while let line = reader.next() {
            lineNumber += 1
            switch line {
            case .oversized(let bytes):
                try body(.failure(InputError(line: lineNumber, field: nil,
                                             message: "line is \(bytes) bytes, over the \(maxLineBytes)-byte limit; skipped")))
            case .text(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                do {
                    try body(.success(try parser.parse(line: bytes, lineNumber: lineNumber)))
                } catch let error as InputError {
                    try body(.failure(error))
                }
            }
        }
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("baton: \(message)\n".utf8))
    }
}
