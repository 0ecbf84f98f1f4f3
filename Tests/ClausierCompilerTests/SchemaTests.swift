import Clausier
import ClausierDiagnostics
import Foundation
import Testing

@testable import ClausierCompiler

/// The editor schemas in `schema/` stay in step with the language: every key the parser accepts is
/// a property at the matching place of the schema, no place of the schema accepts a key the parser
/// rejects, and the value sets the schema offers (rounding modes, zones, types) are the ones the
/// compiler takes. `scripts/validate-schemas.py` checks the shipped files against the schemas.
///
/// The test-file key lists are read from `TestFileLoader.swift`'s source text: this test target
/// does not depend on ClausierHarness, and an undeclared import would race the build.
@Suite struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A place of a schema where the parser reads a mapping.
    ///
    /// `closed`: only `keys` are accepted (the parser's `known:` list), so the schema must list exactly
    /// them and set `additionalProperties: false`. Open places (records of names the author picks)
    /// declare only the words the parser gives a meaning there (`keys`) and forbid, with `false`
    /// schemas, the words that would make the parser read another structure (`forbidden`).
    struct Place: CustomStringConvertible {
        var pointer: String
        var keys: [String]
        var closed = true
        var forbidden: [String] = []
        var source: String
        var description: String { "\(source) at '#\(pointer)'" }
    }

    static let rulePlaces: [Place] = [
        Place(pointer: "", keys: RuleFileParser.topKeys, source: "RuleFileParser.topKeys"),
        Place(pointer: "/$defs/header", keys: RuleFileParser.headerKeys, source: "RuleFileParser.headerKeys"),
        Place(pointer: "/$defs/term", keys: RuleFileParser.termKeys, source: "RuleFileParser.termKeys"),
        Place(pointer: "/$defs/provision", keys: RuleFileParser.provisionKeys, source: "RuleFileParser.provisionKeys"),
        Place(
            pointer: "/$defs/definition", keys: RuleFileParser.definitionKeys, source: "RuleFileParser.definitionKeys"),
        Place(pointer: "/$defs/decision", keys: RuleFileParser.decisionKeys, source: "RuleFileParser.decisionKeys"),
        Place(pointer: "/$defs/requirement", keys: RuleFileParser.requireKeys, source: "RuleFileParser.requireKeys"),
        Place(
            pointer: "/$defs/inputAttributes", keys: RuleFileParser.inputAttributeKeys,
            source: "RuleFileParser.inputAttributeKeys"),
        // parseCases and parseTiers read their outer mapping with `known: ["cases"]` and `known: ["tiers"]`.
        Place(pointer: "/$defs/casesBlock", keys: ["cases"], source: "parseCases' known: [\"cases\"]"),
        Place(pointer: "/$defs/case", keys: RuleFileParser.caseKeys, source: "RuleFileParser.caseKeys"),
        Place(pointer: "/$defs/tiersBlock", keys: ["tiers"], source: "parseTiers' known: [\"tiers\"]"),
        Place(pointer: "/$defs/tierTable", keys: RuleFileParser.tiersKeys, source: "RuleFileParser.tiersKeys"),
        Place(pointer: "/$defs/tierRow", keys: RuleFileParser.rowKeys, source: "RuleFileParser.rowKeys"),
        Place(
            pointer: "/$defs/eligibility", keys: RuleFileParser.eligibilityKeys,
            source: "RuleFileParser.eligibilityKeys"),
        Place(pointer: "/$defs/eligibilityItem", keys: RuleFileParser.itemKeys, source: "RuleFileParser.itemKeys"),
        // parseType: a mapping whose only key is `list` or `list?` is a list type; any other is a record.
        Place(pointer: "/$defs/typeRecord", keys: ["list", "list?"], closed: false, source: "parseType's list keys"),
        // parseInputType: a mapping with `type` is read as {type, counts, ...}, never as a record.
        Place(
            pointer: "/$defs/inputTypeRecord", keys: ["list", "list?"], closed: false, forbidden: ["type"],
            source: "parseInputType's 'type' and parseType's list keys"),
        // parseNode: a mapping with one of these keys is cases, tiers or eligibility, never a record.
        Place(
            pointer: "/$defs/recordValue", keys: [], closed: false,
            forbidden: ["cases", "tiers", "exclusions", "grounds"],
            source: "parseNode's structure keys"),
    ]

    static func testPlaces() throws -> [Place] {
        let lists = try testFileLoaderKeyLists()
        func place(_ pointer: String, _ name: String) throws -> Place {
            let keys = try #require(lists[name], "TestFileLoader.swift has no 'static let \(name) = [...]'")
            return Place(pointer: pointer, keys: keys, source: "TestFileLoader.\(name)")
        }
        return [
            try place("", "topKeys"),
            try place("/$defs/test", "caseKeys"),
            try place("/$defs/expectation", "expectKeys"),
            try place("/$defs/expectedError", "errorKeys"),
        ]
    }

    // MARK: Rule files

    @Test func ruleSchemaListsExactlyTheParsersKeysAtEachPlace() throws {
        try checkPlaces(Self.rulePlaces, in: try Self.schema("clausier-rules.schema.json"))
    }

    @Test func ruleSchemaAcceptsNoKeyTheParserRejects() throws {
        try checkNoStrayKeys(Self.rulePlaces, in: try Self.schema("clausier-rules.schema.json"))
    }

    // MARK: Test files

    @Test func testSchemaListsExactlyTheLoadersKeysAtEachPlace() throws {
        try checkPlaces(try Self.testPlaces(), in: try Self.schema("clausier-tests.schema.json"))
    }

    @Test func testSchemaAcceptsNoKeyTheLoaderRejects() throws {
        try checkNoStrayKeys(try Self.testPlaces(), in: try Self.schema("clausier-tests.schema.json"))
    }

    @Test func theTestFileLoaderKeyListsAreRead() throws {
        // Guards the source-text reading above: a renamed or reformatted list fails here, not silently.
        let lists = try Self.testFileLoaderKeyLists()
        #expect(lists["topKeys"]?.contains("tests") == true)
        #expect(lists["caseKeys"]?.contains("as_of") == true)
        #expect(lists["expectKeys"]?.contains("error") == true)
        #expect(lists["errorKeys"]?.contains("fact") == true)
    }

    // MARK: Both schemas

    @Test(arguments: ["clausier-rules.schema.json", "clausier-tests.schema.json"])
    func schemaIsWellFormedAndDocumented(_ file: String) throws {
        let schema = try Self.schema(file)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] as? String == "https://clausier.dev/schema/\(file)")
        #expect((schema["title"] as? String)?.isEmpty == false)
        // Every definition is used: a forgotten one would be checked here but never apply to a file.
        let referenced = Set(Self.subschemas(of: schema).compactMap { $0.schema["$ref"] as? String })
        for name in (schema["$defs"] as? [String: Any] ?? [:]).keys {
            #expect(referenced.contains("#/$defs/\(name)"), "'#/$defs/\(name)' is never used")
        }
        for (pointer, sub) in Self.subschemas(of: schema) {
            // Every keyword is one this test knows how to walk or one that only documents.
            for keyword in sub.keys {
                #expect(
                    Self.knownKeywords.contains(keyword),
                    "#\(pointer) uses '\(keyword)', which SchemaTests does not walk")
            }
            if let ref = sub["$ref"] as? String {
                #expect(
                    ref.hasPrefix("#") && Self.value(at: String(ref.dropFirst()), in: schema) != nil,
                    "#\(pointer): '$ref: \(ref)' points nowhere")
            }
            // Every property and every definition says, in words, what it is.
            let segments = pointer.split(separator: "/", omittingEmptySubsequences: false)
            if segments.count >= 2, segments[segments.count - 2] == "properties" {
                #expect(
                    (sub["description"] as? String)?.isEmpty == false, "the property at #\(pointer) has no description")
            }
            if segments.count == 3, segments[1] == "$defs" {
                #expect((sub["title"] as? String)?.isEmpty == false, "the definition at #\(pointer) has no title")
                #expect(
                    (sub["description"] as? String)?.isEmpty == false,
                    "the definition at #\(pointer) has no description")
            }
        }
    }

    // MARK: Value sets

    @Test func headerValueSetsAreTheCompilers() throws {
        let header = try #require(
            Self.resolve("/$defs/header/properties", in: try Self.schema("clausier-rules.schema.json")))
        func values(_ key: String) -> [String] {
            ((header[key] as? [String: Any])?["enum"] as? [Any])?.compactMap { $0 as? String } ?? []
        }
        #expect(values("rounding") == RoundingMode.allCases.map(\.rawValue))
        #expect(values("holidays") == HolidayCalendar.allCases.map(\.rawValue))
        #expect(values("timezone").allSatisfy { ZoneRule.named($0) != nil })
        #expect(Set(ZoneRule.allCases.map(\.rawValue)).isSubset(of: values("timezone")))
        #expect(values("months") == ["clamp_to_month_end"])
        let tiers = try #require(
            Self.value(
                at: "/$defs/tierTable/properties/boundaries/enum", in: try Self.schema("clausier-rules.schema.json"))
                as? [String])
        #expect(tiers == [TierBoundaries.lowerInclusive.rawValue, TierBoundaries.upperInclusive.rawValue])
        #expect(tiers.allSatisfy { TierBoundaries(rawValue: $0) != nil })
    }

    @Test func typePatternAndExamplesAgreeWithTheTypeResolver() throws {
        let typeText = try #require(Self.resolve("/$defs/typeText", in: try Self.schema("clausier-rules.schema.json")))
        let pattern = try NSRegularExpression(pattern: try #require(typeText["pattern"] as? String))
        func matches(_ text: String) -> Bool {
            pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        func resolves(_ text: String) -> Bool {
            // As TypeResolver.resolve(_:) reads a written type: spaces around it do not count.
            var resolver = TypeResolver(currency: Currency(code: "EUR")!)
            let type = resolver.resolve(
                text: text.trimmingSpaces, at: SourceLocation(file: "schema", line: 1, column: 1))
            return type != nil && resolver.diagnostics.isEmpty
        }
        let examples = (typeText["examples"] as? [Any])?.compactMap { $0 as? String } ?? []
        #expect(Set(TypeResolver.scalarNames).isSubset(of: examples), "every type name is offered for completion")
        var accepted = examples
        for name in TypeResolver.scalarNames {
            accepted += ["\(name)?", "list of \(name)", "list of \(name)?", "list of list of \(name)"]
        }
        accepted += [
            "enum(a)", "enum(light, major, emergency)", "enum(a,b)?", "list of enum(x, y)", "money(USD)", " date ? ",
        ]
        for text in accepted {
            #expect(resolves(text), "'\(text)' should be a type")
            #expect(matches(text), "the schema's type pattern should accept '\(text)'")
        }
        for text in ["dat", "list of", "enum()", "enum(a b)", "date??", "money(eur)", "Date", "list date", "enum(1a)"] {
            #expect(!resolves(text), "'\(text)' should not be a type")
            #expect(!matches(text), "the schema's type pattern should reject '\(text)'")
        }
    }

    // MARK: Checks

    /// Each place lists exactly its keys; a closed place sets `additionalProperties: false`.
    private func checkPlaces(_ places: [Place], in schema: [String: Any]) throws {
        for place in places {
            let node = try #require(
                Self.resolve(place.pointer, in: schema), "the schema has no '#\(place.pointer)' for \(place)")
            let properties = node["properties"] as? [String: Any] ?? [:]
            let declared = Set(properties.filter { !Self.isFalse($0.value) }.keys)
            let forbidden = Set(properties.filter { Self.isFalse($0.value) }.keys)
            let missing = Set(place.keys).subtracting(declared).sorted()
            let extra = declared.subtracting(place.keys).sorted()
            #expect(declared == Set(place.keys), "\(place): the schema lacks \(missing) and has extra \(extra)")
            #expect(
                forbidden == Set(place.forbidden),
                "\(place): forbidden keys \(forbidden.sorted()), expected \(place.forbidden.sorted())")
            if place.closed {
                #expect(
                    Self.isFalse(node["additionalProperties"] as Any),
                    "\(place): unknown keys must be flagged (additionalProperties: false)")
            } else {
                #expect(
                    node["additionalProperties"] is [String: Any],
                    "\(place): an open record takes any name, with a schema for its value")
            }
        }
    }

    /// Outside the places above, no schema declares a property; every `required` or forbidden key is
    /// a key of its place.
    private func checkNoStrayKeys(_ places: [Place], in schema: [String: Any]) throws {
        for (pointer, sub) in Self.subschemas(of: schema) {
            let owner = Self.owner(of: pointer, among: places)
            if let properties = sub["properties"] as? [String: Any] {
                guard let owner else {
                    let names = properties.keys.sorted()
                    Issue.record(
                        "#\(pointer) declares properties \(names) where the parser reads no mapping of known keys")
                    continue
                }
                for (name, value) in properties {
                    let allowed = Self.isFalse(value) ? owner.keys + owner.forbidden : owner.keys
                    #expect(allowed.contains(name), "#\(pointer) declares '\(name)', which \(owner) does not accept")
                    #expect(
                        Self.isFalse(value) || pointer == owner.pointer,
                        "#\(pointer) declares '\(name)' away from \(owner): declare properties only at the place itself"
                    )
                }
            }
            if let required = sub["required"] as? [Any] {
                for name in required.compactMap({ $0 as? String }) {
                    #expect(
                        owner?.keys.contains(name) == true,
                        "#\(pointer) requires '\(name)', which \(owner?.description ?? "no place") does not accept")
                }
            }
        }
    }

    // MARK: Schema access

    static let knownKeywords: Set<String> = [
        // walked
        "properties", "additionalProperties", "items", "anyOf", "oneOf", "allOf", "not", "if", "then", "else", "$defs",
        "$ref",
        // constraints on the value itself
        "type", "enum", "const", "pattern", "required", "minItems", "maxItems", "minProperties", "maxProperties",
        // documentation and editor hints
        "$schema", "$id", "$comment", "title", "description", "markdownDescription", "examples", "default",
        "defaultSnippets", "patternErrorMessage", "errorMessage", "deprecationMessage", "doNotSuggest",
    ]

    static func schema(_ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("schema").appendingPathComponent(file))
        return try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file) is not a JSON object")
    }

    /// A `false` schema: the key it is under is not allowed.
    static func isFalse(_ value: Any) -> Bool {
        !(value is [String: Any]) && (value as? Bool) == false
    }

    /// The schema object at a JSON pointer ("" is the whole document).
    static func resolve(_ pointer: String, in schema: [String: Any]) -> [String: Any]? {
        value(at: pointer, in: schema) as? [String: Any]
    }

    /// Whatever is at a JSON pointer.
    static func value(at pointer: String, in schema: [String: Any]) -> Any? {
        var node: Any = schema
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let segment = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = node as? [String: Any], let next = object[segment] {
                node = next
            } else if let array = node as? [Any], let index = Int(segment), array.indices.contains(index) {
                node = array[index]
            } else {
                return nil
            }
        }
        return node
    }

    /// Every schema object in the document, with its JSON pointer.
    static func subschemas(of schema: [String: Any]) -> [(pointer: String, schema: [String: Any])] {
        var out: [(String, [String: Any])] = []
        func escape(_ name: String) -> String {
            name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }
        func walk(_ node: Any, _ pointer: String) {
            guard let object = node as? [String: Any] else { return }
            out.append((pointer, object))
            for keyword in ["properties", "$defs"] {
                for (name, sub) in object[keyword] as? [String: Any] ?? [:] {
                    walk(sub, "\(pointer)/\(keyword)/\(escape(name))")
                }
            }
            for keyword in ["additionalProperties", "items", "not", "if", "then", "else"] {
                if let sub = object[keyword] { walk(sub, "\(pointer)/\(keyword)") }
            }
            for keyword in ["anyOf", "oneOf", "allOf"] {
                for (index, sub) in (object[keyword] as? [Any] ?? []).enumerated() {
                    walk(sub, "\(pointer)/\(keyword)/\(index)")
                }
            }
        }
        walk(schema, "")
        return out.sorted { $0.0 < $1.0 }
    }

    /// The innermost place a pointer lies in; the root place owns only the root's own subschemas, not `$defs`.
    static func owner(of pointer: String, among places: [Place]) -> Place? {
        places
            .filter { place in
                if place.pointer.isEmpty { return !pointer.hasPrefix("/$defs/") }
                return pointer == place.pointer || pointer.hasPrefix(place.pointer + "/")
            }
            .max { $0.pointer.count < $1.pointer.count }
    }

    /// `static let name = ["a", "b"]` lines of TestFileLoader.swift, by name.
    static func testFileLoaderKeyLists() throws -> [String: [String]] {
        let path = root.appendingPathComponent("Sources/ClausierHarness/TestFileLoader.swift")
        let text = try String(contentsOf: path, encoding: .utf8)
        let list = try NSRegularExpression(pattern: #"static\s+let\s+(\w+)\s*(?::\s*\[String\]\s*)?=\s*\[([^\]]*)\]"#)
        let quoted = try NSRegularExpression(pattern: #""([^"\\]*)""#)
        var lists: [String: [String]] = [:]
        for match in list.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let name = Range(match.range(at: 1), in: text), let body = Range(match.range(at: 2), in: text) else {
                continue
            }
            let items = String(text[body])
            lists[String(text[name])] = quoted.matches(in: items, range: NSRange(items.startIndex..., in: items))
                .compactMap {
                    Range($0.range(at: 1), in: items).map { String(items[$0]) }
                }
        }
        return lists
    }
}
