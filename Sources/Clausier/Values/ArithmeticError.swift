/// A failure of exact decimal arithmetic, reported instead of trapping.
public enum ArithmeticError: Error, Sendable, Hashable {
    /// The result (or a requested scale) does not fit the representable range.
    case overflow
    /// The divisor was zero.
    case divisionByZero

    /// A plain-words explanation suitable for a diagnostic shown to a rule author.
    public var message: String {
        switch self {
        case .overflow:
            "the result is too large to represent exactly (or the number of decimal places is outside 0...18)"
        case .divisionByZero:
            "division by zero"
        }
    }
}
