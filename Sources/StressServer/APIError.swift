import Foundation
import Hummingbird

/// Every error the API returns: a status and a message a person can act on, as
/// `{"error": {"status": 404, "message": "..."}}` (OpenAPI `Error`).
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    /// Extra headers (WWW-Authenticate on a 401).
    var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }
    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }
    static func unprocessable(_ message: String) -> APIError { APIError(.unprocessableContent, message) }

    static func unauthorized(_ message: String) -> APIError {
        var e = APIError(.unauthorized, message)
        e.headers[.wwwAuthenticate] = "Bearer realm=\"stresspack\""
        return e
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(ErrorBody(error: .init(status: status.code, message: message)))
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

private struct ErrorBody: Encodable {
    struct Detail: Encodable { var status: Int; var message: String }
    var error: Detail
}
