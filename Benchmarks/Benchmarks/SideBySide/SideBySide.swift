// The peer benchmark's two decisions and prospect-it/sla_penalty, each measured through every path
// Clausier offers, side by side with the same decision written by hand in Swift:
//
//   (1) the typed API the build plugin generated (`PeerBench`, `ProspectIt`),
//   (2) the interpreter with typed values, `RuleSet.evaluate(_:values:asOf:explain: false)`,
//   (3) the interpreter with parsed JSON facts, `evaluate(_:facts:asOf:explain: false)`,
//   (4) JSON text in, JSON text out (`evaluate(_:json:asOf:explain:)`, then `AnswerWriter`),
//   (5) the explanation on (typed values, `explain: true`), and (5n) through the typed API,
//   (6) the hand-written function, the floor.
//
// Every path is checked against the hand-written function on every case before anything is measured.

import Benchmark
import Clausier

/// The evaluation date of every case: none of the three decisions reads it, but every path takes one.
let evaluationDate: CivilDate = {
    guard let date = CivilDate.parse("2025-03-10") else { fatalError("bad evaluation date") }
    return date
}()

let benchmarks: @Sendable () -> Void = {
    // The rules embedded by the build plugin, as a host loads them: the same rule set for every path.
    let rules: RuleSet
    let peerBench: PeerBench
    let prospectIt: ProspectIt
    do {
        rules = try CompiledRules.load()
        peerBench = try PeerBench(rules: rules)
        prospectIt = try ProspectIt(rules: rules)
    } catch {
        fatalError("the embedded rules do not load: \(error)")
    }
    PeerSLATiersDecision(api: peerBench).register(rules: rules)
    PeerLeadRefundDecision(api: peerBench).register(rules: rules)
    ProspectItSLAPenaltyDecision(api: prospectIt).register(rules: rules)
}
