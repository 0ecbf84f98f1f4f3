import Clausier
import ClausierDiagnostics

/// Turns the YAML tree of a rule file into its syntax tree, reporting every shape error at its line.
///
/// Every expression is parsed here too, with `ExpressionParser`, so that the checker starts from
/// complete trees; an expression with a syntax error carries it, and the checker reports it where it
/// reads the expression.
struct RuleFileParser {
    static let topKeys = ["contract", "terms", "definitions", "decisions"]
    static let termKeys = ["title", "provisions", "prevails", "because"]
    static let provisionKeys = ["value", "cites", "says"]
    static let headerKeys = ["id", "title", "source", "effective", "timezone", "currency", "holidays", "rounding", "months"]
    static let decisionKeys = ["title", "cites", "inputs", "returns", "require", "let", "value"]
    static let definitionKeys = ["title", "cites", "params", "returns", "let", "value"]
    static let requireKeys = ["that", "fact", "message", "for_each", "as"]
    static let caseKeys = ["when", "then", "otherwise", "cites", "because"]
    static let tiersKeys = ["of", "boundaries", "rows", "cites", "because"]
    static let rowKeys = ["from", "to", "then", "cites", "because"]
    static let eligibilityKeys = ["exclusions", "grounds", "granted", "refused", "no_ground", "cites", "because"]
    static let itemKeys = ["when", "reason", "cites", "because"]
    static let inputAttributeKeys = ["type", "counts", "unused"]

    let source: SourceFile
    var diagnostics: [Diagnostic] = []

    init(source: SourceFile) { self.source = source }

    private func expression(_ text: Located) -> ExpressionText {
        do {
            return ExpressionText(text, syntax: try ExpressionParser.parse(text.text))
        } catch {
            return ExpressionText(text, error: error.readingNotations(in: text.text))
        }
    }

    private func expression(_ text: Located?) -> ExpressionText? {
        text.map { expression($0) }
    }

    mutating func parse(_ root: YAMLNode) -> ContractSyntax? {
        guard case .mapping(let top) = root else {
            diagnostics.append(
                .error(
                    .wrongShape, "a rule file must be a mapping with 'contract', 'definitions' and 'decisions', not \(root.kindName)",
                    at: root.location))
            return nil
        }
        var reader = MappingReader(top, context: "a rule file", known: Self.topKeys)
        defer { diagnostics += reader.diagnostics }
        guard let headerNode = reader.node("contract") else {
            reader.diagnostics.append(
                .error(.missingKey, "a rule file needs a 'contract' header", at: top.location,
                       hints: ["add 'contract:' with id, title, source, effective, timezone, currency and holidays"]))
            return nil
        }
        guard let header = parseHeader(headerNode) else { return nil }
        let terms = parseTerms(reader.node("terms"))
        let definitions = parseRules(reader.node("definitions"), what: "definition", keys: Self.definitionKeys)
        let decisions = parseRules(reader.node("decisions"), what: "decision", keys: Self.decisionKeys)
        if reader.node("decisions") == nil {
            reader.diagnostics.append(.error(.missingKey, "a rule file needs 'decisions'", at: top.location))
        }
        return ContractSyntax(source: source, header: header, terms: terms, definitions: definitions, decisions: decisions)
    }

    private mutating func mapping(_ node: YAMLNode, what: String) -> YAMLMapping? {
        guard case .mapping(let m) = node else {
            diagnostics.append(.error(.wrongShape, "\(what) must be a mapping of keys, not \(node.kindName)", at: node.location))
            return nil
        }
        return m
    }

    private mutating func parseHeader(_ node: YAMLNode) -> HeaderSyntax? {
        guard let m = mapping(node, what: "the contract header") else { return nil }
        var reader = MappingReader(m, context: "the contract header", known: Self.headerKeys)
        defer { diagnostics += reader.diagnostics }
        var fields: [String: Located] = [:]
        for key in Self.headerKeys {
            let required = !["rounding", "months"].contains(key)
            if let value = reader.scalar(key, required: required) { fields[key] = value }
        }
        return HeaderSyntax(fields: fields, location: m.location)
    }

