import Clausier

/// Abstracts checked conditions for the coverage analysis: which facts they match, as far as
/// booleans, enum equalities and comparisons of one measure with constants tell.
///
/// It reads the typed tree only: each operand's type is the one the checker found, and each
/// variable is named by the expression the editor wrote.
struct ConditionAbstraction {
    /// The domain of each variable met so far, by its text.
    private(set) var domains: [String: Domain] = [:]

    mutating func abstract(_ condition: Typed) -> Condition {
        switch condition.expr {
        case .constant(.bool(let b)):
            return .constant(b)
        case .not(let inner):
            return .not(abstract(inner))
        case .and(let l, let r):
            return .and(abstract(l), abstract(r))
        case .or(let l, let r):
            return .or(abstract(l), abstract(r))
        case .binary(.compare(let comparison), let l, let r):
            return atom(comparison, l, r) ?? .atom(.boolean(Self.text(condition)))
        default:
            return .atom(.boolean(Self.text(condition)))
        }
    }

    private static func text(_ typed: Typed) -> String { typed.syntax?.text ?? "" }

    private static func isLiteral(_ e: ExpressionSyntax?) -> Bool {
        switch e {
        case .number, .quantity, .percent, .date, .time: true
        case .unary("-", let inner, _): isLiteral(inner)
        default: false
        }
    }

    /// A bare name that the checker read as one of an enum's values, such as `emergency`.
    private static func enumValue(_ typed: Typed) -> String? {
        guard case .name(let path, _) = typed.syntax, path.count == 1, case .constant(.name(let value)) = typed.expr,
              value == path[0]
        else { return nil }
        return value
    }

    /// The constant an ordered variable is compared with, in the variable's type.
    private static func constant(_ literal: Typed, as type: ValueType) -> Value? {
        guard case .constant(let value) = literal.expr else { return nil }
        if literal.type == type { return value }
        if case .int(let i) = value, type == .decimal { return .decimal(FixedDecimal(i)) }
        return nil
    }

    private mutating func atom(_ comparison: Comparison, _ l: Typed, _ r: Typed) -> Condition? {
        // variable == enum value (either side).
        for (variable, literal) in [(l, r), (r, l)] {
            guard let value = Self.enumValue(literal), case .enumeration(let cases) = variable.type, cases.contains(value),
                  comparison == .equal || comparison == .notEqual
            else { continue }
            domains[Self.text(variable)] = .enumeration(cases)
            let atom = Condition.atom(.enumIs(Self.text(variable), value))
            return comparison == .equal ? atom : .not(atom)
        }
        // measure <op> constant (either side).
        for (variable, literal, flipped) in [(l, r, false), (r, l, true)]
        where Self.isLiteral(literal.syntax) && !Self.isLiteral(variable.syntax) {
            guard variable.type.isOrdered, let value = Self.constant(literal, as: variable.type) else { continue }
            let op = flipped ? comparison.flipped : comparison
            return .atom(.compare(Self.text(variable), op, value))
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
