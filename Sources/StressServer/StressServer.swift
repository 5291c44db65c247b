import Foundation
import Hummingbird
import Inputs
import Logging
import Mustache
import NIOCore
import RunStore
import ServiceLifecycle
import StressPipeline

/// Everything a request handler reads: the store, the job queue, the dashboard's
/// templates and the run artifacts loaded so far.
final class ServerState: Sendable {
    let configuration: ServerConfiguration
    let store: RunStore
    let jobs: JobQueue
    let artifacts: RunArtifacts
    let pages: MustacheLibrary
    let stylesheet: Data
    let openAPIDocument: Data
    let bundledScenarios: [APIViews.ScenarioEntry]

    init(configuration: ServerConfiguration, store: RunStore, pages: MustacheLibrary, stylesheet: Data,
         openAPIDocument: Data) {
        self.configuration = configuration
        self.store = store
        jobs = JobQueue(workers: configuration.workers, maxQueued: configuration.maxQueuedJobs)
        artifacts = RunArtifacts(store: store, workDirectory: URL(fileURLWithPath: configuration.workDirectory))
        self.pages = pages
        self.stylesheet = stylesheet
        self.openAPIDocument = openAPIDocument
        bundledScenarios = ProjectPaths.bundledScenarioFiles().compactMap { file in
            guard let s = try? ScenarioFile.load(path: file.path).scenario,
                  let digest = try? FileDigest.sha256(path: file.path) else { return nil }
            let id = file.deletingPathExtension().lastPathComponent
            return .init(id: s.id, name: s.name, framework: s.framework.rawValue, severity: s.severity.rawValue,
                         source: "bundled", sha256: digest.hex, reference: id)
        }
    }
}

/// `stresspack serve`: the REST API under /api/v1 and the dashboard, over one run store.
public enum StressServer {
    /// Runs until SIGTERM or SIGINT; then stops taking requests and jobs and lets the
    /// running jobs finish. `ready` is told the address once the server listens (port 0:
    /// the port the system chose).
    public static func run(_ configuration: ServerConfiguration, ready: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "stresspack.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info

        let readsNeedToken = !configuration.isLoopback
        let authority = try configuration.tokenFile.map(TokenAuthority.load) ?? .none
        if readsNeedToken && authority.isEmpty {
            throw ServerSetupError(message: "--host \(configuration.host) is not loopback: reads then need a token too, "
                                   + "so give --token-file with at least one token (stresspack serve-token)")
        }
        let store: RunStore
        do { store = try RunStore(path: configuration.storePath) } catch {
            throw ServerSetupError(message: "cannot open the run store: \(error)")
        }
        try FileManager.default.createDirectory(atPath: configuration.workDirectory, withIntermediateDirectories: true)
        let web = ProjectPaths.home.appendingPathComponent("templates/web")
        let pages: MustacheLibrary
        do { pages = try await MustacheLibrary(directory: web.path) } catch {
            throw ServerSetupError(message: "\(web.path): cannot read the dashboard templates: \(error)")
        }
        guard let stylesheet = FileManager.default.contents(atPath: web.appendingPathComponent("dashboard.css").path) else {
            throw ServerSetupError(message: "\(web.path)/dashboard.css: missing")
        }
        let openAPIPath = ProjectPaths.home.appendingPathComponent("docs/openapi.json").path
        guard let openAPI = FileManager.default.contents(atPath: openAPIPath) else {
            throw ServerSetupError(message: "\(openAPIPath): missing (the API's description)")
        }
        let state = ServerState(configuration: configuration, store: store, pages: pages, stylesheet: stylesheet,
                                openAPIDocument: openAPI)

        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLog(logger: logger))
        router.add(middleware: TokenCheck(authority: authority, readsNeedToken: readsNeedToken))
        let api = router.group("api/v1")
        state.addReadRoutes(to: api)
        state.addWriteRoutes(to: api)
        state.addDashboardRoutes(to: router)

        let host = configuration.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "StressPack"),
            services: [state.jobs],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let shown = host.contains(":") ? "[\(host)]" : host
                ready("http://\(shown):\(port)")
            },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
