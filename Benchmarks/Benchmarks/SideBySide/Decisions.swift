// The three decisions measured side by side: what each says to the harness (Harness.swift). The cases
// and the hand-written functions are in the Baselines module; `PeerBench` and `ProspectIt` are the
// typed API that the Clausier build plugin generated from this folder's rule files (symbolic links).

import Baselines
import Clausier

/// peer-bench / sla_tiers: tiers on minutes, an integer fee, rounded down and capped at the fee.
struct PeerSLATiersDecision: SideBySideDecision {
    let api: PeerBench
    let contract = PeerBench.id
    let decision = "sla_tiers"
    var cases: [PeerSLACase] { peerSLACases }

    func handWritten(_ input: PeerSLACase) -> Int {
        handWrittenSLATiers(minutes: input.minutes, feeCents: input.feeCents)
    }

    func typedAPI(_ input: PeerSLACase, explain: Bool) throws(EvaluationError) -> Answer<Int> {
        try api.slaTiers(
            outageMinutes: input.minutes, subscriptionMonthlyFeeCents: input.feeCents, asOf: asOf, explain: explain)
    }

    func values(_ input: PeerSLACase) -> [Value] { [.int(input.minutes), .int(input.feeCents)] }
    func factsJSON(_ input: PeerSLACase) -> String { input.factsJSON }
    func output(typed: Int) -> Int? { typed }

    func output(value: Value) -> Int? {
        guard case .int(let penalty) = value else { return nil }
        return penalty
    }
}

/// peer-bench / lead_refund: exclusions over grounds on six booleans.
struct PeerLeadRefundDecision: SideBySideDecision {
    let api: PeerBench
    let contract = PeerBench.id
    let decision = "lead_refund"
    var cases: [PeerLead] { peerLeads }

    func handWritten(_ input: PeerLead) -> PeerLeadRefund { handWrittenLeadRefund(input) }

    func typedAPI(_ input: PeerLead, explain: Bool) throws(EvaluationError) -> Answer<PeerBench.LeadRefund.Result> {
        try api.leadRefund(
            leadPhoneUnassigned: input.phoneUnassigned, leadOutsideSelectedCountry: input.outsideSelectedCountry,
            leadManifestlyFake: input.manifestlyFake, leadModifiedByUser: input.modifiedByUser,
            leadDeletedOnDataSubjectRequest: input.deletedOnDataSubjectRequest, leadNotTaken: input.notTaken,
            asOf: asOf, explain: explain)
    }

    func values(_ input: PeerLead) -> [Value] {
        [input.phoneUnassigned, input.outsideSelectedCountry, input.manifestlyFake, input.modifiedByUser,
         input.deletedOnDataSubjectRequest, input.notTaken].map(Value.bool)
    }

    func factsJSON(_ input: PeerLead) -> String { input.factsJSON }

    func output(typed: PeerBench.LeadRefund.Result) -> PeerLeadRefund? {
        refund(decision: typed.decision.rawValue, reason: typed.reason.rawValue)
    }

    func output(value: Value) -> PeerLeadRefund? {
        guard case .record(let fields) = value, fields.count == 2,
              case .name(let decision) = fields[0], case .name(let reason) = fields[1]
        else { return nil }
        return refund(decision: decision, reason: reason)
    }

    /// The answer from the rule's names: the decision must be one of the two, the reason one of the codes.
    private func refund(decision: String, reason: String) -> PeerLeadRefund? {
        guard decision == "eligible_for_review" || decision == "ineligible", let reason = PeerLeadReason(rawValue: reason) else {
            return nil
        }
        return PeerLeadRefund(granted: decision == "eligible_for_review", reason: reason)
    }
}

/// One prospect-it incident in every form the paths take: the hand-written function's integers, the
/// typed API's instants and money, and the facts as JSON text.
struct ProspectItIncident: Sendable {
    var native: NativeIncident
    var recordedAt: Instant
    var closedAt: Instant
    var fee: Money
    var factsJSON: String

    init(_ incident: SLACase) {
        native = NativeIncident(incident)
        recordedAt = Instant(nanosecondsSinceEpoch: native.recordedAtNanoseconds)
        closedAt = Instant(nanosecondsSinceEpoch: native.closedAtNanoseconds)
        guard let fee = Money.parse(incident.feeText) else { fatalError("bad fee \(incident.feeText)") }
        self.fee = fee
        factsJSON = incident.factsJSON
    }
}

/// The prospect-it penalty in whole numbers, to compare answers: the rate in percent, the penalty in cents.
struct RateAndPenalty: Equatable, Sendable {
    var ratePercent: Int
    var penaltyCents: Int

    /// Reads a rate (a fraction: 0.25 is 25%) and an amount; nil unless both are whole hundredths.
    init?(rate: FixedDecimal, penalty: Money) {
        guard let rate = Self.hundredths(rate), let penalty = Self.hundredths(penalty.amount) else { return nil }
        ratePercent = rate
        penaltyCents = penalty
    }

    init(ratePercent: Int, penaltyCents: Int64) {
        self.ratePercent = ratePercent
        self.penaltyCents = Int(penaltyCents)
    }

    private static func hundredths(_ number: FixedDecimal) -> Int? {
        (try? number.multiplying(by: FixedDecimal(100)))?.integerValue
    }
}

/// prospect-it / sla_penalty: tiers on the outage between two instants, both servers down, money
/// rounded half away from zero.
struct ProspectItSLAPenaltyDecision: SideBySideDecision {
    let api: ProspectIt
    let contract = ProspectIt.id
    let decision = "sla_penalty"
    let cases: [ProspectItIncident] = slaCases.map(ProspectItIncident.init)

    func handWritten(_ input: ProspectItIncident) -> RateAndPenalty {
        let answer = input.native.handWrittenPenalty
        return RateAndPenalty(ratePercent: answer.ratePercent, penaltyCents: answer.penaltyCents)
    }

    func typedAPI(_ input: ProspectItIncident, explain: Bool) throws(EvaluationError) -> Answer<ProspectIt.SlaPenalty.Result> {
        try api.slaPenalty(
            incidentRecordedAt: input.recordedAt, incidentClosedAt: input.closedAt,
            incidentMainServerDown: input.native.mainServerDown, incidentBackupServerDown: input.native.backupServerDown,
            subscriptionMonthlyFee: input.fee, asOf: asOf, explain: explain)
    }

    func values(_ input: ProspectItIncident) -> [Value] {
        [.datetime(input.recordedAt), .datetime(input.closedAt), .bool(input.native.mainServerDown),
         .bool(input.native.backupServerDown), .money(input.fee)]
    }

    func factsJSON(_ input: ProspectItIncident) -> String { input.factsJSON }

    func output(typed: ProspectIt.SlaPenalty.Result) -> RateAndPenalty? {
        RateAndPenalty(rate: typed.rate, penalty: typed.penalty)
    }

    func output(value: Value) -> RateAndPenalty? {
        guard case .record(let fields) = value, fields.count == 2,
              case .percent(let rate) = fields[0], case .money(let penalty) = fields[1]
        else { return nil }
        return RateAndPenalty(rate: rate, penalty: penalty)
    }
}
