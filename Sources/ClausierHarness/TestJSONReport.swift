import Clausier
import ClausierDiagnostics

/// Renders a test run as one JSON object, for tools:
///
/// ```json
/// {"passed":1,"failed":1,
///  "cases":[{"file":"Rules/prospect-it.test.yaml","contract":"prospect-it","decision":"sla_penalty",
///            "name":"two hours is 50%","line":12,"passed":false,"failure":"expected ..., got ..."}],
///  "coverage":[{"contract":"prospect-it","percent":100.0,"covered":12,"total":12,
///               "items":[{"kind":"decision","rule":"sla_penalty","label":"sla_penalty","location":null,"covered":true}]}]}
/// ```
///
/// `failure` is null for a passing case. `coverage` is present only when coverage was asked for, and
/// `min_coverage` (with `meets_minimum` on each contract) only when a minimum was given. Findings that
/// stopped the run are in `diagnostics`, in the form of `clausier check --format json`, when there are any.
public enum TestJSONReport {
    /// The report as compact JSON, without a final newline.
    ///
    /// - Parameters:
    ///   - report: The outcomes of the run.
    ///   - coverage: The coverage of each contract, when it was asked for.
    ///   - minCoverage: The minimum coverage in percent, when one was given.
    ///   - diagnostics: The findings that stopped the run, if any.
    public static func render(
        _ report: TestReport, coverage: [ContractCoverage]? = nil, minCoverage: Double? = nil,
        diagnostics: [Diagnostic] = []
    ) -> String {
        JSONWriter.write(json(report, coverage: coverage, minCoverage: minCoverage, diagnostics: diagnostics))
    }

    /// The report of a run that findings stopped before any case ran: no cases, and the findings.
    public static func render(stoppedBy diagnostics: [Diagnostic]) -> String {
        render(TestReport(outcomes: []), diagnostics: diagnostics)
    }

    /// The report as a JSON value, members in the order `render` writes them.
    public static func json(
        _ report: TestReport, coverage: [ContractCoverage]? = nil, minCoverage: Double? = nil,
        diagnostics: [Diagnostic] = []
    ) -> JSONValue {
        var members = [
            member("passed", .number(String(report.passed))),
            member("failed", .number(String(report.failed))),
            member("cases", .array(report.outcomes.map(caseJSON))),
        ]
        if let coverage {
            members.append(member("coverage", .array(coverage.map { coverageJSON($0, minCoverage: minCoverage) })))
        }
        if let minCoverage {
            members.append(member("min_coverage", .number(String(minCoverage))))
        }
        if !diagnostics.isEmpty {
            members.append(member("diagnostics", .array(diagnostics.map(\.json))))
        }
        return .object(JSONObject(members))
    }

    private static func caseJSON(_ outcome: TestOutcome) -> JSONValue {
        object([
            ("file", .string(outcome.file)),
            ("contract", .string(outcome.contract)),
            ("decision", .string(outcome.testCase.decision)),
            ("name", .string(outcome.testCase.name)),
            ("line", .number(String(outcome.testCase.location.line))),
            ("passed", .bool(outcome.passed)),
            ("failure", outcome.failure.map(JSONValue.string) ?? .null),
        ])
    }

    private static func coverageJSON(_ contract: ContractCoverage, minCoverage: Double?) -> JSONValue {
        var members = [
            member("contract", .string(contract.contract)),
            member("percent", .number(Coverage.format(contract.percent))),
            member("covered", .number(String(contract.covered))),
            member("total", .number(String(contract.items.count))),
        ]
        if let minCoverage {
            members.append(member("meets_minimum", .bool(CoverageMinimum(percent: minCoverage).isMet(by: contract))))
        }
        let items = contract.items.map { item in
            object([
                ("kind", .string(item.kind)),
                ("rule", .string(item.rule)),
                ("label", .string(item.label)),
                ("location", item.location.map(JSONValue.string) ?? .null),
                ("covered", .bool(item.covered)),
            ])
        }
        members.append(member("items", .array(items)))
        return .object(JSONObject(members))
    }

    private static func member(_ key: String, _ value: JSONValue) -> JSONMember {
        JSONMember(key: key, value: value)
    }

    private static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(pairs.map { JSONMember(key: $0.0, value: $0.1) }))
    }
}
