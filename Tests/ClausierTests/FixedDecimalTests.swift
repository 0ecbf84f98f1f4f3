import Foundation
import Testing

@testable import Clausier

/// Parses a literal that the test expects to be valid.
private func dec(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> FixedDecimal {
    try #require(FixedDecimal.parse(text), "expected \"\(text)\" to parse", sourceLocation: sourceLocation)
}

/// Builds a value from raw parts that the test expects to be valid.
private func raw(_ mantissa: Int128, _ scale: Int) throws -> FixedDecimal {
    try FixedDecimal(mantissa: mantissa, scale: scale)
}

/// The hash value of a single value, for comparing hashes of equal values.
private func hashOf(_ value: FixedDecimal) -> Int {
    var hasher = Hasher()
    hasher.combine(value)
    return hasher.finalize()
}

/// 2^127 - 1, written out so the tests do not depend on the code under test.
private let int128MaxText = "170141183460469231731687303715884105727"

@Suite("FixedDecimal")
struct FixedDecimalTests {
    // MARK: - Construction

    @Test func initRejectsScaleOutsideZeroToEighteen() throws {
        #expect(throws: ArithmeticError.overflow) { try FixedDecimal(mantissa: 1, scale: 19) }
        #expect(throws: ArithmeticError.overflow) { try FixedDecimal(mantissa: 1, scale: -1) }
        let smallest = try FixedDecimal(mantissa: 1, scale: 18)
        #expect(smallest.description == "0.000000000000000001")
        let integral = try FixedDecimal(mantissa: 42, scale: 0)
        #expect(integral.description == "42")
    }

    @Test func intInitAndConstants() {
        #expect(FixedDecimal(-17).mantissa == -17)
        #expect(FixedDecimal(-17).scale == 0)
        #expect(FixedDecimal.zero.isZero)
        #expect(FixedDecimal.one.mantissa == 1)
        #expect(FixedDecimal(Int.min).description == "-9223372036854775808")
    }

    // MARK: - Parsing

    @Test(arguments: [
        ("0", 0, 0),
        ("-0", 0, 0),
        ("+7", 7, 0),
        ("007", 7, 0),
        ("1.50", 150, 2),
        ("-123.456", -123_456, 3),
        ("-0.5", -5, 1),
        ("0.000000000000000001", 1, 18),
        ("0.00", 0, 2),
        (int128MaxText, Int128.max, 0),
        ("-170141183460469231731687303715884105728", Int128.min, 0),
        // Int128.max with the point moved 18 places left: same mantissa, scale 18.
        ("170141183460469231731.687303715884105727", Int128.max, 18),
    ] as [(String, Int128, Int8)])
    func parseAccepts(text: String, mantissa: Int128, scale: Int8) throws {
        let value = try #require(FixedDecimal.parse(text))
        #expect(value.mantissa == mantissa)
        #expect(value.scale == scale)
    }

    @Test(arguments: [
        "", "-", "+", ".", ".5", "-.5", "5.", "-5.", "1e3", "1E3", " 1", "1 ", "1_000", "1,5", "1.2.3",
        "--1", "+-1", "-+1", "1-", "abc", "0x10", "١", "１", "1.0000000000000000000",  // 19 fraction digits
        "170141183460469231731687303715884105728",  // Int128.max + 1
        "-170141183460469231731687303715884105729",  // Int128.min - 1
        "170141183460469231732.000000000000000000",  // integer part too large at scale 18
        "999999999999999999999999999999999999999999999999",
        "NaN", "inf",
    ])
    func parseRejects(text: String) {
        #expect(FixedDecimal.parse(text) == nil)
    }

    @Test func parseAcceptsSubstrings() throws {
        let text = "amount=12.75;"
        let start = try #require(text.firstIndex(of: "="))
        let end = try #require(text.firstIndex(of: ";"))
        let value = try #require(FixedDecimal.parse(text[text.index(after: start)..<end]))
        #expect(value == (try raw(1275, 2)))
    }

    // MARK: - Printing

    @Test(arguments: [
        ("1.50", "1.50"), ("-0.5", "-0.5"), ("-0", "0"), ("-0.00", "0.00"), ("+3", "3"), ("007.10", "7.10"),
        ("0.000000000000000001", "0.000000000000000001"), ("-12.000", "-12.000"),
    ])
    func descriptionIsCanonical(text: String, expected: String) throws {
        #expect(try dec(text).description == expected)
    }

    @Test func descriptionOfExtremeMantissas() throws {
        #expect(try raw(Int128.min, 0).description == "-170141183460469231731687303715884105728")
        #expect(try raw(Int128.min, 18).description == "-170141183460469231731.687303715884105728")
        #expect(try raw(Int128.max, 18).description == "170141183460469231731.687303715884105727")
    }

    @Test func descriptionRoundTripsThroughParse() throws {
        for value in [try raw(Int128.min, 7), try raw(Int128.max, 18), try raw(-5, 3), FixedDecimal(0)] {
            let parsed = try #require(FixedDecimal.parse(value.description))
            #expect(parsed.mantissa == value.mantissa)
            #expect(parsed.scale == value.scale)
        }
    }

    @Test(arguments: [
        ("37.5", 2, "37.50"),
        ("2.345", 2, "2.35"),  // tie goes away from zero
        ("-2.345", 2, "-2.35"),
        ("2.344999", 2, "2.34"),
        ("0.995", 2, "1.00"),  // carry into the integer part
        ("-0.004", 2, "0.00"),  // rounds to zero: no "-0.00"
        ("-0.005", 2, "-0.01"),
        ("1.5", 0, "2"),
        ("-0.5", 0, "-1"),
        ("-0.4", 0, "0"),
        ("12", 3, "12.000"),
        ("3.949315068493150684", 2, "3.95"),
        ("1", -5, "1"),  // clamped to 0 digits
        ("1", 40, "1.000000000000000000"),  // clamped to 18 digits
    ])
    func formattedRoundsHalfAwayFromZero(text: String, digits: Int, expected: String) throws {
        #expect(try dec(text).formatted(fractionDigits: digits) == expected)
    }

    @Test func formattedNeverOverflows() throws {
        #expect(try raw(Int128.max, 0).formatted(fractionDigits: 2) == int128MaxText + ".00")
        // Int128.min at scale 18 rounded to 0 digits: -170141183460469231731.687... → -170141183460469231732.
        #expect(try raw(Int128.min, 18).formatted(fractionDigits: 0) == "-170141183460469231732")
    }

    // MARK: - Properties

    @Test func signProperties() throws {
        let negative = try dec("-0.01")
        #expect(negative.isNegative && !negative.isZero && negative.signum == -1)
        let zero = try dec("-0.000")
        #expect(zero.isZero && !zero.isNegative && zero.signum == 0)
        let positive = try dec("0.000000000000000001")
        #expect(!positive.isNegative && positive.signum == 1)
    }

    @Test func integerValue() throws {
        #expect(try dec("3.00").integerValue == 3)
        #expect(try dec("-7").integerValue == -7)
        #expect(try dec("3.01").integerValue == nil)
        #expect(try dec("0.000").integerValue == 0)
        #expect(try dec("9223372036854775807").integerValue == Int.max)
        #expect(try dec("9223372036854775808").integerValue == nil)  // Int.max + 1
        #expect(try dec("-9223372036854775808.0").integerValue == Int.min)
    }

    @Test func normalizedStripsOnlyFractionZeros() throws {
        let stripped = try dec("1.500").normalized()
        #expect(stripped.mantissa == 15 && stripped.scale == 1)
        let zero = try dec("0.000").normalized()
        #expect(zero.mantissa == 0 && zero.scale == 0)
        let integral = try dec("100").normalized()
        #expect(integral.mantissa == 100 && integral.scale == 0)
        let whole = try dec("-20.00").normalized()
        #expect(whole.mantissa == -20 && whole.scale == 0)
        let kept = try dec("0.105").normalized()
        #expect(kept.mantissa == 105 && kept.scale == 3)
    }

    // MARK: - Equality, ordering, hashing

    @Test func equalityAcrossScalesAgreesWithHash() throws {
        let a = try dec("1.50")
        let b = try dec("1.5")
        #expect(a == b)
        #expect(hashOf(a) == hashOf(b))
        #expect(try dec("0.00") == FixedDecimal.zero)
        #expect(hashOf(try dec("-0.000")) == hashOf(FixedDecimal.zero))
        #expect(try dec("1.51") != b)
        #expect(Set([a, b, try dec("1.500000")]).count == 1)
    }

    @Test func orderingAcrossScales() throws {
        #expect(try dec("-1.0") < dec("0.5"))
        #expect(try dec("0.5") < dec("1"))
        #expect(try !(dec("1.50") < dec("1.5")))
        #expect(try dec("2.001") > dec("2"))
        #expect(try dec("-2.001") < dec("-2"))
        #expect(try [dec("3"), dec("-1.25"), dec("0.1"), dec("0.09")].sorted().map(\.description) == ["-1.25", "0.09", "0.1", "3"])
    }

    @Test func orderingWhenRescalingOverflows() throws {
        // Int128.max at scale 0 cannot be rescaled to scale 18, yet it is clearly larger than 1.0 (scale 18).
        let huge = try raw(Int128.max, 0)
        let oneAt18 = try raw(1_000_000_000_000_000_000, 18)
        #expect(oneAt18 < huge)
        #expect(!(huge < oneAt18))
        #expect(huge != oneAt18)
        let hugeNegative = try raw(Int128.min, 0)
        #expect(hugeNegative < oneAt18)
        #expect(try hugeNegative < raw(Int128.min, 18))
    }

    // MARK: - Addition and subtraction

    @Test func pointOnePlusPointTwoIsExactlyPointThree() throws {
        let sum = try dec("0.1").adding(dec("0.2"))
        #expect(sum == (try dec("0.3")))
        #expect(sum.description == "0.3")
    }

    @Test func additionUsesTheLargerScale() throws {
        #expect(try dec("1.5").adding(dec("2.25")).description == "3.75")
        #expect(try dec("10").adding(dec("-0.001")).description == "9.999")
        #expect(try dec("1.50").subtracting(dec("1.5")).description == "0.00")
        #expect(try dec("0.1").subtracting(dec("0.25")).description == "-0.15")
        #expect(try dec("-0.000000000000000001").adding(dec("5")).description == "4.999999999999999999")
    }

    @Test func additionOverflowIsReported() throws {
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.max, 0).adding(.one) }
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.min, 2).subtracting(raw(1, 2)) }
        // Rescaling Int128.max (scale 0) to scale 1 does not fit, and neither does the sum.
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.max, 0).adding(raw(1, 1)) }
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.min, 0).subtracting(raw(1, 1)) }
    }

    @Test func additionIsExactWhenOnlyTheRescaledOperandOverflows() throws {
        // a = 17014118346046923173168730371588410573 (scale 0); at scale 1 its mantissa would be
        // 170141183460469231731687303715884105730 = Int128.max + 3, which does not fit.
        // b = Int128.min at scale 1 = -170141183460469231731687303715884105728.
        // Exact sum at scale 1: ...730 - ...728 = 2, i.e. 0.2.
        let a = try dec("17014118346046923173168730371588410573")
        let b = try raw(Int128.min, 1)
        #expect(try a.adding(b).description == "0.2")
        #expect(try b.adding(a).description == "0.2")
        // a - (-b') with b' = Int128.max at scale 1: ...730 - ...727 = 3 → 0.3.
        #expect(try a.subtracting(raw(Int128.max, 1)).description == "0.3")
        // Mirror image with a negative result: -(Int128.max + 3) + Int128.max = -3 at scale 1.
        let negativeA = try a.negated()
        #expect(try negativeA.adding(raw(Int128.max, 1)).description == "-0.3")
        #expect(try negativeA.subtracting(raw(Int128.min, 1)).description == "-0.2")
    }

    @Test func negation() throws {
        #expect(try dec("1.50").negated().description == "-1.50")
        #expect(try dec("-0.5").negated().description == "0.5")
        #expect(try FixedDecimal.zero.negated().description == "0")
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.min, 3).negated() }
    }

    // MARK: - Multiplication

    @Test func multiplicationIsExactUpToScaleEighteen() throws {
        // 15000 × 25 = 375000 at scale 2 + 2 = 4 → 37.5000.
        let product = try dec("150.00").multiplying(by: dec("0.25"))
        #expect(product.description == "37.5000")
        #expect(product.formatted(fractionDigits: 2) == "37.50")
        #expect(try dec("-1.5").multiplying(by: dec("2")).description == "-3.0")
        #expect(try dec("-1.5").multiplying(by: dec("-0.02")).description == "0.030")
        #expect(try dec("0").multiplying(by: dec("-3.3")).description == "0.0")
    }

    @Test func multiplicationTruncatesBeyondScaleEighteen() throws {
        // 15 × 333333333333333333 = 4999999999999999995 at scale 19 → truncate one digit → 0.499999999999999999.
        let third = try dec("0.333333333333333333")
        #expect(try dec("1.5").multiplying(by: third).description == "0.499999999999999999")
        // Truncation is toward zero, also for negatives (not toward -infinity).
        #expect(try dec("-1.5").multiplying(by: third).description == "-0.499999999999999999")
        // 10^-9 × 10^-10 = 10^-19 truncates to zero at scale 18, with no "-0".
        #expect(try dec("0.000000001").multiplying(by: dec("-0.0000000001")).description == "0.000000000000000000")
    }

    @Test func multiplicationWithIntermediateBeyondInt128() throws {
        // a = 123456789.123456789012345678 (mantissa 123456789123456789012345678, scale 18)
        // b = 2.000000000000000001          (mantissa 2000000000000000001, scale 18)
        // a × b = 246913578.246913578024691356 + a × 10^-18
        //       = 246913578.246913578024691356 + 0.000000000123456789123456789012345678
        //       = 246913578.246913578148148145123456789012345678 (36 fraction digits).
        // Mantissa product ≈ 2.47 × 10^44 > Int128.max ≈ 1.7 × 10^38; truncated to 18 places it fits.
        let a = try dec("123456789.123456789012345678")
        let b = try dec("2.000000000000000001")
        #expect(try a.multiplying(by: b).description == "246913578.246913578148148145")
        #expect(try a.negated().multiplying(by: b).description == "-246913578.246913578148148145")
        #expect(try a.negated().multiplying(by: b.negated()).description == "246913578.246913578148148145")
    }

    @Test func multiplicationOverflowIsReported() throws {
        // 10^20 × 10^20 = 10^40 > Int128.max.
        let big = try dec("100000000000000000000")
        #expect(throws: ArithmeticError.overflow) { try big.multiplying(by: big) }
        // Int128.min × -1 = 2^127, one past Int128.max.
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.min, 0).multiplying(by: FixedDecimal(-1)) }
        // Int128.max (scale 18, ≈1.7e20) × 10^19 (scale 18, value 10) ≈ 1.7e21 does not fit at scale 18.
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.max, 18).multiplying(by: raw(10_000_000_000_000_000_000, 18)) }
        // Int128.min (scale 0) × 1.0 (scale 1) = Int128.min × 10 at scale 1 does not fit.
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.min, 0).multiplying(by: dec("1.0")) }
    }

    @Test func multiplicationReachingInt128MinExactly() throws {
        // -2^126 × 2 = -2^127 = Int128.min: fits only on the negative side.
        let half = try raw(Int128.min / 2, 0)
        #expect(try half.multiplying(by: FixedDecimal(2)).mantissa == Int128.min)
        #expect(throws: ArithmeticError.overflow) { try half.multiplying(by: FixedDecimal(-2)) }
    }

    // MARK: - Division

    @Test func divisionTruncatesAtScaleEighteen() throws {
        #expect(try dec("1").dividing(by: dec("3")).description == "0.333333333333333333")
        // 2/3 = 0.666…: truncated, not rounded up to …667.
        #expect(try dec("2").dividing(by: dec("3")).description == "0.666666666666666666")
        #expect(try dec("-2").dividing(by: dec("3")).description == "-0.666666666666666666")
        #expect(try dec("2").dividing(by: dec("-3")).description == "-0.666666666666666666")
        // Exact quotients still come back at scale 18.
        #expect(try dec("1").dividing(by: dec("4")).description == "0.250000000000000000")
        #expect(try dec("10").dividing(by: dec("0.5")).description == "20.000000000000000000")
        #expect(try dec("0").dividing(by: dec("-5")).description == "0.000000000000000000")
        // 1 / 10^-18 = 10^18.
        #expect(try dec("1").dividing(by: dec("0.000000000000000001")).description == "1000000000000000000.000000000000000000")
    }

    @Test func divisionWithNumeratorBeyondInt128() throws {
        // 10^20 / 10 (divisor written at scale 18): numerator mantissa 10^20 × 10^36 = 10^56 needs 256 bits;
        // quotient 10^19 → mantissa 10^37 at scale 18.
        let dividend = try dec("100000000000000000000")
        #expect(try dividend.dividing(by: dec("10.000000000000000000")).description == "10000000000000000000.000000000000000000")
        // 2·10^19 / 3 (scale 18): 2·10^55 / (3·10^18) = 6666666666666666666666666666666666666 (37 sixes, truncated).
        let twenty = try dec("20000000000000000000")
        #expect(try twenty.dividing(by: dec("3.000000000000000000")).description == "6666666666666666666.666666666666666666")
        #expect(try twenty.negated().dividing(by: dec("3.000000000000000000")).description == "-6666666666666666666.666666666666666666")
    }

    @Test func divisionErrorsAreReported() throws {
        #expect(throws: ArithmeticError.divisionByZero) { try dec("1").dividing(by: dec("0.00")) }
        #expect(throws: ArithmeticError.divisionByZero) { try FixedDecimal.zero.dividing(by: .zero) }
        // Results are limited to |x| < ~1.7e20 at scale 18: 10^21 / 1 does not fit.
        #expect(throws: ArithmeticError.overflow) { try dec("1000000000000000000000").dividing(by: .one) }
        // Int128.max / 10^-18: the 256-bit quotient does not even fit in 128 bits.
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.max, 0).dividing(by: raw(1, 18)) }
        // Int128.min (scale 18) / -1 = 2^127 at scale 18: one past Int128.max.
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.min, 18).dividing(by: FixedDecimal(-1)) }
    }

    @Test func interestExample() throws {
        // 1000.00 × 0.0465 = 46.500000 (scale 6); × 31 = 1441.500000; / 365:
        // 1441.5 / 365 = 3 + 346.5/365 = 3 + 693/730 = 3.9 49315068 49315068 49315068…
        // Truncated to 18 places: 3.949315068493150684; to cents (half away from zero): 3.95.
        let interest = try dec("1000.00").multiplying(by: dec("0.0465")).multiplying(by: FixedDecimal(31)).dividing(by: FixedDecimal(365))
        #expect(interest.description == "3.949315068493150684")
        #expect(interest.formatted(fractionDigits: 2) == "3.95")
        #expect(try interest.rounded(toScale: 2, .halfEven).description == "3.95")
        #expect(try interest.rounded(toScale: 2, .down).description == "3.94")
    }

    // MARK: - Rounding

    struct RoundingCase: Sendable, CustomTestStringConvertible {
        var input: String
        var scale: Int
        var mode: RoundingMode
        var expected: String
        var testDescription: String { "\(input) → \(scale) digits, \(mode.rawValue) = \(expected)" }
    }

    /// Expected results worked out by hand (q = kept digits, r = dropped digits).
    static let roundingCases: [RoundingCase] = {
        var cases: [RoundingCase] = []
        func add(_ input: String, _ scale: Int, _ expected: [RoundingMode: String]) {
            for (mode, result) in expected {
                cases.append(RoundingCase(input: input, scale: scale, mode: mode, expected: result))
            }
        }
        // 2.345 → 2 digits: q = 234 (even), dropped 5 = exactly half.
        add("2.345", 2, [.halfAwayFromZero: "2.35", .halfEven: "2.34", .up: "2.35", .down: "2.34", .ceiling: "2.35", .floor: "2.34"])
        // 2.345 → 0 digits: q = 2, dropped .345 < half.
        add("2.345", 0, [.halfAwayFromZero: "2", .halfEven: "2", .up: "3", .down: "2", .ceiling: "3", .floor: "2"])
        // -2.345 → 2 digits: q = -234 (even), dropped 5 = half; ceiling goes toward zero, floor away.
        add("-2.345", 2, [.halfAwayFromZero: "-2.35", .halfEven: "-2.34", .up: "-2.35", .down: "-2.34", .ceiling: "-2.34", .floor: "-2.35"])
        // -2.345 → 0 digits: q = -2, dropped .345 < half.
        add("-2.345", 0, [.halfAwayFromZero: "-2", .halfEven: "-2", .up: "-3", .down: "-2", .ceiling: "-2", .floor: "-3"])
        // 2.355 → 2 digits: q = 235 (odd), dropped 5 = half, so half-even goes up to 236.
        add("2.355", 2, [.halfAwayFromZero: "2.36", .halfEven: "2.36", .up: "2.36", .down: "2.35", .ceiling: "2.36", .floor: "2.35"])
        // 2.355 → 0 digits: q = 2, dropped .355 < half.
        add("2.355", 0, [.halfAwayFromZero: "2", .halfEven: "2", .up: "3", .down: "2", .ceiling: "3", .floor: "2"])
        // 2.5 → 2 digits: the scale grows, the value is padded, every mode agrees.
        add("2.5", 2, [.halfAwayFromZero: "2.50", .halfEven: "2.50", .up: "2.50", .down: "2.50", .ceiling: "2.50", .floor: "2.50"])
        // 2.5 → 0 digits: q = 2 (even), dropped .5 = half.
        add("2.5", 0, [.halfAwayFromZero: "3", .halfEven: "2", .up: "3", .down: "2", .ceiling: "3", .floor: "2"])
        // -2.5 → 2 digits: padded.
        add("-2.5", 2, [.halfAwayFromZero: "-2.50", .halfEven: "-2.50", .up: "-2.50", .down: "-2.50", .ceiling: "-2.50", .floor: "-2.50"])
        // -2.5 → 0 digits: q = -2 (even), dropped .5 = half.
        add("-2.5", 0, [.halfAwayFromZero: "-3", .halfEven: "-2", .up: "-3", .down: "-2", .ceiling: "-2", .floor: "-3"])
        // 3.5 → 0: q = 3 is odd, so half-even goes to 4 (checks the odd branch at scale 0).
        add("3.5", 0, [.halfEven: "4"])
        // Just above / below a tie: half modes must look at all dropped digits.
        add("2.3450001", 2, [.halfEven: "2.35", .halfAwayFromZero: "2.35"])
        add("2.3449999", 2, [.halfEven: "2.34", .halfAwayFromZero: "2.34"])
        // A value rounding to zero from below: no "-0".
        add("-0.4", 0, [.halfAwayFromZero: "0", .ceiling: "0", .down: "0", .floor: "-1"])
        // Mantissas at the edges of 64 bits, where rounding switches between a 64-bit and a 128-bit
        // division: Int64.max, Int64.min, and one beyond each.
        add("9223372036854775.807", 0, [.halfAwayFromZero: "9223372036854776", .down: "9223372036854775", .floor: "9223372036854775", .ceiling: "9223372036854776", .halfEven: "9223372036854776", .up: "9223372036854776"])
        add("9223372036854775.808", 0, [.halfAwayFromZero: "9223372036854776", .down: "9223372036854775", .floor: "9223372036854775", .ceiling: "9223372036854776", .halfEven: "9223372036854776", .up: "9223372036854776"])
        add("-9223372036854775.808", 2, [.halfAwayFromZero: "-9223372036854775.81", .down: "-9223372036854775.80", .floor: "-9223372036854775.81", .ceiling: "-9223372036854775.80", .halfEven: "-9223372036854775.81", .up: "-9223372036854775.81"])
        add("-9223372036854775.809", 2, [.halfAwayFromZero: "-9223372036854775.81", .down: "-9223372036854775.80", .floor: "-9223372036854775.81", .ceiling: "-9223372036854775.80", .halfEven: "-9223372036854775.81", .up: "-9223372036854775.81"])
        add("-9223372036854775.805", 2, [.halfAwayFromZero: "-9223372036854775.81", .halfEven: "-9223372036854775.80"])
        return cases
    }()

    @Test(arguments: roundingCases)
    func rounding(_ testCase: RoundingCase) throws {
        let result = try dec(testCase.input).rounded(toScale: testCase.scale, testCase.mode)
        #expect(result.description == testCase.expected)
        #expect(Int(result.scale) == testCase.scale)
    }

    @Test func roundingCoversEveryModeForTheRequiredInputs() {
        // Guards the table above against a missing mode.
        for input in ["2.345", "-2.345", "2.355", "2.5", "-2.5"] {
            for scale in [0, 2] {
                let modes = Set(Self.roundingCases.filter { $0.input == input && $0.scale == scale }.map(\.mode))
                #expect(modes == Set(RoundingMode.allCases), "\(input) at \(scale)")
            }
        }
    }

    @Test func roundingErrors() throws {
        #expect(throws: ArithmeticError.overflow) { try dec("1.5").rounded(toScale: 19, .halfEven) }
        #expect(throws: ArithmeticError.overflow) { try dec("1.5").rounded(toScale: -1, .halfEven) }
        // Padding Int128.max by two digits does not fit.
        #expect(throws: ArithmeticError.overflow) { try raw(Int128.max, 0).rounded(toScale: 2, .down) }
    }

    @Test func roundingExtremeMantissas() throws {
        // Int128.min at scale 18 = -170141183460469231731.687303715884105728.
        #expect(try raw(Int128.min, 18).rounded(toScale: 0, .up).description == "-170141183460469231732")
        #expect(try raw(Int128.max, 18).rounded(toScale: 0, .ceiling).description == "170141183460469231732")
        #expect(try raw(Int128.max, 18).rounded(toScale: 17, .halfEven).description == "170141183460469231731.68730371588410573")
    }

    @Test func ceilingAndFloor() throws {
        #expect(try dec("2.1").ceiling().description == "3")
        #expect(try dec("2.1").floor().description == "2")
        #expect(try dec("-2.1").ceiling().description == "-2")
        #expect(try dec("-2.1").floor().description == "-3")
        #expect(try dec("5.000").ceiling().description == "5")
        #expect(try dec("5.000").floor().description == "5")
        #expect(try dec("-0.001").ceiling().description == "0")
    }

    // MARK: - Codable

    @Test func codableUsesTheDescriptionString() throws {
        let data = try JSONEncoder().encode([try dec("1.50"), try dec("-0.5")])
        #expect(String(decoding: data, as: UTF8.self) == #"["1.50","-0.5"]"#)
        let decoded = try JSONDecoder().decode([FixedDecimal].self, from: Data(#"["0.10","7"]"#.utf8))
        #expect(decoded.map(\.description) == ["0.10", "7"])
    }

    @Test(arguments: [#"["abc"]"#, #"["1e3"]"#, #"[1.5]"#, #"[null]"#, #"[" 1"]"#])
    func codableRejectsBadInput(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([FixedDecimal].self, from: Data(json.utf8)) }
    }

    @Test func errorMessagesAreWords() {
        #expect(ArithmeticError.divisionByZero.message == "division by zero")
        #expect(ArithmeticError.overflow.message.contains("too large"))
    }
}
