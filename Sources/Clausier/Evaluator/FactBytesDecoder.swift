/// Reads a decision's facts from JSON bytes straight into its frame, in one pass over the bytes,
/// without building a `JSONValue` of the whole document.
///
/// It is the fast path of `RuleSet.evaluate(_:json:asOf:explain:)` and of batch lines, and it
/// only ever answers "these facts are fine, here is the frame" or "not sure". Errors are left to
/// the reference path (`JSONReader` then `FactDecoder`) which is then run on the same bytes,
/// because its precedence cannot be had in one pass: a syntax error anywhere beats every fact
/// error, fact errors come in the decision's input order rather than the document's, and a
/// missing fact's suggestion looks at every key of the document. Bad input is the rare case, so
/// reading it twice costs nothing that matters, and the errors are the reference path's by
/// construction rather than by a second copy of every message.
///
/// When it says fine, the frame is the one the reference path would fill, because:
/// - the grammar, UTF-8 and depth checks are `JSONParser`'s own, on the same positions;
/// - every key must equal an input name (or a prefix of one) byte for byte, with no escapes, so
///   a key the reference path would see as unknown, or find under another spelling, sends the
///   document there; a key seen twice does too (the reader rejects duplicates);
/// - each input's value is parsed by `JSONParser` and decoded by the same
///   ``FactDecoder/decode(_:as:name:)`` that holds the per-type rules;
/// - a null or absent input is accepted only when optional.
struct FactBytesDecoder: Sendable {
    /// What reading one input needs, worked out once: reading it from an `InputSpec` per query
    /// costs a copy of its name, path and type.
    struct Input: Sendable {
        enum Kind: Sendable { case bool, datetime, other }
        var slot: Int
        var isOptional: Bool
        var kind: Kind
        /// The type without its optional, as ``FactDecoder/decode(_:as:name:)`` takes it.
        var type: ValueType
        var name: String
    }

    let layout: FactLayout
    let inputs: [InputSpec]
    let plan: [Input]

    /// Copies what it reads from the program once, so that a batch pays for it once.
    init(program: Program, index: Int) {
        layout = program.factLayouts[index]
        inputs = program.decisions[index].inputs
        plan = inputs.map { input in
            let kind: Input.Kind =
                switch input.type.unwrapped {
                case .bool: .bool
                case .datetime: .datetime
                default: .other
                }
            return Input(
                slot: input.slot, isOptional: input.type.isOptional, kind: kind, type: input.type.unwrapped, name: input.name)
        }
    }

    /// Reads the facts object at the parser's position into `frame`, leaving the parser after it.
    ///
    /// Returns false when the reference path must decide (bad or unusual input); the frame and
    /// the parser are then in no particular state.
    func decodeObject(_ parser: inout JSONParser, into frame: inout [Value]) -> Bool {
        guard layout.isUsable else { return false }
        var seen: UInt64 = 0
        guard readObject(node: 0, &parser, &seen, &frame) else { return false }
        return hasEveryRequired(seen)
    }

    /// Whether no facts at all (a batch line without `"facts"`) are fine: only when every input is optional.
    func acceptsNoFacts() -> Bool {
        layout.isUsable && layout.requiredNodes.isEmpty
    }

    /// Applies what depends on the evaluation date, which in a batch line may come after the
    /// facts: a date that records something happened counts only once past, as in ``FactDecoder``.
    func finish(_ frame: inout [Value], asOf: CivilDate) {
        for input in inputs where input.countsOnlyIfPast && frame.indices.contains(input.slot) {
            if case .date(let d) = frame[input.slot], d > asOf { frame[input.slot] = .absent }
        }
    }

    private func hasEveryRequired(_ seen: UInt64) -> Bool {
        for node in layout.requiredNodes where seen & (1 << UInt64(node)) == 0 { return false }
        return true
    }

    private func readObject(node: Int, _ parser: inout JSONParser, _ seen: inout UInt64, _ frame: inout [Value]) -> Bool {
        guard parser.position < parser.count, parser.input[parser.position] == JSONByte.openBrace else { return false }
        do { try parser.enterContainer() } catch { return false }
        parser.position += 1
        parser.skipWhitespace()
        if parser.position < parser.count, parser.input[parser.position] == JSONByte.closeBrace {
            parser.position += 1
            parser.depth -= 1
            return true
        }
        var hint = 0
        while true {
            guard let child = matchKey(of: node, hint: &hint, &parser) else { return false }
            let bit: UInt64 = 1 << UInt64(child)
            guard seen & bit == 0 else { return false }
            seen |= bit
            parser.skipWhitespace()
            guard parser.position < parser.count, parser.input[parser.position] == JSONByte.colon else { return false }
            parser.position += 1
            parser.skipWhitespace()
            if let input = layout.nodes[child].input {
                guard readInput(input, &parser, &frame) else { return false }
            } else {
                guard readObject(node: child, &parser, &seen, &frame) else { return false }
            }
            guard let more = parser.afterMember() else { return false }
            if !more { break }
        }
        parser.depth -= 1
        return true
    }

