import Clausier

/// Operators: `and`/`or` short-circuiting, arithmetic and comparisons through ``Arithmetic``,
/// equality, conditionals and `??`.
extension NativeFunctionEmitter {
    mutating func shortCircuit(_ lhs: Expr, _ rhs: Expr, isAnd: Bool) throws(NativeUnsupported) -> NativeCode {
        let left = try condition(lhs)
        let (lines, right) = try nested { (e) throws(NativeUnsupported) -> NativeCode in try e.condition(rhs) }
        // `&&` takes its right operand as an untyped rethrowing autoclosure: one that throws is written out.
        if lines.isEmpty, !right.text.contains("try ") {
            return NativeCode(text: "\(left.operand) \(isAnd ? "&&" : "||") \(right.operand)", type: .bool, isSimple: false)
        }
        let name = fresh("holds")
        w.line("let \(name): Bool")
        w.open("if \(isAnd ? "" : "!")\(left.operand)")
        w.append(lines)
        w.line("\(name) = \(right.text)")
        w.close("} else {")
        w.line("\(name) = \(isAnd ? "false" : "true")")
        w.close()
        return NativeCode(text: name, type: .bool, isSimple: true)
    }

    mutating func binary(_ operation: BinaryOperation, _ lhs: Expr, _ rhs: Expr) throws(NativeUnsupported) -> NativeCode {
        func call(_ function: String, _ a: NativeCode, _ b: NativeCode, _ type: ValueType, label: String = "") -> NativeCode {
            NativeCode(text: "try Arithmetic.\(function)(\(a.text), \(label)\(b.text))", type: type, isSimple: false)
        }
        switch operation {
        case .addInt, .subtractInt, .multiplyInt:
            let a = try value(lhs, want: .int)
            let b = try value(rhs, want: .int)
            let function = operation == .addInt ? "addInts" : operation == .subtractInt ? "subtractInts" : "multiplyInts"
            return call(function, a, b, .int)
        case .divideInt, .addDecimal, .subtractDecimal, .multiplyDecimal, .divideDecimal:
            let a = try numeric(try value(lhs, want: nil))
            let b = try numeric(try value(rhs, want: nil))
            let function =
                switch operation {
                case .addDecimal: "addDecimals"
                case .subtractDecimal: "subtractDecimals"
                case .multiplyDecimal: "multiplyDecimals"
                default: "divideDecimals"
                }
            return call(function, a, b, .decimal)
        case .addMoney, .subtractMoney, .divideMoneyByMoney:
            let a = try value(lhs, want: nil)
            guard case .money = a.type.unwrapped else { throw NativeUnsupported(description: "money arithmetic on \(a.type)") }
            let money = try coerce(a, to: a.type.unwrapped)
            let b = try value(rhs, want: money.type)
            switch operation {
            case .addMoney: return call("addMoney", money, b, money.type)
            case .subtractMoney: return call("subtractMoney", money, b, money.type)
            default: return call("ratio", money, b, .decimal)
            }
        case .multiplyMoney, .divideMoney:
            var a = try value(lhs, want: nil)
            if case .optional(let inner) = a.type { a = try coerce(a, to: inner) }
            if case .money = a.type {
                let factor = try numeric(try value(rhs, want: nil))
                return call(operation == .multiplyMoney ? "multiplyMoney" : "divideMoney", a, factor, a.type, label: "by: ")
            }
            guard operation == .multiplyMoney else { throw NativeUnsupported(description: "a division of \(a.type) by money") }
            // factor × money: the factor is evaluated first, as the interpreter does.
            let factor = try numeric(a)
            let first = fresh("factor")
            w.line("let \(first): FixedDecimal = \(factor.text)")
            var m = try value(rhs, want: nil)
            if case .optional(let inner) = m.type { m = try coerce(m, to: inner) }
            guard case .money = m.type else { throw NativeUnsupported(description: "a multiplication of \(m.type)") }
            return call("multiplyMoney", m, NativeCode(text: first, type: .decimal, isSimple: true), m.type, label: "by: ")
        case .addPercent, .subtractPercent:
            let a = try value(lhs, want: .percent)
            let b = try value(rhs, want: .percent)
            return call(operation == .addPercent ? "addPercents" : "subtractPercents", a, b, .percent)
        case .multiplyPercent:
            let a = try numeric(try value(lhs, want: nil))
            let b = try numeric(try value(rhs, want: nil))
            return call("multiplyPercents", a, b, .percent)
        case .addDuration, .subtractDuration:
            let a = try value(lhs, want: .duration)
            let b = try value(rhs, want: .duration)
            return call(operation == .addDuration ? "addDurations" : "subtractDurations", a, b, .duration)
        case .addPeriod, .subtractPeriod:
            let a = try value(lhs, want: nil)
            guard case .period = a.type.unwrapped else { throw NativeUnsupported(description: "period arithmetic on \(a.type)") }
            let period = try coerce(a, to: a.type.unwrapped)
            let b = try value(rhs, want: nil)
            guard case .period = b.type.unwrapped else { throw NativeUnsupported(description: "period arithmetic on \(b.type)") }
            let other = try coerce(b, to: b.type.unwrapped)
            return call(operation == .addPeriod ? "addPeriods" : "subtractPeriods", period, other, period.type)
        case .dateAddPeriod, .dateSubtractPeriod:
            let date = try value(lhs, want: .date)
            let b = try value(rhs, want: nil)
            guard case .period(let unit) = b.type.unwrapped else { throw NativeUnsupported(description: "a date plus \(b.type)") }
            let count = try coerce(b, to: .period(unit))
            let function = operation == .dateAddPeriod ? "shift" : "shiftBack"
            return NativeCode(
                text: "try Arithmetic.\(function)(\(date.text), by: \(count.text), .\(SwiftNames.member(unit.rawValue)), holidays: \(holidays))",
                type: .date, isSimple: false)
        case .dateDifference:
            let a = try value(lhs, want: .date)
            let b = try value(rhs, want: .date)
            // The interpreter counts from the right operand to the left one.
            if b.isSimple || a.isSimple && !a.text.contains("try") {
                return NativeCode(text: "\(b.operand).days(until: \(a.text))", type: .period(.days), isSimple: false)
            }
            let later = fresh("later")
            w.line("let \(later): CivilDate = \(a.text)")
            return NativeCode(text: "\(b.operand).days(until: \(later))", type: .period(.days), isSimple: false)
        case .datetimeAddDuration, .datetimeSubtractDuration:
            let a = try value(lhs, want: .datetime)
            let b = try value(rhs, want: .duration)
            return call(operation == .datetimeAddDuration ? "addDuration" : "subtractDuration", a, b, .datetime)
        case .datetimeDifference:
            let a = try value(lhs, want: .datetime)
            let b = try value(rhs, want: .datetime)
            return call("difference", a, b, .duration)
        case .compare(let comparison):
            let a = try value(lhs, want: nil)
            let b = try value(rhs, want: nil)
            if comparison == .equal || comparison == .notEqual {
                return try equality(a, b, comparison == .equal)
            }
            return NativeCode(text: try compare(a, comparison, b), type: .bool, isSimple: false)
        }
    }

