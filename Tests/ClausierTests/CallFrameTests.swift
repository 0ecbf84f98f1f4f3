import Testing

@testable import Clausier

/// Definitions called from rules: a call is lowered as the definition's body in place, in the
/// caller's frame, unless definitions call each other in a cycle; then it is a call, with a frame
/// on the stack, and a record argument whose parameter is only read field by field is passed
/// spread. The contract "regions" has no cycle, "stack" has one (countdown), so the same decisions
/// run both ways. These build the IR by hand, so that they can call in ways the shipped rules do
/// not: nested calls as arguments, the same definition twice, recursion.
@Suite struct CallFrameTests {
    static let asOf = CivilDate(year: 2025, month: 3, day: 10) ?? CivilDate(daysSinceEpoch: 0)

    static func step(_ label: String, _ type: ValueType = .int) -> StepInfo {
        StepInfo(kind: .definition, label: label, because: nil, citations: [], type: type)
    }

    /// double(x) = x + x; sum2(a, b) = let s = a + b in s; pick(r) = r.1; countdown(n) = n == 0 ? 0 : countdown(n - 1) + 1.
    static func definitions(recursive: Bool) -> [CompiledDefinition] {
        var definitions = [
            CompiledDefinition(id: "double", step: step("double"), parameterCount: 1, body: .binary(.addInt, .slot(0), .slot(0)), frameSize: 1),
            CompiledDefinition(
                id: "sum2", step: step("sum2"), parameterCount: 2,
                body: .bind(slot: 2, value: .binary(.addInt, .slot(0), .slot(1)), step: nil, body: .slot(2)), frameSize: 3),
            CompiledDefinition(id: "pick", step: step("pick"), parameterCount: 1, body: .field(.slot(0), 1), frameSize: 1),
        ]
        if recursive {
            let zero = CaseBranch(
                condition: .binary(.compare(.equal), .slot(0), .constant(.int(0))), value: .constant(.int(0)),
                step: StepInfo(kind: .case, label: "n == 0", because: nil, citations: [], type: .int))
            let more = CaseBranch(
                condition: nil,
                value: .binary(.addInt, .invoke(definition: 3, arguments: [.binary(.subtractInt, .slot(0), .constant(.int(1)))]), .constant(.int(1))),
                step: StepInfo(kind: .otherwise, label: "otherwise", because: nil, citations: [], type: .int))
            definitions.append(CompiledDefinition(id: "countdown", step: step("countdown"), parameterCount: 1, body: .cases([zero, more]), frameSize: 1))
        }
        return definitions
    }

    static func decision(_ id: String, _ inputs: [(String, ValueType)], _ body: Expr, frameSize: Int) -> CompiledDecision {
        CompiledDecision(
            id: id, title: id, citations: [],
            inputs: inputs.enumerated().map { InputSpec(name: $0.element.0, type: $0.element.1, slot: $0.offset, countsOnlyIfPast: false) },
            requirements: [], body: body, resultType: .int, frameSize: frameSize)
    }

    static func contract(_ id: String, recursive: Bool) -> CompiledContract {
        let record = ValueType.record([RecordField("a", .int), RecordField("b", .int)])
        var decisions = [
            // sum2(double(x), double(sum2(x, y))) = 2x + 2(x + y)
            decision(
                "nested", [("x", .int), ("y", .int)],
                .invoke(definition: 1, arguments: [
                    .invoke(definition: 0, arguments: [.slot(0)]),
                    .invoke(definition: 0, arguments: [.invoke(definition: 1, arguments: [.slot(0), .slot(1)])]),
                ]), frameSize: 2),
            // pick({x, y, x / 0}): the third field is never read, and still computed, so it fails.
            decision(
                "unread_field_fails", [("x", .int), ("y", .int)],
                .invoke(definition: 2, arguments: [.record([.slot(0), .slot(1), .binary(.divideInt, .slot(0), .constant(.int(0)))])]),
                frameSize: 2),
            // pick(r) of a record input, spread when called; pick({x, y}) + pick(r), two sites.
            decision(
                "record_input", [("r", record), ("x", .int)],
                .binary(.addInt, .invoke(definition: 2, arguments: [.slot(0)]), .invoke(definition: 2, arguments: [.record([.slot(1), .slot(1)])])),
                frameSize: 2),
        ]
        if recursive {
            decisions.append(decision("countdown", [("n", .int)], .invoke(definition: 3, arguments: [.slot(0)]), frameSize: 1))
        }
        let header = ContractHeader(
            id: id, title: id, source: id, effective: asOf, zone: .utc, currency: .eur, holidays: .france, rounding: .halfAwayFromZero)
        return CompiledContract(header: header, decisions: decisions, definitions: definitions(recursive: recursive))
    }

