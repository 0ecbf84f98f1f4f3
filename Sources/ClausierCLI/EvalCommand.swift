import ArgumentParser
import Clausier
import ClausierCompiler
import Foundation

/// `clausier eval`: answer one decision, or a batch of them, as the catalogue's JSON.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a decision for facts at an evaluation date and print the answer as JSON.",
        usage: """
            clausier eval --contract <id> --decision <id> --as-of <date>
                [--facts <file>] [--rules <dir>] [--no-explanation]
            clausier eval --contract <id> --decision <id> --batch <file>
                [--rules <dir>] [--no-explanation]
            """,
        discussion: """
            Prints {"contract", "decision", "as_of", "value", "explanation",
            "citations"}. Bad facts print {"error": {"message", "fact", "kind"}}
            and exit 1. Facts are nested by their dots: {"incident": {"closed_at":
            ...}}. --facts reads a file, - (standard input), or a pipe such as
            <(jq ...).

            With --batch, each input line is {"as_of": "YYYY-MM-DD", "facts":
            {...}} and each output line one answer or one error, at the same
            position (a blank line is an error line); the exit code is 1 if any
            line was in error.

            When another contract of the rules does not compile, the decision is
            answered from those that do, with a warning naming the others.

            Exit codes: 0 answered; 1 bad facts; 2 usage errors, unreadable files
            or a contract that does not compile.
            """
    )

    @Option(help: "The directory (or file) of rule files.")
    var rules: String = "Rules"

    @Option(help: "The contract id, such as prospect-it.")
    var contract: String

    @Option(help: "The decision id, such as sla_penalty.")
    var decision: String

    @Option(
        name: .customLong("as-of"),
        help: "The evaluation date, YYYY-MM-DD, in the contract's time zone (required, except with --batch).")
    var asOf: String?

    @Option(help: "A JSON file of facts, - for standard input, or a pipe. Without it, the facts are empty.")
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
        // One broken contract does not stop the others: answer from those that compile, and say which do not.
        let ruleSet = compiled.ruleSet ?? compiled.compiledContracts
        if compiled.ruleSet == nil {
            let errors = compiled.diagnostics.filter { $0.severity == .error }
            guard compiled.compiledContracts.contracts.contains(where: { $0.header.id == contract }) else {
                Console.err(Console.renderer(quoting: compiled.sources).render(errors))
                throw ExitStatus.usage
            }
            let broken = compiled.brokenContracts
            let files = Set(errors.compactMap { $0.location?.file }).sorted()
            Console.err(
                "warning: \(broken.isEmpty ? "some rule files" : "the contracts " + broken.joined(separator: ", ")) "
                    + "did not compile and are left out (errors in \(files.joined(separator: ", "))); run 'clausier check' for the findings\n")
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
        // Without --facts, the facts are empty.
        var factsBytes = Array("{}".utf8)
        if let facts {
            guard let bytes = Console.read(facts) else {
                Console.err("error: cannot read the facts file \(facts)\n")
                throw ExitStatus.usage
            }
            factsBytes = bytes
        }
        let date = asOf.flatMap { CivilDate.parse($0) } ?? CivilDate(daysSinceEpoch: 0)
        var output = OutputBuffer()
        let answer = Result { () throws(EvaluationError) -> Decision in
            try ruleSet.evaluate(reference, json: factsBytes, asOf: date, explain: !noExplanation)
        }
        AnswerWriter.write(answer, into: &output.bytes)
        output.bytes.append(UInt8(ascii: "\n"))
        output.flush()
        if case .failure = answer { throw ExitStatus.findings }
    }

    /// Streams the batch: each line is answered and its answer buffered before the next is read,
    /// so memory stays constant and output keeps the input's order.
    private func runBatch(_ path: String, _ ruleSet: RuleSet, _ reference: DecisionReference) throws {
        guard var lines = LineReader(path: path) else {
            Console.err("error: cannot read the batch file \(path)\n")
            throw ExitStatus.usage
        }
        var evaluator: BatchEvaluator
        do {
            evaluator = try BatchEvaluator(ruleSet: ruleSet, reference: reference, explain: !noExplanation)
        } catch {
            Console.err("error: \(error.message)\n")
            throw ExitStatus.usage
        }
        var output = OutputBuffer()
        var anyError = false
        var lineNumber = 0
        do {
            try lines.forEachLine { line in
                lineNumber += 1
                let answer = evaluator.evaluate(line, lineNumber: lineNumber)
                if case .failure = answer { anyError = true }
                AnswerWriter.write(answer, into: &output.bytes)
                output.bytes.append(UInt8(ascii: "\n"))
                output.flushIfFull()
            }
        } catch {
            output.flush()
            Console.err("error: cannot read the batch file \(path)\n")
            throw ExitStatus.usage
        }
        output.flush()
        if anyError { throw ExitStatus.findings }
    }
}
