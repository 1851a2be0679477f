import BatonCore
import Foundation

/// libFuzzer entry: any bytes, decoded as UTF-8 (invalid sequences replaced), must come out of the sanitizer
/// and the JSON writer with no control, C1, bidi or invisible format character, and JSON must read back whole.
@_cdecl("LLVMFuzzerTestOneInput")
public func sanitizerFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let line = Sanitizer.line(text)
    precondition(Sanitizer.unsafeScalars(in: line).isEmpty, "Sanitizer.line left \(line.unicodeScalars.map { $0.value })")
    precondition(!line.contains("\n") && !line.contains("\r"), "Sanitizer.line left a line break")
    for paragraph in Sanitizer.paragraphs(text) {
        precondition(Sanitizer.unsafeScalars(in: paragraph).isEmpty, "Sanitizer.paragraphs left an unsafe scalar")
    }
    let json = JSONValue.object([("text", .string(text))]).serialized
    precondition(!json.unicodeScalars.contains(where: { JSONText.mustEscape($0) }), "JSON output holds a raw unsafe scalar")
    do {
        let back = try JSONReader.parse(json)
        precondition(back["text"] == .string(text), "JSON did not read back as the same text")
    } catch {
        preconditionFailure("Baton's own JSON did not parse: \(error)")
    }
    // Foundation's encoder escapes only what JSON requires; Baton's pass must leave nothing unsafe raw.
    if let data = try? JSONSerialization.data(withJSONObject: ["text": text]) {
        let foreign = JSONText.escapingUnsafe(String(decoding: data, as: UTF8.self))
        precondition(!foreign.unicodeScalars.contains(where: JSONText.mustEscape), "escapingUnsafe left a raw unsafe scalar")
        let back = try? JSONSerialization.jsonObject(with: Data(foreign.utf8)) as? [String: String]
        precondition(back?["text"] == text, "escapingUnsafe changed the text")
    }
    return 0
}
