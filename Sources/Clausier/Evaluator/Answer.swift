/// A typed answer of a generated API: the value in Swift types, and the whole decision with its explanation.
///
/// Answered by native code, the decision is built only when ``decision`` is read, so a host that
/// reads ``value`` alone pays nothing for it.
public struct Answer<T: Sendable>: Sendable {
    /// The answer in Swift types.
    public let value: T
    private let source: Source

    private enum Source: Sendable {
        case decision(Decision)
        case native(NativeBinding, index: Int, asOf: CivilDate, encode: @Sendable (T) -> Value)
    }

    /// Creates an answer.
    public init(value: T, decision: Decision) {
        self.value = value
        self.source = .decision(decision)
    }

    /// Creates an answer of native code: the decision `index` of the bound contract, whose value is
    /// `encode(value)`.
    public init(value: T, native: NativeBinding, decision index: Int, asOf: CivilDate, encode: @escaping @Sendable (T) -> Value) {
        self.value = value
        self.source = .native(native, index: index, asOf: asOf, encode: encode)
    }

    /// The decision: the same answer as a ``Value``, the explanation and the citations.
    public var decision: Decision {
        switch source {
        case .decision(let decision): decision
        case .native(let binding, let index, let asOf, let encode): binding.decision(index, value: encode(value), asOf: asOf)
        }
    }
}
