/// Writing decimals straight to UTF-8, for `AnswerWriter`: the same characters as
/// ``FixedDecimal/description`` and ``FixedDecimal/formatted(fractionDigits:)``, without the
/// `String`s that building them costs on every answer of a batch.
///
/// Only magnitudes that fit in 64 bits (every amount below 10^19 in its last unit) are written
/// here; each function returns false, having appended nothing, for the others, which the caller
/// then writes through the `String` functions.
extension FixedDecimal {
    /// Appends ``description`` as UTF-8.
    func appendDescription(to buffer: inout [UInt8]) -> Bool {
        Self.appendRendered(magnitude: mantissa.magnitude, scale: Int(scale), negative: mantissa < 0, paddingZeros: 0, to: &buffer)
    }

    /// Appends ``formatted(fractionDigits:)`` as UTF-8 when that needs no rounding (`fractionDigits`
    /// at least the scale, at most 18); false otherwise.
    func appendFormatted(fractionDigits: Int, to buffer: inout [UInt8]) -> Bool {
        guard fractionDigits >= Int(scale), fractionDigits <= 18 else { return false }
        return Self.appendRendered(
            magnitude: mantissa.magnitude, scale: Int(scale), negative: mantissa < 0,
            paddingZeros: fractionDigits - Int(scale), to: &buffer)
    }

    /// `render(magnitude:scale:negative:paddingZeros:)` as UTF-8: an optional `-` (never for
    /// zero), the integer digits, and when there are fraction digits a `.`, the fraction
    /// zero-padded to `scale` digits, then `paddingZeros` zeros.
    private static func appendRendered(
        magnitude: UInt128, scale: Int, negative: Bool, paddingZeros: Int, to buffer: inout [UInt8]
    ) -> Bool {
        guard magnitude <= UInt128(UInt64.max), (0...18).contains(scale), paddingZeros >= 0 else { return false }
        let value = UInt64(truncatingIfNeeded: magnitude)
        if negative && value != 0 { buffer.append(UInt8(ascii: "-")) }
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor &*= 10 }
        let integerPart = value / divisor
        appendDigits(integerPart, minimumCount: 1, to: &buffer)
        guard scale + paddingZeros > 0 else { return true }
        buffer.append(UInt8(ascii: "."))
        if scale > 0 { appendDigits(value % divisor, minimumCount: scale, to: &buffer) }
        for _ in 0..<paddingZeros { buffer.append(UInt8(ascii: "0")) }
        return true
    }

    /// The decimal digits of `value`, zero-padded on the left to `minimumCount`.
    private static func appendDigits(_ value: UInt64, minimumCount: Int, to buffer: inout [UInt8]) {
        // 20 digits hold any UInt64; written backwards into a fixed tuple-free scratch.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                scratch[23 - count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count < minimumCount && count < 24 {
                scratch[23 - count] = UInt8(ascii: "0")
                count += 1
            }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[(24 - count)...]))
        }
    }
}
