import Clausier

/// Facts about compiled expressions that the checker's analyses need.
extension Expr {
    /// Every expression directly inside this one.
    var children: [Expr] {
        switch self {
        case .constant, .slot, .asOf: return []
        case .field(let e, _), .negate(let e), .not(let e), .noted(let e, _): return [e]
        case .record(let items), .list(let items), .call(_, let items), .invoke(_, let items): return items
        case .and(let a, let b), .or(let a, let b), .binary(_, let a, let b), .coalesce(let a, let b): return [a, b]
        case .conditional(let a, let b, let c): return [a, b, c]
        case .aggregate(_, let list, _, let body): return [list] + (body.map { [$0] } ?? [])
        case .cases(let branches): return branches.flatMap { ($0.condition.map { [$0] } ?? []) + [$0.value] }
        case .tiers(let table): return [table.measure] + table.rows.map(\.value)
        case .eligibility(let block): return (block.exclusions + block.grounds).map(\.condition)
        case .bind(_, let value, _, let body): return [value, body]
        }
    }

    /// Calls `visit` on this expression and every expression inside it, depth first.
    func walk(_ visit: (Expr) -> Void) {
        var stack = [self]
        while let next = stack.popLast() {
            visit(next)
            stack.append(contentsOf: next.children)
        }
    }

    /// The frame slots the expression reads.
    var readSlots: Set<Int> {
        var slots = Set<Int>()
        walk { if case .slot(let s) = $0 { slots.insert(s) } }
        return slots
    }

    /// Whether the expression multiplies or divides money, so that the amount may have fractions of a cent.
    var mayHaveFractionsOfACent: Bool {
        var found = false
        walk {
            if case .binary(let op, _, _) = $0, op == .multiplyMoney || op == .divideMoney { found = true }
            if case .invoke = $0 { found = true }
        }
        return found
    }
}

extension ValueType {
    /// Whether a value of this type holds money somewhere.
    var containsMoney: Bool {
        switch self {
        case .money: true
        case .optional(let t), .list(let t): t.containsMoney
        case .record(let fields): fields.contains { $0.type.containsMoney }
        default: false
        }
    }
}
