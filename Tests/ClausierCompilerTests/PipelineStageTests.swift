import Clausier
import ClausierDiagnostics
import Testing

@testable import ClausierCompiler

/// Each compiler stage on its own: what it hands the next stage is a value these tests hold.
@Suite struct PipelineStageTests {
    static let text = """
        contract: {id: t, title: T, source: t.txt, effective: 2025-01-01, timezone: Europe/Paris, currency: EUR, holidays: FR, rounding: half_even}
        decisions:
          fee:
            title: A fee
            cites: art. 1
            inputs: {amount: money, late: bool}
            returns: money
            value:
              cases:
                - when: late and amount > 100 EUR
                  then: amount * 10%
                  cites: art. 1
                - otherwise: 0 EUR
                  cites: art. 1
        """

    static func parse(_ text: String = text, path: String = "Rules/t.yaml", relative: String = "t.yaml") -> ContractSyntax? {
        let source = SourceFile(path: path, text: text, relativePath: relative)
        guard let root = YAMLLoader.load(bytes: source.bytes, file: source.path).root else { return nil }
        var parser = RuleFileParser(source: source)
        return parser.parse(root)
    }

    @Test(arguments: [
        ("late and amount > 100 EUR", 0, 25),
        ("amount > 100 EUR", 9, 16),
        ("100 EUR", 0, 7),
        ("f(a, b) + 1", 0, 11),
        ("f(a, b)", 0, 7),
        ("25%", 0, 3),
        // A node starts where findings about it point: at its first operand, inside any parentheses.
        ("(a + b) * c", 1, 11),
        ("(a + b) * c", 1, 6),
        ("not exists(x)", 0, 13),
        ("if a then b else c", 0, 18),
    ])
    func spansCoverWhatIsWritten(text: String, start: Int, end: Int) throws {
        let whole = try ExpressionParser.parse(text)
        // The node whose span starts at `start` and is the largest there: the one an editor would select.
        var found: [ExpressionSpan] = []
        func visit(_ e: ExpressionSyntax) {
            found.append(e.span)
            switch e {
            case .field(let b, _, _), .unary(_, let b, _), .lambda(_, let b, _): visit(b)
            case .binary(_, let l, let r, _): visit(l); visit(r)
            case .call(_, let args, _), .list(let args, _): args.forEach(visit)
            case .conditional(let c, let t, let o, _): visit(c); visit(t); visit(o)
            default: break
            }
        }
        visit(whole)
        #expect(found.contains(ExpressionSpan(start, end)))
    }

    @Test func parseProducesTreesWithTheirSyntaxErrorsCarried() throws {
        let broken = Self.text.replacingOccurrences(of: "then: amount * 10%", with: "then: amount * * 10%")
        let syntax = try #require(Self.parse(broken))
        guard case .cases(let branches, _) = syntax.decisions.first?.value else {
            Issue.record("the value should parse as cases")
            return
        }
        #expect(branches.first?.when?.syntax != nil)
        guard case .expression(let then) = branches.first?.then else {
            Issue.record("the first case's value should be an expression")
            return
        }
        #expect(then.syntax == nil)
        #expect(then.syntaxError?.message.contains("expected a value") == true)
    }

    @Test func checkProducesATypedTreeThatLoweringTranslates() throws {
        let syntax = try #require(Self.parse())
        var checker = ContractChecker(syntax)
        let checked = checker.check()
        let typed = try #require(checked)
        #expect(checker.diagnostics.isEmpty)
        let decision = try #require(typed.decisions.first)
        #expect(decision.returns == .money(Currency(code: "EUR")!))
        let value = try #require(decision.value)
        guard case .cases(let block) = value.expr else {
            Issue.record("the typed value should be cases")
            return
        }
        // The condition is typed, and keeps the text the editor wrote for the analyses.
        let condition = try #require(block.branches.first?.condition)
        #expect(condition.type == .bool)
        #expect(condition.syntax?.text == "late and amount > 100 EUR")
        guard case .and(_, let comparison) = condition.expr, case .binary(.compare(.greater), let amount, let limit) = comparison.expr else {
            Issue.record("the condition should be typed as 'late and (amount > 100 EUR)'")
            return
        }
        #expect(amount.type == .money(Currency(code: "EUR")!))
        #expect(limit.constantValue == .money(Money(amount: FixedDecimal(100), currency: Currency(code: "EUR")!)))
        #expect(ContractAnalysis.findings(typed).isEmpty)
        let compiled = try #require(Lowering.lower(typed))
        #expect(compiled.branches.map(\.location) == ["t.yaml:10:11", "t.yaml:13:11"])
    }

    @Test func compiledOutputIsTheSameFromAnyFolder() {
        let a = Compiler.compile([SourceFile(path: "/home/a/Rules/t.yaml", text: Self.text, relativePath: "t.yaml")])
        let b = Compiler.compile([SourceFile(path: "Other/Rules/t.yaml", text: Self.text, relativePath: "t.yaml")])
        #expect(a.ruleSet != nil)
        #expect(a.ruleSet == b.ruleSet)
        #expect(a.contractFiles["t"]?.path == "/home/a/Rules/t.yaml")
    }

    @Test func analysesReadTheTypedTree() throws {
        // The second case can never apply: the first takes every late fact.
        let text = Self.text.replacingOccurrences(
            of: "        - otherwise: 0 EUR",
            with: "        - when: late and amount > 200 EUR\n          then: 1 EUR\n          cites: art. 1\n        - otherwise: 0 EUR")
        let syntax = try #require(Self.parse(text))
        var checker = ContractChecker(syntax)
        let checked = checker.check()
        let typed = try #require(checked)
        let findings = ContractAnalysis.findings(typed)
        #expect(findings.map(\.code) == [.unreachableBranch])
        #expect(findings.first?.location == SourceLocation(file: "Rules/t.yaml", line: 13, column: 11))
    }
}
