/// A typed answer of a generated API: the value in Swift types, and the whole decision with its explanation.
///
/// Answered by native code, the decision is built only when ``decision`` is read, so a host that
/// reads ``value`` alone pays nothing for it.
@frozen
public struct Answer<T: Sendable>: Sendable {
    /// The answer in Swift types.
    public let value: T
    @usableFromInline let source: Source

    // Inlinable, so that a host's generated code builds its answers specialised to its own types
    // rather than through generic metadata at run time.
    @usableFromInline
    enum Source: Sendable {
        case decision(Decision)
        case native(asOf: CivilDate, decide: @Sendable (T, CivilDate) -> Decision)
    }

    /// Creates an answer.
    @inlinable
    public init(value: T, decision: Decision) {
        self.value = value
        self.source = .decision(decision)
    }

    /// Creates an answer of native code, whose decision is `decide(value, asOf)` when it is read.
    ///
    /// `decide` is a function that captures nothing (a generated one), so that building the answer
    /// costs no allocation and no reference count.
    @inlinable
    public init(value: T, asOf: CivilDate, decide: @escaping @Sendable (T, CivilDate) -> Decision) {
        self.value = value
        self.source = .native(asOf: asOf, decide: decide)
    }

    /// The decision: the same answer as a ``Value``, the explanation and the citations.
    public var decision: Decision {
        switch source {
        case .decision(let decision): decision
        case .native(let asOf, let decide): decide(value, asOf)
        }
    }
}