    private mutating func parseTerms(_ node: YAMLNode?) -> [TermSyntax] {
        guard let node, let m = mapping(node, what: "'terms'") else { return [] }
        var terms: [TermSyntax] = []
        for entry in m.entries {
            let name = Located(entry.key.value, at: entry.key.location)
            guard let body = mapping(entry.value, what: "the term '\(name.text)'") else { continue }
            var reader = MappingReader(body, context: "the term '\(name.text)'", known: Self.termKeys)
            let title = reader.scalar("title", required: false)?.text ?? ""
            var provisions: [ProvisionSyntax] = []
            for pm in reader.mappings("provisions") {
                var provisionReader = MappingReader(pm, context: "a provision", known: Self.provisionKeys)
                let value = provisionReader.scalar("value", required: true)
                let cites = provisionReader.cites()
                if cites.isEmpty {
                    provisionReader.diagnostics.append(
                        .error(.missingKey, "a provision needs 'cites', the article that sets the term", at: pm.location))
                }
                let says = provisionReader.scalar("says", required: false)?.text
                reader.diagnostics += provisionReader.diagnostics
                if let value, !cites.isEmpty {
                    provisions.append(ProvisionSyntax(value: expression(value), cites: cites, says: says, location: pm.location))
                }
            }
            if !reader.has("provisions") {
                reader.diagnostics.append(
                    .error(.missingKey, "the term '\(name.text)' needs 'provisions', the articles that set it", at: body.location))
            }
            let prevails = reader.scalar("prevails", required: false)
            let because = reader.scalar("because", required: false)?.text
            diagnostics += reader.diagnostics
            terms.append(
                TermSyntax(name: name, title: title, provisions: provisions, prevails: prevails, because: because,
                           location: body.location))
        }
        return terms
    }

    private mutating func parseRules(_ node: YAMLNode?, what: String, keys: [String]) -> [RuleSyntax] {
        guard let node else { return [] }
        guard let m = mapping(node, what: "'\(what)s'") else { return [] }
        var rules: [RuleSyntax] = []
        // A key of a rule written at the level of the rules (`value:` de-indented) belongs to the rule above.
        let strays = m.entries.indices.filter { index in
            let entry = m.entries[index]
            guard index > 0, keys.contains(entry.key.value) else { return false }
            // A mapping is a rule named like a key when its own keys are a rule's; a scalar or a list is never a rule.
            if case .mapping(let body) = entry.value { return !body.entries.allSatisfy { keys.contains($0.key.value) } }
            return true
        }
        for (index, entry) in m.entries.enumerated() {
            let id = Located(entry.key.value, at: entry.key.location)
            if strays.contains(index) {
                let previous = m.entries[index - 1].key
                diagnostics.append(
                    .error(.wrongShape, "'\(id.text)' is a key of a \(what), not a \(what): it belongs to '\(previous.value)' above",
                           at: id.location,
                           hints: ["indent '\(id.text):' under '\(previous.value)', in the same column as its other keys"]))
                continue
            }
            guard let body = mapping(entry.value, what: "the \(what) '\(id.text)'") else { continue }
            // The stray key that follows is this rule's: its absence here is the same mistake.
            let stray = strays.contains(index + 1) ? m.entries[index + 1].key.value : nil
            rules.append(parseRule(id: id, body, what: what, keys: keys, strayKey: stray))
        }
        return rules
    }

    private mutating func parseRule(
        id: Located, _ m: YAMLMapping, what: String, keys: [String], strayKey: String? = nil
    ) -> RuleSyntax {
        var reader = MappingReader(m, context: "the \(what) '\(id.text)'", known: keys)
        if let strayKey { reader.misspelt.insert(strayKey) }
        let title = reader.scalar("title", required: false)?.text ?? ""
        let cites = reader.cites()
        diagnostics += reader.diagnostics
        reader.diagnostics = []
        let inputsKey = what == "decision" ? "inputs" : "params"
        var inputs: [InputSyntax] = []
        if let inputsNode = reader.node(inputsKey), let im = mapping(inputsNode, what: "'\(inputsKey)'") {
            for entry in im.entries {
                if let type = parseInputType(entry.value) {
                    inputs.append(
                        InputSyntax(
                            name: Located(entry.key.value, at: entry.key.location), type: type.type,
                            countsOnlyIfPast: type.countsOnlyIfPast, unusedBecause: type.unusedBecause))
                }
            }
        }
        let returns = reader.node("returns").flatMap { parseType($0) }
        if reader.node("returns") == nil, !reader.isMisspelt("returns") {
            diagnostics.append(
                .error(.missingKey, "the \(what) '\(id.text)' needs 'returns', the type of its answer", at: id.location,
                       hints: ["add 'returns:' such as 'returns: money' or 'returns: {rate: percent, penalty: money}'"]))
        }
        var requires: [RequireSyntax] = []
        for rm in reader.mappings("require") { if let r = parseRequire(rm) { requires.append(r) } }
        var lets: [BindingSyntax] = []
        if let letNode = reader.node("let"), let lm = mapping(letNode, what: "'let'") {
            for entry in lm.entries {
                lets.append(BindingSyntax(name: Located(entry.key.value, at: entry.key.location), value: parseNode(entry.value)))
            }
        }
        var value: NodeSyntax?
        if let valueNode = reader.node("value") {
            value = parseNode(valueNode)
        } else if !reader.isMisspelt("value") {
            reader.diagnostics.append(
                .error(.missingKey, "the \(what) '\(id.text)' needs a 'value', its answer", at: id.location))
        }
        diagnostics += reader.diagnostics
        return RuleSyntax(
            id: id, title: title, cites: cites, inputs: inputs, returns: returns, requires: requires, lets: lets,
            value: value, location: id.location, hasUnknownKeys: m.entries.contains { !keys.contains($0.key.value) })
    }

