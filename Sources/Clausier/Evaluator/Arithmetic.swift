/// The arithmetic of the rule language on typed values, one function per typed operation.
///
/// The interpreter (through `Operations`) and the native Swift that `clausier generate` emits both
/// call these, so an overflow, a division by zero or a currency mismatch is the same error, with the
/// same message, whichever path answered.
public enum Arithmetic {
    // MARK: Whole numbers

    /// int + int; overflow is an error.
    @inlinable
    public static func addInts(_ a: Int, _ b: Int) throws(EvaluationError) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw overflow("integer arithmetic") }
        return r
    }

    /// int − int; overflow is an error.
    @inlinable
    public static func subtractInts(_ a: Int, _ b: Int) throws(EvaluationError) -> Int {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw overflow("integer arithmetic") }
        return r
    }

    /// int × int; overflow is an error.
    @inlinable
    public static func multiplyInts(_ a: Int, _ b: Int) throws(EvaluationError) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw overflow("integer arithmetic") }
        return r
    }

    // MARK: Decimals and percentages

    /// decimal + decimal (int / int goes through ``divideDecimals(_:_:)`` on the converted operands).
    public static func addDecimals(_ a: FixedDecimal, _ b: FixedDecimal) throws(EvaluationError) -> FixedDecimal {
        do { return try a.adding(b) } catch { throw arithmetic(error, "a decimal") }
    }

    /// decimal − decimal.
    public static func subtractDecimals(_ a: FixedDecimal, _ b: FixedDecimal) throws(EvaluationError) -> FixedDecimal {
        do { return try a.subtracting(b) } catch { throw arithmetic(error, "a decimal") }
    }

    /// decimal × decimal.
    public static func multiplyDecimals(_ a: FixedDecimal, _ b: FixedDecimal) throws(EvaluationError) -> FixedDecimal {
        do { return try a.multiplying(by: b) } catch { throw arithmetic(error, "a decimal") }
    }

    /// decimal ÷ decimal, truncated at 18 digits; dividing by zero is an error.
    public static func divideDecimals(_ a: FixedDecimal, _ b: FixedDecimal) throws(EvaluationError) -> FixedDecimal {
        do { return try a.dividing(by: b) } catch { throw arithmetic(error, "a decimal") }
    }

    /// percent + percent.
    public static func addPercents(_ a: FixedDecimal, _ b: FixedDecimal) throws(EvaluationError) -> FixedDecimal {
        do { return try a.adding(b) } catch { throw arithmetic(error, "a percentage") }
    }

    /// percent − percent.
    public static func subtractPercents(_ a: FixedDecimal, _ b: FixedDecimal) throws(EvaluationError) -> FixedDecimal {
        do { return try a.subtracting(b) } catch { throw arithmetic(error, "a percentage") }
    }

    /// percent × decimal, decimal × percent, percent × percent (fractions multiplied).
    public static func multiplyPercents(_ a: FixedDecimal, _ b: FixedDecimal) throws(EvaluationError) -> FixedDecimal {
        do { return try a.multiplying(by: b) } catch { throw arithmetic(error, "a percentage") }
    }

    // MARK: Money

    /// money + money of one currency.
    public static func addMoney(_ a: Money, _ b: Money) throws(EvaluationError) -> Money {
        do { return try a.adding(b) } catch { throw money(error, "an amount") }
    }

    /// money − money of one currency.
    public static func subtractMoney(_ a: Money, _ b: Money) throws(EvaluationError) -> Money {
        do { return try a.subtracting(b) } catch { throw money(error, "an amount") }
    }

    /// money × factor (a decimal, or a percent's fraction).
    public static func multiplyMoney(_ m: Money, by factor: FixedDecimal) throws(EvaluationError) -> Money {
        do { return try m.multiplying(by: factor) } catch { throw arithmetic(error, "an amount") }
    }

    /// money ÷ decimal.
    public static func divideMoney(_ m: Money, by divisor: FixedDecimal) throws(EvaluationError) -> Money {
        do { return try m.dividing(by: divisor) } catch { throw arithmetic(error, "an amount") }
    }

    /// money ÷ money of one currency, a decimal ratio.
    public static func ratio(_ a: Money, _ b: Money) throws(EvaluationError) -> FixedDecimal {
        guard a.currency == b.currency else { throw money(.currencyMismatch(a.currency, b.currency), "a ratio") }
        do { return try a.amount.dividing(by: b.amount) } catch { throw arithmetic(error, "a ratio") }
    }

    /// Three-way comparison of two amounts of one currency.
    public static func compareMoney(_ a: Money, _ b: Money) throws(EvaluationError) -> Int {
        do { return try a.compare(b) } catch { throw money(error, "a comparison") }
    }

    /// The smaller of two amounts of one currency; the first when they are equal.
    public static func smallerMoney(_ a: Money, _ b: Money) throws(EvaluationError) -> Money {
        try compareMoney(b, a) < 0 ? b : a
    }

    /// The larger of two amounts of one currency; the first when they are equal.
    public static func largerMoney(_ a: Money, _ b: Money) throws(EvaluationError) -> Money {
        try compareMoney(b, a) > 0 ? b : a
    }

    /// An amount rounded to the cent with the contract's rounding mode.
    public static func roundToCent(_ m: Money, _ mode: RoundingMode, computing what: String = "round()") throws(EvaluationError) -> Money {
        do { return try m.rounded(toScale: 2, mode) } catch { throw arithmetic(error, what) }
    }

    // MARK: Durations, periods and dates

    /// duration + duration; overflow is an error.
    @inlinable
    public static func addDurations(_ a: ExactDuration, _ b: ExactDuration) throws(EvaluationError) -> ExactDuration {
        let (r, o) = a.nanoseconds.addingReportingOverflow(b.nanoseconds)
        if o { throw overflow("a duration") }
        return ExactDuration(nanoseconds: r)
    }

    /// duration − duration; overflow is an error.
    @inlinable
    public static func subtractDurations(_ a: ExactDuration, _ b: ExactDuration) throws(EvaluationError) -> ExactDuration {
        let (r, o) = a.nanoseconds.subtractingReportingOverflow(b.nanoseconds)
        if o { throw overflow("a duration") }
        return ExactDuration(nanoseconds: r)
    }

    /// A count of a calendar unit plus another of the same unit.
    @inlinable
    public static func addPeriods(_ a: Int, _ b: Int) throws(EvaluationError) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw overflow("a count of days") }
        return r
    }

    /// A count of a calendar unit minus another of the same unit.
    @inlinable
    public static func subtractPeriods(_ a: Int, _ b: Int) throws(EvaluationError) -> Int {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw overflow("a count of days") }
        return r
    }

    /// The date `count` units after `date` (before it when negative) in the contract's calendar.
    public static func shift(
        _ date: CivilDate, by count: Int, _ unit: PeriodUnit, holidays: HolidayCalendar
    ) throws(EvaluationError) -> CivilDate {
        let result: CivilDate? =
            switch unit {
            case .days: date.adding(days: count)
            case .businessDays: date.adding(businessDays: count, in: holidays)
            case .joursFrancs: date.adding(joursFrancs: count, in: holidays)
            case .months: date.adding(months: count)
            case .years: date.adding(years: count)
            }
        guard let result else {
            throw overflow("\(date) \(count < 0 ? "-" : "+") \(count.magnitude) \(unit.name(count: count.magnitude == 1 ? 1 : 2))")
        }
        return result
    }

    /// `date − period`: the same as shifting by the negated count.
    public static func shiftBack(
        _ date: CivilDate, by count: Int, _ unit: PeriodUnit, holidays: HolidayCalendar
    ) throws(EvaluationError) -> CivilDate {
        let (back, o) = Int(0).subtractingReportingOverflow(count)
        if o { throw overflow("\(date) - \(count.magnitude) \(unit.name(count: 2))") }
        return try shift(date, by: back, unit, holidays: holidays)
    }

    /// datetime + duration; leaving the supported range is an error.
    public static func addDuration(_ t: Instant, _ d: ExactDuration) throws(EvaluationError) -> Instant {
        guard let r = t.adding(d) else { throw overflow("a datetime") }
        return r
    }

    /// datetime − duration.
    public static func subtractDuration(_ t: Instant, _ d: ExactDuration) throws(EvaluationError) -> Instant {
        guard let r = t.adding(ExactDuration(nanoseconds: 0 &- d.nanoseconds)) else { throw overflow("a datetime") }
        return r
    }

    /// datetime − datetime, an exact duration.
    public static func difference(_ a: Instant, _ b: Instant) throws(EvaluationError) -> ExactDuration {
        guard let d = a.duration(since: b) else { throw overflow("a duration") }
        return d
    }

    // MARK: Functions

    /// ceil(): the smallest whole number not below a decimal.
    public static func ceiling(_ d: FixedDecimal) throws(EvaluationError) -> Int {
        try whole(d, ceiling: true, "ceil()")
    }

    /// floor(): the largest whole number not above a decimal.
    public static func floor(_ d: FixedDecimal) throws(EvaluationError) -> Int {
        try whole(d, ceiling: false, "floor()")
    }

    private static func whole(_ d: FixedDecimal, ceiling: Bool, _ what: String) throws(EvaluationError) -> Int {
        do {
            let r = ceiling ? try d.ceiling() : try d.floor()
            guard let i = r.integerValue else { throw overflow(what) }
            return i
        } catch let error as ArithmeticError {
            throw arithmetic(error, what)
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw overflow(what)
        }
    }

    /// floor(a / b) of two whole numbers: what `floor()` of their decimal quotient gives, with the same
    /// errors, computed in whole numbers where that is provably the same.
    ///
    /// The decimal quotient is truncated at 18 digits; for a divisor of at most 10^18 a non-zero
    /// fraction survives the truncation, so flooring it gives the floor of the exact quotient. Other
    /// divisors, zero and the one overflowing quotient go through the decimals.
    @inlinable
    public static func flooredQuotient(_ a: Int, _ b: Int) throws(EvaluationError) -> Int {
        guard b != 0, b.magnitude <= 1_000_000_000_000_000_000, !(a == .min && b == -1) else {
            return try floor(try divideDecimals(FixedDecimal(a), FixedDecimal(b)))
        }
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r != 0 && (r < 0) != (b < 0) ? q - 1 : q
    }

    /// ceil(a / b) of two whole numbers, as ``flooredQuotient(_:_:)`` is floor(a / b).
    @inlinable
    public static func ceiledQuotient(_ a: Int, _ b: Int) throws(EvaluationError) -> Int {
        guard b != 0, b.magnitude <= 1_000_000_000_000_000_000, !(a == .min && b == -1) else {
            return try ceiling(try divideDecimals(FixedDecimal(a), FixedDecimal(b)))
        }
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r != 0 && (r < 0) == (b < 0) ? q + 1 : q
    }

    /// hours(): a duration's length in hours, as a decimal.
    public static func hours(_ d: ExactDuration) throws(EvaluationError) -> FixedDecimal {
        do {
            let nanos = try FixedDecimal(mantissa: Int128(d.nanoseconds), scale: 9)
            return try nanos.dividing(by: FixedDecimal(3600))
        } catch { throw arithmetic(error, "hours()") }
    }

    /// A negated number; overflow is an error.
    @inlinable
    public static func negateInt(_ i: Int) throws(EvaluationError) -> Int {
        let (r, o) = Int(0).subtractingReportingOverflow(i)
        if o { throw overflow("a negation") }
        return r
    }

    /// A negated decimal or percent.
    public static func negateDecimal(_ d: FixedDecimal) throws(EvaluationError) -> FixedDecimal {
        do { return try d.negated() } catch { throw arithmetic(error, "a negation") }
    }

    /// A negated amount.
    public static func negateMoney(_ m: Money) throws(EvaluationError) -> Money {
        do { return Money(amount: try m.amount.negated(), currency: m.currency) } catch { throw arithmetic(error, "a negation") }
    }

    /// A negated duration; overflow is an error.
    @inlinable
    public static func negateDuration(_ d: ExactDuration) throws(EvaluationError) -> ExactDuration {
        let (r, o) = Int64(0).subtractingReportingOverflow(d.nanoseconds)
        if o { throw overflow("a negation") }
        return ExactDuration(nanoseconds: r)
    }

    /// The smaller of two values; the first when they are equal, as `min()` of the rules.
    @inlinable
    public static func smaller<T: Comparable>(_ a: T, _ b: T) -> T { b < a ? b : a }

    /// The larger of two values; the first when they are equal, as `max()` of the rules.
    @inlinable
    public static func larger<T: Comparable>(_ a: T, _ b: T) -> T { b > a ? b : a }

    // MARK: Errors

    /// The error of generated code that finds a value the compiler proved present absent: the
    /// rules it was generated from were changed by hand.
    public static func inconsistent(_ what: String) -> EvaluationError {
        Operations.mismatch(what)
    }

    @usableFromInline
    static func overflow(_ what: String) -> EvaluationError {
        EvaluationError(.arithmetic, "the result of \(what) is out of range")
    }

    static func arithmetic(_ error: ArithmeticError, _ what: String) -> EvaluationError {
        EvaluationError(.arithmetic, "\(error.message) while computing \(what)")
    }

    static func money(_ error: MoneyError, _ what: String) -> EvaluationError {
        EvaluationError(.arithmetic, "\(error.message) while computing \(what)")
    }
}
