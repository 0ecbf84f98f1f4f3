import Clausier
import ClausierCompiler
import ClausierDiagnostics
import ClausierHarness
import Testing

/// French notations in test files get the very text to write, as in rule files.
@Suite struct NotationInTestFilesTests {
    static func testFile(asOf: String) -> String {
        """
        contract: callkom
        tests:
          - name: a case
            decision: retraction
            as_of: \(asOf)
            facts: {}
            expect: {value: true}

        """
    }

    @Test func anAsOfWrittenDayFirstIsNotReportedAsMissing() throws {
        let (_, found) = TestFileLoader.load(bytes: Array(Self.testFile(asOf: "28/02/2025").utf8), path: "t.test.yaml")
        let first = try #require(found.first)
        #expect(first.code == .invalidTest)
        #expect(first.message == "the test 'a case' has as_of '28/02/2025', which is not a date: write the evaluation date as YYYY-MM-DD")
        #expect(first.hints == ["write as_of: 2025-02-28"])
        #expect(first.location == SourceLocation(file: "t.test.yaml", line: 5, column: 12))
    }

    @Test func anAsOfThatDoesNotExistSaysWhy() throws {
        let (_, found) = TestFileLoader.load(bytes: Array(Self.testFile(asOf: "2025-02-30").utf8), path: "t.test.yaml")
        #expect(found.first?.message == "the test 'a case' has as_of '2025-02-30', which is not a date that exists: February 2025 has 28 days")
    }

    @Test func aMissingAsOfIsStillMissing() throws {
        let text = Self.testFile(asOf: "x").replacingOccurrences(of: "    as_of: x\n", with: "")
        let (_, found) = TestFileLoader.load(bytes: Array(text.utf8), path: "t.test.yaml")
        #expect(found.first?.message == "the test 'a case' needs 'as_of', an evaluation date such as 2025-03-07")
    }
}
