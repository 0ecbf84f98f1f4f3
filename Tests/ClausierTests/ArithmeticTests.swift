import Clausier
import Testing

/// The typed arithmetic shared by the interpreter and generated native code.
@Suite struct ArithmeticTests {
    /// Whole numbers around every case the integer quotient must get right: signs, exact and inexact
    /// quotients, divisors around 10^18, zero, and the ends of `Int`.
    static let numbers: [Int] = [
        0, 1, -1, 2, -2, 3, -3, 7, -7, 99, -99, 100, -100, 12_345, -12_345, 999_999_999_999_999_999,
        1_000_000_000_000_000_000, -1_000_000_000_000_000_000, 1_000_000_000_000_000_001, -1_000_000_000_000_000_001,
        2_000_000_000_000_000_000, Int.max, Int.max - 1, Int.min, Int.min + 1,
    ]

    /// floor(a / b) and ceil(a / b) in whole numbers equal floor() and ceil() of the decimal quotient,
    /// answers and errors alike.
    @Test(arguments: numbers)
    func wholeQuotientsAreTheDecimalOnes(a: Int) {
        for b in Self.numbers {
            let floored = Result { () throws(EvaluationError) -> Int in try Arithmetic.flooredQuotient(a, b) }
            let decimalFloor = Result { () throws(EvaluationError) -> Int in
                try Arithmetic.floor(try Arithmetic.divideDecimals(FixedDecimal(a), FixedDecimal(b)))
            }
            #expect(floored == decimalFloor, "floor(\(a) / \(b))")
            let ceiled = Result { () throws(EvaluationError) -> Int in try Arithmetic.ceiledQuotient(a, b) }
            let decimalCeiling = Result { () throws(EvaluationError) -> Int in
                try Arithmetic.ceiling(try Arithmetic.divideDecimals(FixedDecimal(a), FixedDecimal(b)))
            }
            #expect(ceiled == decimalCeiling, "ceil(\(a) / \(b))")
        }
    }

    @Test func quotientsByHand() throws {
        #expect(try Arithmetic.flooredQuotient(-7, 2) == -4)
        #expect(try Arithmetic.ceiledQuotient(-7, 2) == -3)
        #expect(try Arithmetic.flooredQuotient(7, -2) == -4)
        #expect(try Arithmetic.flooredQuotient(20_000 * 25, 100) == 5_000)
        #expect(throws: EvaluationError.self) { try Arithmetic.flooredQuotient(1, 0) }
    }

    /// `min()` and `max()` keep the first of equal values, as the interpreter does: 1.5 and 1.50 print differently.
    @Test func equalValuesKeepTheFirst() throws {
        let a = try #require(FixedDecimal.parse("1.5"))
        let b = try #require(FixedDecimal.parse("1.50"))
        #expect(Arithmetic.smaller(a, b).scale == 1)
        #expect(Arithmetic.larger(a, b).scale == 1)
        #expect(Arithmetic.larger(b, a).scale == 2)
    }
}
