// prospect-it / sla_penalty (Rules/prospect-it.yaml, article 11): a tiered penalty on the monthly fee
// when the main and the backup server are down together. The incidents every benchmark of it cycles
// over, and the same rule written by hand.

import Clausier

// MARK: - The incidents

/// One incident: the facts as a host would send them, and the same facts pre-converted for the
/// hand-written function.
public struct SLACase: Sendable {
    public var recordedAt: String
    public var closedAt: String
    public var mainServerDown: Bool
    public var backupServerDown: Bool
    /// The monthly fee in cents of EUR.
    public var monthlyFeeCents: Int64

    public var feeText: String {
        let cents = monthlyFeeCents % 100
        return "\(monthlyFeeCents / 100).\(cents < 10 ? "0" : "")\(cents) EUR"
    }

    /// The facts as JSON text, as they would arrive from a host.
    public var factsJSON: String {
        """
        {"incident": {"recorded_at": "\(recordedAt)", "closed_at": "\(closedAt)", \
        "main_server_down": \(mainServerDown), "backup_server_down": \(backupServerDown)}, \
        "subscription": {"monthly_fee": "\(feeText)"}}
        """
    }
}

/// Sixteen incidents: every tier, its boundaries, fees whose penalty needs rounding, mixed UTC
/// offsets and a DST change, and incidents where only one server or neither is down.
public let slaCases: [SLACase] = [
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
public struct NativeIncident: Sendable {
    public var recordedAtNanoseconds: Int64
    public var closedAtNanoseconds: Int64
    public var mainServerDown: Bool
    public var backupServerDown: Bool
    public var monthlyFeeCents: Int64

    /// Converts the incident's texts; a bad datetime in the table stops the suite.
    public init(_ incident: SLACase) {
        recordedAtNanoseconds = Self.instant(incident.recordedAt).nanosecondsSinceEpoch
        closedAtNanoseconds = Self.instant(incident.closedAt).nanosecondsSinceEpoch
        mainServerDown = incident.mainServerDown
        backupServerDown = incident.backupServerDown
        monthlyFeeCents = incident.monthlyFeeCents
    }

    private static func instant(_ text: String) -> Instant {
        switch Instant.parseRFC3339(text) {
        case .success(let instant): instant
        case .failure(let error): fatalError("bad datetime \(text): \(error)")
        }
    }
}

/// Article 11 written by hand: the baseline the rule engine is measured against.
///
/// Tiers on the outage: [0, 1h) 0%, [1h, 2h) 25%, [2h, 3h) 50%, [3h, 4h) 75%, [4h, ∞) 100%, only
/// when both servers are down; the penalty is rounded half away from zero to the cent. Kept out of
/// line so that each iteration pays for one real call, as a host calling the engine does.
@inline(never)
public func handWrittenSLAPenalty(
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

extension NativeIncident {
    /// ``handWrittenSLAPenalty(recordedAt:closedAt:mainServerDown:backupServerDown:monthlyFeeCents:)`` of this incident.
    ///
    /// Inlinable so that a benchmark in another module pays for the one call of the function, not two.
    @inlinable
    public var handWrittenPenalty: (ratePercent: Int, penaltyCents: Int64) {
        handWrittenSLAPenalty(
            recordedAt: recordedAtNanoseconds, closedAt: closedAtNanoseconds,
            mainServerDown: mainServerDown, backupServerDown: backupServerDown, monthlyFeeCents: monthlyFeeCents)
    }
}
