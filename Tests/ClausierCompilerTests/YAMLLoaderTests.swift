import ClausierDiagnostics
import Testing

@testable import ClausierCompiler

// Every expected line and column below is counted by hand from the literal text, 1-based,
// one column per character (not per byte).

let file = "rules.yaml"

// Qualified because Swift Testing has a `SourceLocation` of its own.
func at(_ line: Int, _ column: Int) -> ClausierDiagnostics.SourceLocation {
    ClausierDiagnostics.SourceLocation(file: file, line: line, column: column)
}

func load(_ text: String) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
    YAMLLoader.load(text, file: file)
}

func scalarOf(_ node: YAMLNode?) -> YAMLScalar? {
    if case .scalar(let scalar)? = node { return scalar }
    return nil
}

func mappingOf(_ node: YAMLNode?) -> YAMLMapping? {
    if case .mapping(let mapping)? = node { return mapping }
    return nil
}

func sequenceOf(_ node: YAMLNode?) -> YAMLSequence? {
    if case .sequence(let sequence)? = node { return sequence }
    return nil
}

/// Loads text that must be a syntax error and returns its single finding.
func syntaxError(_ text: String) throws -> Diagnostic {
    let result = load(text)
    #expect(result.root == nil)
    #expect(result.diagnostics.count == 1)
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.code == .yamlSyntax)
    #expect(diagnostic.severity == .error)
    return diagnostic
}

@Suite struct YAMLLoaderTreeTests {
    @Test func nestedMappingsAndListsCarryExactLocations() throws {
        let text = """
            contract:
              name: Lease
              parties:
                - id: landlord
                  role: owner
                - tenant
              fee: 100
            """
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(mappingOf(result.root))
        #expect(root.location == at(1, 1))
        #expect(root.entries.map(\.key.value) == ["contract"])
        #expect(root.entries.first?.key.location == at(1, 1))

        // Line 2 "  name: Lease": the nested mapping starts at its first key, column 3.
        let contract = try #require(mappingOf(root["contract"]))
        #expect(contract.location == at(2, 3))
        #expect(contract.entries.map(\.key.value) == ["name", "parties", "fee"])
        #expect(contract.entries.map(\.key.location) == [at(2, 3), at(3, 3), at(7, 3)])
        // "  name: " is 8 characters, so "Lease" starts at column 9.
        let name = try #require(scalarOf(contract["name"]))
        #expect(name.value == "Lease")
        #expect(name.location == at(2, 9))
        // "  fee: " is 7 characters: "100" at column 8, kept as text.
        #expect(scalarOf(contract["fee"]) == YAMLScalar(value: "100", location: at(7, 8), isQuoted: false, isNull: false))

        // Line 4 "    - id: landlord": the list starts at its '-', column 5; the item after "- " at column 7.
        let parties = try #require(sequenceOf(contract["parties"]))
        #expect(parties.location == at(4, 5))
        #expect(parties.items.count == 2)
        let first = try #require(mappingOf(parties.items.first))
        #expect(first.location == at(4, 7))
        #expect(first.entries.map(\.key.location) == [at(4, 7), at(5, 7)])
        // "    - id: " is 10 characters: "landlord" at 11. "      role: " is 12: "owner" at 13.
        #expect(scalarOf(first["id"])?.location == at(4, 11))
        #expect(scalarOf(first["role"])?.location == at(5, 13))
        #expect(scalarOf(first["role"])?.value == "owner")
        // Line 6 "    - tenant": "tenant" at column 7.
        #expect(parties.items.last == .scalar(YAMLScalar(value: "tenant", location: at(6, 7), isQuoted: false, isNull: false)))
    }

    @Test func indentlessListUnderKeyStartsAtItsDash() throws {
        let result = load("days:\n- mon\n- tue\n")
        #expect(result.diagnostics.isEmpty)
        let days = try #require(sequenceOf(mappingOf(result.root)?["days"]))
        #expect(days.location == at(2, 1))
        #expect(days.items.map(\.location) == [at(2, 3), at(3, 3)])
        #expect(days.items.compactMap { scalarOf($0)?.value } == ["mon", "tue"])
    }

