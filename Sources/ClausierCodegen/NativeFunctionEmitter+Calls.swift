import Clausier

/// Calls of built-in functions, with the contract's zone, holidays and rounding, and aggregates
/// over lists written as loops.
extension NativeFunctionEmitter {
    private var zone: String {
        switch contract.header.zone {
        case .utc: "ZoneRule.utc"
        case .europeParis: "ZoneRule.europeParis"
        }
    }

    var holidays: String {
        switch contract.header.holidays {
        case .france: "HolidayCalendar.france"
        }
    }

    var rounding: String { "RoundingMode.\(SwiftNames.member(contract.header.rounding.rawValue))" }

    mutating func call(_ builtin: Builtin, _ arguments: [Expr]) throws(NativeUnsupported) -> NativeCode {
        // floor(a / b) and ceil(a / b) of whole numbers stay in whole numbers (same answers and errors).
        if builtin == .floor || builtin == .ceil, arguments.count == 1, case .binary(.divideInt, let lhs, let rhs) = arguments[0] {
            let a = try value(lhs, want: .int)
            let b = try value(rhs, want: .int)
            let function = builtin == .floor ? "flooredQuotient" : "ceiledQuotient"
            return NativeCode(text: "try Arithmetic.\(function)(\(a.text), \(b.text))", type: .int, isSimple: false)
        }
        var codes: [NativeCode] = []
        for argument in arguments { codes.append(try value(argument, want: nil)) }
        func one() throws(NativeUnsupported) -> NativeCode {
            guard codes.count == 1 else { throw NativeUnsupported(description: "\(builtin.rawValue)() with \(codes.count) arguments") }
            return codes[0]
        }
        func typed(_ type: ValueType, _ index: Int = 0) throws(NativeUnsupported) -> NativeCode {
            guard codes.indices.contains(index) else { throw NativeUnsupported(description: "\(builtin.rawValue)() without arguments") }
            return try coerce(codes[index], to: type)
        }
        func code(_ text: String, _ type: ValueType) -> NativeCode { NativeCode(text: text, type: type, isSimple: false) }
        switch builtin {
        case .min, .max:
            guard var best = codes.first else { throw NativeUnsupported(description: "\(builtin.rawValue)() without arguments") }
            if case .optional(let inner) = best.type { best = try coerce(best, to: inner) }
            for var candidate in codes.dropFirst() {
                if case .optional(let inner) = candidate.type { candidate = try coerce(candidate, to: inner) }
                guard candidate.type == best.type else { throw NativeUnsupported(description: "\(builtin.rawValue)() of mixed types") }
                let function: String
                switch best.type {
                case .money: function = builtin == .min ? "smallerMoney" : "largerMoney"
                case .int, .decimal, .percent, .date, .datetime, .time, .duration, .period:
                    function = builtin == .min ? "smaller" : "larger"
                default: throw NativeUnsupported(description: "\(builtin.rawValue)() of \(best.type)")
                }
                let prefix = function.hasSuffix("Money") ? "try " : ""
                best = code("\(prefix)Arithmetic.\(function)(\(best.text), \(candidate.text))", best.type)
            }
            return best
        case .localDate: return code("\(zone).localDate(of: \(try typed(.datetime).text))", .date)
        case .localTime: return code("\(zone).localTime(of: \(try typed(.datetime).text))", .time)
        case .atLocal:
            return code("\(zone).instant(date: \(try typed(.date).text), time: \(try typed(.time, 1).text))", .datetime)
        case .isBusinessDay: return code("\(holidays).isBusinessDay(\(try typed(.date).text))", .bool)
        case .isHoliday: return code("\(holidays).isHoliday(\(try typed(.date).text))", .bool)
        case .weekday: return code("\(try typed(.date).operand).weekday.name", .enumeration([]))
        case .endOfMonth: return code("\(try typed(.date).operand).endOfMonth", .date)
        case .quarter: return code("\(try typed(.date).operand).quarter", .int)
        case .year: return code("\(try typed(.date).operand).year", .int)
        case .month: return code("\(try typed(.date).operand).month", .int)
        case .daysBetween: return code("\(try typed(.date).operand).days(until: \(try typed(.date, 1).text))", .int)
        case .ceil: return code("try Arithmetic.ceiling(\(try numeric(try one()).text))", .int)
        case .floor: return code("try Arithmetic.floor(\(try numeric(try one()).text))", .int)
        case .round:
            let amount = try one()
            guard case .money = amount.type.unwrapped else { throw NativeUnsupported(description: "round() of \(amount.type)") }
            return code("try Arithmetic.roundToCent(\(try coerce(amount, to: amount.type.unwrapped).text), \(rounding))", amount.type.unwrapped)
        case .exists:
            let argument = try one()
            guard argument.type.isOptional, argument.isSimple else { throw NativeUnsupported(description: "exists() of \(argument.type)") }
            return code("\(argument.text) != nil", .bool)
        case .toDecimal: return code(try numeric(try one()).text, .decimal)
        case .dayCount:
            let period = try one()
            guard case .period = period.type.unwrapped else { throw NativeUnsupported(description: "day_count() of \(period.type)") }
            let count = try coerce(period, to: period.type.unwrapped)
            return NativeCode(text: count.text, type: .int, isSimple: count.isSimple)
        case .daysOf, .businessDaysOf, .joursFrancsOf, .monthsOf, .yearsOf:
            guard let unit = builtin.periodUnit else { throw NativeUnsupported(description: "\(builtin.rawValue)()") }
            let count = try coerce(try one(), to: .int)
            return NativeCode(text: count.text, type: .period(unit), isSimple: count.isSimple)
        case .hours: return code("try Arithmetic.hours(\(try typed(.duration).text))", .decimal)
        }
    }

