/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// A remark attached to another finding.
    case note
    /// Probably a mistake; does not stop compilation unless `--strict`.
    case warning
    /// The rules cannot be compiled as written.
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary location that explains a finding, such as the first of two duplicate keys.
public struct DiagnosticNote: Sendable, Hashable, Codable {
    /// What this location has to do with the finding.
    public var message: String
    /// Where it is.
    public var location: SourceLocation?

    /// Creates a note.
    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }
}

/// One finding of the compiler or the checker, modelled apart from how it is printed.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// A stable identifier such as `CLS101`, documented in `docs/CHECKS.md`.
    public var code: DiagnosticCode
    /// How serious the finding is.
    public var severity: Severity
    /// What is wrong, in words an editor of rule files understands.
    public var message: String
    /// Where it is; nil only for findings about the run as a whole.
    public var location: SourceLocation?
    /// How to fix it, when that is knowable.
    public var hints: [String]
    /// Other places that explain the finding.
    public var notes: [DiagnosticNote]

    /// Creates a finding.
    public init(
        _ code: DiagnosticCode,
        _ severity: Severity,
        _ message: String,
        at location: SourceLocation?,
        hints: [String] = [],
        notes: [DiagnosticNote] = []
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.hints = hints
        self.notes = notes
    }

    /// An error finding.
    public static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
        hints: [String] = [], notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(code, .error, message, at: location, hints: hints, notes: notes)
    }

    /// A warning finding.
    public static func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
        hints: [String] = [], notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(code, .warning, message, at: location, hints: hints, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any finding is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The findings in file, line and column order; findings without a location first.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?): return l == r ? a.offset < b.offset : l < r
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
