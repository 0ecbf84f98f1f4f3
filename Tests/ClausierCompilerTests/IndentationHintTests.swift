import ClausierCompiler
import ClausierDiagnostics
import Testing

/// Indentation slips get indentation hints, one error each (issue: the right error first, at the
/// right place).
@Suite struct IndentationHintTests {
    static let header = """
        contract: {id: i, title: I, source: i.txt, effective: 2025-01-01, timezone: Europe/Paris, currency: EUR, holidays: FR, rounding: half_even}
        decisions:
          fee:
            title: Fee
            cites: art. 1

        """

    private func errors(_ text: String) -> [Diagnostic] {
        Compiler.compile([SourceFile(path: "i.yaml", text: Self.header + text)]).diagnostics.filter { $0.severity == .error }
    }

    @Test func anOverIndentedKeySaysWhichColumnItBelongsIn() throws {
        let found = errors("""
                inputs: {late: bool}
                returns: bool
                value:
                  cases:
                    - when: late
                        then: false
                      cites: art. 1
                    - otherwise: true
                      cites: art. 1
            """)
        let first = try #require(found.first)
        #expect(found.count == 1)
        #expect(first.code == .yamlSyntax)
        #expect(first.location == SourceLocation(file: "i.yaml", line: 11, column: 17))
        #expect(
            first.hints.first
                == "'then:' is indented more than 'when:' on the line above, which already has a value ('late'): start 'then:' in column 11 if it is a key of the same mapping, or move that value off the line if 'then:' belongs under 'when:'")
    }

    @Test func aCaseWithoutItsDashIsOneErrorAboutTheDash() throws {
        // Today: one "duplicate key" per key of the second case, each with "remove one of the two".
        let found = errors("""
                inputs: {n: int}
                returns: int
                value:
                  cases:
                    - when: n > 3
                      then: 1
                      cites: art. 1
                      when: n > 2
                      then: 2
                      cites: art. 1
                    - otherwise: 0
                      cites: art. 1
            """)
        let first = try #require(found.first)
        #expect(found.count == 1)
        #expect(first.code == .duplicateKey)
        #expect(first.message == "duplicate key 'when' in this item of the list")
        #expect(first.hints == ["if another item starts here, write '- when:' with its dash in column 9, like the item above"])
        #expect(first.location?.line == 13)
    }

    @Test func aRepeatedKeyOutsideAListItemKeepsItsHint() throws {
        let found = errors("""
                inputs: {n: int}
                returns: int
                returns: int
                value: n
            """)
        #expect(found.map(\.code) == [.duplicateKey])
        #expect(found.first?.hints == ["remove one of the two, or merge them"])
    }

    @Test(arguments: [
        "  value: n + 1",
        "  value:\n    cases:\n      - when: n > 1\n        then: 1\n        cites: art. 1\n      - otherwise: 0\n        cites: art. 1",
    ])
    func aDeIndentedKeyIsToldWhereItBelongs(value: String) throws {
        let found = errors("""
                inputs: {n: int}
                returns: int
            \(value)
            """)
        let first = try #require(found.first)
        #expect(found.count == 1)
        #expect(first.code == .wrongShape)
        #expect(first.message == "'value' is a key of a decision, not a decision: it belongs to 'fee' above")
        #expect(first.hints == ["indent 'value:' under 'fee', in the same column as its other keys"])
    }

    @Test func aDecisionNamedLikeAKeyIsStillADecision() {
        let found = Compiler.compile([SourceFile(path: "i.yaml", text: """
            contract: {id: i, title: I, source: i.txt, effective: 2025-01-01, timezone: Europe/Paris, currency: EUR, holidays: FR, rounding: half_even}
            decisions:
              fee:
                title: Fee
                cites: art. 1
                inputs: {n: int}
                returns: int
                value: n
              value:
                title: Value
                cites: art. 2
                inputs: {n: int}
                returns: int
                value: n + 1
            """)])
        #expect(found.ruleSet?.contracts.first?.decisions.map(\.id) == ["fee", "value"])
    }
}
