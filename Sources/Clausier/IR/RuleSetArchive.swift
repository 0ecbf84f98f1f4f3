/// A compact binary form of a compiled rule set, for embedding in generated code.
///
/// Decoding the `Codable` JSON of the five shipped contracts takes milliseconds; reading this form is a
/// single pass over bytes with no keys to look up. Integers are LEB128 varints (zigzag for signed),
/// strings and lists are length-prefixed, enums are a tag byte. Reading checks every length and tag
/// and throws ``RuleSetArchive/Error`` on bytes it did not write: it never traps.
public enum RuleSetArchive {
    /// Why bytes are not an archive of this version.
    public struct Error: Swift.Error, Sendable, CustomStringConvertible {
        /// What is wrong, and at which byte.
        public var description: String
    }

    static let magic: [UInt8] = Array("CLSR1".utf8)

    /// The archive of a rule set.
    public static func encode(_ rules: RuleSet) -> [UInt8] {
        var w = ArchiveWriter()
        w.bytes += magic
        w.list(rules.contracts) { w, c in w.contract(c) }
        return w.bytes
    }

    /// The rule set of an archive.
    public static func decode(_ bytes: [UInt8]) throws(Error) -> RuleSet {
        var r = ArchiveReader(bytes: bytes)
        for byte in magic where try r.byte() != byte { throw r.error("not a rule set archive of this version") }
        let contracts = try r.list { (r) throws(Error) in try r.contract() }
        guard r.offset == bytes.count else { throw r.error("bytes after the end of the archive") }
        return RuleSet(contracts: contracts)
    }

    /// The archive of a rule set in base64, broken into lines of `width` characters for a source file.
    public static func base64(_ rules: RuleSet, width: Int = 100) -> String {
        let text = Array(Base64.encode(encode(rules)).utf8)
        var lines: [String] = []
        var start = 0
        while start < text.count {
            let end = min(start + max(width, 4), text.count)
            lines.append(String(decoding: text[start..<end], as: UTF8.self))
            start = end
        }
        return lines.joined(separator: "\n")
    }

    /// The rule set of an archive written in base64, as generated code embeds it; line breaks are skipped.
    public static func decode(base64 text: String) throws(Error) -> RuleSet {
        guard let bytes = Base64.decode(text) else { throw Error(description: "the embedded archive is not base64") }
        return try decode(bytes)
    }
}

/// Standard base64 (RFC 4648), without line breaks: the runtime has no Foundation.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of each base64 letter, 64 for padding and line breaks (skipped), 255 for anything else.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        table[Int(UInt8(ascii: "="))] = 64
        table[Int(UInt8(ascii: "\n"))] = 64
        return table
    }()

    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        // A generated literal is contiguous UTF-8 already: one pass over its bytes, one table load each.
        return text.withUTF8 { utf8 in
            values.withUnsafeBufferPointer { table -> [UInt8]? in
                var out: [UInt8] = []
                out.reserveCapacity(utf8.count / 4 * 3 + 3)
                var accumulator: UInt32 = 0
                var bits: UInt32 = 0
                for byte in utf8 {
                    let value = table[Int(byte)]
                    if value == 64 { continue }
                    guard value < 64 else { return nil }
                    accumulator = accumulator << 6 | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        out.append(UInt8(truncatingIfNeeded: accumulator >> bits))
                    }
                }
                return out
            }
        }
    }
}

struct ArchiveWriter {
    var bytes: [UInt8] = []

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) { int64(Int64(value)) }

    mutating func int64(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func int128(_ value: Int128) {
        int64(Int64(truncatingIfNeeded: value))
        int64(Int64(truncatingIfNeeded: value >> 64))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        unsigned(UInt64(value.utf8.count))
        bytes += value.utf8
    }

    mutating func list<T>(_ items: [T], _ item: (inout ArchiveWriter, T) -> Void) {
        unsigned(UInt64(items.count))
        for element in items { item(&self, element) }
    }

    mutating func optional<T>(_ value: T?, _ item: (inout ArchiveWriter, T) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        item(&self, value)
    }

    mutating func tag(_ value: Int) { bytes.append(UInt8(truncatingIfNeeded: value)) }
}

struct ArchiveReader {
    let bytes: [UInt8]
    var offset = 0
    var depth = 0

    func error(_ what: String) -> RuleSetArchive.Error {
        RuleSetArchive.Error(description: "\(what) at byte \(offset)")
    }

    mutating func byte() throws(RuleSetArchive.Error) -> UInt8 {
        guard offset < bytes.count else { throw error("the archive ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws(RuleSetArchive.Error) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw error("a number too long") }
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int64() throws(RuleSetArchive.Error) -> Int64 {
        let u = try unsigned()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    mutating func int() throws(RuleSetArchive.Error) -> Int {
        let value = try int64()
        guard let result = Int(exactly: value) else { throw error("a number out of range") }
        return result
    }

    mutating func int128() throws(RuleSetArchive.Error) -> Int128 {
        let low = try int64()
        let high = try int64()
        return Int128(high) << 64 | Int128(UInt64(bitPattern: low))
    }

    mutating func count() throws(RuleSetArchive.Error) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - offset) else { throw error("a length beyond the end") }
        return Int(value)
    }

    mutating func bool() throws(RuleSetArchive.Error) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw error("a boolean that is neither 0 nor 1")
        }
    }

    mutating func string() throws(RuleSetArchive.Error) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func list<T>(_ item: (inout ArchiveReader) throws(RuleSetArchive.Error) -> T) throws(RuleSetArchive.Error) -> [T] {
        let n = try count()
        var items: [T] = []
        items.reserveCapacity(n)
        for _ in 0..<n { items.append(try item(&self)) }
        return items
    }

    mutating func optional<T>(_ item: (inout ArchiveReader) throws(RuleSetArchive.Error) -> T) throws(RuleSetArchive.Error) -> T? {
        try bool() ? try item(&self) : nil
    }

    /// A raw-value enum's case.
    mutating func raw<T: RawRepresentable>(_ type: T.Type) throws(RuleSetArchive.Error) -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else { throw error("an unknown \(T.self) '\(text)'") }
        return value
    }
}