    @Test func quotedAndPlainScalarsAreTold() throws {
        let text = """
            plain: text
            single: 'it''s'
            double: "a\\tb"
            "quoted key": 42
            """
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(mappingOf(result.root))
        // "plain: " is 7 characters; "single: " and "double: " are 8, so their quotes open at column 9.
        #expect(scalarOf(root["plain"]) == YAMLScalar(value: "text", location: at(1, 8), isQuoted: false, isNull: false))
        #expect(scalarOf(root["single"]) == YAMLScalar(value: "it's", location: at(2, 9), isQuoted: true, isNull: false))
        #expect(scalarOf(root["double"]) == YAMLScalar(value: "a\tb", location: at(3, 9), isQuoted: true, isNull: false))
        let quotedKey = try #require(root.entries.last?.key)
        #expect(quotedKey == YAMLScalar(value: "quoted key", location: at(4, 1), isQuoted: true, isNull: false))
        // `"quoted key": ` is 14 characters.
        #expect(scalarOf(root["quoted key"]) == YAMLScalar(value: "42", location: at(4, 15), isQuoted: false, isNull: false))
    }

    @Test func nullIsOnlyThePlainNullSpellings() throws {
        let text = """
            a:
            b: ~
            c: null
            d: Null
            e: NULL
            f: ''
            g: "null"
            h: nil
            i: NuLL
            j: ~x
            """
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(mappingOf(result.root))
        let nulls = root.entries.map { entry in scalarOf(entry.value)?.isNull }
        #expect(nulls == [true, true, true, true, true, false, false, false, false, false])
        // `a:` with nothing after it: libyaml places the empty value right after the ':', column 3.
        #expect(scalarOf(root["a"]) == YAMLScalar(value: "", location: at(1, 3), isQuoted: false, isNull: true))
        #expect(scalarOf(root["f"])?.isQuoted == true)
        #expect(scalarOf(root["g"])?.value == "null")
    }

    @Test func emptyListItemIsNull() throws {
        let items = try #require(sequenceOf(load("- \n- x\n").root)).items
        #expect(items.map { scalarOf($0)?.isNull } == [true, false])
    }

    @Test func blockLiteralAndFoldedScalarsCountAsQuoted() throws {
        let text = """
            text: |
              First line
                indented
              last
            folded: >
              one
              two

              three
            keep: |+
              x

            strip: |-
              y
            """
        let result = load(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(mappingOf(result.root))
        // The scalar starts at its indicator: "text: " is 6 characters, so '|' is at 7; "folded: " is 8, '>' at 9.
        #expect(
            scalarOf(root["text"])
                == YAMLScalar(value: "First line\n  indented\nlast\n", location: at(1, 7), isQuoted: true, isNull: false))
        #expect(scalarOf(root["folded"]) == YAMLScalar(value: "one two\nthree\n", location: at(5, 9), isQuoted: true, isNull: false))
        #expect(scalarOf(root["keep"])?.value == "x\n\n")
        #expect(scalarOf(root["strip"])?.value == "y")
        #expect(scalarOf(root["strip"])?.location == at(13, 8))
    }

