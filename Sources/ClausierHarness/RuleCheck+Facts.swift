import Clausier
import ClausierCompiler
import ClausierDiagnostics

extension RuleCheck {
    /// The test cases whose facts the decision refuses, although they expect a value: such a case can
    /// only fail, so `clausier check` says so with the runtime's own error, before any test runs.
    ///
    /// Cases that expect an error are left alone: bad facts are what they test.
    static func invalidFacts(_ compilation: CompilationResult, _ files: [TestFile]) -> [Diagnostic] {
        let rules = compilation.compiledContracts
        var diagnostics: [Diagnostic] = []
        for file in files {
            for testCase in file.cases {
                guard case .value = testCase.expectation,
                      let reference = try? rules.resolveReference(contract: file.contract, decision: testCase.decision)
                else { continue }
                do {
                    _ = try rules.inputValues(reference, facts: testCase.facts, asOf: testCase.asOf)
                } catch {
                    diagnostics.append(
                        .error(
                            .invalidTest,
                            "the facts of the test '\(testCase.name)' are refused by '\(testCase.decision)': \(error.message)",
                            at: testCase.location,
                            hints: [
                                "correct the fact\(error.fact.map { " '\($0)'" } ?? ""), or expect the error: expect: {error: {fact: \(error.fact ?? "...")}}"
                            ]))
                }
            }
        }
        return diagnostics
    }
}
