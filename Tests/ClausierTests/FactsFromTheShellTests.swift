import Clausier
import Testing

/// Facts as people type them in a shell: flat dotted keys, a batch line without its wrapper, a blank
/// line. Each gets an error that says how to write it.
@Suite struct FactsFromTheShellTests {
    @Test func flatDottedKeysAreToldToNestByTheirDots() throws {
        let rules = try #require(shippedRules)
        let facts = try facts(#"{"incident.recorded_at": "2025-03-07T10:00:00+01:00"}"#)
        let asOf = try civilDate("2025-03-10")
        do {
            _ = try rules.evaluate(contract: "prospect-it", decision: "sla_penalty", facts: facts, asOf: asOf)
            Issue.record("flat dotted keys were accepted")
        } catch {
            #expect(error.kind == .missingFact)
            #expect(error.fact == "incident.recorded_at")
            #expect(
                error.message
                    == #"the required fact 'incident.recorded_at' is missing; the facts are nested by their dots: write {"incident": {"recorded_at": …}}, not {"incident.recorded_at": …}"#)
        }
    }

    @Test func aLineOfFactsWithoutItsWrapperSaysWhatARequestIs() {
        do {
            _ = try DecisionRequest.decode(Array(#"{"incident": {}}"#.utf8), .batchLine(3))
            Issue.record("a line without 'as_of' and 'facts' was accepted")
        } catch {
            #expect(error.kind == .invalidFact)
            #expect(error.message.hasPrefix(#"line 3: a request is {"as_of": "YYYY-MM-DD", "facts": {...}}, but this one has neither 'as_of' nor 'facts'"#))
        }
    }

    @Test func aLineWithABadAsOfStillSaysSo() {
        do {
            _ = try DecisionRequest.decode(Array(#"{"as_of": "10/03/2025", "facts": {}}"#.utf8), .batchLine(1))
            Issue.record("a bad as_of was accepted")
        } catch {
            #expect(error.message == #"line 1: 'as_of' must be a date such as "2025-03-07""#)
        }
    }

    @Test(arguments: ["", " ", "\t\r"])
    func aBlankBatchLineIsAnErrorLine(line: String) {
        let result = Array(line.utf8).withUnsafeBytes { bytes in
            Result { () throws(EvaluationError) -> DecisionRequest in try DecisionRequest.decode(bytes, .batchLine(2)) }
        }
        switch result {
        case .success:
            Issue.record("a blank line was accepted")
        case .failure(let error):
            #expect(error.message.hasPrefix("line 2: a blank line is not a request"))
        }
    }
}
