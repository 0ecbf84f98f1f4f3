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
        /// Where the node's children are in ``FactLayout/children``, in input order.
        var firstChild: Int
        var childCount: Int
        /// The input read at this node, by index in the decision's inputs; nil for a prefix.
        var input: Int?
    }

    /// Whether the fast reader may be used. It tracks the keys it has seen in one 64-bit word;
    /// it compares raw bytes, which is reading the JSON string only for names without `"`, `\`
    /// or control characters; and an input that is also the prefix of another would need the
    /// reference path's precedence. Decisions outside these always take that path; none of the
    /// shipped ones are.
    let isUsable: Bool
    let nodes: [Node]
    /// Every node's key as UTF-8, one after the other, so that matching reads one buffer.
    let keys: [UInt8]
    /// The children of every node, by index in ``nodes``, one node's after the other.
    let children: [Int]
    /// The nodes of the inputs that must be present (not optional), to find a missing one
    /// from the bits of the keys seen.
    let requiredNodes: [Int]

    init(inputs: [InputSpec]) {
        var keys: [UInt8] = []
        var keyRanges: [Range<Int>] = [0..<0]
        var childrenOf: [[Int]] = [[]]
        var inputOf: [Int?] = [nil]
        var usable = true
        for (index, input) in inputs.enumerated() {
            var current = 0
            if input.path.isEmpty { usable = false }
            for (depth, component) in input.path.enumerated() {
                let key = Array(component.utf8)
                if key.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) { usable = false }
                let isLast = depth == input.path.count - 1
                if let existing = childrenOf[current].first(where: { keys[keyRanges[$0]].elementsEqual(key) }) {
                    // Reaching an input where a prefix is needed, or the reverse, is a conflict.
                    if isLast || inputOf[existing] != nil { usable = false }
                    current = existing
                } else {
                    keyRanges.append(keys.count..<(keys.count + key.count))
                    keys += key
                    childrenOf.append([])
                    inputOf.append(isLast ? index : nil)
                    childrenOf[current].append(keyRanges.count - 1)
                    current = keyRanges.count - 1
                }
            }
        }
        var nodes: [Node] = []
        var children: [Int] = []
        for node in keyRanges.indices {
            nodes.append(
                Node(
                    keyStart: keyRanges[node].lowerBound, keyCount: keyRanges[node].count, firstChild: children.count,
                    childCount: childrenOf[node].count, input: inputOf[node]))
            children += childrenOf[node]
        }
        self.nodes = nodes
        self.keys = keys
        self.children = children
        self.isUsable = usable && nodes.count <= 64
        self.requiredNodes = nodes.indices.filter { node in
            nodes[node].input.map { !inputs[$0].type.isOptional } ?? false
        }
    }
}
