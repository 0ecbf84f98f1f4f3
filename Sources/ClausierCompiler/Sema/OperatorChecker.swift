import Clausier
import ClausierDiagnostics

/// Operators: which typed operation `+`, `<`, `and` or `??` is for its operands, or why none is.
extension ExpressionChecker {
    mutating func binary(
        _ op: String, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax, expected: ValueType?, scope: Scope,
        in text: Located, _ at: SourceLocation
    ) -> Typed? {
        switch op {
        case "and", "or":
            guard let l = check(lhs, expected: .bool, scope: scope, in: text) else { return nil }
            var rightScope = scope
            // `exists(x) and …` and `not exists(x) or …` both prove x present on their right.
            rightScope.present.formUnion(op == "and" ? Self.presentNames(in: lhs) : Self.presentNamesWhenFalse(lhs))
            rightScope.absent.formUnion(op == "and" ? Self.absentNames(in: lhs) : Self.absentNamesWhenFalse(lhs))
            guard let r = check(rhs, expected: .bool, scope: rightScope, in: text) else { return nil }
            return Typed(expr: op == "and" ? .and(l, r) : .or(l, r), type: .bool)
        case "??":
            guard let l = infer(lhs, expected: expected.map { .optional($0.unwrapped) }, scope: scope, in: text) else { return nil }
            guard l.type.isOptional else {
                return fail(.typeMismatch, "'\(lhs.text)' is never absent, so '??' has no effect", at, hints: ["remove '?? \(rhs.text)'"])
            }
            guard let r = check(rhs, expected: expected ?? l.type.unwrapped, scope: scope, in: text) else { return nil }
            guard let lc = Self.convert(l, to: .optional(r.type)) else {
                return fail(.typeMismatch, "'\(lhs.text)' is \(l.type.spoken) and its default '\(rhs.text)' is \(r.type.spoken)", at)
            }
            return Typed(expr: .coalesce(lc, r), type: r.type)
        case "==", "!=", "<", "<=", ">", ">=":
            return comparison(op, lhs, rhs, scope: scope, in: text, at)
        default:
            guard let l = infer(lhs, expected: nil, scope: scope, in: text),
                  let r = infer(rhs, expected: nil, scope: scope, in: text)
            else { return nil }
            if l.type.isOptional || r.type.isOptional {
                let which = l.type.isOptional ? lhs : rhs
                return fail(.optionalUnwrapped, "'\(which.text)' may be absent, so it cannot be used in '\(op)'", location(which, text),
                            hints: ["check it first with 'exists(\(which.text))', or give a default with '\(which.text) ?? value'"])
            }
            return arithmetic(op, l, r, at, lhs: lhs, rhs: rhs)
        }
    }

    mutating func comparison(
        _ op: String, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax, scope: Scope, in text: Located,
        _ at: SourceLocation
    ) -> Typed? {
        let comparisonKind = Comparison(rawValue: op) ?? .equal
        var l: Typed?
        var r: Typed?
        if isUnresolvedName(lhs, scope), !isUnresolvedName(rhs, scope) {
            r = infer(rhs, expected: nil, scope: scope, in: text)
            guard let rt = r else { return nil }
            l = check(lhs, expected: rt.type, scope: scope, in: text)
        } else {
            l = infer(lhs, expected: nil, scope: scope, in: text)
            guard let lt = l else { return nil }
            r = isUnresolvedName(rhs, scope) ? check(rhs, expected: lt.type, scope: scope, in: text)
                : infer(rhs, expected: nil, scope: scope, in: text)
        }
        guard let l, let r else { return nil }
        if l.type.isOptional || r.type.isOptional {
            let which = l.type.isOptional ? lhs : rhs
            return fail(.optionalUnwrapped, "'\(which.text)' may be absent, so it cannot be compared", location(which, text),
                        hints: ["check it first with 'exists(\(which.text)) and …', or give a default with '?? value'"])
        }
        let compatible: Bool
        switch (l.type, r.type) {
        case (.int, .decimal), (.decimal, .int): compatible = true
        case (.money(let a), .money(let b)):
            guard a == b else {
                return fail(.unitMismatch, "cannot compare \(a.code) with \(b.code)", at, hints: ["amounts in different currencies cannot be mixed"])
            }
            compatible = true
        case (.enumeration(let a), .enumeration(let b)):
            compatible = a.contains(where: b.contains) || a == b
        default: compatible = l.type == r.type
        }
        guard compatible else {
            var hints: [String] = []
            if let hint = Self.unitHint(l, r) { hints.append(hint) }
            if (l.type == .date && r.type == .datetime) || (l.type == .datetime && r.type == .date) {
                hints.append("take the date of the datetime with local_date(...)")
            }
            if (l.type == .duration && r.type == .period(.days)) || (l.type == .period(.days) && r.type == .duration) {
                hints.append("calendar days and hours are different units: compare days with days, hours with hours")
            }
            if (l.type == .duration || r.type == .duration) && (l.type == .date || r.type == .date) {
                hints.append("a duration is a length of time, a date is a day: they cannot be compared")
            }
            return fail(.typeMismatch, "cannot compare \(l.type.spoken) with \(r.type.spoken)", at, hints: hints)
        }
        if comparisonKind != .equal && comparisonKind != .notEqual && !l.type.isOrdered {
            return fail(.typeMismatch, "'\(op)' needs values that can be ordered, not \(l.type.spoken)", at,
                        hints: ["use '==' or '!='"])
        }
        return Typed(expr: .binary(.compare(comparisonKind), l, r), type: .bool)
    }

