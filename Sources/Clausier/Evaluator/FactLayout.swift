/// A decision's inputs as a tree of JSON keys, built once per decision, so that
/// `FactBytesDecoder` can match the keys of a fact document byte for byte as it reads them,
/// without making a `String` of each key or splitting dotted names per query.
///
/// Node 0 is the facts object itself. A node is either an input (its value is decoded with the
/// input's type) or a prefix of inputs (its value must be an object holding them).
struct FactLayout: Sendable {
    struct Node: Sendable {
        /// The key, as UTF-8, that leads to this node from its parent.
        var key: [UInt8]
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
    /// The nodes of the inputs that must be present (not optional), to find a missing one
    /// from the bits of the keys seen.
    let requiredNodes: [Int]

    init(inputs: [InputSpec]) {
        var nodes = [Node(key: [], children: [], input: nil)]
        var usable = true
        for (index, input) in inputs.enumerated() {
            var current = 0
            for (depth, component) in input.path.enumerated() {
                let key = Array(component.utf8)
                let isLast = depth == input.path.count - 1
                if let existing = nodes[current].children.first(where: { nodes[$0].key == key }) {
                    // Reaching an input where a prefix is needed, or the reverse, is a conflict.
                    if isLast || nodes[existing].input != nil { usable = false }
                    current = existing
                } else {
                    nodes.append(Node(key: key, children: [], input: isLast ? index : nil))
                    nodes[current].children.append(nodes.count - 1)
                    current = nodes.count - 1
                }
            }
            if input.path.isEmpty { usable = false }
        }
        self.nodes = nodes
        self.isUsable = usable && nodes.count <= 64
        self.requiredNodes = nodes.indices.filter { node in
            nodes[node].input.map { !inputs[$0].type.isOptional } ?? false
        }
    }
}
