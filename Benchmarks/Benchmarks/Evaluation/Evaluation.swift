// Benchmarks of rule evaluation, measured against a hand-written Swift function for the same rule.
//
// The rule is `prospect-it` / `sla_penalty` from Rules/prospect-it.yaml (article 11: a tiered
// penalty on the monthly fee when the main and the backup server are down together). Every fast
// benchmark cycles over the same 16 incidents, which cover every tier, both tier boundaries that
// matter (exactly 1h, 2h, 3h, 4h) and the cases where only one server, or none, is down. The
// incidents and the hand-written function are in the Baselines module, shared with SideBySide.

import Baselines
import Benchmark
import Clausier
import ClausierCompiler
import Foundation

// MARK: - Setup shared by the benchmarks

/// The repository's Rules/ directory: this file is <repo>/Benchmarks/Benchmarks/Evaluation/Evaluation.swift.
let rulesDirectory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Evaluation/
    .deletingLastPathComponent()  // Benchmarks/Benchmarks/
    .deletingLastPathComponent()  // Benchmarks/
    .deletingLastPathComponent()  // <repo>/
    .appendingPathComponent("Rules")
    .path

/// The evaluation date: the incidents are all in the past of it.
let asOfDate: CivilDate = CivilDate.parse("2025-03-10")!

func compileRules() -> RuleSet {
    let result = Compiler.compile(paths: [rulesDirectory])
    guard let ruleSet = result.ruleSet else {
        fatalError("Rules/ does not compile (\(rulesDirectory)):\n\(result.diagnostics)")
    }
    return ruleSet
}

/// Checks once, before anything is measured, that the rules and the hand-written function agree
/// on every incident: a benchmark of a wrong answer would be worthless.
func checkAgreement(_ ruleSet: RuleSet, _ reference: DecisionReference, _ facts: [JSONValue], _ native: [NativeIncident]) {
    for (index, incident) in native.enumerated() {
        let expected = incident.handWrittenPenalty
        let decision: Decision
        do {
            decision = try ruleSet.evaluate(reference, facts: facts[index], asOf: asOfDate, explain: false)
        } catch {
            fatalError("case \(index): the rules refused the facts: \(error)")
        }
        guard case .record(let fields) = decision.value, fields.count == 2,
              case .percent(let rate) = fields[0], case .money(let penalty) = fields[1],
              let expectedRate = try? FixedDecimal(mantissa: Int128(expected.ratePercent), scale: 2),
              let expectedPenalty = try? FixedDecimal(mantissa: Int128(expected.penaltyCents), scale: 2),
              rate == expectedRate, penalty.amount == expectedPenalty
        else {
            fatalError("case \(index) (\(slaCases[index].factsJSON)): rules gave \(decision.value), hand-written gave \(expected)")
        }
    }
}

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
    let ruleSet = compileRules()
    guard let reference = ruleSet.reference(contract: "prospect-it", decision: "sla_penalty") else {
        fatalError("Rules/ has no decision prospect-it/sla_penalty")
    }
    let factTexts: [String] = slaCases.map(\.factsJSON)
    let facts: [JSONValue] = factTexts.map { text in
        do { return try JSONReader.read(text) } catch { fatalError("bad facts JSON \(text): \(error)") }
    }
    let native: [NativeIncident] = slaCases.map(NativeIncident.init)
    precondition(facts.count == 16 && native.count == 16, "the benchmarks cycle over 16 cases with a mask")
    checkAgreement(ruleSet, reference, facts, native)

    let fast = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .throughput], scalingFactor: .kilo)

    Benchmark("sla_penalty (IR, explanation off)", configuration: fast) { benchmark in
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(try ruleSet.evaluate(reference, facts: facts[index & 15], asOf: asOfDate, explain: false))
            index &+= 1
        }
    }

    // The path of the generated typed API: facts as values in input order, no JSON.
    let typed: [[Value]] = native.map { incident in
        [
            .datetime(Instant(nanosecondsSinceEpoch: incident.recordedAtNanoseconds)),
            .datetime(Instant(nanosecondsSinceEpoch: incident.closedAtNanoseconds)),
            .bool(incident.mainServerDown), .bool(incident.backupServerDown),
            .money(Money(amount: (try? FixedDecimal(mantissa: Int128(incident.monthlyFeeCents), scale: 2)) ?? .zero, currency: .eur)),
        ]
    }

    Benchmark("sla_penalty (IR, typed values, explanation off)", configuration: fast) { benchmark in
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(try ruleSet.evaluate(reference, values: typed[index & 15], asOf: asOfDate, explain: false))
            index &+= 1
        }
    }

    Benchmark("sla_penalty (IR, explanation on)", configuration: fast) { benchmark in
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(try ruleSet.evaluate(reference, facts: facts[index & 15], asOf: asOfDate, explain: true))
            index &+= 1
        }
    }

    Benchmark("sla_penalty (hand-written Swift)", configuration: fast) { benchmark in
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(native[index & 15].handWrittenPenalty)
            index &+= 1
        }
    }

    Benchmark("sla_penalty (JSON facts decode + evaluate)", configuration: fast) { benchmark in
        var index = 0
        for _ in benchmark.scaledIterations {
            let parsed = try JSONReader.read(factTexts[index & 15])
            blackHole(try ruleSet.evaluate(reference, facts: parsed, asOf: asOfDate, explain: false))
            index &+= 1
        }
    }

    Benchmark("compile Rules/", configuration: .init(metrics: [.wallClock, .mallocCountTotal, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Compiler.compile(paths: [rulesDirectory]))
        }
    }
}
