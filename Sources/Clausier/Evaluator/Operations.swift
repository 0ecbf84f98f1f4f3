/// The arithmetic and comparisons of the rule language on runtime values.
///
/// The compiler has already checked the operand types; a mismatch here means the IR was built or
/// decoded wrongly, and is reported as an error rather than a crash.
enum Operations {
    static func mismatch(_ what: String) -> EvaluationError {
        EvaluationError(.arithmetic, "internal error: \(what) got values of unexpected types; the compiled rules are inconsistent")
    }

    static func arithmetic(_ error: ArithmeticError, _ what: String) -> EvaluationError {
        Arithmetic.arithmetic(error, what)
    }

    static func overflow(_ what: String) -> EvaluationError {
        Arithmetic.overflow(what)
    }

    static func decimal(_ value: Value) -> FixedDecimal? {
        switch value {
        case .decimal(let d), .percent(let d): d
        case .int(let i): FixedDecimal(i)
        default: nil
        }
    }

    static func binary(
        _ op: BinaryOperation, _ lhs: Value, _ rhs: Value, header: ContractHeader
    ) throws(EvaluationError) -> Value {
        switch op {
        case .addInt, .subtractInt, .multiplyInt:
            guard case .int(let a) = lhs, case .int(let b) = rhs else { throw mismatch("integer arithmetic") }
            switch op {
            case .addInt: return .int(try Arithmetic.addInts(a, b))
            case .subtractInt: return .int(try Arithmetic.subtractInts(a, b))
            default: return .int(try Arithmetic.multiplyInts(a, b))
            }
        case .divideInt, .addDecimal, .subtractDecimal, .multiplyDecimal, .divideDecimal:
            guard let a = decimal(lhs), let b = decimal(rhs) else { throw mismatch("decimal arithmetic") }
            switch op {
            case .addDecimal: return .decimal(try Arithmetic.addDecimals(a, b))
            case .subtractDecimal: return .decimal(try Arithmetic.subtractDecimals(a, b))
            case .multiplyDecimal: return .decimal(try Arithmetic.multiplyDecimals(a, b))
            default: return .decimal(try Arithmetic.divideDecimals(a, b))
            }
        case .addMoney, .subtractMoney:
            guard case .money(let a) = lhs, case .money(let b) = rhs else { throw mismatch("money arithmetic") }
            return .money(op == .addMoney ? try Arithmetic.addMoney(a, b) : try Arithmetic.subtractMoney(a, b))
        case .multiplyMoney:
            let (m, factor): (Money, FixedDecimal)
            if case .money(let a) = lhs, let b = decimal(rhs) { (m, factor) = (a, b) }
            else if case .money(let b) = rhs, let a = decimal(lhs) { (m, factor) = (b, a) }
            else { throw mismatch("money multiplication") }
            return .money(try Arithmetic.multiplyMoney(m, by: factor))
        case .divideMoney:
            guard case .money(let a) = lhs, let b = decimal(rhs) else { throw mismatch("money division") }
            return .money(try Arithmetic.divideMoney(a, by: b))
        case .divideMoneyByMoney:
            guard case .money(let a) = lhs, case .money(let b) = rhs else { throw mismatch("money division") }
            return .decimal(try Arithmetic.ratio(a, b))
        case .addPercent, .subtractPercent:
            guard case .percent(let a) = lhs, case .percent(let b) = rhs else { throw mismatch("percent arithmetic") }
            return .percent(op == .addPercent ? try Arithmetic.addPercents(a, b) : try Arithmetic.subtractPercents(a, b))
        case .multiplyPercent:
            guard let a = decimal(lhs), let b = decimal(rhs) else { throw mismatch("percent multiplication") }
            return .percent(try Arithmetic.multiplyPercents(a, b))
        case .addDuration, .subtractDuration:
            guard case .duration(let a) = lhs, case .duration(let b) = rhs else { throw mismatch("duration arithmetic") }
            return .duration(op == .addDuration ? try Arithmetic.addDurations(a, b) : try Arithmetic.subtractDurations(a, b))
        case .addPeriod, .subtractPeriod:
            guard case .period(let a, let unit) = lhs, case .period(let b, _) = rhs else { throw mismatch("period arithmetic") }
            return .period(op == .addPeriod ? try Arithmetic.addPeriods(a, b) : try Arithmetic.subtractPeriods(a, b), unit)
        case .dateAddPeriod, .dateSubtractPeriod:
            guard case .date(let d) = lhs, case .period(let n, let unit) = rhs else { throw mismatch("date arithmetic") }
            return .date(
                op == .dateAddPeriod
                    ? try Arithmetic.shift(d, by: n, unit, holidays: header.holidays)
                    : try Arithmetic.shiftBack(d, by: n, unit, holidays: header.holidays))
        case .dateDifference:
            guard case .date(let a) = lhs, case .date(let b) = rhs else { throw mismatch("date difference") }
            return .period(b.days(until: a), .days)
        case .datetimeAddDuration, .datetimeSubtractDuration:
            guard case .datetime(let t) = lhs, case .duration(let d) = rhs else { throw mismatch("datetime arithmetic") }
            return .datetime(
                op == .datetimeAddDuration ? try Arithmetic.addDuration(t, d) : try Arithmetic.subtractDuration(t, d))
        case .datetimeDifference:
            guard case .datetime(let a) = lhs, case .datetime(let b) = rhs else { throw mismatch("datetime difference") }
            return .duration(try Arithmetic.difference(a, b))
        case .compare(let comparison):
            if comparison == .equal { return .bool(lhs == rhs) }
            if comparison == .notEqual { return .bool(lhs != rhs) }
            return .bool(comparison.holds(try compare(lhs, rhs)))
        }
    }

