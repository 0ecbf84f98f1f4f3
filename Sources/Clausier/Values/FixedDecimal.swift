/// An exact signed decimal number, `mantissa / 10^scale`, with 0...18 fraction digits.
///
/// Contract arithmetic (amounts, rates, day-count fractions) must be exact and reproducible, so this
/// type never uses binary floating point. Every operation reports `ArithmeticError` instead of
/// trapping, because operands come from user-supplied facts and rules.
///
/// Equality, ordering and hashing use the numeric value, so `1.50 == 1.5`; the scale is kept only
/// so that `description` can show the number of decimal places the value was written with.
public struct FixedDecimal: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The largest number of fraction digits a value can carry.
    public static let maxScale = 18

    /// The digits of the value with the decimal point removed: the value is `mantissa / 10^scale`.
    public private(set) var mantissa: Int128

    /// The number of fraction digits, always in `0...maxScale`.
    public private(set) var scale: Int8

    /// Every power of ten representable in `Int128` (10^0 ... 10^38).
    ///
    /// A table keeps rescaling to one load and one checked multiply on the hot path.
    private static let powersOfTen: [Int128] = {
        var table: [Int128] = []
        table.reserveCapacity(39)
        var power: Int128 = 1
        for _ in 0...38 {
            table.append(power)
            // Wrapping on purpose: only the value after the last appended entry wraps, and it is discarded.
            power = power &* 10
        }
        return table
    }()

    /// Returns 10^exponent.
    ///
    /// Callers only pass exponents derived from validated scales (0...36), so the clamp never
    /// changes a result; it exists so that no input can ever index outside the table.
    private static func powerOfTen(_ exponent: Int) -> Int128 {
        let clamped = min(max(exponent, 0), 38)
        return powersOfTen[clamped]
    }

    /// Creates a value from parts already known to be valid (scale in `0...maxScale`).
    private init(uncheckedMantissa mantissa: Int128, scale: Int) {
        self.mantissa = mantissa
        self.scale = Int8(truncatingIfNeeded: scale)
    }

    /// Creates the value `mantissa / 10^scale`; a scale outside `0...18` throws `.overflow`.
    public init(mantissa: Int128, scale: Int) throws(ArithmeticError) {
        guard scale >= 0, scale <= Self.maxScale else { throw .overflow }
        self.init(uncheckedMantissa: mantissa, scale: scale)
    }

    /// Creates `mantissa / 10^scale` from the parts of a value that was valid when it was written
    /// down: the literals of generated code. A scale outside `0...18` is clamped into it, so this
    /// never traps; the generator only writes the scales of existing values.
    public init(literal mantissa: Int128, scale: Int) {
        self.init(uncheckedMantissa: mantissa, scale: min(max(scale, 0), Self.maxScale))
    }

    /// Creates an integral value with scale 0.
    public init(_ int: Int) {
        self.init(uncheckedMantissa: Int128(int), scale: 0)
    }

    /// The value 0 at scale 0.
    public static let zero = FixedDecimal(0)

    /// The value 1 at scale 0.
    public static let one = FixedDecimal(1)

    // MARK: - Parsing and printing

    /// Parses a plain decimal literal such as `"150.00"`, `"-0.5"` or `"+7"`; returns nil for anything else.
    ///
    /// Accepted: an optional leading `-` or `+`, at least one ASCII digit, then optionally `.` followed by
    /// 1...18 digits. Rejected: exponents, spaces, digit separators, a leading or trailing `.`, more than
    /// 18 fraction digits, and values whose mantissa does not fit in `Int128`.
    public static func parse(_ text: some StringProtocol) -> FixedDecimal? {
        var negative = false
        var magnitude: UInt128 = 0
        var fractionDigits = 0
        var integerDigits = 0
        var seenPoint = false
        var isFirst = true
        for byte in text.utf8 {
            if isFirst {
                isFirst = false
                if byte == UInt8(ascii: "-") {
                    negative = true
                    continue
                }
                if byte == UInt8(ascii: "+") {
                    continue
                }
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenPoint {
                    guard fractionDigits < maxScale else { return nil }
                    fractionDigits += 1
                } else {
                    integerDigits += 1
                }
                let (shifted, shiftOverflow) = magnitude.multipliedReportingOverflow(by: 10)
                let (next, addOverflow) = shifted.addingReportingOverflow(UInt128(byte &- UInt8(ascii: "0")))
                guard !shiftOverflow, !addOverflow else { return nil }
                magnitude = next
            case UInt8(ascii: "."):
                guard !seenPoint, integerDigits > 0 else { return nil }
                seenPoint = true
            default:
                return nil
            }
        }
        guard integerDigits > 0, !seenPoint || fractionDigits > 0 else { return nil }
        guard let mantissa = signedMantissa(magnitude: magnitude, negative: negative) else { return nil }
        return FixedDecimal(uncheckedMantissa: mantissa, scale: fractionDigits)
    }

    /// The canonical text: every digit of the scale is kept (`"1.50"`), negatives print as `"-0.5"`, zero never as `"-0"`.
    public var description: String {
        Self.render(magnitude: mantissa.magnitude, scale: Int(scale), negative: mantissa < 0, paddingZeros: 0)
    }

    /// The value rounded half away from zero to exactly `fractionDigits` digits (clamped to `0...18`), e.g. 37.5 → `"37.50"`.
    ///
    /// Never throws: rounding is done on the magnitude in `UInt128`, and extra digits are appended as
    /// text, so even the largest mantissa can be printed with any number of places.
    public func formatted(fractionDigits: Int) -> String {
        let digits = min(max(fractionDigits, 0), Self.maxScale)
        let currentScale = Int(scale)
        let magnitude = mantissa.magnitude
        if digits >= currentScale {
            return Self.render(
                magnitude: magnitude, scale: currentScale, negative: mantissa < 0,
                paddingZeros: digits - currentScale)
        }
        let divisor = Self.powerOfTen(currentScale - digits).magnitude
        let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: divisor)
        // `remainder >= divisor - remainder` is `2 * remainder >= divisor` without any overflow risk.
        // `quotient + 1` cannot overflow: quotient <= 2^127 / 10.
        let rounded = remainder >= divisor - remainder ? quotient + 1 : quotient
        return Self.render(magnitude: rounded, scale: digits, negative: mantissa < 0 && rounded != 0, paddingZeros: 0)
    }

    /// Renders `magnitude / 10^scale` followed by `paddingZeros` extra fraction zeros.
    private static func render(magnitude: UInt128, scale: Int, negative: Bool, paddingZeros: Int) -> String {
        let sign = negative && magnitude != 0 ? "-" : ""
        let totalFraction = scale + paddingZeros
        guard totalFraction > 0 else { return sign + String(magnitude) }
        let (integerPart, fractionPart) = magnitude.quotientAndRemainder(dividingBy: powerOfTen(scale).magnitude)
        var fractionText = scale > 0 ? String(fractionPart) : ""
        if fractionText.count < scale {
            fractionText = String(repeating: "0", count: scale - fractionText.count) + fractionText
        }
        if paddingZeros > 0 {
            fractionText += String(repeating: "0", count: paddingZeros)
        }
        return sign + String(integerPart) + "." + fractionText
    }

    /// Applies a sign to a magnitude, or returns nil when the result does not fit in `Int128`.
    ///
    /// Negative values may reach 2^127 in magnitude (`Int128.min`), positive ones only `Int128.max`.
    private static func signedMantissa(magnitude: UInt128, negative: Bool) -> Int128? {
        if negative {
            guard magnitude <= Int128.min.magnitude else { return nil }
            return Int128(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= Int128.max.magnitude else { return nil }
        return Int128(truncatingIfNeeded: magnitude)
    }

    /// Like `signedMantissa`, but builds the value and reports overflow as an error.
    private static func make(magnitude: UInt128, negative: Bool, scale: Int) throws(ArithmeticError) -> FixedDecimal {
        guard let mantissa = signedMantissa(magnitude: magnitude, negative: negative) else { throw .overflow }
        return FixedDecimal(uncheckedMantissa: mantissa, scale: scale)
    }

    // MARK: - Properties

    /// True when the value is zero, at any scale.
    public var isZero: Bool { mantissa == 0 }

    /// True when the value is strictly below zero.
    public var isNegative: Bool { mantissa < 0 }

    /// -1, 0 or 1 according to the sign of the value.
    public var signum: Int { mantissa < 0 ? -1 : (mantissa == 0 ? 0 : 1) }

    /// The exact `Int` value when the number is integral (at any scale, e.g. 3.00 → 3) and fits; otherwise nil.
    public var integerValue: Int? {
        let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: Self.powerOfTen(Int(scale)))
        guard remainder == 0 else { return nil }
        return Int(exactly: quotient)
    }

    /// The same value with trailing fraction zeros removed (1.500 → 1.5, 0.00 → 0); integer zeros are kept.
    public func normalized() -> FixedDecimal {
        var mantissa = self.mantissa
        var scale = Int(self.scale)
        if mantissa == 0 { return FixedDecimal(uncheckedMantissa: 0, scale: 0) }
        while scale > 0 {
            let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: 10)
            guard remainder == 0 else { break }
            mantissa = quotient
            scale -= 1
        }
        return FixedDecimal(uncheckedMantissa: mantissa, scale: scale)
    }

    // MARK: - Arithmetic

    /// The value with its sign flipped; only `Int128.min` as a mantissa overflows.
    public func negated() throws(ArithmeticError) -> FixedDecimal {
        let (result, overflow) = Int128.zero.subtractingReportingOverflow(mantissa)
        guard !overflow else { throw .overflow }
        return FixedDecimal(uncheckedMantissa: result, scale: Int(scale))
    }

    /// The exact sum, at the larger of the two scales.
    public func adding(_ other: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        if scale == other.scale {
            let (result, overflow) = mantissa.addingReportingOverflow(other.mantissa)
            guard !overflow else { throw .overflow }
            return FixedDecimal(uncheckedMantissa: result, scale: Int(scale))
        }
        return try Self.combineAligned(self, other, subtracting: false)
    }

    /// The exact difference, at the larger of the two scales.
    public func subtracting(_ other: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        if scale == other.scale {
            let (result, overflow) = mantissa.subtractingReportingOverflow(other.mantissa)
            guard !overflow else { throw .overflow }
            return FixedDecimal(uncheckedMantissa: result, scale: Int(scale))
        }
        return try Self.combineAligned(self, other, subtracting: true)
    }

    /// Adds or subtracts operands of different scales exactly.
    ///
    /// Rescaling the lower-scale operand may overflow `Int128` even when the final result fits
    /// (e.g. a rescaled value just above `Int128.max` plus `Int128.min`), so both operands are
    /// widened to 256 bits and only the result is checked.
    private static func combineAligned(
        _ lhs: FixedDecimal, _ rhs: FixedDecimal, subtracting: Bool
    ) throws(ArithmeticError) -> FixedDecimal {
        let targetScale = Int(max(lhs.scale, rhs.scale))
        let lhsFactor = powerOfTen(targetScale - Int(lhs.scale))
        let rhsFactor = powerOfTen(targetScale - Int(rhs.scale))
        // Only the lower-scale operand needs rescaling; the other factor is 1.
        var lhsScaled = lhs.mantissa
        var rhsScaled = rhs.mantissa
        let rescaleOverflow: Bool
        if lhs.scale < rhs.scale {
            (lhsScaled, rescaleOverflow) = lhs.mantissa.multipliedReportingOverflow(by: lhsFactor)
        } else {
            (rhsScaled, rescaleOverflow) = rhs.mantissa.multipliedReportingOverflow(by: rhsFactor)
        }
        if !rescaleOverflow {
            let (result, overflow) = subtracting
                ? lhsScaled.subtractingReportingOverflow(rhsScaled)
                : lhsScaled.addingReportingOverflow(rhsScaled)
            guard !overflow else { throw .overflow }
            return FixedDecimal(uncheckedMantissa: result, scale: targetScale)
        }
        // Both wide values are below 2^188 in magnitude, so the high halves never wrap.
        let lhsWide = lhs.mantissa.multipliedFullWidth(by: lhsFactor)
        let rhsWide = rhs.mantissa.multipliedFullWidth(by: rhsFactor)
        let high: Int128
        let low: UInt128
        if subtracting {
            let (difference, borrow) = lhsWide.low.subtractingReportingOverflow(rhsWide.low)
            low = difference
            high = lhsWide.high &- rhsWide.high &- (borrow ? 1 : 0)
        } else {
            let (sum, carry) = lhsWide.low.addingReportingOverflow(rhsWide.low)
            low = sum
            high = lhsWide.high &+ rhsWide.high &+ (carry ? 1 : 0)
        }
        // The 256-bit value fits in Int128 exactly when the high half is the sign extension of the low half.
        let narrowed = Int128(truncatingIfNeeded: low)
        guard high == (narrowed < 0 ? -1 : 0) else { throw .overflow }
        return FixedDecimal(uncheckedMantissa: narrowed, scale: targetScale)
    }

    /// The product: exact when the scales sum to at most 18, otherwise the exact product truncated toward zero to scale 18.
    ///
    /// The intermediate product may exceed `Int128` (it is formed in 256 bits); `.overflow` is thrown
    /// only when the final result does not fit. Truncation rather than rounding keeps a later rounding
    /// to fewer digits correct; see `dividing(by:)` for the reasoning.
    public func multiplying(by other: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let scaleSum = Int(scale) + Int(other.scale)
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: other.mantissa)
        if !overflow {
            if scaleSum <= Self.maxScale {
                return FixedDecimal(uncheckedMantissa: product, scale: scaleSum)
            }
            // Int128 division truncates toward zero, which is the documented rounding here.
            return FixedDecimal(uncheckedMantissa: product / Self.powerOfTen(scaleSum - Self.maxScale), scale: Self.maxScale)
        }
        let negative = (mantissa < 0) != (other.mantissa < 0)
        let wide = mantissa.magnitude.multipliedFullWidth(by: other.mantissa.magnitude)
        guard scaleSum > Self.maxScale else {
            guard wide.high == 0 else { throw .overflow }
            return try Self.make(magnitude: wide.low, negative: negative, scale: scaleSum)
        }
        let divisor = Self.powerOfTen(scaleSum - Self.maxScale).magnitude
        // The quotient fits in 128 bits exactly when the high half is below the divisor;
        // checking first keeps dividingFullWidth from trapping.
        guard wide.high < divisor else { throw .overflow }
        let (quotient, _) = divisor.dividingFullWidth(wide)
        return try Self.make(magnitude: quotient, negative: negative, scale: Self.maxScale)
    }

    /// The quotient truncated toward zero, always at scale 18 (trailing zeros are kept); a zero divisor throws `.divisionByZero`.
    ///
    /// Why truncation at 18 digits rather than rounding: contract formulas round once, at the end, to
    /// far fewer digits (cents, whole days). Truncating an intermediate result never carries it across
    /// a boundary of a later rounding toward zero (`.down`), and for `.halfAwayFromZero` a value just
    /// beyond a tie can only land exactly on that tie, which rounds the same way; so those final
    /// roundings equal the rounding of the exact quotient. (Rounding the intermediate half-up instead
    /// could push 2.3449999… up to 2.345 and then to 2.35.) For the directional modes `.up`,
    /// `.ceiling`, `.floor` and for `.halfEven` the result can differ only when the exact quotient
    /// lies within 10^-18 beyond a boundary.
    ///
    /// Results are limited to about ±1.7 × 10^20 because of the fixed scale 18.
    public func dividing(by other: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        guard other.mantissa != 0 else { throw .divisionByZero }
        // value = (m1 / 10^s1) / (m2 / 10^s2), so the mantissa at scale 18 is m1 * 10^(18 + s2 - s1) / m2.
        // The exponent is within 0...36, so the power itself always fits in Int128.
        let exponent = Self.maxScale + Int(other.scale) - Int(scale)
        let factor = Self.powerOfTen(exponent)
        let (numerator, overflow) = mantissa.multipliedReportingOverflow(by: factor)
        if !overflow {
            // Only Int128.min / -1 overflows here.
            let (quotient, divisionOverflow) = numerator.dividedReportingOverflow(by: other.mantissa)
            guard !divisionOverflow else { throw .overflow }
            return FixedDecimal(uncheckedMantissa: quotient, scale: Self.maxScale)
        }
        let negative = (mantissa < 0) != (other.mantissa < 0)
        let wide = mantissa.magnitude.multipliedFullWidth(by: factor.magnitude)
        let divisor = other.mantissa.magnitude
        guard wide.high < divisor else { throw .overflow }
        let (quotient, _) = divisor.dividingFullWidth(wide)
        return try Self.make(magnitude: quotient, negative: negative, scale: Self.maxScale)
    }

    /// The value rounded to exactly `toScale` fraction digits (0...18), padding with zeros when the scale grows.
    ///
    /// Throws `.overflow` for a scale outside 0...18 or when padding does not fit.
    public func rounded(toScale: Int, _ mode: RoundingMode) throws(ArithmeticError) -> FixedDecimal {
        guard toScale >= 0, toScale <= Self.maxScale else { throw .overflow }
        let currentScale = Int(scale)
        if toScale == currentScale { return self }
        if toScale > currentScale {
            let (padded, overflow) = mantissa.multipliedReportingOverflow(by: Self.powerOfTen(toScale - currentScale))
            guard !overflow else { throw .overflow }
            return FixedDecimal(uncheckedMantissa: padded, scale: toScale)
        }
        let divisor = Self.powerOfTen(currentScale - toScale)
        // The divisor is positive, so this cannot trap; the remainder carries the sign of the mantissa.
        let quotient: Int128
        let remainder: Int128
        if let narrow = Int64(exactly: mantissa) {
            // The usual amounts fit in 64 bits, and a 64-bit division is many times faster than a
            // 128-bit one; the divisor is at most 10^18, so it fits too. Same truncation, same signs.
            let (q, r) = narrow.quotientAndRemainder(dividingBy: Int64(truncatingIfNeeded: divisor))
            (quotient, remainder) = (Int128(q), Int128(r))
        } else {
            (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: divisor)
        }
        if remainder == 0 { return FixedDecimal(uncheckedMantissa: quotient, scale: toScale) }
        let awayFromZero: Bool
        switch mode {
        case .down:
            awayFromZero = false
        case .up:
            awayFromZero = true
        case .ceiling:
            awayFromZero = remainder > 0
        case .floor:
            awayFromZero = remainder < 0
        case .halfAwayFromZero:
            // |remainder| < divisor <= 10^18, so doubling cannot overflow.
            awayFromZero = remainder.magnitude * 2 >= divisor.magnitude
        case .halfEven:
            let twice = remainder.magnitude * 2
            awayFromZero = twice > divisor.magnitude || (twice == divisor.magnitude && quotient & 1 != 0)
        }
        guard awayFromZero else { return FixedDecimal(uncheckedMantissa: quotient, scale: toScale) }
        // |quotient| <= |Int128.min| / 10, so a step of one cannot wrap.
        let stepped = remainder < 0 ? quotient &- 1 : quotient &+ 1
        return FixedDecimal(uncheckedMantissa: stepped, scale: toScale)
    }

    /// The smallest integer not below the value, at scale 0.
    public func ceiling() throws(ArithmeticError) -> FixedDecimal {
        try rounded(toScale: 0, .ceiling)
    }

    /// The largest integer not above the value, at scale 0.
    public func floor() throws(ArithmeticError) -> FixedDecimal {
        try rounded(toScale: 0, .floor)
    }

    // MARK: - Comparison and hashing

    /// Compares numeric values: -1, 0 or 1.
    ///
    /// When rescaling the lower-scale mantissa overflows, its magnitude exceeds every `Int128`
    /// mantissa, so its sign alone decides the order.
    private static func compareValues(_ lhs: FixedDecimal, _ rhs: FixedDecimal) -> Int {
        if lhs.scale == rhs.scale {
            return lhs.mantissa < rhs.mantissa ? -1 : (lhs.mantissa == rhs.mantissa ? 0 : 1)
        }
        if lhs.scale < rhs.scale {
            let factor = powerOfTen(Int(rhs.scale) - Int(lhs.scale))
            let (scaled, overflow) = lhs.mantissa.multipliedReportingOverflow(by: factor)
            if overflow { return lhs.mantissa < 0 ? -1 : 1 }
            return scaled < rhs.mantissa ? -1 : (scaled == rhs.mantissa ? 0 : 1)
        }
        let factor = powerOfTen(Int(lhs.scale) - Int(rhs.scale))
        let (scaled, overflow) = rhs.mantissa.multipliedReportingOverflow(by: factor)
        if overflow { return rhs.mantissa < 0 ? 1 : -1 }
        return lhs.mantissa < scaled ? -1 : (lhs.mantissa == scaled ? 0 : 1)
    }

    /// Numeric equality across scales: `1.50 == 1.5`.
    public static func == (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        if lhs.scale == rhs.scale { return lhs.mantissa == rhs.mantissa }
        return compareValues(lhs, rhs) == 0
    }

    /// Numeric ordering across scales.
    public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        if lhs.scale == rhs.scale { return lhs.mantissa < rhs.mantissa }
        return compareValues(lhs, rhs) < 0
    }

    /// Hashes the normalized form, so values equal across scales hash alike.
    public func hash(into hasher: inout Hasher) {
        let canonical = normalized()
        hasher.combine(canonical.mantissa)
        hasher.combine(canonical.scale)
    }

    // MARK: - Codable

    /// Decodes from a JSON string holding a literal accepted by `parse` (e.g. `"150.00"`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = FixedDecimal.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "\"\(text)\" is not a decimal number: expected digits with an optional sign and at most 18 decimal places, like \"150.00\""
            )
        }
        self = value
    }

    /// Encodes as a JSON string of `description`, keeping the scale (`"1.50"`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
