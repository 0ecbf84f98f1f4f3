import Clausier

/// A route of a service other than its decisions (a health check, a reload), as the service's
/// OpenAPI document describes it.
///
/// The service hands its routes to ``OpenAPIDocument/generate(for:routes:title:version:)``, so the
/// document describes the routes the service declares rather than a list of the generator's own.
public struct ServiceRoute: Sendable, Hashable {
    /// The HTTP methods a route may answer.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case get, put, post, delete, patch
    }

    /// What a response's body is.
    public enum Schema: Sendable, Hashable {
        /// A schema of the document's `components/schemas`, by name (`Error`, or one of
        /// ``ServiceRoutes/schemas``).
        case component(String)
        /// A schema written out in place.
        case inline(JSONValue)
    }

    /// One response of a route.
    public struct Response: Sendable, Hashable {
        /// The status code, such as `200`, or `default`.
        public var status: String
        /// What the response means.
        public var description: String
        /// The schema of its JSON body.
        public var schema: Schema
        /// Whether it carries the `Rules-Generation` header of the rules that answered.
        public var carriesGeneration: Bool

        /// Creates a response.
        public init(_ status: String, _ description: String, schema: Schema, carriesGeneration: Bool = false) {
            self.status = status
            self.description = description
            self.schema = schema
            self.carriesGeneration = carriesGeneration
        }
    }

    /// The path, such as `/healthz`; the document's key for the route.
    public var path: String
    /// The method it answers.
    public var method: Method
    /// The operation id, unique in the document.
    public var operationID: String
    /// A short summary.
    public var summary: String
    /// What the route does, in a paragraph.
    public var description: String
    /// Its responses, in the document's order.
    public var responses: [Response]

    /// Creates a route.
    public init(
        _ method: Method, _ path: String, operationID: String, summary: String, description: String,
        responses: [Response]
    ) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.summary = summary
        self.description = description
        self.responses = responses
    }
}

/// The routes a service answers besides its decisions, and what the OpenAPI document needs to
/// describe them: their tag, the component schemas their responses name, and the error kinds the
/// service adds to an evaluation's.
public struct ServiceRoutes: Sendable, Hashable {
    /// The tag the routes are grouped under, such as `service`.
    public var tag: String
    /// The tag's description.
    public var tagDescription: String
    /// The routes, in the document's order, after the decisions'.
    public var routes: [ServiceRoute]
    /// The component schemas the routes' responses name, in the document's order, after the
    /// schemas every decision shares (`Answer`, `ExplanationStep`, `Error`).
    public var schemas: [JSONMember]
    /// The kinds of the service's own errors (`{"error": {...}}` bodies no evaluation gives),
    /// listed in the `Error` schema.
    public var errorKinds: [String]

    /// Creates the routes of a service.
    public init(
        tag: String, tagDescription: String, routes: [ServiceRoute], schemas: [JSONMember] = [],
        errorKinds: [String] = []
    ) {
        self.tag = tag
        self.tagDescription = tagDescription
        self.routes = routes
        self.schemas = schemas
        self.errorKinds = errorKinds
    }

    /// No route besides the decisions.
    public static let none = ServiceRoutes(tag: "service", tagDescription: "", routes: [])
}
