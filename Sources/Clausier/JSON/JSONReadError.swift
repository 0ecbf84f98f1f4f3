/// Why a JSON document was rejected, and where.
public struct JSONReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in plain words ("expected ':' after an object key").
    public var message: String
    /// The 1-based line; `\n`, `\r\n` and a lone `\r` each end a line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars like `SourceLocation` does.
    public var column: Int
    /// The 0-based byte offset into the UTF-8 input.
    public var offset: Int

    /// Creates an error at a position.
    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}
