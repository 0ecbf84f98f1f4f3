/// The coverage every contract must reach, as `clausier test --min-coverage` asks for it.
///
/// The rule and its words live here, with the coverage they judge, so that every report of a run
/// (text, JSON, JUnit) and every host that runs the tests judges a contract the same way.
public struct CoverageMinimum: Sendable, Hashable {
    /// The percentages a minimum can be.
    public static let range: ClosedRange<Double> = 0...100

    /// The minimum, in percent.
    public var percent: Double

    /// Creates a minimum; check it against ``range`` first.
    public init(percent: Double) {
        self.percent = percent
    }

    /// Whether the minimum is a percentage from 0 to 100 (and so not NaN).
    public var isValid: Bool { Self.range.contains(percent) }

    /// Whether the contract's coverage reaches the minimum.
    public func isMet(by contract: ContractCoverage) -> Bool {
        contract.percent >= percent
    }

    /// The contracts below the minimum, in their order.
    public func shortfalls(_ coverage: [ContractCoverage]) -> [ContractCoverage] {
        coverage.filter { !isMet(by: $0) }
    }

    /// `coverage of <contract> is <n.n>%, below the minimum of <minimum>%`, one line.
    public func message(_ contract: ContractCoverage) -> String {
        "coverage of \(contract.contract) is \(Coverage.format(contract.percent))%, below the minimum of \(percent)%"
    }

    /// A line (with its line feed) for each contract below the minimum; empty when every contract reaches it.
    public func report(_ coverage: [ContractCoverage]) -> String {
        shortfalls(coverage).map { message($0) + "\n" }.joined()
    }
}
