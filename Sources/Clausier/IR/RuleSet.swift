/// What a contract's rule file declares about the contract as a whole.
public struct ContractHeader: Sendable, Hashable, Codable {
    /// The catalogue id, such as `prospect-it`.
    public var id: String
    /// The contract's title.
    public var title: String
    /// The source document the rules encode.
    public var source: String
    /// The date the contract takes effect.
    public var effective: CivilDate
    /// The time zone its dates and times are read in.
    public var zone: ZoneRule
    /// The currency of its money.
    public var currency: Currency
    /// The public holidays its business days skip.
    public var holidays: HolidayCalendar
    /// How final money amounts are rounded to the cent.
    public var rounding: RoundingMode

    /// Creates a header.
    public init(
        id: String, title: String, source: String, effective: CivilDate, zone: ZoneRule,
        currency: Currency, holidays: HolidayCalendar, rounding: RoundingMode
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.effective = effective
        self.zone = zone
        self.currency = currency
        self.holidays = holidays
        self.rounding = rounding
    }
}

/// One input of a decision, with where its fact sits in the JSON facts.
public struct InputSpec: Sendable, Hashable, Codable {
    /// The dotted name, such as `incident.recorded_at`.
    public var name: String
    /// The name split at its dots.
    public var path: [String]
    /// Its type; optional inputs have an optional type.
    public var type: ValueType
    /// The frame slot it is read into.
    public var slot: Int
    /// For an optional date recording that something happened: a date after the evaluation date
    /// reads as absent, because as of that date it has not happened yet.
    public var countsOnlyIfPast: Bool

    /// Creates an input.
    public init(name: String, type: ValueType, slot: Int, countsOnlyIfPast: Bool) {
        self.name = name
        self.path = name.split(separator: ".").map(String.init)
        self.type = type
        self.slot = slot
        self.countsOnlyIfPast = countsOnlyIfPast
    }
}

/// A condition the facts must meet before the rule answers; when it fails, the facts are bad input.
public struct Requirement: Sendable, Hashable, Codable {
    /// Checked for each item of a list input.
    public struct ForEach: Sendable, Hashable, Codable {
        /// The slot of the list.
        public var list: Expr
        /// The slot the item is bound to.
        public var itemSlot: Int
        /// The list's dotted name, used to name the failing item (`incidents[1]`).
        public var listName: String
        /// The item's name in the rule file (`incident`).
        public var itemName: String

        /// Creates a list requirement.
        public init(list: Expr, itemSlot: Int, listName: String, itemName: String) {
            self.list = list
            self.itemSlot = itemSlot
            self.listName = listName
            self.itemName = itemName
        }
    }

    /// What must hold.
    public var condition: Expr
    /// The fact to blame, dotted.
    public var fact: String
    /// What is wrong, in plain words.
    public var message: String
    /// Set when the condition is checked for each item of a list.
    public var forEach: ForEach?

    /// Creates a requirement.
    public init(condition: Expr, fact: String, message: String, forEach: ForEach?) {
        self.condition = condition
        self.fact = fact
        self.message = message
        self.forEach = forEach
    }
}

/// A compiled decision: the public question a host asks.
public struct CompiledDecision: Sendable, Hashable, Codable {
    /// The catalogue id, such as `sla_penalty`.
    public var id: String
    /// A one-line description.
    public var title: String
    /// The articles the decision encodes.
    public var citations: [String]
    /// Its inputs, in the catalogue's order.
    public var inputs: [InputSpec]
    /// Conditions on the facts, checked after decoding and before the rule answers.
    public var requirements: [Requirement]
    /// The rule.
    public var body: Expr
    /// The type of its answer.
    public var resultType: ValueType
    /// How many slots its frame needs.
    public var frameSize: Int
    /// The type of each slot of its frame (inputs, `let` bindings, list items), for backends that
    /// give each slot a static type; empty when the rules were compiled without them.
    public var slotTypes: [ValueType]

    /// Creates a decision.
    public init(
        id: String, title: String, citations: [String], inputs: [InputSpec], requirements: [Requirement],
        body: Expr, resultType: ValueType, frameSize: Int, slotTypes: [ValueType] = []
    ) {
        self.id = id
        self.title = title
        self.citations = citations
        self.inputs = inputs
        self.requirements = requirements
        self.body = body
        self.resultType = resultType
        self.frameSize = frameSize
        self.slotTypes = slotTypes
    }
}

/// A compiled definition: a named rule with parameters that decisions of the same contract call.
public struct CompiledDefinition: Sendable, Hashable, Codable {
    /// Its name.
    public var id: String
    /// The step recorded when it is called.
    public var step: StepInfo
    /// How many parameters it takes, in slots 0 and up.
    public var parameterCount: Int
    /// The rule.
    public var body: Expr
    /// How many slots its frame needs.
    public var frameSize: Int
    /// The type of each slot of its frame, parameters first; empty when the rules were compiled without them.
    public var slotTypes: [ValueType]
    /// The parameters' names, as the rule file writes them.
    public var parameterNames: [String]

