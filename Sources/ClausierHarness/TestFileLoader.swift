import Clausier
import ClausierCompiler
import ClausierDiagnostics

/// Reads YAML test files into test cases, reporting every malformed case at its line.
public enum TestFileLoader {
    static let topKeys = ["contract", "tests"]
    static let caseKeys = ["name", "decision", "as_of", "facts", "expect"]
    static let expectKeys = ["value", "cites", "cites_exactly", "error"]
    static let errorKeys = ["fact", "message"]

    /// Loads a test file from its bytes.
    public static func load(bytes: [UInt8], path: String) -> (file: TestFile?, diagnostics: [Diagnostic]) {
        let (root, yamlDiagnostics) = YAMLLoader.load(bytes: bytes, file: path)
        let source = SourceFile(path: path, bytes: bytes)
        var diagnostics = yamlDiagnostics
        guard let root else { return (nil, diagnostics) }
        func invalid(_ message: String, _ location: SourceLocation, hints: [String] = []) {
            diagnostics.append(.error(.invalidTest, message, at: location, hints: hints))
        }
        guard case .mapping(let top) = root else {
            invalid("a test file must be a mapping with 'contract' and 'tests'", root.location)
            return (nil, diagnostics)
        }
        diagnostics += top.unknownKeys(known: topKeys, context: "a test file")
        guard case .scalar(let contract)? = top["contract"], !contract.isNull else {
            invalid("a test file needs 'contract: <contract id>'", top.location)
            return (nil, diagnostics)
        }
        guard case .sequence(let items)? = top["tests"] else {
            invalid("a test file needs 'tests:', a list of cases", top.location)
            return (nil, diagnostics)
        }
        var cases: [TestCase] = []
        var names: [String: SourceLocation] = [:]
        for item in items.items {
            guard case .mapping(let m) = item else {
                invalid("each test must be a mapping with name, decision, as_of, facts and expect", item.location)
                continue
            }
            diagnostics += m.unknownKeys(known: caseKeys, context: "a test")
            guard case .scalar(let name)? = m["name"], !name.isNull else {
                invalid("a test needs a 'name'", m.location)
                continue
            }
            if let first = names[name.value] {
                diagnostics.append(
                    .error(.invalidTest, "two tests are named '\(name.value)'", at: name.location,
                           notes: [DiagnosticNote("first used here", at: first)]))
            }
            names[name.value] = name.location
            guard case .scalar(let decision)? = m["decision"], !decision.isNull else {
                invalid("the test '\(name.value)' needs a 'decision'", m.location)
                continue
            }
            guard case .scalar(let asOfText)? = m["as_of"], let asOf = CivilDate.parse(asOfText.value) else {
                if case .scalar(let written)? = m["as_of"], !written.isNull {
                    // Written, but not as a date that exists: say what is wrong with it rather than that it is missing.
                    let why = Notation.whyNotADate(written.value).map { "which is not a date that exists: \($0)" }
                        ?? "which is not a date: write the evaluation date as YYYY-MM-DD"
                    diagnostics.append(
                        .error(.invalidTest, "the test '\(name.value)' has as_of '\(written.value)', \(why)", at: written.location,
                               hints: Notation.isoDate(fromDayMonthYear: written.value).map { ["write as_of: \($0)"] } ?? []))
                    continue
                }
                invalid("the test '\(name.value)' needs 'as_of', an evaluation date such as 2025-03-07",
                        m["as_of"]?.location ?? m.location)
                continue
            }
            let facts = m["facts"].map(json) ?? .object(JSONObject([]))
            guard case .mapping(let expect)? = m["expect"] else {
                invalid("the test '\(name.value)' needs 'expect' with 'value' or 'error'", m.location)
                continue
            }
            diagnostics += expect.unknownKeys(known: expectKeys, context: "'expect'")
            let expectation: Expectation
            var valuePlace: ValuePlace?
            if let error = expect["error"] {
                var fact: String?
                var message: String?
                if case .mapping(let e) = error {
                    diagnostics += e.unknownKeys(known: errorKeys, context: "'error'")
                    if case .scalar(let f)? = e["fact"] { fact = f.value }
                    if case .scalar(let msg)? = e["message"] { message = msg.value }
                }
                expectation = .error(fact: fact, message: message)
            } else if let value = expect["value"] {
                if expect["cites"] != nil, let exactly = expect["cites_exactly"] {
                    invalid("'expect' takes 'cites' (the answer cites at least these) or 'cites_exactly', not both", exactly.location)
                    continue
                }
                var cites: [String] = []
                switch expect["cites"] ?? expect["cites_exactly"] {
                case .scalar(let s)?: cites = [s.value]
                case .sequence(let seq)?:
                    cites = seq.items.compactMap { if case .scalar(let s) = $0 { s.value } else { nil } }
                default: break
                }
                expectation = .value(json(value), citations: cites, exactCitations: expect["cites_exactly"] != nil)
                let opening = source.scalar(at: value.location)
                let isBlock: Bool = switch value {
                case .mapping: opening != "{"
                case .sequence: opening != "["
                case .scalar: false
                }
                valuePlace = ValuePlace(
                    location: value.location, inFlowMapping: source.scalar(at: expect.location) == "{", isBlock: isBlock)
            } else {
                invalid("'expect' needs 'value' or 'error'", expect.location)
                continue
            }
            cases.append(
                TestCase(name: name.value, decision: decision.value, asOf: asOf, facts: facts, expectation: expectation,
                         location: m.location, valuePlace: valuePlace))
        }
        return (TestFile(path: path, contract: contract.value, contractLocation: contract.location, cases: cases), diagnostics)
    }

    /// YAML to JSON: plain true/false are booleans, null is null, plain JSON numbers are numbers,
    /// anything else (and anything quoted) is a string.
    public static func json(_ node: YAMLNode) -> JSONValue {
        switch node {
        case .scalar(let s):
            if s.isQuoted { return .string(s.value) }
            if s.isNull { return .null }
            if s.value == "true" { return .bool(true) }
            if s.value == "false" { return .bool(false) }
            if isJSONNumber(s.value) { return .number(s.value) }
            return .string(s.value)
        case .sequence(let seq):
            return .array(seq.items.map(json))
        case .mapping(let m):
            return .object(JSONObject(m.entries.map { JSONMember(key: $0.key.value, value: json($0.value)) }))
        }
    }

    static func isJSONNumber(_ text: String) -> Bool {
        guard let value = try? JSONReader.read(text), case .number = value else { return false }
        return true
    }
}
