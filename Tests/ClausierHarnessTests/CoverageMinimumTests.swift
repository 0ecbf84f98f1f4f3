import Testing

@testable import ClausierHarness

/// `CoverageMinimum`: which contracts fall short of `--min-coverage`, and the words for it.
@Suite struct CoverageMinimumTests {
    /// A contract with `covered` of `total` items covered.
    static func contract(_ id: String, _ covered: Int, of total: Int) -> ContractCoverage {
        ContractCoverage(
            contract: id,
            items: (0..<total).map {
                CoverageItem(kind: "decision", rule: "d\($0)", label: "d\($0)", location: nil, covered: $0 < covered)
            })
    }

    @Test(arguments: [
        (50.0, 1, 2, true), (50.0, 0, 2, false), (100.0, 3, 3, true), (100.0, 2, 3, false), (0.0, 0, 5, true),
        (66.7, 2, 3, false), (66.6, 2, 3, true), (100.0, 0, 0, true),
    ])
    func isMetWhenThePercentReachesIt(minimum: Double, covered: Int, total: Int, met: Bool) {
        #expect(CoverageMinimum(percent: minimum).isMet(by: Self.contract("c", covered, of: total)) == met)
    }

    @Test func reportsEachContractBelowInOrder() {
        let coverage = [Self.contract("b", 1, of: 4), Self.contract("a", 4, of: 4), Self.contract("c", 0, of: 3)]
        let minimum = CoverageMinimum(percent: 50)
        #expect(minimum.shortfalls(coverage).map(\.contract) == ["b", "c"])
        #expect(minimum.message(coverage[0]) == "coverage of b is 25.0%, below the minimum of 50.0%")
        #expect(
            minimum.report(coverage)
                == "coverage of b is 25.0%, below the minimum of 50.0%\n"
                + "coverage of c is 0.0%, below the minimum of 50.0%\n")
        #expect(CoverageMinimum(percent: 25).report(coverage) == "coverage of c is 0.0%, below the minimum of 25.0%\n")
        #expect(CoverageMinimum(percent: 0).report(coverage).isEmpty)
        #expect(
            CoverageMinimum(percent: 33.3).message(coverage[2]) == "coverage of c is 0.0%, below the minimum of 33.3%")
    }

    @Test(arguments: [(0.0, true), (100.0, true), (42.5, true), (-0.1, false), (100.5, false), (Double.nan, false)])
    func isAPercentage(percent: Double, valid: Bool) {
        #expect(CoverageMinimum(percent: percent).isValid == valid)
    }
}
