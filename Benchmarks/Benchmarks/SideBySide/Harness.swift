// What every decision measured side by side shares: the six paths, registered once for any decision,
// and the check that each path gives the hand-written answer on every case before any is measured.

import Benchmark
import Clausier

/// A decision measured side by side: its cases, the same decision written by hand, and the typed API
/// that the build plugin generated for it.
///
/// A conformance says only what differs between decisions (how a case becomes typed values, JSON text
/// and a call of the generated API, and how an answer reads back into the hand-written type); the
/// paths, their order and the agreement check are ``register(rules:)``'s.
protocol SideBySideDecision: Sendable {
    /// One case in Swift types: what the hand-written function and the generated typed API take.
    associatedtype Input: Sendable
    /// The hand-written function's answer; every path's answer is read into it to compare.
    associatedtype Output: Equatable & Sendable
    /// The generated typed API's answer (`Answer<Typed>.value`).
    associatedtype Typed: Sendable

    var contract: String { get }
    var decision: String { get }
    /// The evaluation date of every case.
    var asOf: CivilDate { get }
    /// The cases every benchmark cycles over: every branch and the boundaries that matter.
    var cases: [Input] { get }

    /// The hand-written function: the floor.
    func handWritten(_ input: Input) -> Output
    /// The call of the generated typed API.
    func typedAPI(_ input: Input, explain: Bool) throws(EvaluationError) -> Answer<Typed>
    /// The facts as typed values, in the decision's input order (what the generated API passes).
    func values(_ input: Input) -> [Value]
    /// The facts as JSON text, as a host would send them.
    func factsJSON(_ input: Input) -> String
    /// The generated API's answer in the hand-written function's type, or nil when it has no equivalent.
    func output(typed: Typed) -> Output?
    /// The interpreter's answer in the hand-written function's type, or nil when it has no equivalent.
    func output(value: Value) -> Output?
}

/// Runs `body` once per scaled iteration, on the items in turn, and keeps each answer alive.
///
/// Always inlined, with the body a closure literal at each call, so that the measured loop holds the
/// call being measured and nothing else: no indirect call through a stored closure.
@inline(__always)
func cycle<Item, Result>(
    _ items: [Item], _ benchmark: Benchmark, _ body: (Item) throws -> Result
) rethrows {
    var index = 0
    for _ in benchmark.scaledIterations {
        blackHole(try body(items[index]))
        index += 1
        if index == items.count { index = 0 }
    }
}

/// Each fast benchmark runs 1,000 decisions per measured iteration, so the figures the plugin prints
/// (marked `*`) are per decision, always in nanoseconds so that the six paths read in one unit.
/// Computed: the configuration type is not `Sendable`, so it cannot be a global constant in Swift 6.
var perDecision: Benchmark.Configuration {
    .init(metrics: [.wallClock, .mallocCountTotal, .throughput], timeUnits: .nanoseconds, scalingFactor: .kilo)
}

/// The answer of a decision as JSON text, as `clausier eval --batch` writes it: facts read from the
/// text straight into the decision's inputs, the answer written straight to a buffer the caller
/// reuses, emptied first, so that growing the buffer is not part of the cost once warm.
@inline(__always)
func answerText(
    _ rules: RuleSet, _ reference: DecisionReference, _ factsText: [UInt8], asOf: CivilDate, into buffer: inout [UInt8]
) throws -> Int {
    buffer.removeAll(keepingCapacity: true)
    AnswerWriter.write(try rules.evaluate(reference, json: factsText, asOf: asOf, explain: false), into: &buffer)
    return buffer.count
}

extension SideBySideDecision {
    var name: String { "\(contract)/\(decision)" }

    /// The same date for every decision: none of the three reads it, but every path takes one.
    var asOf: CivilDate { evaluationDate }

