import Foundation

/// `omniflow demo`: the sandbox, a fresh Flow store and one full run, in a named folder.
struct DemoService {
    var options: DemoOptions
    var progress: ProgressReporter

    func run() async throws -> DemoReport {
        throw ServiceError.unavailable("demo (the Omnium sandbox is not in this build yet)")
    }
}

/// `omniflow sandbox serve`: the Omnium sandbox on a loopback port until interrupted.
struct SandboxService {
    var options: SandboxServeOptions

    func serve() async throws {
        throw ServiceError.unavailable("sandbox serve (the Omnium sandbox is not in this build yet)")
    }
}
