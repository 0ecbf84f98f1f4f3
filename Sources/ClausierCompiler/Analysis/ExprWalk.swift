import Clausier

/// Facts about compiled expressions that the checker's analyses need.
extension Expr {
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
