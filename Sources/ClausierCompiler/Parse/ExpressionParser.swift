/// Parses an expression by recursive descent.
///
/// Precedence, loosest first: `if … then … else`, `or`, `and`, `not`, comparisons, `??`,
/// `+ -`, `* /`, unary `-`, calls and fields. Depth is bounded so that a hostile file cannot
/// exhaust the stack.
struct ExpressionParser {
    static let maxDepth = 64
    static let units: Set<String> = [
        "day", "days", "business_day", "business_days", "jour_franc", "jours_francs", "month", "months", "year",
        "years", "hour", "hours", "minute", "minutes", "second", "seconds",
    ]

    private var tokens: [Token]
    private var position = 0
    private var depth = 0
    /// The end of the last token consumed, where the node being built ends.
    private var lastEnd = 0

    static func parse(_ text: String) throws(ExpressionError) -> ExpressionSyntax {
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokenize(text))
        let expression = try parser.conditional()
        guard parser.peek.kind == .end else {
            throw ExpressionError(
                message: "unexpected '\(parser.peek.text)' after a complete expression", offset: parser.peek.offset,
                hint: "is an operator such as 'and' or '+' missing?")
        }
        return expression
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var peek: Token { tokens[min(position, tokens.count - 1)] }

    private func peek(_ ahead: Int) -> Token { tokens[min(position + ahead, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = peek
        if position < tokens.count - 1 { position += 1 }
        lastEnd = token.end
        return token
    }

    /// The span from `start` to the end of the last token consumed.
    private func span(from start: Int) -> ExpressionSpan { ExpressionSpan(start, lastEnd) }

    private func isSymbol(_ s: String) -> Bool { peek.kind == .symbol && peek.text == s }

    private func isKeyword(_ s: String) -> Bool { peek.kind == .identifier && peek.text == s }

    private mutating func expect(_ s: String, _ context: String) throws(ExpressionError) {
        guard isSymbol(s) || isKeyword(s) else {
            let found = peek.kind == .end ? "the end of the expression" : "'\(peek.text)'"
            throw ExpressionError(message: "expected '\(s)' \(context), found \(found)", offset: peek.offset)
        }
        _ = advance()
    }

    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > Self.maxDepth {
            throw ExpressionError(message: "the expression is nested too deeply", offset: peek.offset,
                                  hint: "split it into named values under 'let'")
        }
    }

    private mutating func conditional() throws(ExpressionError) -> ExpressionSyntax {
        try enter()
        defer { depth -= 1 }
        guard isKeyword("if") else { return try or() }
        let start = advance().offset
        let condition = try conditional()
        try expect("then", "after the condition of 'if'")
        let then = try conditional()
        try expect("else", "after the 'then' value: every 'if' needs an 'else'")
        let otherwise = try conditional()
        return .conditional(condition, then, otherwise, span: span(from: start))
    }

    private mutating func or() throws(ExpressionError) -> ExpressionSyntax {
        var lhs = try and()
        while isKeyword("or") {
            _ = advance()
            lhs = .binary("or", lhs, try and(), span: span(from: lhs.offset))
        }
        return lhs
    }

    private mutating func and() throws(ExpressionError) -> ExpressionSyntax {
        var lhs = try not()
        while isKeyword("and") {
            _ = advance()
            lhs = .binary("and", lhs, try not(), span: span(from: lhs.offset))
        }
        return lhs
    }

    private mutating func not() throws(ExpressionError) -> ExpressionSyntax {
        guard isKeyword("not") else { return try comparison() }
        try enter()
        defer { depth -= 1 }
        let start = advance().offset
        return .unary("not", try not(), span: span(from: start))
    }

    private mutating func comparison() throws(ExpressionError) -> ExpressionSyntax {
        let lhs = try coalesce()
        for op in ["==", "!=", "<=", ">=", "<", ">"] where isSymbol(op) {
            _ = advance()
            let rhs = try coalesce()
            if peek.kind == .symbol, ["==", "!=", "<=", ">=", "<", ">"].contains(peek.text) {
                throw ExpressionError(
                    message: "comparisons cannot be chained", offset: peek.offset,
                    hint: "write 'a <= b and b < c'")
            }
            return .binary(op, lhs, rhs, span: span(from: lhs.offset))
        }
        return lhs
    }

    private mutating func coalesce() throws(ExpressionError) -> ExpressionSyntax {
        var lhs = try additive()
        while isSymbol("??") {
            _ = advance()
            lhs = .binary("??", lhs, try additive(), span: span(from: lhs.offset))
        }
        return lhs
    }

    private mutating func additive() throws(ExpressionError) -> ExpressionSyntax {
        var lhs = try multiplicative()
        while isSymbol("+") || isSymbol("-") {
            let op = advance().text
            lhs = .binary(op, lhs, try multiplicative(), span: span(from: lhs.offset))
        }
        return lhs
    }

    private mutating func multiplicative() throws(ExpressionError) -> ExpressionSyntax {
        var lhs = try unary()
        while isSymbol("*") || isSymbol("/") {
            let op = advance().text
            lhs = .binary(op, lhs, try unary(), span: span(from: lhs.offset))
        }
        return lhs
    }

    private mutating func unary() throws(ExpressionError) -> ExpressionSyntax {
        guard isSymbol("-") else { return try postfix() }
        try enter()
        defer { depth -= 1 }
        let start = advance().offset
        return .unary("-", try unary(), span: span(from: start))
    }

    private mutating func postfix() throws(ExpressionError) -> ExpressionSyntax {
        var base = try primary()
        while isSymbol(".") {
            _ = advance()
            guard peek.kind == .identifier else {
                throw ExpressionError(message: "expected a field name after '.'", offset: peek.offset)
            }
            let name = advance()
            base = .field(base, name.text, span: span(from: base.offset))
        }
        return base
    }

    private mutating func primary() throws(ExpressionError) -> ExpressionSyntax {
        let token = peek
        switch token.kind {
        case .number:
            _ = advance()
            if peek.kind == .identifier, Self.units.contains(peek.text) || Self.isCurrencyCode(peek.text) {
                let unit = advance().text
                return .quantity(token.text, unit: unit, span: span(from: token.offset))
            }
            return .number(token.text, span: span(from: token.offset))
        case .percent:
            _ = advance()
            return .percent(token.text, span: span(from: token.offset))
        case .date:
            _ = advance()
            return .date(token.text, span: span(from: token.offset))
        case .time:
            _ = advance()
            return .time(token.text, span: span(from: token.offset))
        case .identifier:
            return try nameOrCall()
        case .symbol where token.text == "(":
            _ = advance()
            try enter()
            defer { depth -= 1 }
            let inner = try conditional()
            try expect(")", "to close '('")
            return inner
        case .symbol where token.text == "[":
            _ = advance()
            try enter()
            defer { depth -= 1 }
            var items: [ExpressionSyntax] = []
            if !isSymbol("]") {
                repeat {
                    if isSymbol(",") { _ = advance() }
                    items.append(try conditional())
                } while isSymbol(",")
            }
            try expect("]", "to close the list")
            return .list(items, span: span(from: token.offset))
        case .end:
            throw ExpressionError(message: "the expression ends where a value was expected", offset: token.offset)
        default:
            throw ExpressionError(message: "expected a value, found '\(token.text)'", offset: token.offset)
        }
    }

    private mutating func nameOrCall() throws(ExpressionError) -> ExpressionSyntax {
        let first = advance()
        switch first.text {
        case "true": return .bool(true, span: span(from: first.offset))
        case "false": return .bool(false, span: span(from: first.offset))
        case "none": return .none(span: span(from: first.offset))
        case "as_of": return .asOf(span: span(from: first.offset))
        case "and", "or", "then", "else":
            throw ExpressionError(message: "expected a value before '\(first.text)'", offset: first.offset)
        default: break
        }
        if isSymbol("(") {
            _ = advance()
            try enter()
            defer { depth -= 1 }
            var arguments: [ExpressionSyntax] = []
            if !isSymbol(")") {
                repeat {
                    if isSymbol(",") { _ = advance() }
                    if peek.kind == .identifier, peek(1).kind == .symbol, peek(1).text == "=>" {
                        let parameter = advance()
                        _ = advance()
                        arguments.append(.lambda(parameter.text, try conditional(), span: span(from: parameter.offset)))
                    } else {
                        arguments.append(try conditional())
                    }
                } while isSymbol(",")
            }
            try expect(")", "to close the arguments of \(first.text)()")
            return .call(first.text, arguments, span: span(from: first.offset))
        }
        var path = [first.text]
        while isSymbol("."), peek(1).kind == .identifier {
            _ = advance()
            path.append(advance().text)
        }
        return .name(path, span: span(from: first.offset))
    }

    static func isCurrencyCode(_ text: String) -> Bool {
        text.unicodeScalars.count == 3 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }
}
