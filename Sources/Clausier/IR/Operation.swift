/// A comparison.
public enum Comparison: String, Sendable, Hashable, Codable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

    /// Whether a three-way comparison result (-1, 0, 1) satisfies this comparison.
    @inline(__always)
    public func holds(_ order: Int) -> Bool {
        switch self {
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        case .equal: order == 0
        case .notEqual: order != 0
        }
    }
}

/// A binary operation whose operand types were resolved at compile time.
///
/// The compiler picks the operation from the operand types, so the evaluator never inspects
/// types to decide what `+` means.
public enum BinaryOperation: Sendable, Hashable, Codable {
    case addInt, subtractInt, multiplyInt
    /// int / int gives an exact decimal (truncated at 18 digits).
    case divideInt
    case addDecimal, subtractDecimal, multiplyDecimal, divideDecimal
    case addMoney, subtractMoney
    /// money × decimal, money × percent (the percent's fraction).
    case multiplyMoney
    /// money ÷ decimal.
    case divideMoney
    /// money ÷ money gives a decimal.
    case divideMoneyByMoney
    case addPercent, subtractPercent
    /// percent × decimal, decimal × percent, percent × percent.
    case multiplyPercent
    case addDuration, subtractDuration
    case addPeriod, subtractPeriod
    /// date + a period of the given unit (a negative count goes back).
    case dateAddPeriod
    /// date − a period.
    case dateSubtractPeriod
    /// date − date gives calendar days.
    case dateDifference
    case datetimeAddDuration, datetimeSubtractDuration
    /// datetime − datetime gives an exact duration.
    case datetimeDifference
    /// A comparison of two values of one ordered type.
    case compare(Comparison)
}

/// A function of the rule language, resolved at compile time.
public enum Builtin: String, Sendable, Hashable, Codable {
    /// The smallest of its arguments.
    case min
    /// The largest of its arguments.
    case max
    /// The calendar date of a datetime in the contract's time zone.
    case localDate = "local_date"
    /// The wall-clock time of a datetime in the contract's time zone.
    case localTime = "local_time"
    /// The datetime of a local date and time in the contract's time zone.
    case atLocal = "at_local"
    /// Whether a date is a business day of the contract's calendar.
    case isBusinessDay = "is_business_day"
    /// Whether a date is a public holiday of the contract's calendar.
    case isHoliday = "is_holiday"
    /// The day of the week of a date, monday … sunday.
    case weekday
    /// The last day of a date's month.
    case endOfMonth = "end_of_month"
    /// The quarter (1 to 4) of a date.
    case quarter
    /// The year of a date.
    case year
    /// The month (1 to 12) of a date.
    case month
    /// The number of calendar days from the first date to the second.
    case daysBetween = "days_between"
    /// The smallest whole number not below a decimal.
    case ceil
    /// The largest whole number not above a decimal.
    case floor
    /// Money rounded to the cent with the contract's rounding mode.
    case round
    /// Whether an optional value is present.
    case exists
    /// A whole number as a decimal.
    case toDecimal = "decimal"
    /// The number of days in a count of calendar days.
    case dayCount = "day_count"
    /// A duration's length in hours, as a decimal.
    case hours
    /// A whole number of calendar days, from a count in the facts.
    case daysOf = "days"
    /// A whole number of business days.
    case businessDaysOf = "business_days"
    /// A whole number of jours francs.
    case joursFrancsOf = "jours_francs"
    /// A whole number of months.
    case monthsOf = "months"
    /// A whole number of years.
    case yearsOf = "years"

    /// The calendar unit a period constructor makes, if this is one.
    public var periodUnit: PeriodUnit? {
        switch self {
        case .daysOf: .days
        case .businessDaysOf: .businessDays
        case .joursFrancsOf: .joursFrancs
        case .monthsOf: .months
        case .yearsOf: .years
        default: nil
        }
    }
}

/// A function that folds a list.
public enum Aggregate: String, Sendable, Hashable, Codable {
    /// The sum of the body over the items.
    case sum
    /// The number of items (for which the body holds, if given).
    case count
    /// Whether the body holds for at least one item.
    case any
    /// Whether the body holds for every item.
    case all
}
