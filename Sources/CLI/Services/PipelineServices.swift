import Pipeline

// MARK: - PipelineServices

/// The production `OmniflowServices`: the pipeline's orchestrator, the control database and the
/// sandbox.
///
/// Why: `Omniflow.main()` needs one real implementation; the CLI's own tests use a fake.
/// Integration: each method forwards to the pipeline's `Orchestrator` (and `OmniumSandbox` for
/// `demo` and `sandbox serve`). Until that is wired, the methods report `ServiceError.unavailable`.
public struct PipelineServices: OmniflowServices {
    public init() {}

    public func run(configuration: OmniflowConfiguration, selection: RunSelectionRequest, progress: ProgressReporter) async throws -> RunReport {
        throw ServiceError.unavailable("run")
    }

    public func listRuns(configuration: OmniflowConfiguration) throws -> [RunListing] {
        throw ServiceError.unavailable("runs")
    }

    public func showRun(id: String, configuration: OmniflowConfiguration) throws -> RunDetail {
        throw ServiceError.unavailable("runs show")
    }

    public func runStage(name: String, configuration: OmniflowConfiguration, progress: ProgressReporter) async throws -> RunReport {
        throw ServiceError.unavailable("stage")
    }

    public func listQuarantine(configuration: OmniflowConfiguration) throws -> [QuarantineListing] {
        throw ServiceError.unavailable("quarantine list")
    }

    public func stageNames() -> [String] {
        []
    }

    public func demo(options: DemoOptions, progress: ProgressReporter) async throws -> DemoReport {
        throw ServiceError.unavailable("demo")
    }

    public func serveSandbox(options: SandboxServeOptions) async throws {
        throw ServiceError.unavailable("sandbox serve")
    }
}