    /// Three-way comparison of two values of one ordered type.
    static func compare(_ lhs: Value, _ rhs: Value) throws(EvaluationError) -> Int {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return order(a, b)
        case (.money(let a), .money(let b)):
            return try Arithmetic.compareMoney(a, b)
        case (.date(let a), .date(let b)): return order(a, b)
        case (.datetime(let a), .datetime(let b)): return order(a, b)
        case (.time(let a), .time(let b)): return order(a, b)
        case (.duration(let a), .duration(let b)): return order(a, b)
        case (.period(let a, _), .period(let b, _)): return order(a, b)
        case (.bool(let a), .bool(let b)): return order(a ? 1 : 0, b ? 1 : 0)
        default:
            guard let a = decimal(lhs), let b = decimal(rhs) else { throw mismatch("a comparison") }
            return order(a, b)
        }
    }

    /// The sum of two values of one additive type.
    static func add(_ lhs: Value, _ rhs: Value, header: ContractHeader) throws(EvaluationError) -> Value {
        switch (lhs, rhs) {
        case (.int, .int): try binary(.addInt, lhs, rhs, header: header)
        case (.money, .money): try binary(.addMoney, lhs, rhs, header: header)
        case (.percent, .percent): try binary(.addPercent, lhs, rhs, header: header)
        case (.duration, .duration): try binary(.addDuration, lhs, rhs, header: header)
        case (.period, .period): try binary(.addPeriod, lhs, rhs, header: header)
        default: try binary(.addDecimal, lhs, rhs, header: header)
        }
    }
}

extension Value {
    /// The value with its sign changed (int, decimal, percent, money, duration, period).
    ///
    /// The evaluator negates at run time; the compiler folds `-` on constants with the same function.
    public func negated() throws(EvaluationError) -> Value {
        switch self {
        case .int(let i): .int(try Arithmetic.negateInt(i))
        case .decimal(let d): .decimal(try Arithmetic.negateDecimal(d))
        case .percent(let d): .percent(try Arithmetic.negateDecimal(d))
        case .money(let m): .money(try Arithmetic.negateMoney(m))
        case .duration(let d): .duration(try Arithmetic.negateDuration(d))
        case .period(let n, let unit): .period(try Arithmetic.negateInt(n), unit)
        default: throw Operations.mismatch("a negation")
        }
    }

    /// Three-way comparison of two values of one ordered type (-1, 0 or 1); nil when they cannot be ordered.
    public static func order(_ lhs: Value, _ rhs: Value) -> Int? {
        try? Operations.compare(lhs, rhs)
    }
}
