import ClausierHost
import HTTPTypes
import Hummingbird
import Logging

/// Builds the service as Hummingbird 2 recommends: rules first, then the router, then the application.
///
/// - Throws: ``ClausierHost/RuleLibrary/LoadError`` when `configuration.rulesDirectory` does not check clean.
public func buildApplication(_ configuration: ServiceConfiguration) throws -> some ApplicationProtocol {
    buildApplication(configuration, rules: try ServiceRules.load(configuration))
}

/// Builds the service around rules already loaded (the command line loads them first, to print
/// the findings of rules that do not compile).
public func buildApplication(_ configuration: ServiceConfiguration, rules: ServiceRules) -> some ApplicationProtocol {
    var logger = Logger(label: "decision-service")
    logger.logLevel = configuration.logLevel
    let router = buildRouter(rules: rules, configuration: configuration, logger: logger)
    return Application(
        router: router,
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "decision-service"),
        logger: logger
    )
}

/// The routes of the service.
///
/// | route | answer |
/// | --- | --- |
/// | `POST /contracts/{contract}/decisions/{decision}` | the JSON `clausier eval` prints, or `{"error": {...}}` |
/// | `POST /prospect-it/sla-penalty` | the same decision through the typed API the build plugin generated |
/// | `POST /reload` | `{"generation", "warnings"}`, or 422 `{"diagnostics"}`; 409 on compiled-in rules |
/// | `GET /healthz` | `{"status": "ok", "generation"}` |
/// | `GET /openapi.json` | the OpenAPI document of the rules in service |
///
/// The decisions' path and the routes of `DecisionServiceRoutes` are those the OpenAPI document
/// describes, registered from the same definitions so that the two cannot drift apart.
public func buildRouter(
    rules: ServiceRules, configuration: ServiceConfiguration = .init(),
    logger: Logger = Logger(label: "decision-service")
) -> Router<BasicRequestContext> {
    let router = Router()
    router.addMiddleware { LogRequestsMiddleware(.debug) }
    let handlers = Handlers(rules: rules, maximumBodySize: configuration.maximumBodySize, logger: logger)
    router.post(
        RouterPath(OpenAPIDocument.decisionPath(contract: "{contract}", decision: "{decision}")), use: handlers.decide)
    router.post("/prospect-it/sla-penalty", use: handlers.slaPenalty)
    router.on(DecisionServiceRoutes.reload, use: handlers.reload)
    router.on(DecisionServiceRoutes.health, use: handlers.health)
    router.on(DecisionServiceRoutes.openAPI, use: handlers.openAPI)
    return router
}

extension Router {
    /// Registers a handler at a documented route's path and method.
    fileprivate func on(
        _ route: ServiceRoute, use handler: @Sendable @escaping (Request, Context) async throws -> Response
    ) {
        let method: HTTPRequest.Method =
            switch route.method {
            case .get: .get
            case .put: .put
            case .post: .post
            case .delete: .delete
            case .patch: .patch
            }
        on(RouterPath(route.path), method: method, use: handler)
    }
}
