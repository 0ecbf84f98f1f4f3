/// One file given to the compiler: its path, its bytes, and where each line starts.
///
/// Read once and carried from loading to rendering, so that every stage places findings with the
/// same line table and every renderer quotes the lines the compiler read, not the file as it is
/// on disk by the time the finding is shown.
public struct SourceFile: Sendable, Hashable {
    /// The path shown in findings, as the file was given.
    public var path: String
    /// The path relative to the rules root, used in compiled and generated output so that the same
    /// rules in two folders compile to the same bytes.
    public var relativePath: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The offset in `bytes` at which each line starts; the first line starts at 0.
    public private(set) var lineStarts: [Int]

    /// Creates a source from text.
    public init(path: String, text: String, relativePath: String? = nil) {
        self.init(path: path, bytes: Array(text.utf8), relativePath: relativePath)
    }

    /// Creates a source from raw bytes (invalid UTF-8 is reported by the loader, not assumed away).
    public init(path: String, bytes: [UInt8], relativePath: String? = nil) {
        self.path = path
        self.relativePath = relativePath ?? path
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The number of lines; an empty file has none.
    public var lineCount: Int { bytes.isEmpty ? 0 : lineStarts.count }

    /// The byte range of line `number` (1-based), without its line break; nil past the end.
    public func byteRange(ofLine number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineCount else { return nil }
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        return start <= end ? start..<end : nil
    }

    /// Line `number` (1-based) as text, without its line break; nil past the end.
    public func line(_ number: Int) -> String? {
        guard let range = byteRange(ofLine: number) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The byte offset of a location's character (its column counted in Unicode scalars), or nil when the
    /// location is not in this file's text.
    public func offset(of location: SourceLocation) -> Int? {
        guard let range = byteRange(ofLine: location.line), location.column >= 1 else { return nil }
        var offset = range.lowerBound
        var column = 1
        while column < location.column {
            guard offset < range.upperBound else { return nil }
            // Skip one scalar: a lead byte and its continuation bytes.
            offset += 1
            while offset < range.upperBound, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }

    /// The Unicode scalar at a location, or nil past the end of its line.
    public func scalar(at location: SourceLocation) -> Unicode.Scalar? {
        guard let offset = offset(of: location), let range = byteRange(ofLine: location.line), offset < range.upperBound else {
            return nil
        }
        return String(decoding: bytes[offset..<range.upperBound], as: UTF8.self).unicodeScalars.first
    }
}
