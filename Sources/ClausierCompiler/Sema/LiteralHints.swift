import Clausier

extension ExpressionChecker {
    /// The literal to write when a bare number stands where a quantity with a unit is required:
    /// `1000` compared with money is `write 1000 EUR`, with a percentage `write 5%`, with a duration
    /// `write 2 hours`. Nil when the value is not a number written as such.
    static func unitHint(for number: Typed, where other: ValueType) -> String? {
        guard number.type.isNumber, let written = number.syntax, case .number(let text, _) = written else { return nil }
        switch other.unwrapped {
        case .money(let currency): return "write the currency after the amount: \(text) \(currency.code)"
        case .percent: return "write a percentage with %: \(text)%"
        case .duration: return "write the unit of the duration: \(text) hours, or \(text) minutes"
        case .period(let unit):
            // A calendar counts whole days or months: a fraction has no unit to write.
            guard let count = Int(text) else { return nil }
            return "write the unit: \(text) \(unit.name(count: count))"
        default: return nil
        }
    }

    /// `unitHint(for:where:)` for whichever of two operands is the bare number.
    static func unitHint(_ l: Typed, _ r: Typed) -> String? {
        unitHint(for: l, where: r.type) ?? unitHint(for: r, where: l.type)
    }
}