    /// Creates a definition.
    public init(
        id: String, step: StepInfo, parameterCount: Int, body: Expr, frameSize: Int, slotTypes: [ValueType] = [],
        parameterNames: [String] = []
    ) {
        self.id = id
        self.parameterNames = parameterNames
        self.step = step
        self.parameterCount = parameterCount
        self.body = body
        self.frameSize = frameSize
        self.slotTypes = slotTypes
    }
}

/// A compiled contract.
public struct CompiledContract: Sendable, Hashable, Codable {
    /// Its header.
    public let header: ContractHeader
    /// Its decisions, in file order.
    public let decisions: [CompiledDecision]
    /// Its definitions, indexed by `Expr.invoke`.
    public let definitions: [CompiledDefinition]
    /// Every branch of its rules, indexed by ``StepInfo/branch``.
    public let branches: [BranchInfo]
    /// The flat form the evaluator walks, derived from the decisions and definitions.
    let program: Program

    /// Creates a contract.
    public init(
        header: ContractHeader, decisions: [CompiledDecision], definitions: [CompiledDefinition], branches: [BranchInfo] = []
    ) {
        self.header = header
        self.decisions = decisions
        self.definitions = definitions
        self.branches = branches
        self.program = Program(header: header, decisions: decisions, definitions: definitions)
    }

    private enum CodingKeys: String, CodingKey {
        case header, decisions, definitions, branches
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            header: try container.decode(ContractHeader.self, forKey: .header),
            decisions: try container.decode([CompiledDecision].self, forKey: .decisions),
            definitions: try container.decode([CompiledDefinition].self, forKey: .definitions),
            branches: try container.decode([BranchInfo].self, forKey: .branches))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(header, forKey: .header)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(definitions, forKey: .definitions)
        try container.encode(branches, forKey: .branches)
    }

    public static func == (lhs: CompiledContract, rhs: CompiledContract) -> Bool {
        lhs.header == rhs.header && lhs.decisions == rhs.decisions && lhs.definitions == rhs.definitions
            && lhs.branches == rhs.branches
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(header)
        hasher.combine(decisions)
        hasher.combine(definitions)
        hasher.combine(branches)
    }
}

/// A resolved reference to one decision of a rule set, so that repeated queries skip the lookup by name.
///
/// A reference is checked against the rule set it is used with: one resolved on rules that were since
/// reloaded fails with an error rather than answering another decision; resolve it again on the new rules.
public struct DecisionReference: Sendable, Hashable {
    /// The contract's index in the rule set.
    public let contract: Int
    /// The decision's index in its contract.
    public let decision: Int
    /// The contract's id, to check the reference.
    public let contractID: String
    /// The decision's id, to check the reference.
    public let decisionID: String
}

/// An immutable, compiled set of contracts: what hosts load once and query from any thread.
///
/// It holds no YAML and needs no libyaml; it can be encoded and decoded (`Codable`) to ship precompiled.
public struct RuleSet: Sendable, Hashable, Codable {
    /// The contracts, sorted by id.
    public let contracts: [CompiledContract]

    /// Creates a rule set from compiled contracts.
    public init(contracts: [CompiledContract]) {
        self.contracts = contracts.sorted { $0.header.id < $1.header.id }
    }

    /// The program of the contract a reference points at, if the reference belongs to this rule set.
    func resolve(_ reference: DecisionReference) throws(EvaluationError) -> Program {
        guard contracts.indices.contains(reference.contract),
              contracts[reference.contract].decisions.indices.contains(reference.decision),
              contracts[reference.contract].header.id == reference.contractID,
              contracts[reference.contract].decisions[reference.decision].id == reference.decisionID
        else {
            throw EvaluationError(
                .unknownDecision,
                "the reference to \(reference.contractID).\(reference.decisionID) was resolved on other rules: resolve it again on these")
        }
        return contracts[reference.contract].program
    }

    /// The contract with that id.
    public func contract(_ id: String) -> CompiledContract? {
        contracts.first { $0.header.id == id }
    }

    /// Resolves a contract and decision id once, for repeated queries.
    public func reference(contract: String, decision: String) -> DecisionReference? {
        guard let c = contracts.firstIndex(where: { $0.header.id == contract }),
              let d = contracts[c].decisions.firstIndex(where: { $0.id == decision })
        else { return nil }
        // The rule set's own strings, equal to the ones asked for: checking the reference on each
        // query then compares two references to one string rather than the characters.
        return DecisionReference(
            contract: c, decision: d, contractID: contracts[c].header.id, decisionID: contracts[c].decisions[d].id)
    }
}
