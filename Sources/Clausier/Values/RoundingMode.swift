/// How a decimal value is rounded when digits are removed.
///
/// The raw values are the spellings used in rule files.
public enum RoundingMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ties go away from zero: 2.345 → 2.35, -2.345 → -2.35 (commercial rounding).
    case halfAwayFromZero = "half_away_from_zero"
    /// Ties go to the even neighbour: 2.345 → 2.34, 2.355 → 2.36 (banker's rounding).
    case halfEven = "half_even"
    /// Any discarded non-zero digit moves the value away from zero.
    case up
    /// Discarded digits are dropped, moving the value toward zero.
    case down
    /// Any discarded non-zero digit moves the value toward positive infinity.
    case ceiling
    /// Any discarded non-zero digit moves the value toward negative infinity.
    case floor
}
