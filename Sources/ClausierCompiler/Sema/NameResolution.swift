import Clausier
import ClausierDiagnostics

/// Resolving names: inputs, groups of inputs as records, `let` values, terms, enum values and fields.
extension ExpressionChecker {
    mutating func name(_ path: [String], expected: ValueType?, scope: Scope, _ at: SourceLocation) -> Typed? {
        // The longest dotted prefix that is a binding wins; the rest are fields of it.
        for k in stride(from: path.count, through: 1, by: -1) {
            let key = path.prefix(k).joined(separator: ".")
            guard let binding = scope.bindings[key] else { continue }
            var type = binding.type
            if scope.isPresent(key) { type = type.unwrapped }
            var typed = Typed(expr: .slot(binding.slot), type: type)
            for field in path.dropFirst(k) {
                guard let next = fieldAccess(typed, field, at) else { return nil }
                typed = next
            }
            return typed
        }
        for k in stride(from: path.count, through: 1, by: -1) {
            let key = path.prefix(k).joined(separator: ".")
            guard let group = groupRecord(key, scope: scope) else { continue }
            var typed: Typed? = group
            for field in path.dropFirst(k) {
                // A misspelt input under a known prefix is an unknown name, suggested among full input names.
                guard let current = typed, case .record(let fields) = current.type, fields.contains(where: { $0.name == field })
                else {
                    typed = nil
                    break
                }
                typed = fieldAccess(current, field, at)
            }
            if let typed { return typed }
            break
        }
        let joined = path.joined(separator: ".")
        if path.count == 1, let term = terms[joined] { return term }
        if scope.isPoisoned(path) || (path.count == 1 && poisonedNames.contains(joined)) { return nil }
        if path.count == 1, case .enumeration(let cases) = expected?.unwrapped ?? .absent, cases.contains(joined) {
            return Typed(expr: .constant(.name(joined)), type: .enumeration([joined]))
        }
        var hints: [String] = []
        if let close = Suggestions.closest(to: joined, among: scope.allNames + Array(terms.keys)) {
            hints.append("did you mean '\(close)'?")
        } else if case .enumeration(let cases) = expected?.unwrapped ?? .absent {
            hints.append("the values allowed here are: \(cases.joined(separator: ", "))")
        }
        return fail(.unknownName, "unknown name '\(joined)'", at, hints: hints)
    }

    /// The inputs under a dotted prefix as one record, such as `incident` for `incident.recorded_at`, ….
    func groupRecord(_ prefix: String, scope: Scope) -> Typed? {
        guard let fields = scope.group(prefix) else { return nil }
        var types: [RecordField] = []
        var exprs: [Typed] = []
        for (field, names) in fields {
            let full = "\(prefix).\(field)"
            if names == [full], let binding = scope.bindings[full] {
                types.append(RecordField(field, binding.type))
                exprs.append(Typed(expr: .slot(binding.slot), type: binding.type))
            } else if let nested = groupRecord(full, scope: scope) {
                types.append(RecordField(field, nested.type))
                exprs.append(nested)
            }
        }
        return Typed(expr: .record(exprs), type: .record(types))
    }

    mutating func fieldAccess(_ base: Typed, _ field: String, _ at: SourceLocation) -> Typed? {
        guard case .record(let fields) = base.type else {
            if base.type.isOptional, case .record = base.type.unwrapped {
                return fail(.optionalUnwrapped, "this record may be absent; check it with exists(...) before reading '\(field)'", at)
            }
            return fail(.typeMismatch, "\(base.type.spoken) has no field '\(field)'", at)
        }
        guard let index = fields.firstIndex(where: { $0.name == field }) else {
            var hints: [String] = []
            if let close = Suggestions.closest(to: field, among: fields.map(\.name)) { hints.append("did you mean '\(close)'?") }
            hints.append("its fields are: \(fields.map(\.name).joined(separator: ", "))")
            return fail(.unknownName, "no field '\(field)' in this record", at, hints: hints)
        }
        if case .record(let built) = base.expr, built.indices.contains(index) {
            return built[index].retyped(fields[index].type)
        }
        return Typed(expr: .field(base, index), type: fields[index].type)
    }

    func isUnresolvedName(_ e: ExpressionSyntax, _ scope: Scope) -> Bool {
        guard case .name(let path, _) = e, path.count == 1 else { return false }
        return scope.bindings[path[0]] == nil && scope.group(path[0]) == nil && !scope.poisoned.contains(path[0])
            && !poisonedNames.contains(path[0])
    }
}