    mutating func arithmetic(
        _ op: String, _ l: Typed, _ r: Typed, _ at: SourceLocation, lhs: ExpressionSyntax, rhs: ExpressionSyntax
    ) -> Typed? {
        func ok(_ operation: BinaryOperation, _ type: ValueType) -> Typed? {
            Typed(expr: .binary(operation, l, r), type: type)
        }
        let numeric: (ValueType) -> Bool = { $0 == .int || $0 == .decimal }
        switch (op, l.type, r.type) {
        case ("+", .int, .int): return ok(.addInt, .int)
        case ("-", .int, .int): return ok(.subtractInt, .int)
        case ("*", .int, .int): return ok(.multiplyInt, .int)
        case ("/", .int, .int): return ok(.divideInt, .decimal)
        case ("+", let a, let b) where numeric(a) && numeric(b): return ok(.addDecimal, .decimal)
        case ("-", let a, let b) where numeric(a) && numeric(b): return ok(.subtractDecimal, .decimal)
        case ("*", let a, let b) where numeric(a) && numeric(b): return ok(.multiplyDecimal, .decimal)
        case ("/", let a, let b) where numeric(a) && numeric(b): return ok(.divideDecimal, .decimal)
        case ("+", .money(let a), .money(let b)), ("-", .money(let a), .money(let b)):
            guard a == b else {
                return fail(.unitMismatch, "cannot \(op == "+" ? "add" : "subtract") \(b.code) \(op == "+" ? "to" : "from") \(a.code)", at,
                            hints: ["amounts in different currencies cannot be mixed"])
            }
            return ok(op == "+" ? .addMoney : .subtractMoney, .money(a))
        case ("*", .money(let c), let f) where numeric(f) || f == .percent: return ok(.multiplyMoney, .money(c))
        case ("*", let f, .money(let c)) where numeric(f) || f == .percent: return ok(.multiplyMoney, .money(c))
        case ("/", .money(let c), let f) where numeric(f): return ok(.divideMoney, .money(c))
        case ("/", .money(let a), .money(let b)):
            guard a == b else { return fail(.unitMismatch, "cannot divide \(a.code) by \(b.code)", at) }
            return ok(.divideMoneyByMoney, .decimal)
        case ("+", .percent, .percent): return ok(.addPercent, .percent)
        case ("-", .percent, .percent): return ok(.subtractPercent, .percent)
        case ("*", .percent, let f) where numeric(f) || f == .percent: return ok(.multiplyPercent, .percent)
        case ("*", let f, .percent) where numeric(f): return ok(.multiplyPercent, .percent)
        case ("+", .duration, .duration): return ok(.addDuration, .duration)
        case ("-", .duration, .duration): return ok(.subtractDuration, .duration)
        case ("+", .period(let a), .period(let b)) where a == b: return ok(.addPeriod, .period(a))
        case ("-", .period(let a), .period(let b)) where a == b: return ok(.subtractPeriod, .period(a))
        case ("+", .date, .period): return ok(.dateAddPeriod, .date)
        case ("-", .date, .period): return ok(.dateSubtractPeriod, .date)
        case ("-", .date, .date): return ok(.dateDifference, .period(.days))
        case ("+", .datetime, .duration): return ok(.datetimeAddDuration, .datetime)
        case ("-", .datetime, .duration): return ok(.datetimeSubtractDuration, .datetime)
        case ("-", .datetime, .datetime): return ok(.datetimeDifference, .duration)
        default: break
        }
        var hints: [String] = []
        // Only adding or subtracting a bare number asks for a unit: multiplying or dividing by one is fine.
        if op == "+" || op == "-", let hint = Self.unitHint(l, r) { hints.append(hint) }
        switch (l.type, r.type) {
        case (.datetime, .period(let unit)):
            hints.append("\(unit.name(count: 2)) are counted on dates: write local_date(\(lhs.text)) \(op) \(rhs.text), or use hours")
        case (.date, .duration):
            hints.append("hours and minutes apply to a datetime; a date takes days, business_days, jours_francs, months or years")
        case (.period, .date):
            hints.append("write the date first: \(rhs.text) \(op) \(lhs.text)")
        case (.money, .money) where op == "*":
            hints.append("an amount can be multiplied by a number or a percentage, not by another amount")
        case (.percent, .money), (.money, .percent):
            hints.append("a percentage applies to an amount with '*': write amount * rate")
        case (.period(let a), .period(let b)):
            hints.append("\(a.name(count: 2)) and \(b.name(count: 2)) are different calendars and cannot be combined")
        default: break
        }
        let unitLike: Bool = {
            switch (l.type, r.type) {
            case (.datetime, .period), (.date, .duration), (.period, .period), (.period, .duration), (.duration, .period): true
            default: false
            }
        }()
        return fail(unitLike ? .unitMismatch : .typeMismatch,
                    "cannot apply '\(op)' to \(l.type.spoken) and \(r.type.spoken)", at, hints: hints)
    }
}
