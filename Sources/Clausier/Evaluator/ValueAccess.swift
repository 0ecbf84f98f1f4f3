/// Typed reads of a value, for generated Swift APIs that turn an answer into Swift types.
///
/// A mismatch means the rules changed shape without the generated code being regenerated; it is
/// an error naming what was expected, never a crash.
extension Value {
    private func mismatch(_ expected: String) -> EvaluationError {
        EvaluationError(.arithmetic, "expected \(expected) in the answer, got \(self): regenerate the typed API from the current rules")
    }

    /// Whether this is the absent value of an optional.
    public var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }

    /// The value as a `Bool`.
    public func asBool() throws(EvaluationError) -> Bool {
        guard case .bool(let v) = self else { throw mismatch("a boolean") }
        return v
    }

    /// The value as an `Int`.
    public func asInt() throws(EvaluationError) -> Int {
        guard case .int(let v) = self else { throw mismatch("a whole number") }
        return v
    }

    /// The value as a decimal.
    public func asDecimal() throws(EvaluationError) -> FixedDecimal {
        guard case .decimal(let v) = self else { throw mismatch("a decimal") }
        return v
    }

    /// The value as money.
    public func asMoney() throws(EvaluationError) -> Money {
        guard case .money(let v) = self else { throw mismatch("an amount") }
        return v
    }

    /// The value as a percentage's fraction (25% is 0.25).
    public func asPercent() throws(EvaluationError) -> FixedDecimal {
        guard case .percent(let v) = self else { throw mismatch("a percentage") }
        return v
    }

    /// The value as a date.
    public func asDate() throws(EvaluationError) -> CivilDate {
        guard case .date(let v) = self else { throw mismatch("a date") }
        return v
    }

    /// The value as a point in time.
    public func asDatetime() throws(EvaluationError) -> Instant {
        guard case .datetime(let v) = self else { throw mismatch("a datetime") }
        return v
    }

    /// The value as a time of day.
    public func asTime() throws(EvaluationError) -> TimeOfDay {
        guard case .time(let v) = self else { throw mismatch("a time of day") }
        return v
    }

    /// The value as an exact duration.
    public func asDuration() throws(EvaluationError) -> ExactDuration {
        guard case .duration(let v) = self else { throw mismatch("a duration") }
        return v
    }

    /// The value as a count of calendar days.
    public func asDays() throws(EvaluationError) -> Int {
        guard case .period(let n, .days) = self else { throw mismatch("a number of days") }
        return n
    }

    /// The value as an enumeration's name.
    public func asName() throws(EvaluationError) -> String {
        guard case .name(let v) = self else { throw mismatch("a name") }
        return v
    }

    /// The value as a list.
    public func asList() throws(EvaluationError) -> [Value] {
        guard case .list(let v) = self else { throw mismatch("a list") }
        return v
    }

    /// The value as a record of `count` fields, in its type's order.
    public func asRecord(count: Int) throws(EvaluationError) -> [Value] {
        guard case .record(let v) = self, v.count == count else { throw mismatch("a record of \(count) fields") }
        return v
    }
}
