import OmniumSandbox
import Pipeline

// MARK: - OmniflowServices

/// Everything the commands ask of the rest of omniflow, behind one seam.
///
/// Why: the CLI parses, validates, prints and maps errors; the work (stages, control database,
/// sandbox) happens behind this protocol. Production uses `PipelineServices` (over the pipeline's
/// `StageRunner` and `OmniflowStages`); CLI tests use a fake, so every command, exit status and output shape is tested
/// without a database or a server.
/// Errors: throw something conforming to `ExitCodeProviding` (e.g. `ServiceError.lockHeld`) to
/// choose the exit status; any other error means "run failed" (1). Messages must hide secrets.
public protocol OmniflowServices: Sendable {
    /// Runs the batch (all stages, or the selection) and reports how it went. A run that ends with
    /// a failed stage returns a report with `status == .failed` (exit 1) rather than throwing.
    /// - Throws: `ServiceError.lockHeld` (or any `ExitCodeProviding` with `.lockHeld`) if another
    ///   run holds the lock; other errors when the run could not be started or recorded.
    func run(configuration: OmniflowConfiguration, selection: RunSelectionRequest, progress: ProgressReporter) async throws -> RunReport

    /// Runs recorded in the control database, newest first.
    func listRuns(configuration: OmniflowConfiguration) throws -> [RunListing]

    /// One run with its stage errors and quarantined records.
    /// - Throws: `ServiceError.unknownRun` when there is no such run.
    func showRun(id: String, configuration: OmniflowConfiguration) throws -> RunDetail

    /// Runs one stage (by its dotted name, one of `stageNames()`) as a new run.
    func runStage(name: String, configuration: OmniflowConfiguration, progress: ProgressReporter) async throws -> RunReport

    /// Quarantined records still waiting for attention, newest first.
    func listQuarantine(configuration: OmniflowConfiguration) throws -> [QuarantineListing]

    /// One quarantine issue, open or resolved, with its source payload.
    /// - Throws: `ServiceError.invalidRequest` when there is no issue with that id.
    func showQuarantine(id: Int64, configuration: OmniflowConfiguration) throws -> QuarantineDetail

    /// Every sync queue (the known ones, and any other holding jobs) with its counts, by name.
    func listQueues(configuration: OmniflowConfiguration) throws -> [QueueSummary]

    /// A queue's jobs, oldest first, in one state when given, at most `limit`.
    /// - Throws: `ServiceError.invalidRequest` for a queue that is neither known nor holds jobs.
    func showQueue(name: String, state: QueueJobState?, limit: Int, configuration: OmniflowConfiguration) throws -> [QueueJobListing]

    /// Puts dead (or failed pending) jobs back to pending, due now, attempts kept, while holding the
    /// run lock so it never races a run.
    /// - Throws: `ServiceError.lockHeld` when a run holds the lock; `ServiceError.invalidRequest` for
    ///   an unknown queue.
    func retryQueue(name: String, target: QueueRetryTarget, configuration: OmniflowConfiguration) throws -> QueueRetryReport

    /// The dotted names of every stage, in run order. No I/O: used by `validate()`.
    func stageNames() -> [String]

    /// The stages in run order with their declared datasets (`omniflow stages`); defaults to names only.
    func stageDescriptions() -> [StageDescription]

    /// Starts a sandbox, runs the whole batch against it into `options.directory`, and reports.
    func demo(options: DemoOptions, progress: ProgressReporter) async throws -> DemoReport

    /// Serves the Omnium sandbox on 127.0.0.1 until the process is stopped. Prints its URL on
    /// standard output when it listens.
    /// - Throws: `ServiceError.invalidRequest` for an unknown fault profile.
    func serveSandbox(options: SandboxServeOptions) async throws

    /// Everything written to the sandbox at `target` (`GET /_sandbox/dump`).
    /// - Throws: `OmniumError` when the sandbox cannot be reached or refuses the credentials.
    func dumpSandbox(target: SandboxTarget) async throws -> SandboxDump

    /// Changes `fraction` of the products, prices, stock and orders of the sandbox at `target`
    /// (`POST /_sandbox/mutations`) and reports what changed.
    func mutateSandbox(target: SandboxTarget, fraction: Double) async throws -> SandboxMutationReport
}
