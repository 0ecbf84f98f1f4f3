/// The entries of the tables a ``ProgramBuilder`` fills and a ``Program`` keeps.
extension ProgramBuilder {
    enum Op: UInt8, Sendable {
        case constant, slot, asOf, field, record, list, negate, not, and, or, binary, conditional, coalesce
        case call, aggregate, cases, tiers, eligibility, invoke, noted, bind
    }

    /// One node; the meaning of `a`…`d` depends on `op` (see `lower`).
    struct Node: Sendable {
        var op: Op
        var a: Int32 = -1
        var b: Int32 = -1
        var c: Int32 = -1
        var d: Int32 = -1
    }

    struct Branch: Sendable {
        var condition: Int32
        var value: Int32
        var step: Int32
    }

    struct Row: Sendable {
        var from: Value?
        var to: Value?
        var value: Int32
        var step: Int32
        /// The bounds as plain integers when they are durations, whole numbers or datetimes,
        /// compared without copying values; `keyKind` says which (see `TierKey`).
        var keyKind: TierKey = .none
        var fromKey: Int64 = 0
        var toKey: Int64 = 0
        var hasFrom = false
        var hasTo = false
    }

    /// What a tier row's integer bounds are.
    enum TierKey: UInt8, Sendable {
        case none, duration, int, datetime

        /// The kind and integer of a bound.
        static func of(_ value: Value) -> (TierKey, Int64) {
            switch value {
            case .duration(let d): (.duration, d.nanoseconds)
            case .int(let i): (.int, Int64(i))
            case .datetime(let t): (.datetime, t.nanosecondsSinceEpoch)
            default: (.none, 0)
            }
        }

        /// The integer of a measure of this kind, or nil.
        func key(of value: Value) -> Int64? {
            switch (self, value) {
            case (.duration, .duration(let d)): d.nanoseconds
            case (.int, .int(let i)): Int64(i)
            case (.datetime, .datetime(let t)): t.nanosecondsSinceEpoch
            default: nil
            }
        }
    }

    struct Tiers: Sendable {
        var measure: Int32
        var lowerInclusive: Bool
        var rows: Range<Int>
        var label: String
    }

    struct Item: Sendable {
        var condition: Int32
        var reason: String
        var step: Int32
        /// The answer when this item decides, built once here so that a query does not allocate it.
        var outcome: Value
    }

    struct Eligibility: Sendable {
        var exclusions: Range<Int>
        var grounds: Range<Int>
        var granted: String
        var refused: String
        var noGround: String
        var noGroundStep: Int32
        /// The answer when nothing holds, built once.
        var noGroundOutcome: Value
    }

    /// One argument of a call: the node computing it and where it goes in the callee's frame.
    ///
    /// A record argument whose parameter the definition only reads field by field is passed
    /// spread, one field a slot, so that calling the definition builds no record (see
    /// `ProgramBuilder.spreadParameters`).
    struct Argument: Sendable {
        /// The node computing the argument, or one field of a record argument written in place.
        var expr: Int32
        /// The callee's slot it goes to; -1 for a field of a record literal that the callee never reads.
        var slot: Int32
        /// -1: the value goes to `slot` as it is. n >= 0: the value is a record whose first n
        /// fields go to `slot`, `slot + 1`, …
        var spread: Int32
    }

    /// The roots of a requirement: its condition, and its list for a per-item requirement (else -1).
    struct RequirementRoots: Sendable {
        var condition: Int32
        var list: Int32
    }
}
