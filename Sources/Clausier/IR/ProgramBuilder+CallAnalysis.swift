/// What lowering needs to know of an IR tree before lowering it: the slots it binds, the
/// definitions it calls (and whether those calls form a cycle), the fields of a record parameter
/// it reads.
extension ProgramBuilder {
    /// Whether an expression binds `slot` (a `let`, or an aggregate's item).
    static func writes(_ slot: Int, in body: Expr) -> Bool {
        switch body {
        case .aggregate(_, _, let s, _) where s == slot, .bind(let s, _, _, _) where s == slot:
            return true
        default:
            var found = false
            body.forEachChild { child in if !found, writes(slot, in: child) { found = true } }
            return found
        }
    }

    /// Whether the definitions' calls form no cycle (and name only definitions that exist).
    static func callsFormNoCycle(_ definitions: [CompiledDefinition]) -> Bool {
        // 0: not yet, 1: being visited (seen again, a cycle), 2: done.
        var state = [UInt8](repeating: 0, count: definitions.count)
        func acyclic(_ definition: Int) -> Bool {
            guard definitions.indices.contains(definition), state[definition] != 1 else { return false }
            if state[definition] == 2 { return true }
            state[definition] = 1
            for callee in calls(in: definitions[definition].body) where !acyclic(callee) { return false }
            state[definition] = 2
            return true
        }
        return definitions.indices.allSatisfy(acyclic)
    }

    /// The definitions called in an expression, one entry per call site.
    static func calls(in expr: Expr) -> [Int] {
        var found: [Int] = []
        func walk(_ expr: Expr) {
            switch expr {
            case .constant, .asOf, .slot:
                return
            case .field(let base, _), .negate(let base), .not(let base), .noted(let base, _):
                walk(base)
            case .record(let items), .list(let items), .call(_, let items):
                items.forEach(walk)
            case .invoke(let definition, let items):
                found.append(definition)
                items.forEach(walk)
            case .and(let l, let r), .or(let l, let r), .binary(_, let l, let r), .coalesce(let l, let r):
                walk(l)
                walk(r)
            case .conditional(let c, let t, let e):
                walk(c)
                walk(t)
                walk(e)
            case .aggregate(_, let list, _, let itemBody):
                walk(list)
                if let itemBody { walk(itemBody) }
            case .cases(let branches):
                for branch in branches {
                    if let condition = branch.condition { walk(condition) }
                    walk(branch.value)
                }
            case .tiers(let table):
                walk(table.measure)
                for row in table.rows { walk(row.value) }
            case .eligibility(let block):
                for item in block.exclusions + block.grounds { walk(item.condition) }
            case .bind(_, let value, _, let rest):
                walk(value)
                walk(rest)
            }
        }
        walk(expr)
        return found
    }

    /// How many leading fields of the record in `slot` the expression reads, when it reads that
    /// slot only as `slot.field`; nil when it uses the slot otherwise (passes it on, compares it,
    /// rebinds it), or never.
    ///
    /// Such a parameter can be passed as its fields in separate slots instead of as a record: the
    /// call then builds no array. Records are values, so nothing can tell the two apart.
    static func fieldsRead(of slot: Int, in body: Expr) -> Int? {
        var count = 0
        var other = false
        func walk(_ expr: Expr) {
            guard !other else { return }
            switch expr {
            case .slot(let s) where s == slot:
                other = true
            case .field(.slot(let s), let index) where s == slot:
                guard index >= 0 else { other = true; return }
                count = max(count, index + 1)
                return
            case .aggregate(_, _, let s, _) where s == slot, .bind(let s, _, _, _) where s == slot:
                other = true
            default:
                break
            }
            expr.forEachChild(walk)
        }
        walk(body)
        return other || count == 0 ? nil : count
    }
}
