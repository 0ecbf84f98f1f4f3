import ClausierDiagnostics

/// An expression as written in a rule file: its text and place, and its syntax tree.
///
/// The parse stage parses every expression of a file, so checking starts from trees. An
/// expression that does not parse has no tree but carries its syntax error, which the checker
/// reports where it reads the expression: inside a structure that is itself wrong (a record where
/// a number is required, say), the error of the structure is the one to show, not those of its parts.
public struct ExpressionText: Sendable, Hashable {
    /// The text as written, with where it starts.
    public var source: Located
    /// The parsed expression; nil when it does not parse.
    public var syntax: ExpressionSyntax?
    /// Why it does not parse.
    var syntaxError: ExpressionError?

    /// Creates a parsed expression.
    public init(_ source: Located, syntax: ExpressionSyntax) {
        self.source = source
        self.syntax = syntax
    }

    /// Creates an expression that does not parse.
    init(_ source: Located, error: ExpressionError) {
        self.source = source
        self.syntaxError = error
    }

    /// The text as written.
    public var text: String { source.text }
    /// Where the YAML scalar starts.
    public var location: SourceLocation { source.location }
    /// Where the expression's first character is.
    var contentLocation: SourceLocation { source.contentLocation }
}

/// Where a node of an expression is written: offsets in the expression's text, in Unicode scalars.
///
/// A node starts where findings about it point, at its first operand: parentheses around that
/// operand are not part of it (`(a + b) * c` starts at `a`). It ends after its last token, a
/// closing parenthesis or bracket included.
public struct ExpressionSpan: Sendable, Hashable {
    /// The offset of the node's first character.
    public var start: Int
    /// The offset just after its last character.
    public var end: Int

    /// Creates a span.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }
}

/// An expression of the rule language, as parsed, with each node's span in its text.
public indirect enum ExpressionSyntax: Sendable, Hashable {
    /// A number: `42`, `1.5`.
    case number(String, span: ExpressionSpan)
    /// A number with a unit: `30 days`, `2 hours`, `150.00 EUR`.
    case quantity(String, unit: String, span: ExpressionSpan)
    /// A percentage: `25%`.
    case percent(String, span: ExpressionSpan)
    /// A date: `2025-03-07`.
    case date(String, span: ExpressionSpan)
    /// A time of day: `09:00`.
    case time(String, span: ExpressionSpan)
    /// `true` or `false`.
    case bool(Bool, span: ExpressionSpan)
    /// `none`, the absent value of an optional.
    case none(span: ExpressionSpan)
    /// `as_of`, the evaluation date.
    case asOf(span: ExpressionSpan)
    /// A dotted name: `incident.closed_at`.
    case name([String], span: ExpressionSpan)
    /// A field of a computed record: `f(x).penalty`.
    case field(ExpressionSyntax, String, span: ExpressionSpan)
    /// `-x` or `not x`.
    case unary(String, ExpressionSyntax, span: ExpressionSpan)
    /// `a + b`, `a and b`, `a <= b`, `a ?? b`.
    case binary(String, ExpressionSyntax, ExpressionSyntax, span: ExpressionSpan)
    /// `f(a, b)`.
    case call(String, [ExpressionSyntax], span: ExpressionSpan)
    /// `item => body`, only as an argument of an aggregate.
    case lambda(String, ExpressionSyntax, span: ExpressionSpan)
    /// `[a, b]`.
    case list([ExpressionSyntax], span: ExpressionSpan)
    /// `if c then a else b`.
    case conditional(ExpressionSyntax, ExpressionSyntax, ExpressionSyntax, span: ExpressionSpan)

    /// The offset of the node's first character in the expression text.
    public var offset: Int { span.start }

    /// Where the node is written in the expression text.
    public var span: ExpressionSpan {
        switch self {
        case .number(_, let o), .quantity(_, _, let o), .percent(_, let o), .date(_, let o), .time(_, let o),
            .bool(_, let o), .none(let o), .asOf(let o), .name(_, let o), .field(_, _, let o), .unary(_, _, let o),
            .binary(_, _, _, let o), .call(_, _, let o), .lambda(_, _, let o), .list(_, let o),
            .conditional(_, _, _, let o):
            o
        }
    }

    /// The expression written back as text, for explanations and messages.
    public var text: String {
        switch self {
        case .number(let n, _): n
        case .quantity(let n, let unit, _): "\(n) \(unit)"
        case .percent(let n, _): "\(n)%"
        case .date(let d, _), .time(let d, _): d
        case .bool(let b, _): b ? "true" : "false"
        case .none: "none"
        case .asOf: "as_of"
        case .name(let path, _): path.joined(separator: ".")
        case .field(let base, let name, _): "\(base.text).\(name)"
        case .unary(let op, let operand, _): op == "not" ? "not \(operand.text)" : "\(op)\(operand.text)"
        case .binary(let op, let l, let r, _): "\(l.text) \(op) \(r.text)"
        case .call(let name, let args, _): "\(name)(\(args.map(\.text).joined(separator: ", ")))"
        case .lambda(let param, let body, _): "\(param) => \(body.text)"
        case .list(let items, _): "[\(items.map(\.text).joined(separator: ", "))]"
        case .conditional(let c, let t, let e, _): "if \(c.text) then \(t.text) else \(e.text)"
        }
    }
}