    static let rules = RuleSet(contracts: [contract("regions", recursive: false), contract("stack", recursive: true)])

    func answer(_ contract: String, _ decision: String, _ values: [Value], explain: Bool) throws -> Value {
        let reference = try #require(Self.rules.reference(contract: contract, decision: decision))
        return try Self.rules.evaluate(reference, values: values, asOf: Self.asOf, explain: explain).value
    }

    @Test func callsAreLoweredInPlaceUnlessDefinitionsRecurse() {
        #expect(ProgramBuilder.callsFormNoCycle(Self.contract("a", recursive: false).definitions))
        #expect(!ProgramBuilder.callsFormNoCycle(Self.contract("a", recursive: true).definitions))
        // A call of a definition that does not exist is no cycle, but cannot be lowered in place.
        let missing = CompiledDefinition(id: "m", step: Self.step("m"), parameterCount: 0, body: .invoke(definition: 9, arguments: []), frameSize: 0)
        #expect(!ProgramBuilder.callsFormNoCycle([missing]))
    }

    @Test(arguments: ["regions", "stack"], [false, true])
    func nestedCallsAndTheSameDefinitionTwiceGetTheirOwnFrames(contract: String, explain: Bool) throws {
        for (x, y) in [(1, 2), (5, 0), (0, 7), (3, 3)] {
            #expect(try answer(contract, "nested", [.int(x), .int(y)], explain: explain) == .int(2 * x + 2 * (x + y)))
        }
    }

    @Test(arguments: ["regions", "stack"], [false, true])
    func recordArgumentsAreSpreadWithTheSameAnswersAndErrors(contract: String, explain: Bool) throws {
        #expect(throws: EvaluationError.self) { try answer(contract, "unread_field_fails", [.int(1), .int(2)], explain: explain) }
        #expect(try answer(contract, "record_input", [.record([.int(4), .int(9)]), .int(5)], explain: explain) == .int(14))
        #expect(try answer(contract, "record_input", [.record([.int(0), .int(1)]), .int(2)], explain: explain) == .int(3))
    }

    @Test(arguments: ["nested", "record_input"])
    func inlinedAndCalledDefinitionsExplainAlike(decision: String) throws {
        let values: [Value] = decision == "nested" ? [.int(3), .int(4)] : [.record([.int(4), .int(9)]), .int(5)]
        var explanations: [[String]] = []
        for contract in ["regions", "stack"] {
            let reference = try #require(Self.rules.reference(contract: contract, decision: decision))
            let answer = try Self.rules.evaluate(reference, values: values, asOf: Self.asOf, explain: true)
            explanations.append(answer.explanation.map { "\($0.kind) \($0.label) \($0.value)" })
        }
        #expect(explanations[0] == explanations[1])
        #expect(explanations[0].count >= 2)
    }

    @Test func recursiveDefinitionsRunOnStackFrames() throws {
        for n in [0, 1, 7, 30] {
            #expect(try answer("stack", "countdown", [.int(n)], explain: false) == .int(n))
            #expect(try answer("stack", "countdown", [.int(n)], explain: true) == .int(n))
        }
    }

    @Test func fieldsReadFindsOnlyFieldReads() {
        #expect(ProgramBuilder.fieldsRead(of: 0, in: .field(.slot(0), 1)) == 2)
        #expect(ProgramBuilder.fieldsRead(of: 0, in: .binary(.addInt, .field(.slot(0), 0), .slot(0))) == nil)
        #expect(ProgramBuilder.fieldsRead(of: 0, in: .invoke(definition: 0, arguments: [.slot(0)])) == nil)
        #expect(ProgramBuilder.fieldsRead(of: 0, in: .bind(slot: 0, value: .constant(.int(1)), step: nil, body: .field(.slot(0), 0))) == nil)
        #expect(ProgramBuilder.fieldsRead(of: 1, in: .field(.slot(0), 3)) == nil)
    }
}

extension CallFrameTests {
    @Test func aFrameSizedByTheDecisionAloneIsLengthened() throws {
        // A decoder that sizes the frame by the decision's own slots, not counting the definitions
        // lowered in place, still gets the answer.
        let reference = try #require(Self.rules.reference(contract: "regions", decision: "nested"))
        let program = try Self.rules.resolve(reference)
        let index = reference.decision
        #expect(program.frameSizes[index] > program.decisions[index].frameSize)
        var frame = [Value](repeating: .absent, count: program.decisions[index].frameSize)
        frame[0] = .int(3)
        frame[1] = .int(4)
        let answer = try Self.rules.answer(program: program, index: index, frame: &frame, asOf: Self.asOf, explain: false)
        #expect(answer.value == .int(2 * 3 + 2 * (3 + 4)))
    }
}
