import ClausierDiagnostics
import Testing

@testable import ClausierCompiler

@Suite struct YAMLLoaderRuleTests {
    @Test func everyDuplicateKeyIsReportedAndTheFirstKept() throws {
        let text = """
            name: A
            fee: 1
            name: B
            terms:
              x: 1
              x: 2
            fee: 3
            """
        let result = load(text)
        let expected: [Diagnostic] = [
            .error(
                .duplicateKey, "duplicate key 'name' in this mapping", at: at(3, 1),
                hints: ["remove one of the two, or merge them"],
                notes: [DiagnosticNote("first defined here", at: at(1, 1))]),
            .error(
                .duplicateKey, "duplicate key 'x' in this mapping", at: at(6, 3),
                hints: ["remove one of the two, or merge them"],
                notes: [DiagnosticNote("first defined here", at: at(5, 3))]),
            .error(
                .duplicateKey, "duplicate key 'fee' in this mapping", at: at(7, 1),
                hints: ["remove one of the two, or merge them"],
                notes: [DiagnosticNote("first defined here", at: at(2, 1))]),
        ]
        #expect(result.diagnostics == expected)
        let root = try #require(mappingOf(result.root))
        #expect(root.entries.map(\.key.value) == ["name", "fee", "terms"])
        #expect(scalarOf(root["name"])?.value == "A")
        #expect(scalarOf(root["fee"])?.value == "1")
        #expect(mappingOf(root["terms"])?.entries.count == 1)
        #expect(scalarOf(mappingOf(root["terms"])?["x"])?.value == "1")
    }

    @Test func duplicatesCompareTextNotQuoting() {
        let result = load("\"a\": 1\na: 2\n")
        #expect(result.diagnostics.map(\.code) == [.duplicateKey])
        #expect(result.diagnostics.first?.location == at(2, 1))
    }

    @Test func sameKeyInDifferentMappingsIsFine() {
        let result = load("a:\n  x: 1\nb:\n  x: 2\nc: [{x: 1}, {x: 2}]\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root != nil)
    }

    @Test func duplicateInFlowMapping() {
        // {a: 1, a: 2}: the second 'a' is column 8.
        let result = load("{a: 1, a: 2}")
        #expect(result.diagnostics.map(\.location) == [at(1, 8)])
        #expect(result.diagnostics.first?.notes.map(\.location) == [at(1, 2)])
    }

    @Test func collectionKeysAreRejectedAndLoadingGoesOn() throws {
        let list = load("[a, b]: 1\nc: 2\n")
        #expect(list.diagnostics.map(\.code) == [.unsupportedYAML])
        #expect(list.diagnostics.first?.location == at(1, 1))
        #expect(list.diagnostics.first?.message.contains("a list") == true)
        #expect(try #require(mappingOf(list.root)).entries.map(\.key.value) == ["c"])

        // "? " puts the mapping key at column 3.
        let mapping = load("? {x: 1}\n: v\nk: w\n")
        #expect(mapping.diagnostics.map(\.code) == [.unsupportedYAML])
        #expect(mapping.diagnostics.first?.location == at(1, 3))
        #expect(mapping.diagnostics.first?.message.contains("a mapping") == true)
        #expect(try #require(mappingOf(mapping.root)).entries.map(\.key.value) == ["k"])
    }

    @Test func anchorsAndAliasesAreRejected() throws {
        // "base: &b 10": '&' at column 7. "fee: *b": '*' at column 6.
        let result = load("base: &b 10\nfee: *b\n")
        let message = "anchors and aliases are not allowed in rule files: write the value out"
        #expect(result.diagnostics.map(\.code) == [.unsupportedYAML, .unsupportedYAML])
        #expect(result.diagnostics.map(\.message) == [message, message])
        #expect(result.diagnostics.map(\.location) == [at(1, 7), at(2, 6)])
        // The alias is left out of the tree rather than expanded.
        let root = try #require(mappingOf(result.root))
        #expect(root.entries.map(\.key.value) == ["base"])

        let anchoredMapping = load("a: &m\n  x: 1\nb:\n  - *m\n")
        #expect(anchoredMapping.diagnostics.map(\.location) == [at(1, 4), at(4, 5)])
        #expect(sequenceOf(mappingOf(anchoredMapping.root)?["b"])?.items.isEmpty == true)
    }

    @Test func explicitTagsAreRejected() {
        let result = load("a: !!str 10\nb: !custom x\n")
        #expect(result.diagnostics.map(\.code) == [.unsupportedYAML, .unsupportedYAML])
        #expect(result.diagnostics.map(\.location) == [at(1, 4), at(2, 4)])
        #expect(result.diagnostics.first?.message.contains("'!!str'") == true)
        #expect(result.diagnostics.last?.message.contains("'!custom'") == true)
    }

    @Test func secondDocumentIsRejectedAtItsStart() throws {
        let result = load("a: 1\n---\nb: 2\n")
        #expect(result.diagnostics.map(\.code) == [.unsupportedYAML])
        #expect(result.diagnostics.first?.location == at(2, 1))
        let root = try #require(mappingOf(result.root))
        #expect(root.entries.map(\.key.value) == ["a"])
    }

    @Test func depthLimitAllows64Levels() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        var node = result.root
        var depth = 0
        while let list = sequenceOf(node) {
            depth += 1
            node = list.items.first
        }
        #expect(depth == 64)
    }

    @Test func depthLimitRejectsTheSixtyFifthLevel() {
        // The 65th '[' is column 65.
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let result = load(text)
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == [.unsupportedYAML])
        #expect(result.diagnostics.first?.location == at(1, 65))
    }

    @Test func depthLimitInBlockStyle() {
        // Level k is "a:" indented by 2(k-1) spaces on line k, so the 65th mapping starts at line 65, column 129.
        let text = (0..<65).map { String(repeating: " ", count: 2 * $0) + "a:" }.joined(separator: "\n") + " x\n"
        let result = load(text)
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.location) == [at(65, 129)])
    }

    @Test func hostileNestingDoesNotCrash() {
        let result = load(String(repeating: "[", count: 200_000))
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.location) == [at(1, 65)])
    }
}
