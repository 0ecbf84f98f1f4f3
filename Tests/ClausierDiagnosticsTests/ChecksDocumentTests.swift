import ClausierDiagnostics
import Foundation
import Testing

/// docs/CHECKS.md is generated from the catalogue (`clausier explain --all --markdown`); it must not
/// drift from it, so that the documentation and `clausier explain` say the same.
@Test func checksDocumentIsTheGeneratedCatalogue() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let document = try String(contentsOf: root.appendingPathComponent("docs/CHECKS.md"), encoding: .utf8)
    #expect(document == DiagnosticCatalog.markdown(), "regenerate it: clausier explain --all --markdown > docs/CHECKS.md")
}
