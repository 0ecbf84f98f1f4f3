import Clausier
import Testing

/// The typed API that the build plugin generates from the shipped rules, called as a host calls it.
/// Expected values come from the catalogue's readings, as in the YAML tests.
@Suite struct TypedAPITests {
    let rules: RuleSet

    init() throws { rules = try CompiledRules.load() }

    private func instant(_ text: String) throws -> Instant {
        try Instant.parseRFC3339(text).get()
    }

    private func date(_ text: String) throws -> CivilDate { try #require(CivilDate.parse(text)) }

    private func eur(_ text: String) throws -> Money { try #require(Money.parse(text + " EUR")) }

    @Test func embeddedRulesHoldTheFiveContracts() throws {
        #expect(CompiledRules.contractIDs == ["callkom", "prospect-it", "releads", "service-smtp", "suivi-pro"])
        #expect(rules.contracts.count == 5)
    }

    @Test func slaPenaltyThroughTheTypedAPI() throws {
        let prospectIt = try ProspectIt(rules: rules)
        // Exactly 2 h with both servers down: 50% of 200.00 EUR.
        let answer = try prospectIt.slaPenalty(
            incidentRecordedAt: try instant("2025-03-07T10:00:00+01:00"), incidentClosedAt: try instant("2025-03-07T12:00:00+01:00"),
            incidentMainServerDown: true, incidentBackupServerDown: true, subscriptionMonthlyFee: try eur("200.00"),
            asOf: try date("2025-03-10"), explain: true)
        #expect(answer.value.rate == FixedDecimal.parse("0.5"))
        #expect(answer.value.penalty == (try eur("100.00")))
        #expect(answer.decision.citations.contains("art. 11"))
    }

    @Test func listsOfRecordsAndTheCap() throws {
        let prospectIt = try ProspectIt(rules: rules)
        let fourHours = ProspectIt.SlaMonthlyPenalty.IncidentsItem(
            recordedAt: try instant("2025-03-07T10:00:00+01:00"), closedAt: try instant("2025-03-07T14:00:00+01:00"),
            mainServerDown: true, backupServerDown: true)
        // Two incidents at 100% each are capped at 100% of the fee.
        let answer = try prospectIt.slaMonthlyPenalty(
            incidents: [fourHours, fourHours], subscriptionMonthlyFee: try eur("200.00"), asOf: try date("2025-03-31"))
        #expect(answer.value == (try eur("200.00")))
    }

    @Test func enumsAndOptionalsAreSwiftTypes() throws {
        let prospectIt = try ProspectIt(rules: rules)
        let light = try prospectIt.maintenanceCompliant(
            maintenanceKind: .light, maintenanceStartsAt: try instant("2025-03-07T22:00:00+01:00"),
            maintenanceEndsAt: try instant("2025-03-07T22:15:00+01:00"), maintenanceNotifiedAt: nil,
            asOf: try date("2025-03-07"))
        // A missing notice fails a light maintenance.
        #expect(light.value == false)
        let returned = try prospectIt.dataReturn(
            terminationCause: .trialEnd, terminationNotifiedOn: try date("2025-03-03"), terminationEffectiveOn: try date("2025-03-31"),
            asOf: try date("2025-03-03"))
        #expect(returned.value.requestDeadline == nil)
        #expect(returned.value.returned == [.contacts, .emails, .faxes, .documents])
        let suspension = try prospectIt.suspension(invoicesAnyUnpaid: true, accountBreach: true, asOf: try date("2025-03-03"))
        #expect(suspension.value.reason == .unpaidInvoice)
    }

    @Test func badTypedFactsAreErrorsNamingTheFact() throws {
        let prospectIt = try ProspectIt(rules: rules)
        let recorded = try instant("2025-03-07T10:00:00+01:00")
        let closed = try instant("2025-03-07T09:00:00+01:00")
        let fee = try eur("200.00")
        let asOf = try date("2025-03-10")
        do {
            _ = try prospectIt.slaPenalty(
                incidentRecordedAt: recorded, incidentClosedAt: closed, incidentMainServerDown: true, incidentBackupServerDown: true,
                subscriptionMonthlyFee: fee, asOf: asOf)
            Issue.record("expected an error")
        } catch {
            #expect(error.fact == "incident.closed_at")
        }
        let usd = try #require(Money.parse("200.00 USD"))
        #expect(throws: EvaluationError.self) {
            try prospectIt.liabilityCap(subscriptionMonthlyFee: usd, asOf: try date("2025-03-10"))
        }
    }

    @Test func eligibilityRecordsAcrossContracts() throws {
        let suiviPro = try SuiviPro(rules: rules)
        // An exclusion wins over a ground: modified by the user, although the phone is unassigned.
        let answer = try suiviPro.leadRefund(
            leadPhoneUnassigned: true, leadOutsideSelectedCountry: false, leadManifestlyFake: false, leadModifiedByUser: true,
            leadDeletedOnDataSubjectRequest: false, leadNotTaken: false, asOf: try date("2025-03-10"))
        #expect(answer.value.decision == .ineligible)
        #expect(answer.value.reason == .modifiedByUser)
    }
}
