import Clausier
import ClausierHost
import Hummingbird
import Logging

/// The route handlers; each takes the rules in service once (`library.current`) and answers on them.
struct Handlers: Sendable {
    let rules: ServiceRules
    let maximumBodySize: Int
    let logger: Logger

    // MARK: POST /contracts/{contract}/decisions/{decision}

    /// Answers a decision for `{"as_of": "YYYY-MM-DD", "facts": {...}}` (read by `DecisionRequest`,
    /// as `clausier eval --batch` reads its lines) with exactly the JSON `clausier eval` prints.
    /// `?explain=false` leaves out the explanation, as `--no-explanation` does.
    @Sendable func decide(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let snapshot = rules.library.current
        let reference: DecisionReference
        do {
            // The rule set words the error, with a suggestion for a near miss.
            reference = try snapshot.rules.resolveReference(
                contract: context.parameters.get("contract") ?? "", decision: context.parameters.get("decision") ?? "")
        } catch {
            return JSONResponse.error(.notFound, error, generation: snapshot.generation)
        }
        let body: DecisionRequest
        switch await readBody(request) {
        case .success(let bytes):
            do {
                body = try DecisionRequest.decode(bytes, .body)
            } catch {
                return JSONResponse.error(.badRequest, error)
            }
        case .failure(let failure):
            return failure.response
        }
        let explain = request.uri.queryParameters.get("explain").map { $0 != "false" && $0 != "0" } ?? true
        do {
            let answer = try body.answer(reference, on: snapshot.rules, explain: explain)
            return JSONResponse.answer(answer, generation: snapshot.generation)
        } catch {
            return JSONResponse.error(status(of: error), error, generation: snapshot.generation)
        }
    }

    // MARK: POST /prospect-it/sla-penalty

    /// The SLA penalty of one incident, through the typed API that the build plugin generated from
    /// the compiled-in rules, called on the rules in service.
    @Sendable func slaPenalty(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let snapshot = rules.library.current
        let bytes: [UInt8]
        switch await readBody(request) {
        case .success(let read): bytes = read
        case .failure(let failure): return failure.response
        }
        let input: SLAPenaltyRequest
        switch SLAPenaltyRequest.decode(bytes) {
        case .success(let decoded): input = decoded
        case .failure(let error): return JSONResponse.error(.badRequest, error)
        }
        do {
            let prospectIt: ProspectIt
            do {
                prospectIt = try ProspectIt(rules: snapshot.rules)
            } catch {
                // The rules in service no longer hold what the typed API was generated for.
                return JSONResponse.error(.conflict, error, generation: snapshot.generation)
            }
            let answer = try prospectIt.slaPenalty(
                incidentRecordedAt: input.recordedAt, incidentClosedAt: input.closedAt,
                incidentMainServerDown: input.mainServerDown, incidentBackupServerDown: input.backupServerDown,
                subscriptionMonthlyFee: input.monthlyFee, asOf: input.asOf)
            let response = SLAPenaltyResponse(
                asOf: input.asOf, rate: answer.value.rate, penalty: answer.value.penalty,
                citations: answer.decision.citations,
                generation: snapshot.generation)
            return JSONResponse.make(.ok, response.json, generation: snapshot.generation)
        } catch {
            return JSONResponse.error(status(of: error), error, generation: snapshot.generation)
        }
    }

    // MARK: POST /reload

    /// Reads the rules directory again: 200 `{"generation", "warnings"}` when it checks clean (the
    /// new rules now serve), 422 `{"diagnostics"}` when it does not (the old rules keep serving),
    /// 409 when the service runs on the compiled-in rules, which have no directory.
    @Sendable func reload(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let outcome = await rules.reload() else {
            return JSONResponse.error(
                .conflict, kind: DecisionServiceRoutes.notReloadable,
                message:
                    "the service runs on the rules compiled in at build time; start it with --rules <dir> to reload rules"
            )
        }
        switch outcome {
        case .replaced(let generation, let warnings):
            logger.info("rules reloaded", metadata: ["generation": "\(generation)", "warnings": "\(warnings.count)"])
            return JSONResponse.make(
                .ok,
                JSONResponse.object([
                    ("generation", .number(String(generation))), ("warnings", JSONResponse.diagnostics(warnings)),
                ]),
                generation: generation)
        case .rejected(let kept, let diagnostics):
            logger.warning(
                "reload rejected; the rules in service stay",
                metadata: ["generation": "\(kept)", "findings": "\(diagnostics.count)"])
            return JSONResponse.make(
                .unprocessableContent, JSONResponse.object([("diagnostics", JSONResponse.diagnostics(diagnostics))]),
                generation: kept)
        }
    }

    // MARK: GET /healthz

    @Sendable func health(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let generation = rules.library.current.generation
        return JSONResponse.make(
            .ok, JSONResponse.object([("status", .string("ok")), ("generation", .number(String(generation)))]),
            generation: generation)
    }

    // MARK: GET /openapi.json

    /// The OpenAPI document of the rules in service: a path per decision.
    @Sendable func openAPI(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let snapshot = rules.library.current
        let document = OpenAPIDocument.generate(for: snapshot.rules, routes: DecisionServiceRoutes.routes)
        return JSONResponse.make(.ok, document, generation: snapshot.generation)
    }

    // MARK: Bodies

    /// A response to send instead of reading on.
    struct Failure: Error {
        let response: Response
    }

    /// The body's bytes, at most `maximumBodySize` of them.
    func readBody(_ request: Request) async -> Result<[UInt8], Failure> {
        do {
            let buffer = try await request.body.collect(upTo: maximumBodySize)
            return .success(Array(buffer.readableBytesView))
        } catch {
            return .failure(
                Failure(
                    response: JSONResponse.error(
                        .contentTooLarge, kind: DecisionServiceRoutes.bodyTooLarge,
                        message: "the body is larger than \(maximumBodySize) bytes, or could not be read")))
        }
    }
}
