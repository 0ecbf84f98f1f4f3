/// A position in a source file, 1-based in both line and column.
///
/// libyaml reports 0-based marks; the YAML loader converts them here, in one place,
/// so every finding a user sees counts lines and columns the way an editor does.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The file path as given to the compiler.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location from 1-based line and column.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Creates a location from libyaml's 0-based line and column.
    public init(file: String, zeroBasedLine: Int, zeroBasedColumn: Int) {
        self.init(file: file, line: zeroBasedLine + 1, column: zeroBasedColumn + 1)
    }

    /// The location `count` columns further on the same line.
    public func advanced(byColumns count: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + count)
    }

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
