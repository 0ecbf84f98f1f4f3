import Clausier

extension ExpressionChecker {
    /// Abstracts a condition for the coverage analysis, recording the domain of each variable it uses.
    ///
    /// Types are found by checking sub-expressions on a copy of the checker, whose findings are
    /// dropped: the condition itself has already been checked and reported.
    func abstract(_ e: ExpressionSyntax, scope: Scope, in text: Located, domains: inout [String: Domain]) -> Condition {
        switch e {
        case .bool(let b, _):
            return .constant(b)
        case .unary("not", let inner, _):
            return .not(abstract(inner, scope: scope, in: text, domains: &domains))
        case .binary("and", let l, let r, _):
            return .and(abstract(l, scope: scope, in: text, domains: &domains), abstract(r, scope: scope, in: text, domains: &domains))
        case .binary("or", let l, let r, _):
            return .or(abstract(l, scope: scope, in: text, domains: &domains), abstract(r, scope: scope, in: text, domains: &domains))
        case .binary(let op, let l, let r, _):
            if let comparison = Comparison(rawValue: op),
               let atom = comparisonAtom(comparison, l, r, scope: scope, in: text, domains: &domains)
            {
                return atom
            }
            return .atom(.boolean(e.text))
        default:
            return .atom(.boolean(e.text))
        }
    }

    private func typeOf(_ e: ExpressionSyntax, scope: Scope, in text: Located) -> Typed? {
        var copy = self
        copy.diagnostics = []
        return copy.infer(e, expected: nil, scope: scope, in: text)
    }

    private func constant(_ e: ExpressionSyntax, as type: ValueType, scope: Scope, in text: Located) -> Value? {
        var copy = self
        copy.diagnostics = []
        guard let typed = copy.check(e, expected: type, scope: scope, in: text) else { return nil }
        switch typed.expr {
        case .constant(let v): return v
        case .call(.toDecimal, let args):
            if let first = args.first, case .constant(.int(let i)) = first { return .decimal(FixedDecimal(i)) }
            return nil
        default: return nil
        }
    }

    private func isLiteral(_ e: ExpressionSyntax) -> Bool {
        switch e {
        case .number, .quantity, .percent, .date, .time: true
        case .unary("-", let inner, _): isLiteral(inner)
        default: false
        }
    }

    private func comparisonAtom(
        _ comparison: Comparison, _ l: ExpressionSyntax, _ r: ExpressionSyntax, scope: Scope, in text: Located,
        domains: inout [String: Domain]
    ) -> Condition? {
        // variable == enum value (either side).
        for (variable, literal) in [(l, r), (r, l)] where isUnresolvedName(literal, scope) {
            guard let typed = typeOf(variable, scope: scope, in: text), case .enumeration(let cases) = typed.type,
                  case .name(let path, _) = literal, let value = path.first, cases.contains(value),
                  comparison == .equal || comparison == .notEqual
            else { continue }
            domains[variable.text] = .enumeration(cases)
            let atom = Condition.atom(.enumIs(variable.text, value))
            return comparison == .equal ? atom : .not(atom)
        }
        // measure <op> constant (either side).
        for (variable, literal, flipped) in [(l, r, false), (r, l, true)] where isLiteral(literal) && !isLiteral(variable) {
            guard let typed = typeOf(variable, scope: scope, in: text), typed.type.isOrdered,
                  let value = constant(literal, as: typed.type, scope: scope, in: text)
            else { continue }
            let op = flipped ? comparison.flipped : comparison
            return .atom(.compare(variable.text, op, value))
        }
        return nil
    }
}

extension Comparison {
    /// The comparison with its operands swapped: `a < b` is `b > a`.
    var flipped: Comparison {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .equal, .notEqual: self
        }
    }
}
