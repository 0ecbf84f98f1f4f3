@testable import Clausier
import Testing

/// Decimals written straight to UTF-8 are the characters of their `String` forms.
@Suite struct FixedDecimalUTF8Tests {
    static var samples: [FixedDecimal] {
        var mantissas: [Int128] = [0, 1, -1, 7, 10, 99, 100, 12_345, -12_345, 1_000_000_007]
        mantissas += [Int128(UInt64.max), Int128(UInt64.max) + 1, -Int128(UInt64.max), -Int128(UInt64.max) - 1]
        mantissas += [Int128.max, Int128.min, Int128(Int64.max), Int128(Int64.min)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 { mantissas.append(Int128(Int64.random(in: Int64.min...Int64.max, using: &generator))) }
        var out: [FixedDecimal] = []
        for mantissa in mantissas {
            for scale in [0, 1, 2, 3, 9, 18] {
                if let value = try? FixedDecimal(mantissa: mantissa, scale: scale) { out.append(value) }
            }
        }
        return out
    }

    @Test func descriptionAndFormattedMatchTheirStrings() {
        for value in Self.samples {
            var bytes: [UInt8] = []
            if value.appendDescription(to: &bytes) {
                #expect(String(decoding: bytes, as: UTF8.self) == value.description, "\(value.mantissa) \(value.scale)")
            } else {
                #expect(bytes.isEmpty)
                #expect(value.mantissa.magnitude > UInt128(UInt64.max))
            }
            for digits in [0, 1, 2, 5, 18, 19] {
                var formatted: [UInt8] = []
                if value.appendFormatted(fractionDigits: digits, to: &formatted) {
                    #expect(String(decoding: formatted, as: UTF8.self) == value.formatted(fractionDigits: digits))
                } else {
                    #expect(formatted.isEmpty)
                }
            }
        }
    }
}
