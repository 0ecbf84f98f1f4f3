import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Testing

/// One mistake, one error: after an error, the names and values that depend on it are poisoned and
/// raise nothing more, so the error at the root is the one an editor reads.
@Suite struct OneMistakeOneErrorTests {
    static let header = """
        contract: {id: p, title: P, source: p.txt, effective: 2025-01-01, timezone: Europe/Paris, currency: EUR, holidays: FR, rounding: half_even}

        """

    private func errors(_ body: String) -> [Diagnostic] {
        Compiler.compile([SourceFile(path: "p.yaml", text: Self.header + body)]).diagnostics.filter { $0.severity == .error }
    }

    @Test func aMisspeltInputsKeyIsOneError() {
        // Today: the unknown key, then "unknown name" for every input it declared.
        let found = errors("""
            decisions:
              fee:
                title: Fee
                cites: art. 1
                input: {amount: money, late: bool, days: int}
                returns: money
                value:
                  cases:
                    - when: late and days > 3
                      then: amount * 10%
                      cites: art. 1
                    - otherwise: amount
                      cites: art. 1
            """)
        #expect(found.map(\.code) == [.unknownKey])
        #expect(found.first?.hints.first == "did you mean 'inputs'?")
    }

    @Test func aBrokenLetIsNotAlsoAnUnknownName() {
        let found = errors("""
            decisions:
              fee:
                title: Fee
                cites: art. 1
                inputs: {amount: money, outage: duration}
                returns: money
                let:
                  rate:
                    tiers:
                      of: outage
                      boundaries: lower_inclusive
                      cites: art. 1
                      rows:
                        - to: 2 hours
                          then: 0%
                        - from: 2 hours
                          then: 10 EUR
                value: amount * rate
            """)
        #expect(found.map(\.code) == [.typeMismatch])
        #expect(found.first?.location?.line == 18)
    }

    @Test func aMisspeltWhenIsNotAlsoAMissingFieldOrAMissingWhen() {
        // Today: "the field 'allowed' of the answer is missing" first, then the unknown key, then "needs a 'when'".
        let found = errors("""
            decisions:
              refund:
                title: Refund
                cites: art. 1
                inputs: {late: bool}
                returns: {allowed: bool, amount: money}
                value:
                  allowed:
                    cases:
                      - wen: late
                        then: false
                        cites: art. 1
                      - otherwise: true
                        cites: art. 1
                  amount: 0 EUR
            """)
        #expect(found.map(\.code) == [.unknownKey])
        #expect(found.first?.message == "unknown key 'wen' in a case")
    }

    @Test func aMisspeltValueKeyIsNotAlsoAMissingValue() {
        let found = errors("""
            decisions:
              fee:
                title: Fee
                cites: art. 1
                inputs: {amount: money}
                returns: money
                valeu: amount
            """)
        #expect(found.map(\.code) == [.unknownKey])
    }

    @Test func anInputWhoseTypeIsWrongIsNotAlsoAnUnknownName() {
        let found = errors("""
            decisions:
              fee:
                title: Fee
                cites: art. 1
                inputs: {amount: monney, late: bool}
                returns: money
                value: if late then amount else 0 EUR
            """)
        #expect(found.map(\.code) == [.invalidValue])
        #expect(found.first?.location?.line == 6)
    }

    @Test func aDefinitionWhoseSignatureIsWrongIsNotAlsoAnUnknownFunction() {
        let found = errors("""
            definitions:
              penalty:
                title: Penalty
                cites: art. 1
                params: {fee: monney}
                returns: money
                value: fee * 10%
            decisions:
              fee:
                title: Fee
                cites: art. 1
                inputs: {amount: money}
                returns: money
                value: penalty(amount)
            """)
        #expect(found.map(\.code) == [.invalidValue])
    }

    @Test func aTermThatDoesNotCheckIsNotAlsoAnUnknownName() {
        let found = errors("""
            terms:
              notice:
                title: Notice
                provisions:
                  - {value: 30 dayz, cites: art. 2}
            decisions:
              deadline:
                title: Deadline
                cites: art. 1
                inputs: {sent_on: date}
                returns: date
                value: sent_on + notice
            """)
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 6)
    }

    @Test func anUnknownNameWithNothingWrongAroundItIsStillReported() {
        let found = errors("""
            decisions:
              fee:
                title: Fee
                cites: art. 1
                inputs: {amount: money}
                returns: money
                value: amont
            """)
        #expect(found.map(\.code) == [.unknownName])
        #expect(found.first?.hints == ["did you mean 'amount'?"])
    }
}
