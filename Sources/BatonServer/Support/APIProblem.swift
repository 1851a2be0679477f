import BatonCore
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem document (`application/problem+json`): what went wrong, and the field when one is to blame.
public struct APIProblem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A short stable slug, e.g. `invalid-field`; the document's `type` is `urn:baton:problem:<slug>`.
    public var slug: String
    public var title: String
    public var detail: String
    /// The JSON path of the offending field, e.g. `message.confidence`.
    public var field: String?
    /// Extension members, e.g. `holder` on a 409.
    public var extensions: [(key: String, value: JSONValue)]

    public init(_ status: HTTPResponse.Status, _ slug: String, title: String, detail: String, field: String? = nil,
                extensions: [(key: String, value: JSONValue)] = []) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.field = field
        self.extensions = extensions
    }

    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("type", .string("urn:baton:problem:\(slug)")),
            ("title", .string(title)),
            ("status", .from(status.code)),
            ("detail", .string(detail)),
        ]
        if let field { members.append(("field", .string(field))) }
        return .object(members + extensions)
    }

    public var body: [UInt8] { Array(json.serialized.utf8) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        APIResponse(status: status, body: body, contentType: "application/problem+json").response
    }

    // MARK: Common problems

    static func invalid(_ detail: String, field: String?) -> APIProblem {
        APIProblem(.badRequest, "invalid-field", title: "The request has an invalid field", detail: detail, field: field)
    }

    static func malformed(_ detail: String) -> APIProblem {
        APIProblem(.badRequest, "malformed-json", title: "The body is not valid JSON", detail: detail)
    }

    static func notFound(_ detail: String) -> APIProblem {
        APIProblem(.notFound, "not-found", title: "Not found", detail: detail)
    }

    static let unauthorized = APIProblem(.unauthorized, "unauthorized", title: "Missing or invalid bearer token",
                                         detail: "send Authorization: Bearer <token> with a token from `baton token create`")
}

/// A response the API has built: a status and a body, so it can be stored for `Idempotency-Key` replays.
public struct APIResponse: Sendable {
    public var status: HTTPResponse.Status
    public var body: [UInt8]
    public var contentType: String
    /// Whether the answer for the request's `Idempotency-Key` was already stored, with the change it answers.
    var receiptStored = false

    public init(status: HTTPResponse.Status = .ok, body: [UInt8], contentType: String = "application/json") {
        self.status = status
        self.body = body
        self.contentType = contentType
    }

    public init(status: HTTPResponse.Status = .ok, json: JSONValue) {
        self.init(status: status, body: Array(json.serialized.utf8))
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