    /// `==` and `!=` with the interpreter's meaning: values of different kinds are never equal.
    private mutating func equality(_ a: NativeCode, _ b: NativeCode, _ equal: Bool) throws(NativeUnsupported) -> NativeCode {
        var (a, b) = (a, b)
        if a.type.unwrapped != b.type.unwrapped, a.type.unwrapped.isEnumeration, b.type.unwrapped.isEnumeration {
            // A name written in the rules takes the enum of the other side.
            if b.nameLiteral != nil || a.type.unwrapped == .enumeration([]) {
                b = try coerce(b, to: a.type.unwrapped)
            } else {
                a = try coerce(a, to: b.type.unwrapped)
            }
        }
        let (x, y) = (a.type.unwrapped, b.type.unwrapped)
        guard x == y || x == .absent || y == .absent else {
            throw NativeUnsupported(description: "a comparison of \(a.type) with \(b.type)")
        }
        return NativeCode(text: "\(a.operand) \(equal ? "==" : "!=") \(b.operand)", type: .bool, isSimple: false)
    }

    /// An ordered comparison with the interpreter's meaning (`Operations.compare`).
    mutating func compare(_ a: NativeCode, _ comparison: Comparison, _ b: NativeCode) throws(NativeUnsupported) -> String {
        var a = a
        var b = b
        if case .optional(let inner) = a.type { a = try coerce(a, to: inner) }
        if case .optional(let inner) = b.type { b = try coerce(b, to: inner) }
        switch (a.type, b.type) {
        case (.int, .int), (.date, .date), (.datetime, .datetime), (.time, .time), (.duration, .duration), (.period, .period):
            return "\(a.operand) \(comparison.rawValue) \(b.operand)"
        case (.money, .money):
            return "try Arithmetic.compareMoney(\(a.text), \(b.text)) \(comparison.rawValue) 0"
        case (.int, _), (.decimal, _), (.percent, _):
            let x = try numeric(a)
            let y = try numeric(b)
            return "\(x.operand) \(comparison.rawValue) \(y.operand)"
        default:
            throw NativeUnsupported(description: "an ordered comparison of \(a.type) with \(b.type)")
        }
    }

    mutating func conditional(_ test: Expr, _ then: Expr, _ otherwise: Expr, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
        let arms = [Arm(condition: .expr(test), value: .expr(then)), Arm(condition: .always, value: .expr(otherwise))]
        return try chain(arms, want: want, named: "chosen", noMatch: "")
    }

    mutating func coalesce(_ primary: Expr, _ fallback: Expr, want: ValueType?) throws(NativeUnsupported) -> NativeCode {
        let first = try value(primary, want: nil)
        guard case .optional(let inner) = first.type else { return try coerce(first, to: want ?? first.type) }
        let target = want ?? inner
        guard inner == target.unwrapped || inner.isEnumeration && target.unwrapped.isEnumeration else {
            throw NativeUnsupported(description: "\(first.type) ?? \(target)")
        }
        let (lines, second) = try nested { (e) throws(NativeUnsupported) -> NativeCode in try e.value(fallback, want: target) }
        if lines.isEmpty, !second.text.contains("try ") {
            return NativeCode(text: "\(first.operand) ?? \(second.operand)", type: target, isSimple: false)
        }
        let name = fresh("value")
        w.line("let \(name): \(try types.swift(target))")
        let present = fresh("present")
        w.open("if let \(present) = \(first.text)")
        w.line("\(name) = \(present)")
        w.close("} else {")
        w.append(lines)
        w.line("\(name) = \(second.text)")
        w.close()
        return NativeCode(text: name, type: target, isSimple: true)
    }
}

extension ValueType {
    /// Whether the type is an enumeration: names of two enumerations compare and coalesce as names,
    /// whatever enum each belongs to.
    var isEnumeration: Bool {
        if case .enumeration = self { return true }
        return false
    }
}
