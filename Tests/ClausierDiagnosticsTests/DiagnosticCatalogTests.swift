import ClausierDiagnostics
import Testing

/// Every code `DiagnosticCode` declares, written out so that a new code without documentation fails here.
private let declaredCodes: [(name: String, code: DiagnosticCode)] = [
    ("unreadableFile", .unreadableFile),
    ("yamlSyntax", .yamlSyntax),
    ("duplicateKey", .duplicateKey),
    ("unsupportedYAML", .unsupportedYAML),
    ("unknownKey", .unknownKey),
    ("missingKey", .missingKey),
    ("wrongShape", .wrongShape),
    ("invalidValue", .invalidValue),
    ("duplicateID", .duplicateID),
    ("unusedInput", .unusedInput),
    ("expressionSyntax", .expressionSyntax),
    ("unknownName", .unknownName),
    ("typeMismatch", .typeMismatch),
    ("unitMismatch", .unitMismatch),
    ("badCall", .badCall),
    ("cycle", .cycle),
    ("optionalUnwrapped", .optionalUnwrapped),
    ("tierConvention", .tierConvention),
    ("tierRows", .tierRows),
    ("casesWithoutOtherwise", .casesWithoutOtherwise),
    ("decreasingTiers", .decreasingTiers),
    ("roundingUndeclared", .roundingUndeclared),
    ("unreachableBranch", .unreachableBranch),
    ("conflictingProvisions", .conflictingProvisions),
    ("missingCitation", .missingCitation),
    ("branchWithoutCitation", .branchWithoutCitation),
    ("invalidTest", .invalidTest),
    ("untestedDecision", .untestedDecision),
]

@Suite("Diagnostic catalogue")
struct DiagnosticCatalogTests {
    @Test("every declared code has an explanation in the catalogue", arguments: declaredCodes.map(\.name))
    func explained(name: String) throws {
        let code = try #require(declaredCodes.first { $0.name == name }?.code)
        let explanation = try #require(DiagnosticCatalog.all.first { $0.code == code }, "\(name) (\(code)) is not in DiagnosticCatalog.all")
        #expect(DiagnosticCatalog.explanation(for: code) == explanation)
        #expect(!explanation.title.isEmpty && !explanation.summary.isEmpty && !explanation.fix.isEmpty)
        #expect(DiagnosticCatalog.markdown().contains("### \(code) — "), "\(code) is in no section of docs/CHECKS.md")
    }

    @Test("declared codes are unique and well-formed")
    func declaredUnique() {
        let raw = declaredCodes.map(\.code.rawValue)
        #expect(Set(raw).count == raw.count)
        for code in raw { #expect(isWellFormed(code), "\(code) is not CLS and three digits") }
    }

    @Test("the catalogue documents each code once, in code order, and no undeclared code")
    func catalogueUnique() {
        let raw = DiagnosticCatalog.all.map(\.code.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(raw == raw.sorted())
        #expect(Set(raw) == Set(declaredCodes.map(\.code.rawValue)))
    }

    @Test("an unknown code has no explanation")
    func unknown() {
        #expect(DiagnosticCatalog.explanation(for: "CLS999") == nil)
    }

    private func isWellFormed(_ code: String) -> Bool {
        code.count == 6 && code.hasPrefix("CLS") && code.dropFirst(3).allSatisfy { $0.isASCII && $0.isNumber }
    }
}