    private mutating func parseInputType(_ node: YAMLNode) -> (type: TypeSyntax, countsOnlyIfPast: Bool, unusedBecause: String?)? {
        if case .mapping(let m) = node, m["type"] != nil {
            var reader = MappingReader(m, context: "an input", known: Self.inputAttributeKeys)
            defer { diagnostics += reader.diagnostics }
            guard let typeNode = reader.node("type"), let type = parseType(typeNode) else { return nil }
            var onlyIfPast = false
            if let counts = reader.scalar("counts", required: false) {
                if counts.text == "only_if_past" {
                    onlyIfPast = true
                } else {
                    reader.diagnostics.append(
                        .error(.invalidValue, "unknown value '\(counts.text)' for 'counts'", at: counts.location,
                               hints: ["the only value is 'only_if_past': a date after the evaluation date reads as absent"]))
                }
            }
            return (type, onlyIfPast, reader.scalar("unused", required: false)?.text)
        }
        return parseType(node).map { ($0, false, nil) }
    }

    mutating func parseType(_ node: YAMLNode) -> TypeSyntax? {
        switch node {
        case .scalar(let s):
            guard !s.isNull else {
                diagnostics.append(.error(.wrongShape, "a type is missing here", at: s.location))
                return nil
            }
            return .text(Located(s.value, at: s.location, quoted: s.isQuoted))
        case .sequence(let seq):
            diagnostics.append(
                .error(.wrongShape, "a type cannot be a list; write 'list of <type>' or {list: {...}}", at: seq.location))
            return nil
        case .mapping(let m):
            if m.entries.count == 1, let first = m.entries.first, first.key.value == "list" || first.key.value == "list?" {
                guard let element = parseType(first.value) else { return nil }
                return .list(element, m.location, optional: first.key.value == "list?")
            }
            var fields: [FieldTypeSyntax] = []
            for entry in m.entries {
                guard let type = parseType(entry.value) else { continue }
                fields.append(FieldTypeSyntax(name: Located(entry.key.value, at: entry.key.location), type: type))
            }
            return .record(fields, m.location, optional: false)
        }
    }

    private mutating func parseRequire(_ m: YAMLMapping) -> RequireSyntax? {
        var reader = MappingReader(m, context: "a requirement", known: Self.requireKeys)
        defer { diagnostics += reader.diagnostics }
        let that = reader.scalar("that", required: true)
        let fact = reader.scalar("fact", required: true)
        let message = reader.scalar("message", required: true)
        var forEach: ForEachSyntax?
        if reader.has("for_each") || reader.has("as") {
            if let list = reader.scalar("for_each", required: true), let item = reader.scalar("as", required: true) {
                forEach = ForEachSyntax(list: expression(list), item: item)
            }
        }
        guard let that, let fact, let message else { return nil }
        return RequireSyntax(that: expression(that), fact: fact, message: message, forEach: forEach, location: m.location)
    }

    /// A value: an expression, `cases`, `tiers`, exclusions and grounds, or a record of values.
    mutating func parseNode(_ node: YAMLNode) -> NodeSyntax {
        switch node {
        case .scalar(let s):
            guard !s.isNull else {
                diagnostics.append(.error(.wrongShape, "a value is missing here", at: s.location))
                return .invalid(s.location)
            }
            return .expression(expression(Located(s.value, at: s.location, quoted: s.isQuoted)))
        case .sequence(let seq):
            var items: [NodeSyntax] = []
            for item in seq.items { items.append(parseNode(item)) }
            return .list(items, seq.location)
        case .mapping(let m):
            if m["cases"] != nil { return parseCases(m) ?? .invalid(m.location) }
            if m["tiers"] != nil { return parseTiers(m) ?? .invalid(m.location) }
            if m["exclusions"] != nil || m["grounds"] != nil { return parseEligibility(m) ?? .invalid(m.location) }
            var fields: [RecordFieldSyntax] = []
            for entry in m.entries {
                fields.append(RecordFieldSyntax(name: Located(entry.key.value, at: entry.key.location), value: parseNode(entry.value)))
            }
            return .record(fields, m.location)
        }
    }

