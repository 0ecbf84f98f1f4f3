import Clausier
import ClausierDiagnostics

/// What conditions prove about optional names: `exists(x)` proves x present where it holds,
/// and absent where it does not.
extension ExpressionChecker {
    /// The optional names an expression proves absent when it does not hold: `exists(x)`, and
    /// disjunctions of such (`exists(x) or exists(y)` failing proves both absent).
    static func absentNamesWhenFalse(_ condition: ExpressionSyntax) -> Set<String> {
        switch condition {
        case .call("exists", let args, _):
            if args.count == 1, case .name(let path, _) = args[0] { return [path.joined(separator: ".")] }
            return []
        case .binary("or", let l, let r, _):
            return absentNamesWhenFalse(l).union(absentNamesWhenFalse(r))
        default:
            return []
        }
    }

    /// The optional names an expression proves absent when it holds: `not exists(x)`, and conjunctions.
    static func absentNames(in condition: ExpressionSyntax) -> Set<String> {
        switch condition {
        case .unary("not", let inner, _): return absentNamesWhenFalse(inner)
        case .binary("and", let l, let r, _): return absentNames(in: l).union(absentNames(in: r))
        default: return []
        }
    }

    /// The names of `exists(a) or exists(b) or …`, a requirement that at least one is present.
    static func presenceDisjunction(_ condition: ExpressionSyntax) -> [String]? {
        switch condition {
        case .call("exists", let args, _):
            if args.count == 1, case .name(let path, _) = args[0] { return [path.joined(separator: ".")] }
            return nil
        case .binary("or", let l, let r, _):
            guard let a = presenceDisjunction(l), let b = presenceDisjunction(r) else { return nil }
            return a + b
        default:
            return nil
        }
    }

    /// The optional names an expression proves present when it does not hold: `not exists(x)`, and
    /// disjunctions of such.
    static func presentNamesWhenFalse(_ condition: ExpressionSyntax) -> Set<String> {
        switch condition {
        case .unary("not", let inner, _):
            return presentNames(in: inner)
        case .binary("or", let l, let r, _):
            return presentNamesWhenFalse(l).union(presentNamesWhenFalse(r))
        default:
            return []
        }
    }

    /// The optional names an expression proves present when it holds: `exists(x)` and conjunctions of them.
    static func presentNames(in condition: ExpressionSyntax) -> Set<String> {
        switch condition {
        case .call("exists", let args, _):
            if args.count == 1, case .name(let path, _) = args[0] { return [path.joined(separator: ".")] }
            return []
        case .binary("and", let l, let r, _):
            return presentNames(in: l).union(presentNames(in: r))
        case .unary("not", let inner, _):
            return presentNamesWhenFalse(inner)
        default:
            return []
        }
    }
}
