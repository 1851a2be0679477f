/// Decoding one multi-byte scalar straight from valid UTF-8 bytes, for the scanners that walk text byte by byte
/// (the normalizer and the model's feature hasher).
enum UTF8Scalar {
    /// The scalar whose lead byte (≥ 0x80) is at `start`, and the index just past it (at most `end`).
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (value: UInt32, next: Int) {
        let lead = utf8[start]
        var value: UInt32
        var next: Int
        if lead & 0xE0 == 0xC0 {
            value = UInt32(lead & 0x1F)
            next = start + 2
        } else if lead & 0xF0 == 0xE0 {
            value = UInt32(lead & 0x0F)
            next = start + 3
        } else {
            value = UInt32(lead & 0x07)
            next = start + 4
        }
        next = min(next, end)
        for continuation in (start + 1)..<next { value = value << 6 | UInt32(utf8[continuation] & 0x3F) }
        return (value, next)
    }
}