    @Test func flowStyleMappingAndList() throws {
        // {  a  :  _  1  ,  _  b  :  _  [  x  ,  _  y  ]  }
        // 1  2  3  4  5  6  7  8  9  10 11 12 13 14 15 16 17
        let result = load("{a: 1, b: [x, y]}")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(mappingOf(result.root))
        #expect(root.location == at(1, 1))
        #expect(root.entries.map(\.key.location) == [at(1, 2), at(1, 8)])
        #expect(scalarOf(root["a"])?.location == at(1, 5))
        let list = try #require(sequenceOf(root["b"]))
        #expect(list.location == at(1, 11))
        #expect(list.items == [
            .scalar(YAMLScalar(value: "x", location: at(1, 12), isQuoted: false, isNull: false)),
            .scalar(YAMLScalar(value: "y", location: at(1, 15), isQuoted: false, isNull: false)),
        ])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "clé: x": 'é' is two bytes but one column, so "x" is at column 6, not 7.
        let root = try #require(mappingOf(load("titre: \"é\"\nclé: x\n").root))
        #expect(scalarOf(root["clé"])?.location == at(2, 6))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let result = load("\u{FEFF}a: 1\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(mappingOf(result.root))
        #expect(root.entries.first?.key.location == at(1, 1))
        #expect(scalarOf(root["a"])?.location == at(1, 4))
    }

    @Test func windowsLineEndingsCountAsOneBreak() throws {
        let root = try #require(mappingOf(load("a: 1\r\nb: 2\r\n").root))
        #expect(root.entries.map(\.key.location) == [at(1, 1), at(2, 1)])
        #expect(scalarOf(root["b"])?.value == "2")
    }

    @Test func emptyOrCommentOnlyFilesHaveNoRoot() {
        for text in ["", "\n\n", "# only a comment\n  # and another\n\n"] {
            let result = load(text)
            #expect(result.root == nil, "\(text.debugDescription)")
            #expect(result.diagnostics.isEmpty, "\(text.debugDescription)")
        }
        let bytes = YAMLLoader.load(bytes: [], file: file)
        #expect(bytes.root == nil)
        #expect(bytes.diagnostics.isEmpty)
    }

    @Test func scalarRootAndExplicitDocumentMarkers() throws {
        #expect(load("just text\n").root == .scalar(YAMLScalar(value: "just text", location: at(1, 1), isQuoted: false, isNull: false)))
        // One document between "---" and "...": the mapping starts on line 2.
        let result = load("---\na: 1\n...\n")
        #expect(result.diagnostics.isEmpty)
        #expect(mappingOf(result.root)?.location == at(2, 1))
    }

    @Test func utf16InputWithByteOrderMarkIsRead() throws {
        // FF FE marks UTF-16 little endian: "a: b" two bytes a character.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0, 0x3A, 0, 0x20, 0, 0x62, 0, 0x0A, 0]
        let result = YAMLLoader.load(bytes: bytes, file: file)
        #expect(result.diagnostics.isEmpty)
        #expect(scalarOf(mappingOf(result.root)?["a"]) == YAMLScalar(value: "b", location: at(1, 4), isQuoted: false, isNull: false))
    }

    @Test func subscriptKindNameAndLocation() throws {
        let mapping = YAMLMapping(
            entries: [
                .init(key: YAMLScalar(value: "k", location: at(1, 1), isQuoted: false, isNull: false),
                      value: .sequence(YAMLSequence(items: [], location: at(1, 4)))),
                .init(key: YAMLScalar(value: "k", location: at(2, 1), isQuoted: false, isNull: false),
                      value: .scalar(YAMLScalar(value: "second", location: at(2, 4), isQuoted: false, isNull: false))),
            ],
            location: at(1, 1))
        #expect(mapping["k"]?.kindName == "a list")
        #expect(mapping["k"]?.location == at(1, 4))
        #expect(mapping["missing"] == nil)
        #expect(YAMLNode.mapping(mapping).kindName == "a mapping")
        #expect(YAMLNode.mapping(mapping).location == at(1, 1))
        #expect(mapping.entries.last?.value.kindName == "a text value")
    }
}

@Suite struct YAMLLoaderSyntaxErrorTests {
    @Test func colonInsideUnquotedValue() throws {
        // "note: Payment: within": the second ': ' is at column 14 of line 2.
        let diagnostic = try syntaxError("title: Lease\nnote: Payment: within 30 days\n")
        #expect(diagnostic.location == at(2, 14))
        #expect(diagnostic.hints.contains("a ':' inside a value needs the value in quotes"))
    }

    @Test func tabIndentation() throws {
        let diagnostic = try syntaxError("party:\n\tname: A\n")
        #expect(diagnostic.location == at(2, 1))
        #expect(diagnostic.message.contains("tab"))
        #expect(diagnostic.hints == ["indent with spaces, not tabs"])

        // A tab before a sibling key is reported as tab indentation too.
        let sibling = try syntaxError("a: 1\n\tb: 2\n")
        #expect(sibling.location == at(2, 1))
        #expect(sibling.hints == ["indent with spaces, not tabs"])

        let blockText = try syntaxError("text: |\n\tindented with a tab\n")
        #expect(blockText.location == at(2, 1))
        #expect(blockText.hints == ["indent with spaces, not tabs"])
    }