    private mutating func parseCases(_ m: YAMLMapping) -> NodeSyntax? {
        var outer = MappingReader(m, context: "a 'cases' block", known: ["cases"])
        let items = outer.mappings("cases")
        diagnostics += outer.diagnostics
        var cases: [CaseSyntax] = []
        for (index, item) in items.enumerated() {
            var reader = MappingReader(item, context: "a case", known: Self.caseKeys)
            let provenance = reader.provenance()
            if let otherwise = reader.node("otherwise") {
                if reader.has("when") || reader.has("then") {
                    reader.diagnostics.append(
                        .error(.wrongShape, "'otherwise' takes no 'when' or 'then': it is the value when no case holds",
                               at: item.location))
                }
                if index != items.count - 1 {
                    reader.diagnostics.append(
                        .error(.wrongShape, "'otherwise' must be the last case: the cases after it can never apply",
                               at: item.location))
                }
                cases.append(CaseSyntax(when: nil, then: parseNode(otherwise), provenance: provenance, location: item.location))
            } else {
                let when = reader.scalar("when", required: true)
                let thenNode = reader.node("then")
                if thenNode == nil, !reader.isMisspelt("then") {
                    reader.diagnostics.append(.error(.missingKey, "a case needs 'then', its value", at: item.location))
                }
                if let when, let thenNode {
                    cases.append(CaseSyntax(when: expression(when), then: parseNode(thenNode), provenance: provenance, location: item.location))
                }
            }
            diagnostics += reader.diagnostics
        }
        if items.isEmpty {
            diagnostics.append(.error(.wrongShape, "'cases' needs at least one case", at: m.location))
            return nil
        }
        if cases.count != items.count { return nil }
        return .cases(cases, m.location)
    }

    private mutating func parseTiers(_ outerMapping: YAMLMapping) -> NodeSyntax? {
        let outer = MappingReader(outerMapping, context: "a 'tiers' block", known: ["tiers"])
        defer { diagnostics += outer.diagnostics }
        guard let node = outer.node("tiers"), let m = mapping(node, what: "'tiers'") else { return nil }
        var reader = MappingReader(m, context: "a tier table", known: Self.tiersKeys)
        let of = reader.scalar("of", required: true)
        let boundaries = reader.scalar("boundaries", required: false)
        let provenance = reader.provenance()
        var rows: [TierRowSyntax] = []
        for rm in reader.mappings("rows") {
            var rowReader = MappingReader(rm, context: "a tier row", known: Self.rowKeys)
            let from = rowReader.scalar("from", required: false)
            let to = rowReader.scalar("to", required: false)
            let rowProvenance = rowReader.provenance()
            if let thenNode = rowReader.node("then") {
                rows.append(
                    TierRowSyntax(from: expression(from), to: expression(to), then: parseNode(thenNode), provenance: rowProvenance, location: rm.location))
            } else {
                rowReader.diagnostics.append(.error(.missingKey, "a tier row needs 'then', its value", at: rm.location))
            }
            diagnostics += rowReader.diagnostics
        }
        if !reader.has("rows") {
            reader.diagnostics.append(.error(.missingKey, "a tier table needs 'rows'", at: m.location))
        }
        diagnostics += reader.diagnostics
        guard let of else { return nil }
        return .tiers(TiersSyntax(of: expression(of), boundaries: boundaries, rows: rows, provenance: provenance, location: m.location))
    }

    private mutating func parseEligibility(_ m: YAMLMapping) -> NodeSyntax? {
        var reader = MappingReader(m, context: "exclusions and grounds", known: Self.eligibilityKeys)
        func items(_ key: String, _ reader: inout MappingReader, _ parser: inout RuleFileParser) -> [EligibilityItemSyntax] {
            var result: [EligibilityItemSyntax] = []
            for im in reader.mappings(key) {
                var itemReader = MappingReader(im, context: "an item of '\(key)'", known: Self.itemKeys)
                let when = itemReader.scalar("when", required: true)
                let reason = itemReader.scalar("reason", required: true)
                let provenance = itemReader.provenance()
                reader.diagnostics += itemReader.diagnostics
                if let when, let reason {
                    result.append(EligibilityItemSyntax(when: parser.expression(when), reason: reason, provenance: provenance, location: im.location))
                }
            }
            return result
        }
        let exclusions = items("exclusions", &reader, &self)
        let grounds = items("grounds", &reader, &self)
        let granted = reader.scalar("granted", required: true)
        let refused = reader.scalar("refused", required: true)
        let noGround = reader.scalar("no_ground", required: true)
        let provenance = reader.provenance()
        diagnostics += reader.diagnostics
        guard let granted, let refused, let noGround else { return nil }
        return .eligibility(
            EligibilitySyntax(
                exclusions: exclusions, grounds: grounds, granted: granted, refused: refused, noGround: noGround,
                provenance: provenance, location: m.location))
    }
}
