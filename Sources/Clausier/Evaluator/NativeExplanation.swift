/// The explanation that generated native code records when it is asked for one: the interpreter's
/// steps, at the same points of the evaluation, so the two explanations are equal.
public struct NativeExplanation: Sendable {
    /// The steps recorded, in evaluation order.
    public private(set) var steps: [ExplanationStep] = []

    /// An empty explanation, with room for the steps of a usual decision.
    public init() { steps.reserveCapacity(16) }

    /// Records a step: a value bound, a branch that decided, a definition that answered.
    public mutating func record(_ info: StepInfo, _ value: Value) {
        steps.append(ExplanationStep(info, value: value))
    }

    /// Records the exact answer before its one rounding to the cent, when the rounding changed it.
    public mutating func recordRounding(raw: Value, rounded: Value, type: ValueType, mode: RoundingMode) {
        guard raw != rounded else { return }
        steps.append(.beforeRounding(raw, type: type, mode: mode))
    }
}