    /// Checks every path against the hand-written function on every case, then registers the six
    /// benchmarks of this decision.
    func register(rules: RuleSet) {
        guard let reference = rules.reference(contract: contract, decision: decision) else {
            fatalError("the rules have no decision \(name)")
        }
        let inputs = cases
        let typedValues = inputs.map(values)
        let texts: [[UInt8]] = inputs.map { Array(factsJSON($0).utf8) }
        let facts: [JSONValue] = texts.map { text in
            do { return try JSONReader.read(text) } catch {
                fatalError("\(name): bad facts JSON \(String(decoding: text, as: UTF8.self)): \(error)")
            }
        }
        checkAgreement(rules, reference, inputs, typedValues, facts, texts)
        let asOf = asOf

        Benchmark("\(name) (1) typed API (generated)", configuration: perDecision) { benchmark in
            try cycle(inputs, benchmark) { try self.typedAPI($0, explain: false) }
        }
        Benchmark("\(name) (2) interpreter, typed values", configuration: perDecision) { benchmark in
            try cycle(typedValues, benchmark) { try rules.evaluate(reference, values: $0, asOf: asOf, explain: false) }
        }
        Benchmark("\(name) (3) interpreter, parsed JSON facts", configuration: perDecision) { benchmark in
            try cycle(facts, benchmark) { try rules.evaluate(reference, facts: $0, asOf: asOf, explain: false) }
        }
        Benchmark("\(name) (4) JSON text in, JSON text out", configuration: perDecision) { benchmark in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(4096)
            try cycle(texts, benchmark) { try answerText(rules, reference, $0, asOf: asOf, into: &buffer) }
        }
        Benchmark("\(name) (5) explanation on, typed values", configuration: perDecision) { benchmark in
            try cycle(typedValues, benchmark) { try rules.evaluate(reference, values: $0, asOf: asOf, explain: true) }
        }
        Benchmark("\(name) (5n) explanation on, typed API (generated)", configuration: perDecision) { benchmark in
            try cycle(inputs, benchmark) { try self.typedAPI($0, explain: true).decision }
        }
        Benchmark("\(name) (6) hand-written Swift", configuration: perDecision) { benchmark in
            cycle(inputs, benchmark) { self.handWritten($0) }
        }
    }

    /// Stops the suite unless every path gives the hand-written answer on every case: a benchmark of a
    /// wrong answer would be worthless.
    private func checkAgreement(
        _ rules: RuleSet, _ reference: DecisionReference,
        _ inputs: [Input], _ typedValues: [[Value]], _ facts: [JSONValue], _ texts: [[UInt8]]
    ) {
        for index in inputs.indices {
            let expected = handWritten(inputs[index])
            func fail(_ path: String, _ detail: String) -> Never {
                fatalError("\(name), case \(index) \(factsJSON(inputs[index])): \(path) \(detail); hand-written gave \(expected)")
            }
            /// Fails unless the interpreter's answer is the hand-written one.
            func agree(_ path: String, _ value: Value) {
                guard output(value: value) == expected else { fail(path, "answered \(value)") }
            }
            do {
                let answer = try typedAPI(inputs[index], explain: false)
                guard output(typed: answer.value) == expected else { fail("the typed API", "answered \(answer.value)") }
                let fromValues = try rules.evaluate(reference, values: typedValues[index], asOf: asOf, explain: false)
                agree("the interpreter with typed values", fromValues.value)
                agree("the interpreter with parsed JSON", try rules.evaluate(reference, facts: facts[index], asOf: asOf, explain: false).value)
                // JSON text out: its "value" must be the catalogue encoding of the answer checked above.
                var buffer: [UInt8] = []
                _ = try answerText(rules, reference, texts[index], asOf: asOf, into: &buffer)
                guard case .object(let written) = try JSONReader.read(buffer), written["value"] == fromValues.valueJSON else {
                    fail("JSON text in, JSON text out", "wrote \(String(decoding: buffer, as: UTF8.self))")
                }
                let explained = try rules.evaluate(reference, values: typedValues[index], asOf: asOf, explain: true)
                agree("the interpreter with the explanation on", explained.value)
                guard !explained.explanation.isEmpty else { fail("the interpreter with the explanation on", "explained nothing") }
                let nativeExplained = try typedAPI(inputs[index], explain: true).decision
                guard nativeExplained == explained else { fail("the typed API with the explanation on", "explained \(nativeExplained)") }
            } catch {
                fail("a path", "failed: \(error)")
            }
        }
    }
}
