import Foundation
import Hummingbird
import NIOCore
import RegulatoryTemplates
import RunStore
import StressPipeline

/// Responses and request parsing shared by the API and the dashboard.
enum HTTP {
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSON has no NaN or infinity; a figure that is not finite is sent as null-like text rather than failing.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        return bytes(try encoder.encode(value), type: "application/json; charset=utf-8", status: status, headers: headers)
    }

    static func bytes(_ data: Data, type: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = type
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var fields: HTTPFields = [:]
        fields[.contentType] = "text/html; charset=utf-8"
        // Server-rendered pages with no script: nothing else may run in them.
        fields[.contentSecurityPolicy] = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'none'"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A run by store key (`12`), `run-…#12` or run id (its latest succeeded record).
    static func run(_ reference: String, in store: RunStore) throws -> RunRecord {
        guard let record = try store.run(reference) else {
            throw APIError.notFound("no run '\(reference)' in the store")
        }
        return record
    }

    /// A JSON body of at most `limit` bytes (413 beyond it, 400 when it is not JSON).
    static func jsonBody(_ request: inout Request, limit: Int) async throws -> ([String: Any], Data) {
        try checkDeclaredLength(request, limit: limit)
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the request body is over the \(limit)-byte limit for JSON")
        }
        let data = Data(buffer: buffer)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw APIError.badRequest("the request body must be a JSON object")
        }
        return (object, data)
    }

    /// Streams the body into `file`, stopping with 413 past `limit` bytes. Returns the size.
    static func saveBody(_ request: Request, to file: URL, limit: Int) async throws -> Int {
        try checkDeclaredLength(request, limit: limit)
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var total = 0
        for try await buffer in request.body {
            total += buffer.readableBytes
            guard total <= limit else {
                throw APIError(.contentTooLarge, "the upload is over the \(limit)-byte limit (serve --max-upload-mb)")
            }
            try handle.write(contentsOf: Data(buffer: buffer))
        }
        guard total > 0 else { throw APIError.unprocessable("the upload is empty") }
        return total
    }

    static func checkDeclaredLength(_ request: Request, limit: Int) throws {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError(.contentTooLarge, "the request body (\(declared) bytes) is over the \(limit)-byte limit")
        }
    }

    /// An integer query parameter within `range`, or its default; 422 otherwise.
    static func integer(_ request: Request, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw APIError.unprocessable("query parameter '\(name)' must be an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return n
    }

    static func contentType(of name: String) -> String {
        switch URL(fileURLWithPath: name).pathExtension.lowercased() {
        case "json": return "application/json"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "pdf": return "application/pdf"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }
}
