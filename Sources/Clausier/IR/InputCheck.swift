/// An input as the typed-values path checks it on each query: the checks of `ValueValidator` for
/// the usual scalar types, in plain fields, so that a query reads neither the input's type (an
/// indirect enum, reference counted) nor its name. A value these do not accept goes to
/// `ValueValidator`, which accepts it or says what is wrong exactly as before.
struct InputCheck: Sendable {
    enum Kind: Sendable {
        case bool, int, decimal, percent, date, datetime, time, duration
        case money(Currency)
        case period(PeriodUnit)
        /// Checked by `ValueValidator` every time: names, lists, records.
        case other
    }

    var kind: Kind
    var optional: Bool
    var slot: Int
    var countsOnlyIfPast: Bool

    init(_ input: InputSpec) {
        optional = input.type.isOptional
        slot = input.slot
        countsOnlyIfPast = input.countsOnlyIfPast
        kind =
            switch input.type.unwrapped {
            case .bool: .bool
            case .int: .int
            case .decimal: .decimal
            case .percent: .percent
            case .date: .date
            case .datetime: .datetime
            case .time: .time
            case .duration: .duration
            case .money(let currency): .money(currency)
            case .period(let unit): .period(unit)
            default: .other
            }
    }

    /// Whether `ValueValidator` would accept the value; false also when it might not.
    ///
    /// The value is matched where it is, never copied into a tuple: a copy of a `Value` is a call.
    func accepts(_ value: Value) -> Bool {
        if case .absent = value { return optional }
        switch kind {
        case .bool: if case .bool = value { return true }
        case .decimal: if case .decimal = value { return true }
        case .percent: if case .percent = value { return true }
        case .datetime: if case .datetime = value { return true }
        case .time: if case .time = value { return true }
        case .duration: if case .duration = value { return true }
        case .int: if case .int(let i) = value { return i >= 0 }
        case .money(let currency): if case .money(let m) = value { return m.currency == currency && !m.amount.isNegative }
        case .date: if case .date(let d) = value { return (1900...2199).contains(d.year) }
        case .period(let unit): if case .period(_, let given) = value { return unit == given }
        case .other: return false
        }
        return false
    }
}
