/// A decision's inputs as a tree of JSON keys, built once per decision, so that
/// `FactBytesDecoder` can match the keys of a fact document byte for byte as it reads them,
/// without making a `String` of each key or splitting dotted names per query.
///
/// Node 0 is the facts object itself. A node is either an input (its value is decoded with the
/// input's type) or a prefix of inputs (its value must be an object holding them).
struct FactLayout: Sendable {
    struct Node: Sendable {
        /// Where the key that leads to this node from its parent is in ``FactLayout/keys``.
        var keyStart: Int
        /// The key's length in bytes.
        var keyCount: Int
        /// The child nodes, by index in ``FactLayout/nodes``.
        var children: [Int]
        /// The input read at this node, by index in the decision's inputs; nil for a prefix.
        var input: Int?
    }

    /// Whether the fast reader may be used: it tracks the keys it has seen in one 64-bit word,
    /// and an input that is also the prefix of another would need the reference path's
    /// precedence, so such decisions always take that path. None of the shipped ones do.
    let isUsable: Bool
    let nodes: [Node]
    /// Every node's key as UTF-8, one after the other, so that matching reads one buffer.
    let keys: [UInt8]
    /// The nodes of the inputs that must be present (not optional), to find a missing one
    /// from the bits of the keys seen.
    let requiredNodes: [Int]

    init(inputs: [InputSpec]) {
        var nodes = [Node(keyStart: 0, keyCount: 0, children: [], input: nil)]
        var keys: [UInt8] = []
        var usable = true
        for (index, input) in inputs.enumerated() {
            var current = 0
            for (depth, component) in input.path.enumerated() {
                let key = Array(component.utf8)
                let isLast = depth == input.path.count - 1
                if let existing = nodes[current].children.first(where: {
                    keys[nodes[$0].keyStart..<(nodes[$0].keyStart + nodes[$0].keyCount)].elementsEqual(key)
                }) {
                    // Reaching an input where a prefix is needed, or the reverse, is a conflict.
                    if isLast || nodes[existing].input != nil { usable = false }
                    current = existing
                } else {
                    nodes.append(Node(keyStart: keys.count, keyCount: key.count, children: [], input: isLast ? index : nil))
                    keys += key
                    nodes[current].children.append(nodes.count - 1)
                    current = nodes.count - 1
                }
            }
            if input.path.isEmpty { usable = false }
        }
        self.nodes = nodes
        self.keys = keys
        self.isUsable = usable && nodes.count <= 64
        self.requiredNodes = nodes.indices.filter { node in
            nodes[node].input.map { !inputs[$0].type.isOptional } ?? false
        }
    }
}
