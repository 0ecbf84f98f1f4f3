import ArgumentParser
import Clausier
import ClausierCompiler
import Foundation

/// `clausier eval`: answer one decision, or a batch of them, as the catalogue's JSON.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a decision for facts at an evaluation date and print the answer as JSON.",
        discussion: """
            Prints {"contract", "decision", "as_of", "value", "explanation", "citations"}.
            Bad facts print {"error": {"message", "fact", "kind"}} and exit 1.
            With --batch, each input line is {"as_of": "YYYY-MM-DD", "facts": {...}} and each output line one answer
            or one error; the exit code is 1 if any line was in error.
            Exit codes: 0 answered; 1 bad facts; 2 usage errors, unreadable files or rules that do not compile.
            """
    )

    @Option(help: "The directory (or file) of rule files.")
    var rules: String = "Rules"

    @Option(help: "The contract id, such as prospect-it.")
    var contract: String

    @Option(help: "The decision id, such as sla_penalty.")
    var decision: String

    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD, in the contract's time zone.")
    var asOf: String?

    @Option(help: "A JSON file of facts, or - for standard input. Without it, the facts are empty.")
    var facts: String?

    @Option(help: "A JSON Lines file of {\"as_of\", \"facts\"} objects, or - for standard input.")
    var batch: String?

    @Flag(help: "Leave out the explanation (faster for batches).")
    var noExplanation = false

    func validate() throws {
        if batch == nil && asOf == nil {
            throw ValidationError("give --as-of YYYY-MM-DD: the evaluation date is always explicit")
        }
        if batch != nil && (asOf != nil || facts != nil) {
            throw ValidationError("--batch reads the evaluation date and facts from each line: leave out --as-of and --facts")
        }
        if let asOf, CivilDate.parse(asOf) == nil {
            throw ValidationError("'\(asOf)' is not a date: write --as-of YYYY-MM-DD")
        }
    }

    func run() throws {
        let compiled = Compiler.compile(paths: [rules])
        guard let ruleSet = compiled.ruleSet else {
            Console.err(Console.renderer(for: compiled.diagnostics).render(compiled.diagnostics))
            throw ExitStatus.usage
        }
        let reference: DecisionReference
        do {
            reference = try ruleSet.resolveReference(contract: contract, decision: decision)
        } catch {
            Console.err("error: \(error.message)\n")
            throw ExitStatus.usage
        }
        if let batch {
            try runBatch(batch, ruleSet, reference)
        } else {
            try runOne(ruleSet, reference)
        }
    }

    private func runOne(_ ruleSet: RuleSet, _ reference: DecisionReference) throws {
        var factsJSON = JSONValue.object(JSONObject([]))
        if let facts {
            guard let bytes = Console.read(facts) else {
                Console.err("error: cannot read the facts file \(facts)\n")
                throw ExitStatus.usage
            }
            do {
                factsJSON = try JSONReader.read(bytes)
            } catch {
                Console.out(JSONWriter.write(EvaluationError(.invalidFact, "the facts are not valid JSON: \(error.description)").json) + "\n")
                throw ExitStatus.findings
            }
        }
        let date = asOf.flatMap { CivilDate.parse($0) } ?? CivilDate(daysSinceEpoch: 0)
        do {
            let answer = try ruleSet.evaluate(reference, facts: factsJSON, asOf: date, explain: !noExplanation)
            Console.out(JSONWriter.write(answer.json) + "\n")
        } catch {
            Console.out(JSONWriter.write(error.json) + "\n")
            throw ExitStatus.findings
        }
    }

    private func runBatch(_ path: String, _ ruleSet: RuleSet, _ reference: DecisionReference) throws {
        guard let bytes = Console.read(path) else {
            Console.err("error: cannot read the batch file \(path)\n")
            throw ExitStatus.usage
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var anyError = false
        var lineNumber = 0
        var start = 0
        let stdout = FileHandle.standardOutput
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let answer = BatchLine.answer(Array(line), lineNumber: lineNumber, ruleSet: ruleSet, reference: reference, explain: !noExplanation)
            if case .object(let o) = answer, o["error"] != nil { anyError = true }
            JSONWriter.write(answer, into: &output)
            output.append(UInt8(ascii: "\n"))
            if output.count > 1 << 20 {
                stdout.write(Data(output))
                output.removeAll(keepingCapacity: true)
            }
        }
        stdout.write(Data(output))
        if anyError { throw ExitStatus.findings }
    }
}

/// One line of a batch: parse, evaluate, answer or error.
enum BatchLine {
    static func answer(
        _ line: [UInt8], lineNumber: Int, ruleSet: RuleSet, reference: DecisionReference, explain: Bool
    ) -> JSONValue {
        func failure(_ message: String, fact: String? = nil) -> JSONValue {
            EvaluationError(.invalidFact, "line \(lineNumber): \(message)", fact: fact).json
        }
        let json: JSONValue
        do { json = try JSONReader.read(line) } catch { return failure("not valid JSON: \(error.description)") }
        guard case .object(let object) = json else { return failure("expected {\"as_of\": ..., \"facts\": {...}}") }
        guard case .string(let asOfText)? = object["as_of"], let asOf = CivilDate.parse(asOfText) else {
            return failure("'as_of' must be a date such as \"2025-03-07\"")
        }
        do {
            return try ruleSet.evaluate(reference, facts: object["facts"] ?? .object(JSONObject([])), asOf: asOf, explain: explain).json
        } catch {
            return error.json
        }
    }
}
