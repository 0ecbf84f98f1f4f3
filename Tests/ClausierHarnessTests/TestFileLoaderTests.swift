import Clausier
import ClausierDiagnostics
import Testing

@testable import ClausierHarness

private func load(_ text: String) -> (file: TestFile?, diagnostics: [Diagnostic]) {
    TestFileLoader.load(bytes: Array(text.utf8), path: "billing.test.yaml")
}

@Suite struct TestFileLoaderTests {
    @Test func casesAreReadWithTheirFactsAndExpectations() throws {
        let (file, diagnostics) = load("""
            contract: billing
            tests:
              - name: a month after the issue
                decision: dispute_deadline
                as_of: 2025-03-10
                facts:
                  invoice: {issued_on: "2025-01-31"}
                expect:
                  value: "2025-02-28"
                  cites: art. 13
              - name: no year is bad input
                decision: retrieval_fee
                as_of: 2025-03-10
                facts: {retrieval: {years: 0}}
                expect:
                  error: {fact: retrieval.years, message: at least one year}
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let loaded = try #require(file)
        #expect(loaded.path == "billing.test.yaml")
        #expect(loaded.contract == "billing")
        #expect(loaded.contractLocation == SourceLocation(file: "billing.test.yaml", line: 1, column: 11))
        #expect(loaded.cases.map(\.name) == ["a month after the issue", "no year is bad input"])
        #expect(loaded.cases.map(\.decision) == ["dispute_deadline", "retrieval_fee"])
        #expect(loaded.cases.map(\.asOf) == [CivilDate.parse("2025-03-10"), CivilDate.parse("2025-03-10")])
        #expect(loaded.cases.map(\.location.line) == [3, 11])
        let first = try #require(loaded.cases.first)
        #expect(JSONWriter.write(first.facts) == #"{"invoice":{"issued_on":"2025-01-31"}}"#)
        #expect(first.expectation == .value(.string("2025-02-28"), citations: ["art. 13"]))
        #expect(loaded.cases.last?.expectation == .error(fact: "retrieval.years", message: "at least one year"))
    }

    @Test func missingFactsAreAnEmptyObjectAndCitesMayBeAList() throws {
        let (file, diagnostics) = load("""
            contract: billing
            tests:
              - name: unpaid
                decision: late_fee
                as_of: 2025-03-10
                expect: {value: 40.00 EUR, cites: [art. 14, art. 14.2]}
            """)
        #expect(diagnostics.isEmpty)
        let testCase = try #require(file?.cases.first)
        #expect(testCase.facts == .object(JSONObject([])))
        #expect(testCase.expectation == .value(.string("40.00 EUR"), citations: ["art. 14", "art. 14.2"]))
    }

    /// Malformed cases: each is reported at its line, as CLS070, and left out; the others are kept.
    @Test(arguments: [
        ("- {decision: late_fee, as_of: 2025-03-10, expect: {value: 1}}", "a test needs a 'name'"),
        ("- {name: x, as_of: 2025-03-10, expect: {value: 1}}", "the test 'x' needs a 'decision'"),
        ("- {name: x, decision: late_fee, as_of: 2025-02-30, expect: {value: 1}}", "the test 'x' has as_of '2025-02-30', which is not a date that exists: February 2025 has 28 days"),
        ("- {name: x, decision: late_fee, expect: {value: 1}}", "the test 'x' needs 'as_of', an evaluation date such as 2025-03-07"),
        ("- {name: x, decision: late_fee, as_of: 2025-03-10}", "the test 'x' needs 'expect' with 'value' or 'error'"),
        ("- {name: x, decision: late_fee, as_of: 2025-03-10, expect: {cites: art. 14}}", "'expect' needs 'value' or 'error'"),
        ("- {name: x, decision: late_fee, as_of: 2025-03-10, expect: {value: 1, cites: art. 14, cites_exactly: art. 14}}",
         "'expect' takes 'cites' (the answer cites at least these) or 'cites_exactly', not both"),
        ("- just a string", "each test must be a mapping with name, decision, as_of, facts and expect"),
    ])
    func aMalformedCaseIsReportedAtItsLine(item: String, message: String) throws {
        let (file, diagnostics) = load("""
            contract: billing
            tests:
              - {name: kept, decision: late_fee, as_of: 2025-03-10, expect: {value: 0}}
              \(item)
            """)
        #expect(diagnostics.map(\.code) == [.invalidTest])
        #expect(diagnostics.first?.message == message)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.location?.line == 4)
        #expect(file?.cases.map(\.name) == ["kept"])
    }

    @Test(arguments: [
        ("[1, 2]", "a test file must be a mapping with 'contract' and 'tests'"),
        ("tests: []", "a test file needs 'contract: <contract id>'"),
        ("contract: billing", "a test file needs 'tests:', a list of cases"),
    ])
    func aFileWithoutContractOrTestsIsNotLoaded(text: String, message: String) {
        let (file, diagnostics) = load(text)
        #expect(file == nil)
        #expect(diagnostics.map(\.code) == [.invalidTest])
        #expect(diagnostics.first?.message == message)
    }

    @Test func twoCasesWithOneNameAreReportedWithTheFirst() throws {
        let (file, diagnostics) = load("""
            contract: billing
            tests:
              - {name: same, decision: late_fee, as_of: 2025-03-10, expect: {value: 0}}
              - {name: same, decision: late_fee, as_of: 2025-03-10, expect: {value: 0}}
            """)
        #expect(diagnostics.map(\.code) == [.invalidTest])
        let duplicate = try #require(diagnostics.first)
        #expect(duplicate.message == "two tests are named 'same'")
        #expect(duplicate.location == SourceLocation(file: "billing.test.yaml", line: 4, column: 12))
        #expect(duplicate.notes.map(\.location) == [SourceLocation(file: "billing.test.yaml", line: 3, column: 12)])
        // Both are still run: the name is only a label.
        #expect(file?.cases.count == 2)
    }

    @Test func unknownKeysAreReportedAndTheCaseKept() throws {
        let (file, diagnostics) = load("""
            contract: billing
            tests:
              - name: x
                decision: late_fee
                as_of: 2025-03-10
                expected: {value: 0}
                expect: {value: 0, cite: art. 14}
            """)
        #expect(diagnostics.map(\.code) == [.unknownKey, .unknownKey])
        #expect(diagnostics.map { $0.location?.line } == [6, 7])
        #expect(file?.cases.map(\.name) == ["x"])
    }

    /// YAML scalars as JSON: plain words keep their YAML meaning, quoted ones are strings.
    @Test(arguments: [
        ("12", JSONValue.number("12")),
        ("-1.50", .number("-1.50")),
        ("\"12\"", .string("12")),
        ("true", .bool(true)),
        ("'false'", .string("false")),
        ("null", .null),
        ("~", .null),
        ("1e3", .number("1e3")),
        ("12 EUR", .string("12 EUR")),
        ("[1, a]", .array([.number("1"), .string("a")])),
    ])
    func scalarsBecomeJSON(yaml: String, json: JSONValue) throws {
        let (file, diagnostics) = load("""
            contract: billing
            tests:
              - {name: x, decision: late_fee, as_of: 2025-03-10, facts: {v: \(yaml)}, expect: {value: 0}}
            """)
        #expect(diagnostics.isEmpty)
        #expect(file?.cases.first?.facts == .object(JSONObject([JSONMember(key: "v", value: json)])))
    }
}

@Suite struct ExactCitationsLoaderTests {
    @Test(arguments: [("cites", false), ("cites_exactly", true)])
    func citationsAreReadAsAtLeastOrExactly(key: String, exact: Bool) throws {
        let text = """
            contract: billing
            tests:
              - {name: x, decision: late_fee, as_of: 2025-03-10, expect: {value: 1, \(key): [art. 14]}}
            """
        let (file, diagnostics) = TestFileLoader.load(bytes: Array(text.utf8), path: "billing.test.yaml")
        #expect(diagnostics.isEmpty)
        #expect(file?.cases.first?.expectation == .value(.number("1"), citations: ["art. 14"], exactCitations: exact))
    }
}
