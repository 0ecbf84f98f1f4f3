import Clausier

/// A condition of a rule, abstracted so that which facts it matches can be reasoned about:
/// booleans, enum equalities and comparisons of one measure with constants are understood;
/// anything else is an opaque atom, free to be true or false (which keeps the analysis sound).
indirect enum Condition: Hashable {
    case constant(Bool)
    case atom(Atom)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)
}

/// An elementary condition.
enum Atom: Hashable {
    /// A boolean value, named by its text.
    case boolean(String)
    /// `variable == case` for an enum variable.
    case enumIs(String, String)
    /// `variable <op> constant` for an ordered variable.
    case compare(String, Comparison, Value)
}

/// What values a variable of the conditions can take.
enum Domain {
    case boolean
    case enumeration([String])
    /// An ordered variable, split into cells by the constants it is compared with.
    case ordered([Value])
}

/// One cell of an ordered variable's line: a constant itself, or the open interval between two constants.
enum OrderedCell: Hashable {
    case below(Value)
    case at(Value)
    case between(Value, Value)
    case above(Value)
    case anything
}

/// One assignment of every variable: a representative of a class of facts.
struct Cell {
    var booleans: [String: Bool] = [:]
    var enums: [String: String] = [:]
    var ordered: [String: OrderedCell] = [:]

    func holds(_ condition: Condition) -> Bool {
        switch condition {
        case .constant(let b): return b
        case .not(let c): return !holds(c)
        case .and(let a, let b): return holds(a) && holds(b)
        case .or(let a, let b): return holds(a) || holds(b)
        case .atom(let atom):
            switch atom {
            case .boolean(let name): return booleans[name] ?? false
            case .enumIs(let name, let value): return enums[name] == value
            case .compare(let name, let comparison, let constant):
                guard let cell = ordered[name] else { return false }
                return Self.compare(cell, comparison, constant)
            }
        }
    }

    /// Whether every value of the cell satisfies `value <op> constant` (cells never straddle a constant).
    static func compare(_ cell: OrderedCell, _ comparison: Comparison, _ constant: Value) -> Bool {
        // The sign of (cell - constant), the same for every value of the cell.
        let sign: Int
        switch cell {
        case .anything: return false
        case .at(let v): sign = Value.order(v, constant) ?? 0
        case .below(let hi): sign = (Value.order(hi, constant) ?? 1) <= 0 ? -1 : 0
        case .above(let lo): sign = (Value.order(lo, constant) ?? -1) >= 0 ? 1 : 0
        case .between(let lo, let hi):
            if (Value.order(hi, constant) ?? 1) <= 0 { sign = -1 } else if (Value.order(lo, constant) ?? -1) >= 0 { sign = 1 } else { sign = 0 }
        }
        return comparison.holds(sign)
    }

    /// The cell as an example an editor can read: `outage in (1 hour, 2 hours)`, `kind == emergency`.
    var description: String {
        var parts: [String] = []
        for (name, value) in booleans.sorted(by: { $0.key < $1.key }) { parts.append(value ? name : "not \(name)") }
        for (name, value) in enums.sorted(by: { $0.key < $1.key }) { parts.append("\(name) == \(value)") }
        for (name, cell) in ordered.sorted(by: { $0.key < $1.key }) {
            switch cell {
            case .at(let v): parts.append("\(name) == \(Self.text(v))")
            case .below(let v): parts.append("\(name) < \(Self.text(v))")
            case .above(let v): parts.append("\(name) > \(Self.text(v))")
            case .between(let a, let b): parts.append("\(name) between \(Self.text(a)) and \(Self.text(b))")
            case .anything: break
            }
        }
        return parts.joined(separator: " and ")
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .int(let i): String(i)
        case .decimal(let d): d.description
        case .money(let m): m.description
        case .percent(let p): ValueEncoding.percentText(p)
        case .date(let d): d.description
        case .time(let t): t.description
        case .duration(let d): d.iso8601
        case .period(let n, let u): "\(n) \(u.name(count: n))"
        default: "\(value)"
        }
    }
}

/// All the cells of a set of conditions' variables, when there are few enough to enumerate.
enum ConditionSpace {
    static let maximumCells = 20_000

    static func cells(for conditions: [Condition], domains: [String: Domain]) -> [Cell]? {
        var variables: [String: Domain] = [:]
        for condition in conditions { collect(condition, domains, into: &variables) }
        var cells = [Cell()]
        for (name, domain) in variables.sorted(by: { $0.key < $1.key }) {
            var next: [Cell] = []
            switch domain {
            case .boolean:
                for cell in cells {
                    for value in [false, true] {
                        var c = cell
                        c.booleans[name] = value
                        next.append(c)
                    }
                }
            case .enumeration(let cases):
                for cell in cells {
                    for value in cases {
                        var c = cell
                        c.enums[name] = value
                        next.append(c)
                    }
                }
            case .ordered(let constants):
                let line = orderedCells(constants)
                for cell in cells {
                    for value in line {
                        var c = cell
                        c.ordered[name] = value
                        next.append(c)
                    }
                }
            }
            if next.count > maximumCells { return nil }
            cells = next
        }
        return cells
    }

    private static func orderedCells(_ constants: [Value]) -> [OrderedCell] {
        var sorted: [Value] = []
        for value in constants where !sorted.contains(value) { sorted.append(value) }
        sorted.sort { (Value.order($0, $1) ?? 0) < 0 }
        guard let first = sorted.first, let last = sorted.last else { return [.anything] }
        var line: [OrderedCell] = [.below(first)]
        for (index, value) in sorted.enumerated() {
            line.append(.at(value))
            if index + 1 < sorted.count { line.append(.between(value, sorted[index + 1])) }
        }
        line.append(.above(last))
        return line
    }

    private static func collect(_ condition: Condition, _ domains: [String: Domain], into variables: inout [String: Domain]) {
        switch condition {
        case .constant: break
        case .not(let c): collect(c, domains, into: &variables)
        case .and(let a, let b), .or(let a, let b):
            collect(a, domains, into: &variables)
            collect(b, domains, into: &variables)
        case .atom(let atom):
            switch atom {
            case .boolean(let name): variables[name] = .boolean
            case .enumIs(let name, _): variables[name] = domains[name] ?? .boolean
            case .compare(let name, _, let value):
                if case .ordered(let existing) = variables[name] {
                    variables[name] = .ordered(existing + [value])
                } else {
                    variables[name] = .ordered([value])
                }
            }
        }
    }
}
