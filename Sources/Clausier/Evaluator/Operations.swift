/// The arithmetic and comparisons of the rule language on runtime values.
///
/// The compiler has already checked the operand types; a mismatch here means the IR was built or
/// decoded wrongly, and is reported as an error rather than a crash.
enum Operations {
    static func mismatch(_ what: String) -> EvaluationError {
        EvaluationError(.arithmetic, "internal error: \(what) got values of unexpected types; the compiled rules are inconsistent")
    }

    static func arithmetic(_ error: ArithmeticError, _ what: String) -> EvaluationError {
        EvaluationError(.arithmetic, "\(error.message) while computing \(what)")
    }

    static func money(_ error: MoneyError, _ what: String) -> EvaluationError {
        EvaluationError(.arithmetic, "\(error.message) while computing \(what)")
    }

    static func overflow(_ what: String) -> EvaluationError {
        EvaluationError(.arithmetic, "the result of \(what) is out of range")
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
            let (r, o): (Int, Bool) =
                op == .addInt ? a.addingReportingOverflow(b)
                : op == .subtractInt ? a.subtractingReportingOverflow(b) : a.multipliedReportingOverflow(by: b)
            if o { throw overflow("integer arithmetic") }
            return .int(r)
        case .divideInt, .addDecimal, .subtractDecimal, .multiplyDecimal, .divideDecimal:
            guard let a = decimal(lhs), let b = decimal(rhs) else { throw mismatch("decimal arithmetic") }
            do {
                switch op {
                case .addDecimal: return .decimal(try a.adding(b))
                case .subtractDecimal: return .decimal(try a.subtracting(b))
                case .multiplyDecimal: return .decimal(try a.multiplying(by: b))
                default: return .decimal(try a.dividing(by: b))
                }
            } catch { throw arithmetic(error, "a decimal") }
        case .addMoney, .subtractMoney:
            guard case .money(let a) = lhs, case .money(let b) = rhs else { throw mismatch("money arithmetic") }
            do {
                return .money(op == .addMoney ? try a.adding(b) : try a.subtracting(b))
            } catch { throw money(error, "an amount") }
        case .multiplyMoney:
            let (m, factor): (Money, FixedDecimal)
            if case .money(let a) = lhs, let b = decimal(rhs) { (m, factor) = (a, b) }
            else if case .money(let b) = rhs, let a = decimal(lhs) { (m, factor) = (b, a) }
            else { throw mismatch("money multiplication") }
            do { return .money(try m.multiplying(by: factor)) } catch { throw arithmetic(error, "an amount") }
        case .divideMoney:
            guard case .money(let a) = lhs, let b = decimal(rhs) else { throw mismatch("money division") }
            do { return .money(try a.dividing(by: b)) } catch { throw arithmetic(error, "an amount") }
        case .divideMoneyByMoney:
            guard case .money(let a) = lhs, case .money(let b) = rhs else { throw mismatch("money division") }
            guard a.currency == b.currency else { throw money(.currencyMismatch(a.currency, b.currency), "a ratio") }
            do { return .decimal(try a.amount.dividing(by: b.amount)) } catch { throw arithmetic(error, "a ratio") }
        case .addPercent, .subtractPercent:
            guard case .percent(let a) = lhs, case .percent(let b) = rhs else { throw mismatch("percent arithmetic") }
            do { return .percent(op == .addPercent ? try a.adding(b) : try a.subtracting(b)) } catch {
                throw arithmetic(error, "a percentage")
            }
        case .multiplyPercent:
            guard let a = decimal(lhs), let b = decimal(rhs) else { throw mismatch("percent multiplication") }
            do { return .percent(try a.multiplying(by: b)) } catch { throw arithmetic(error, "a percentage") }
        case .addDuration, .subtractDuration:
            guard case .duration(let a) = lhs, case .duration(let b) = rhs else { throw mismatch("duration arithmetic") }
            let (r, o) = op == .addDuration
                ? a.nanoseconds.addingReportingOverflow(b.nanoseconds)
                : a.nanoseconds.subtractingReportingOverflow(b.nanoseconds)
            if o { throw overflow("a duration") }
            return .duration(ExactDuration(nanoseconds: r))
        case .addPeriod, .subtractPeriod:
            guard case .period(let a, let unit) = lhs, case .period(let b, _) = rhs else { throw mismatch("period arithmetic") }
            let (r, o) = op == .addPeriod ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b)
            if o { throw overflow("a count of days") }
            return .period(r, unit)
        case .dateAddPeriod, .dateSubtractPeriod:
            guard case .date(let d) = lhs, case .period(let n, let unit) = rhs else { throw mismatch("date arithmetic") }
            let count = op == .dateAddPeriod ? n : -n
            guard let result = shift(d, by: count, unit, header: header) else {
                throw overflow("\(d) \(count < 0 ? "-" : "+") \(abs(count)) \(unit.name(count: abs(count)))")
            }
            return .date(result)
        case .dateDifference:
            guard case .date(let a) = lhs, case .date(let b) = rhs else { throw mismatch("date difference") }
            return .period(b.days(until: a), .days)
        case .datetimeAddDuration, .datetimeSubtractDuration:
            guard case .datetime(let t) = lhs, case .duration(let d) = rhs else { throw mismatch("datetime arithmetic") }
            let delta = op == .datetimeAddDuration ? d : ExactDuration(nanoseconds: 0 &- d.nanoseconds)
            guard let r = t.adding(delta) else { throw overflow("a datetime") }
            return .datetime(r)
        case .datetimeDifference:
            guard case .datetime(let a) = lhs, case .datetime(let b) = rhs else { throw mismatch("datetime difference") }
            guard let d = a.duration(since: b) else { throw overflow("a duration") }
            return .duration(d)
        case .compare(let comparison):
            if comparison == .equal { return .bool(lhs == rhs) }
            if comparison == .notEqual { return .bool(lhs != rhs) }
            return .bool(comparison.holds(try compare(lhs, rhs)))
        }
    }

    static func shift(_ date: CivilDate, by count: Int, _ unit: PeriodUnit, header: ContractHeader) -> CivilDate? {
        switch unit {
        case .days: date.adding(days: count)
        case .businessDays: date.adding(businessDays: count, in: header.holidays)
        case .joursFrancs: date.adding(joursFrancs: count, in: header.holidays)
        case .months: date.adding(months: count)
        case .years: date.adding(years: count)
        }
    }

    /// Three-way comparison of two values of one ordered type.
    static func compare(_ lhs: Value, _ rhs: Value) throws(EvaluationError) -> Int {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return order(a, b)
        case (.money(let a), .money(let b)):
            do { return try a.compare(b) } catch { throw money(error, "a comparison") }
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
        case .int(let i):
            let (r, o) = Int(0).subtractingReportingOverflow(i)
            if o { throw Operations.overflow("a negation") }
            return .int(r)
        case .decimal(let d):
            do { return .decimal(try d.negated()) } catch { throw Operations.arithmetic(error, "a negation") }
        case .percent(let d):
            do { return .percent(try d.negated()) } catch { throw Operations.arithmetic(error, "a negation") }
        case .money(let m):
            do { return .money(Money(amount: try m.amount.negated(), currency: m.currency)) } catch {
                throw Operations.arithmetic(error, "a negation")
            }
        case .duration(let d):
            let (r, o) = Int64(0).subtractingReportingOverflow(d.nanoseconds)
            if o { throw Operations.overflow("a negation") }
            return .duration(ExactDuration(nanoseconds: r))
        case .period(let n, let unit):
            let (r, o) = Int(0).subtractingReportingOverflow(n)
            if o { throw Operations.overflow("a negation") }
            return .period(r, unit)
        default:
            throw Operations.mismatch("a negation")
        }
    }

    /// Three-way comparison of two values of one ordered type (-1, 0 or 1); nil when they cannot be ordered.
    public static func order(_ lhs: Value, _ rhs: Value) -> Int? {
        try? Operations.compare(lhs, rhs)
    }
}
