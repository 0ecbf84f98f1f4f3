// The peer benchmark's lead refund (peer-bench / lead_refund in Benchmarks/Rules/peer-bench.yaml, the
// same decision as suivi-pro's lead_refund): exclusions over grounds on six booleans.

/// A lead's six facts: what the hand-written function and the generated typed API take.
public struct PeerLead: Sendable {
    public var phoneUnassigned: Bool
    public var outsideSelectedCountry: Bool
    public var manifestlyFake: Bool
    public var modifiedByUser: Bool
    public var deletedOnDataSubjectRequest: Bool
    public var notTaken: Bool

    /// The lead whose facts are the bits of `bits`, in input order: bit 0 is `phone_unassigned`.
    public init(bits: Int) {
        phoneUnassigned = bits & 1 != 0
        outsideSelectedCountry = bits & 2 != 0
        manifestlyFake = bits & 4 != 0
        modifiedByUser = bits & 8 != 0
        deletedOnDataSubjectRequest = bits & 16 != 0
        notTaken = bits & 32 != 0
    }

    /// The facts as JSON text, as they would arrive from a host.
    public var factsJSON: String {
        """
        {"lead": {"phone_unassigned": \(phoneUnassigned), "outside_selected_country": \(outsideSelectedCountry), \
        "manifestly_fake": \(manifestlyFake), "modified_by_user": \(modifiedByUser), \
        "deleted_on_data_subject_request": \(deletedOnDataSubjectRequest), "not_taken": \(notTaken)}}
        """
    }
}

/// All 64 leads: with six booleans, every combination is cheap enough to cover, so every exclusion,
/// every ground, their priorities and `no_ground` are all decided.
public let peerLeads: [PeerLead] = (0..<64).map(PeerLead.init(bits:))

/// Why a lead is or is not refunded, in the rule's order: exclusions, then grounds, then none.
///
/// The raw values are the rule's reason codes, so that the engine's answers can be read into this
/// type to compare; a value is still a one-byte tag, the strings are not touched by the function.
public enum PeerLeadReason: String, Sendable, Equatable, CaseIterable {
    case modifiedByUser = "modified_by_user"
    case deletedOnDataSubjectRequest = "deleted_on_data_subject_request"
    case notTaken = "not_taken"
    case phoneUnassigned = "phone_unassigned"
    case outsideSelectedCountry = "outside_selected_country"
    case manifestlyFake = "manifestly_fake"
    case noGround = "no_ground"
}

/// The hand-written answer: granted (eligible for review) or refused, and why.
public struct PeerLeadRefund: Sendable, Equatable {
    public var granted: Bool
    public var reason: PeerLeadReason

    public init(granted: Bool, reason: PeerLeadReason) {
        self.granted = granted
        self.reason = reason
    }
}

/// The peer lead refund written by hand: the floor the rule engine is measured against.
///
/// Kept out of line so that each iteration pays for one real call, as a host calling the engine does.
@inline(never)
public func handWrittenLeadRefund(_ lead: PeerLead) -> PeerLeadRefund {
    if lead.modifiedByUser { return PeerLeadRefund(granted: false, reason: .modifiedByUser) }
    if lead.deletedOnDataSubjectRequest { return PeerLeadRefund(granted: false, reason: .deletedOnDataSubjectRequest) }
    if lead.notTaken { return PeerLeadRefund(granted: false, reason: .notTaken) }
    if lead.phoneUnassigned { return PeerLeadRefund(granted: true, reason: .phoneUnassigned) }
    if lead.outsideSelectedCountry { return PeerLeadRefund(granted: true, reason: .outsideSelectedCountry) }
    if lead.manifestlyFake { return PeerLeadRefund(granted: true, reason: .manifestlyFake) }
    return PeerLeadRefund(granted: false, reason: .noGround)
}