    mutating func aggregate(_ kind: Aggregate, list: Expr, slot: Int, body: Expr?) throws(NativeUnsupported) -> NativeCode {
        var items = try value(list, want: nil)
        if case .optional(let inner) = items.type { items = try coerce(items, to: inner) }
        guard case .list(let element) = items.type else { throw NativeUnsupported(description: "an aggregate of \(items.type)") }
        if kind == .count, body == nil {
            return NativeCode(text: "\(items.operand).count", type: .int, isSimple: false)
        }
        let item = fresh("item")
        name(slot: slot, item)
        let (lines, term) = try nested { (e) throws(NativeUnsupported) -> NativeCode in
            guard let body else { return NativeCode(text: item, type: element, isSimple: true) }
            return try e.value(body, want: kind == .sum ? nil : .bool)
        }
        let loopItem = read.contains(slot) ? item : "_"
        switch kind {
        case .sum:
            let add: String
            switch term.type {
            case .int: add = "addInts"
            case .money: add = "addMoney"
            case .percent: add = "addPercents"
            case .duration: add = "addDurations"
            case .period: add = "addPeriods"
            case .decimal: add = "addDecimals"
            default: throw NativeUnsupported(description: "a sum of \(term.type)")
            }
            let total = fresh("total")
            w.line("var \(total): \(try types.swift(term.type))? = nil")
            w.open("for \(loopItem) in \(items.text)")
            w.append(lines)
            var termText = term.text
            if !term.isSimple {
                let name = fresh("term")
                w.line("let \(name) = \(term.text)")
                termText = name
            }
            w.line("\(total) = if let \(total) { try Arithmetic.\(add)(\(total), \(termText)) } else { \(termText) }")
            w.close()
            return NativeCode(text: total, type: .optional(term.type), isSimple: true)
        case .count:
            let count = fresh("count")
            w.line("var \(count) = 0")
            w.open("for \(loopItem) in \(items.text)")
            w.append(lines)
            w.line("if \(term.text) { \(count) += 1 }")
            w.close()
            return NativeCode(text: count, type: .int, isSimple: true)
        case .any, .all:
            let found = fresh(kind == .any ? "any" : "all")
            w.line("var \(found) = \(kind == .any ? "false" : "true")")
            w.open("for \(loopItem) in \(items.text)")
            w.append(lines)
            w.open("if \(kind == .any ? "" : "!")\(term.operand)")
            w.line("\(found) = \(kind == .any ? "true" : "false")")
            w.line("break")
            w.close()
            w.close()
            return NativeCode(text: found, type: .bool, isSimple: true)
        }
    }
}
