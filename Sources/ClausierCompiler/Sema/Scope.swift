import Clausier
import ClausierDiagnostics

/// A name visible in a rule, with its frame slot and type.
struct Binding {
    var slot: Int
    var type: ValueType
}

/// Hands out frame slots and remembers each one's type; the count handed out is the frame size.
final class SlotAllocator {
    /// The type of each slot handed out, in slot order.
    private(set) var types: [ValueType] = []

    var size: Int { types.count }

    func next(_ type: ValueType) -> Int {
        types.append(type)
        return types.count - 1
    }
}

/// The names visible at one point of a rule: inputs by dotted name, `let` bindings, lambda items,
/// and the optional names proven present by an enclosing `exists(...)`.
struct Scope {
    var bindings: [String: Binding] = [:]
    /// Input names in declaration order, so that a group such as `incident` becomes a record in that order.
    var inputOrder: [String] = []
    var present: Set<String> = []
    /// Optional names known absent here (after `when: exists(x)` failed, say).
    var absent: Set<String> = []
    /// Sets of optional names of which at least one is present, from requirements such as
    /// `exists(a) or exists(b)`: when all but one are known absent, the last one is present.
    var disjunctions: [[String]] = []
    /// Names whose declaration was reported wrong (a `let` that did not check, an input whose type did
    /// not resolve): their uses fail without another finding, so one mistake gives one error.
    var poisoned: Set<String> = []
    /// Set when the rule itself has an unknown key, which may be where its names were declared.
    var unknownNamesArePoisoned = false
    let slots: SlotAllocator

    /// Whether an unknown name is a consequence of an error already reported.
    func isPoisoned(_ path: [String]) -> Bool {
        if unknownNamesArePoisoned { return true }
        return (1...max(path.count, 1)).contains { poisoned.contains(path.prefix($0).joined(separator: ".")) }
    }

    /// Whether an optional name is known to be present at this point.
    func isPresent(_ name: String) -> Bool {
        if present.contains(name) { return true }
        return disjunctions.contains { names in
            names.contains(name) && names.allSatisfy { $0 == name || absent.contains($0) }
        }
    }

    init(slots: SlotAllocator) { self.slots = slots }

    mutating func bind(_ name: String, _ type: ValueType) -> Int {
        let slot = slots.next(type)
        bindings[name] = Binding(slot: slot, type: type)
        return slot
    }

    /// Every name, for suggestions.
    var allNames: [String] {
        var names = Array(bindings.keys)
        for name in inputOrder {
            let parts = name.split(separator: ".")
            for k in 1..<max(parts.count, 1) { names.append(parts.prefix(k).joined(separator: ".")) }
        }
        return Array(Set(names)).sorted()
    }

    /// The inputs under `prefix.`, as fields of a record (nested prefixes become nested records).
    func group(_ prefix: String) -> [(field: String, names: [String])]? {
        let dotted = prefix + "."
        var fields: [(field: String, names: [String])] = []
        for name in inputOrder where name.hasPrefix(dotted) {
            let rest = name.dropFirst(dotted.count)
            let field = String(rest.split(separator: ".").first ?? rest)
            if let index = fields.firstIndex(where: { $0.field == field }) {
                fields[index].names.append(name)
            } else {
                fields.append((field, [name]))
            }
        }
        return fields.isEmpty ? nil : fields
    }
}
