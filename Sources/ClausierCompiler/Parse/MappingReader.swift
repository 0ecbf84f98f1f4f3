import Clausier
import ClausierDiagnostics

extension YAMLMapping {
    /// A finding for each key that is not among `known`, with the closest known key and the list of
    /// them; `context` names the mapping in messages ("a decision", "a test").
    public func unknownKeys(known: [String], context: String) -> [Diagnostic] {
        entries.filter { !known.contains($0.key.value) }.map { entry in
            var hints: [String] = []
            if let close = Suggestions.closest(to: entry.key.value, among: known) {
                hints.append("did you mean '\(close)'?")
            }
            hints.append("the keys of \(context) are: \(known.joined(separator: ", "))")
            return .error(.unknownKey, "unknown key '\(entry.key.value)' in \(context)", at: entry.key.location, hints: hints)
        }
    }
}

/// Reads the keys of one YAML mapping of a rule file, reporting unknown keys with a suggestion
/// and missing or misshapen values, so that every finding points at the editor's line.
struct MappingReader {
    let mapping: YAMLMapping
    let context: String
    var diagnostics: [Diagnostic] = []

    /// The known keys that an unknown key of the mapping is a misspelling of (`wen` for `when`): their
    /// absence is the same mistake as the unknown key, already reported with the suggestion.
    var misspelt: Set<String>

    /// Reads `mapping`, whose allowed keys are `known`; `context` names it in messages ("a decision").
    init(_ mapping: YAMLMapping, context: String, known: [String]) {
        self.mapping = mapping
        self.context = context
        self.diagnostics = mapping.unknownKeys(known: known, context: context)
        misspelt = Set(
            mapping.entries.filter { !known.contains($0.key.value) }.compactMap { Suggestions.closest(to: $0.key.value, among: known) })
    }

    /// Whether `key` is missing because it is misspelt, which the unknown key's finding already says.
    func isMisspelt(_ key: String) -> Bool { misspelt.contains(key) }

    func node(_ key: String) -> YAMLNode? { mapping[key] }

    func has(_ key: String) -> Bool { mapping[key] != nil }

    /// The location of a key, for findings about its value.
    func keyLocation(_ key: String) -> SourceLocation? {
        mapping.entries.first { $0.key.value == key }?.key.location
    }

    /// A scalar value; reports a missing or non-scalar value.
    mutating func scalar(_ key: String, required: Bool) -> Located? {
        guard let node = mapping[key] else {
            if required, !isMisspelt(key) {
                diagnostics.append(
                    .error(.missingKey, "\(context) needs a '\(key)'", at: mapping.location, hints: ["add '\(key):'"]))
            }
            return nil
        }
        return scalar(node, what: "'\(key)'")
    }

    /// A scalar node as located text; reports any other node kind.
    mutating func scalar(_ node: YAMLNode, what: String) -> Located? {
        guard case .scalar(let s) = node else {
            diagnostics.append(
                .error(.wrongShape, "\(what) must be a single value, not \(node.kindName)", at: node.location))
            return nil
        }
        if s.isNull {
            diagnostics.append(.error(.wrongShape, "\(what) is empty", at: node.location, hints: ["write a value after the ':'"]))
            return nil
        }
        return Located(s.value, at: s.location, quoted: s.isQuoted)
    }

    /// A list of mappings; a single mapping is not accepted, to keep one way of writing lists.
    mutating func mappings(_ key: String) -> [YAMLMapping] {
        guard let node = mapping[key] else { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(
                .error(.wrongShape, "'\(key)' must be a list (lines starting with '- '), not \(node.kindName)", at: node.location))
            return []
        }
        var result: [YAMLMapping] = []
        for item in sequence.items {
            guard case .mapping(let m) = item else {
                diagnostics.append(
                    .error(.wrongShape, "each item of '\(key)' must be a mapping of keys, not \(item.kindName)", at: item.location))
                continue
            }
            result.append(m)
        }
        return result
    }

    /// Citations: one value or a list of values.
    mutating func cites(_ key: String = "cites") -> [String] {
        guard let node = mapping[key] else { return [] }
        switch node {
        case .scalar(let s):
            return s.isNull ? [] : [s.value]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence.items {
                if let text = scalar(item, what: "a citation") { result.append(text.text) }
            }
            return result
        case .mapping:
            diagnostics.append(
                .error(.wrongShape, "'\(key)' must be an article or a list of articles, not a mapping", at: node.location))
            return []
        }
    }

    /// Citations and the optional `because`.
    mutating func provenance() -> Provenance {
        let cites = cites()
        let because = has("because") ? scalar("because", required: false)?.text : nil
        return Provenance(cites: cites, because: because)
    }
}
