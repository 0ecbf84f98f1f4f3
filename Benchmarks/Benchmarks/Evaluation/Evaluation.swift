// Benchmarks of rule evaluation, measured against a hand-written Swift function for the same rule.
//
// The rule is `prospect-it` / `sla_penalty` from Rules/prospect-it.yaml (article 11: a tiered
// penalty on the monthly fee when the main and the backup server are down together). Every fast
// benchmark cycles over the same 16 incidents, which cover every tier, both tier boundaries that
// matter (exactly 1h, 2h, 3h, 4h) and the cases where only one server, or none, is down.

import Benchmark
import Clausier
import ClausierCompiler
import Foundation

// MARK: - The incidents

/// One incident: the facts as a host would send them, and the same facts pre-converted for the
/// hand-written function.
struct SLACase {
    var recordedAt: String
    var closedAt: String
    var mainServerDown: Bool
    var backupServerDown: Bool
    /// The monthly fee in cents of EUR.
    var monthlyFeeCents: Int64

    var feeText: String {
        let cents = monthlyFeeCents % 100
        return "\(monthlyFeeCents / 100).\(cents < 10 ? "0" : "")\(cents) EUR"
    }

    /// The facts as JSON text, as they would arrive from a host.
    var factsJSON: String {
        """
        {"incident": {"recorded_at": "\(recordedAt)", "closed_at": "\(closedAt)", \
        "main_server_down": \(mainServerDown), "backup_server_down": \(backupServerDown)}, \
        "subscription": {"monthly_fee": "\(feeText)"}}
        """
    }
}

/// Sixteen incidents: every tier, its boundaries, fees whose penalty needs rounding, mixed UTC
/// offsets and a DST change, and incidents where only one server or neither is down.
let slaCases: [SLACase] = [
    // [0, 1h): 0%
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T10:00:00+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 200_00),
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T10:30:00+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 200_00),
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T10:59:59+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 49_90),
    // [1h, 2h): 25%
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T11:00:00+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 200_00),
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T11:45:00+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 99_99),  // 24.9975 → 25.00
    SLACase(recordedAt: "2025-03-07T09:30:00Z", closedAt: "2025-03-07T12:10:00+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 15_50),  // 1h40; 3.875 → 3.88
    // [2h, 3h): 50%
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T12:00:00+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 200_00),
    SLACase(recordedAt: "2025-03-07T23:30:00+01:00", closedAt: "2025-03-08T01:45:00+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 7),  // 0.035 → 0.04
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T12:59:59+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 1234_57),  // 617.285 → 617.29
    // [3h, 4h): 75%
    SLACase(recordedAt: "2025-03-07T09:00:00Z", closedAt: "2025-03-07T12:00:00Z",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 333_33),  // 249.9975 → 250.00
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T13:59:00+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 1),  // 0.0075 → 0.01
    // [4h, ∞): 100%
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T14:00:00+01:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 200_00),
    SLACase(recordedAt: "2025-03-29T22:00:00+01:00", closedAt: "2025-03-31T00:00:00+02:00",
            mainServerDown: true, backupServerDown: true, monthlyFeeCents: 89_00),  // 25h, across the DST change
    // Not both servers down: 0% whatever the outage
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T15:00:00+01:00",
            mainServerDown: true, backupServerDown: false, monthlyFeeCents: 200_00),
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T12:00:00+01:00",
            mainServerDown: false, backupServerDown: true, monthlyFeeCents: 200_00),
    SLACase(recordedAt: "2025-03-07T10:00:00+01:00", closedAt: "2025-03-07T11:30:00+01:00",
            mainServerDown: false, backupServerDown: false, monthlyFeeCents: 200_00),
]

// MARK: - The hand-written baseline

/// The same incident, pre-converted to what the hand-written function takes.
struct NativeIncident {
    var recordedAtNanoseconds: Int64
    var closedAtNanoseconds: Int64
    var mainServerDown: Bool
    var backupServerDown: Bool
    var monthlyFeeCents: Int64
}

/// Article 11 written by hand: the baseline the rule engine is measured against.
///
/// Tiers on the outage: [0, 1h) 0%, [1h, 2h) 25%, [2h, 3h) 50%, [3h, 4h) 75%, [4h, ∞) 100%, only
/// when both servers are down; the penalty is rounded half away from zero to the cent. Kept out of
/// line so that each iteration pays for one real call, as a host calling the engine does.
@inline(never)
func handWrittenSLAPenalty(
    recordedAt: Int64, closedAt: Int64, mainServerDown: Bool, backupServerDown: Bool, monthlyFeeCents: Int64
) -> (ratePercent: Int, penaltyCents: Int64) {
    precondition(closedAt >= recordedAt, "the incident is closed before it was recorded")
    let hour: Int64 = 3_600_000_000_000
    let outage = closedAt - recordedAt
    let ratePercent: Int
    if !(mainServerDown && backupServerDown) {
        ratePercent = 0
    } else if outage < hour {
        ratePercent = 0
    } else if outage < 2 * hour {
        ratePercent = 25
    } else if outage < 3 * hour {
        ratePercent = 50
    } else if outage < 4 * hour {
        ratePercent = 75
    } else {
        ratePercent = 100
    }
    // fee × rate / 100, to the cent, half away from zero.
    let scaled = monthlyFeeCents * Int64(ratePercent)
    let penaltyCents = (scaled + (scaled < 0 ? -50 : 50)) / 100
    return (ratePercent, penaltyCents)
}

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

func instant(_ text: String) -> Int64 {
    switch Instant.parseRFC3339(text) {
    case .success(let instant): instant.nanosecondsSinceEpoch
    case .failure(let error): fatalError("bad datetime \(text): \(error)")
    }
}

/// Checks once, before anything is measured, that the rules and the hand-written function agree
/// on every incident: a benchmark of a wrong answer would be worthless.
func checkAgreement(_ ruleSet: RuleSet, _ reference: DecisionReference, _ facts: [JSONValue], _ native: [NativeIncident]) {
    for (index, incident) in native.enumerated() {
        let expected = handWrittenSLAPenalty(
            recordedAt: incident.recordedAtNanoseconds, closedAt: incident.closedAtNanoseconds,
            mainServerDown: incident.mainServerDown, backupServerDown: incident.backupServerDown,
            monthlyFeeCents: incident.monthlyFeeCents)
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
    let native: [NativeIncident] = slaCases.map { c in
        NativeIncident(
            recordedAtNanoseconds: instant(c.recordedAt), closedAtNanoseconds: instant(c.closedAt),
            mainServerDown: c.mainServerDown, backupServerDown: c.backupServerDown,
            monthlyFeeCents: c.monthlyFeeCents)
    }
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
            let incident = native[index & 15]
            blackHole(
                handWrittenSLAPenalty(
                    recordedAt: incident.recordedAtNanoseconds, closedAt: incident.closedAtNanoseconds,
                    mainServerDown: incident.mainServerDown, backupServerDown: incident.backupServerDown,
                    monthlyFeeCents: incident.monthlyFeeCents))
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
