import Foundation
import Hummingbird
import Logging

/// One structured log line per request: method, path, status, bytes out and time taken,
/// at info level (swift-log; `LOG_LEVEL` changes it). Query strings are left out of the
/// path: they may carry run ids a log reader has no need for, never secrets, but keep it short.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, start: start)
            return response
        } catch let error as HTTPResponseError {
            log(request, status: error.status.code, start: start)
            throw error
        } catch {
            // Anything else is a defect: logged in full, answered with a 500 that says what failed.
            logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            log(request, status: 500, start: start)
            throw APIError(.internalServerError, "internal error: \(error)")
        }
    }

    private func log(_ request: Request, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "status": .stringConvertible(status),
            "ms": .string(String(format: "%.2f", ms)),
        ])
    }
}

/// The token rules: writes (anything but GET and HEAD) need a bearer token from the token
/// file; reads need it too when the server listens beyond loopback.
struct TokenCheck<Context: RequestContext>: RouterMiddleware {
    let authority: TokenAuthority
    let readsNeedToken: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isRead = request.method == .get || request.method == .head
        if !isRead || readsNeedToken {
            try check(request, write: !isRead)
        }
        return try await next(request, context)
    }

    private func check(_ request: Request, write: Bool) throws {
        let what = write ? "writing" : "reading from a server not bound to loopback"
        guard !authority.isEmpty else {
            throw APIError.unauthorized("\(what) needs a bearer token, and this server has none (serve --token-file)")
        }
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("\(what) needs 'Authorization: Bearer <token>'")
        }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), authority.accepts(String(header.dropFirst(prefix.count))) else {
            throw APIError.unauthorized("the bearer token is not one of the server's")
        }
    }
}