    @Test func unclosedQuoteIsReportedAtTheOpeningQuote() throws {
        // libyaml notices at the end of the file (line 3, column 1); the mistake is the quote at column 8 of line 1.
        let diagnostic = try syntaxError("title: \"Lease agreement\nparty: A\n")
        #expect(diagnostic.location == at(1, 8))
        #expect(diagnostic.message == "this quoted value is never closed")
        #expect(diagnostic.notes.map(\.location) == [at(3, 1)])
    }

    @Test func missingColonIsReportedAtItsLine() throws {
        let diagnostic = try syntaxError("a: 1\nparty name\nb: 2\n")
        #expect(diagnostic.location == at(2, 1))
        #expect(diagnostic.message.contains("':' is missing"))
    }

    @Test func keyIndentedLessThanItsSiblings() throws {
        // " deposit" starts at column 2 while "rent" starts at column 3.
        let diagnostic = try syntaxError("terms:\n  rent: 100\n deposit: 200\n")
        #expect(diagnostic.location == at(3, 2))
        #expect(diagnostic.notes == [DiagnosticNote("the mapping starts here", at: at(1, 1))])
    }

    @Test func unclosedFlowList() throws {
        // "[" opens at column 7; libyaml stops at the ':' of "next:", line 2 column 5.
        let diagnostic = try syntaxError("days: [1, 2\nnext: 3\n")
        #expect(diagnostic.location == at(2, 5))
        #expect(diagnostic.message.contains("line 1, column 7"))
        #expect(diagnostic.notes == [DiagnosticNote("the list starts here", at: at(1, 7))])
    }

    @Test func unknownEscapeInDoubleQuotes() throws {
        // path: "C:\docs" -- the backslash is column 10.
        let diagnostic = try syntaxError("path: \"C:\\docs\"\n")
        #expect(diagnostic.location == at(1, 10))
        #expect(diagnostic.message.contains("'\\d'"))
    }

    @Test func reservedCharacterStartsValue() throws {
        let diagnostic = try syntaxError("email: @home\n")
        #expect(diagnostic.location == at(1, 8))
        #expect(diagnostic.message == "a value cannot start with '@'")
        #expect(diagnostic.hints == ["put the value in quotes"])
    }

    @Test func listItemAfterMappingAtSameLevel() throws {
        let diagnostic = try syntaxError("- a\nb: 1\n")
        #expect(diagnostic.location == at(2, 1))
    }

    @Test func listItemOnTheKeyLine() throws {
        let diagnostic = try syntaxError("days: - mon\n")
        #expect(diagnostic.location == at(1, 7))
    }

    @Test func controlCharacter() throws {
        // "a: b" then BEL: the control character is the 5th character.
        let diagnostic = try syntaxError("a: b\u{7}c\n")
        #expect(diagnostic.location == at(1, 5))
        #expect(diagnostic.message.contains("U+0007"))
    }

    @Test func invalidUTF8() throws {
        let plain = YAMLLoader.load(bytes: [0x61, 0x3A, 0x0A, 0x62, 0x3A, 0x20, 0xFF, 0x0A], file: file)
        #expect(plain.root == nil)
        // "b: " is three characters on line 2, so the bad byte is column 4.
        #expect(plain.diagnostics.map(\.code) == [.yamlSyntax])
        #expect(plain.diagnostics.first?.location == at(2, 4))
        #expect(plain.diagnostics.first?.message.contains("UTF-8") == true)

        // After a BOM (not a column) and "a: é" (é is two bytes, one column), the stray 0x80 is column 5.
        let afterBOM = YAMLLoader.load(bytes: [0xEF, 0xBB, 0xBF, 0x61, 0x3A, 0x20, 0xC3, 0xA9, 0x80], file: file)
        #expect(afterBOM.root == nil)
        #expect(afterBOM.diagnostics.first?.location == at(1, 5))
        #expect(afterBOM.diagnostics.first?.code == .yamlSyntax)
    }

    @Test func findingsBeforeASyntaxErrorAreKept() {
        let result = load("a: 1\na: 2\nb: [\n")
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == [.duplicateKey, .yamlSyntax])
        #expect(result.diagnostics.first?.location == at(2, 1))
    }
}