    /// The child of `node` whose key is the string at the parser's position; nil for any other
    /// key. The key's raw bytes must be the name's followed by the closing quote: names hold no
    /// quote, backslash or control character (else the layout is not usable), so such a string
    /// has no escapes and is the name, and a key written with escapes is left to the reference path.
    ///
    /// Hosts usually write facts in the decision's input order, so the search starts at `hint`,
    /// the child after the one last matched, and the first comparison usually succeeds.
    private func matchKey(of node: Int, hint: inout Int, _ parser: inout JSONParser) -> Int? {
        guard parser.position < parser.count, parser.input[parser.position] == JSONByte.quote else { return nil }
        let start = parser.position + 1
        let childCount = layout.nodes[node].childCount
        let firstChild = layout.nodes[node].firstChild
        let input = parser.input
        let count = parser.count
        let found = layout.keys.withUnsafeBufferPointer { keys -> Int? in
            var position = hint
            for _ in 0..<childCount {
                if position >= childCount { position = 0 }
                let child = layout.children[firstChild + position]
                let keyStart = layout.nodes[child].keyStart
                let keyCount = layout.nodes[child].keyCount
                if start + keyCount < count {
                    var offset = 0
                    while offset < keyCount, keys[keyStart + offset] == input[start + offset] { offset += 1 }
                    if offset == keyCount, input[start + keyCount] == JSONByte.quote {
                        parser.position = start + keyCount + 1
                        return position
                    }
                }
                position += 1
            }
            return nil
        }
        guard let found else { return nil }
        hint = found + 1
        return layout.children[firstChild + found]
    }

    private func readInput(_ index: Int, _ parser: inout JSONParser, _ frame: inout [Value]) -> Bool {
        guard plan.indices.contains(index) else { return false }
        let slot = plan[index].slot
        guard frame.indices.contains(slot), parser.position < parser.count else { return false }
        let first = parser.input[parser.position]
        if first == UInt8(ascii: "n") {
            // `null` is an absent optional, and for a required input the reference path's error.
            do { try parser.parseLiteral("null") } catch { return false }
            guard plan[index].isOptional else { return false }
            frame[slot] = .absent
            return true
        }
        switch plan[index].kind {
        case .bool where first == UInt8(ascii: "t") || first == UInt8(ascii: "f"):
            // FactDecoder's rule for a bool is only that the JSON is true or false.
            do { try parser.parseLiteral(first == UInt8(ascii: "t") ? "true" : "false") } catch { return false }
            frame[slot] = .bool(first == UInt8(ascii: "t"))
            return true
        case .datetime:
            if let instant = readPlainInstant(&parser) {
                frame[slot] = .datetime(instant)
                return true
            }
        default:
            break
        }
        do {
            let json = try parser.parseValue()
            frame[slot] = try FactDecoder.decode(json, as: plan[index].type, name: plan[index].name)
        } catch {
            return false
        }
        return true
    }

    /// A datetime written as a plain ASCII string (no escapes), parsed in place: the rule for
    /// a datetime fact is only that `Instant.parseRFC3339` accepts it, and a datetime is longer
    /// than a `String` holds without allocating. Nil, with the parser unmoved, for anything
    /// else, which then takes the general way through ``FactDecoder/decode(_:as:name:)``.
    private func readPlainInstant(_ parser: inout JSONParser) -> Instant? {
        guard parser.position < parser.count, parser.input[parser.position] == JSONByte.quote else { return nil }
        let start = parser.position + 1
        var end = start
        while end < parser.count {
            let byte = parser.input[end]
            if byte == JSONByte.quote { break }
            if byte == JSONByte.backslash || byte < 0x20 || byte >= 0x80 { return nil }
            end += 1
        }
        guard end < parser.count,
              case .success(let instant) = Instant.parseRFC3339(bytes: UnsafeBufferPointer(rebasing: parser.input[start..<end]))
        else { return nil }
        parser.position = end + 1
        return instant
    }
}
