// The peer benchmark's SLA tiers (peer-bench / sla_tiers in Benchmarks/Rules/peer-bench.yaml): the
// outage in whole minutes and the monthly fee in whole cents; the rate by tiers of minutes (those of
// prospect-it art. 11), the penalty rounded down to the cent and capped at the fee.

/// One outage: what the hand-written function and the generated typed API take.
public struct PeerSLACase: Sendable {
    /// The outage, in minutes; never negative (the rules refuse a negative `int` fact).
    public var minutes: Int
    /// The monthly fee, in cents.
    public var feeCents: Int

    public init(minutes: Int, feeCents: Int) {
        self.minutes = minutes
        self.feeCents = feeCents
    }

    /// The facts as JSON text, as they would arrive from a host.
    public var factsJSON: String {
        #"{"outage": {"minutes": \#(minutes)}, "subscription": {"monthly_fee_cents": \#(feeCents)}}"#
    }
}

/// Eighteen outages: both sides of every tier boundary (59/60, 119/120, 179/180, 239/240), penalties
/// that round down (a fraction of a cent is dropped, even 0.75 of one), a zero fee, and fees far
/// beyond a real subscription so that `fee × rate` is exercised on large integers.
public let peerSLACases: [PeerSLACase] = [
    // [0, 60): 0%
    PeerSLACase(minutes: 0, feeCents: 200_00),
    PeerSLACase(minutes: 30, feeCents: 200_00),
    PeerSLACase(minutes: 59, feeCents: 49_90),
    // [60, 120): 25%
    PeerSLACase(minutes: 60, feeCents: 200_00),
    PeerSLACase(minutes: 100, feeCents: 15_50),  // 387.5 → 387
    PeerSLACase(minutes: 119, feeCents: 99_99),  // 2499.75 → 2499
    // [120, 180): 50%
    PeerSLACase(minutes: 120, feeCents: 7),  // 3.5 → 3
    PeerSLACase(minutes: 135, feeCents: 0),
    PeerSLACase(minutes: 179, feeCents: 1234_57),  // 61728.5 → 61728
    // [180, 240): 75%
    PeerSLACase(minutes: 180, feeCents: 333_33),  // 24999.75 → 24999
    PeerSLACase(minutes: 200, feeCents: 1),  // 0.75 → 0
    PeerSLACase(minutes: 239, feeCents: 200_00),
    // [240, ∞): 100%, never more than the fee
    PeerSLACase(minutes: 240, feeCents: 200_00),
    PeerSLACase(minutes: 241, feeCents: 89_00),
    PeerSLACase(minutes: 1_500, feeCents: 49_90),
    PeerSLACase(minutes: 525_600, feeCents: 99_999_999_99),  // a year down, a fee of a billion
    // Large fees in the lower tiers.
    PeerSLACase(minutes: 61, feeCents: 12_345_678_901),  // 3086419725.25 → 3086419725
    PeerSLACase(minutes: 181, feeCents: 98_765_432_101),  // 74074074075.75 → 74074074075
]

/// The peer SLA tiers written by hand: the floor the rule engine is measured against.
///
/// Kept out of line so that each iteration pays for one real call, as a host calling the engine does.
@inline(never)
public func handWrittenSLATiers(minutes: Int, feeCents: Int) -> Int {
    let ratePercent: Int
    if minutes < 60 {
        ratePercent = 0
    } else if minutes < 120 {
        ratePercent = 25
    } else if minutes < 180 {
        ratePercent = 50
    } else if minutes < 240 {
        ratePercent = 75
    } else {
        ratePercent = 100
    }
    // Both factors are never negative, so integer division is the rounding down.
    return min(feeCents * ratePercent / 100, feeCents)
}
