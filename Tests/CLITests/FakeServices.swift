import Foundation
import OmniumSandbox
import Pipeline

@testable import CLI

/// An `OmniflowServices` that records calls and returns canned results.
final class FakeServices: OmniflowServices, @unchecked Sendable {
    enum Call: Equatable {
        case run(RunSelectionRequest)
        case listRuns
        case showRun(String)
        case runStage(String)
        case listQuarantine
        case showQuarantine(Int64)
        case listQueues
        case showQueue(String, state: QueueJobState?, limit: Int)
        case retryQueue(String, QueueRetryTarget)
        case demo(DemoOptions)
        case serveSandbox(SandboxServeOptions)
        case dumpSandbox(SandboxTarget)
        case mutateSandbox(SandboxTarget, fraction: Double)
    }

    private let lock = NSLock()
    private var recorded: [Call] = []
    private var recordedConfigurations: [OmniflowConfiguration] = []

    var names = ["extract.stores", "extract.products", "transform.products", "load.products"]
    var runReport = FakeServices.report(status: .succeeded)
    var runError: (any Error)?
    var runs: [RunListing] = []
    var detail: RunDetail?
    var quarantine: [QuarantineListing] = []
    var quarantineDetail: QuarantineDetail?
    var queues: [QueueSummary] = []
    var queueJobs: [QueueJobListing] = []
    var retryError: (any Error)?
    var dump = SandboxDump(takenAt: Date(timeIntervalSince1970: 1_795_000_000), seed: 42, scale: .small)

    var calls: [Call] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    var configurations: [OmniflowConfiguration] {
        lock.lock()
        defer { lock.unlock() }
        return recordedConfigurations
    }

    private func record(_ call: Call, _ configuration: OmniflowConfiguration? = nil) {
        lock.lock()
        recorded.append(call)
        if let configuration { recordedConfigurations.append(configuration) }
        lock.unlock()
    }

    static func report(status: RunStatus) -> RunReport {
        RunReport(
            runID: "20261126-0300-a1", status: status, startedAt: Date(timeIntervalSince1970: 1_795_000_000), duration: 12.5,
            stages: [
                StageReport(name: "extract.stores", status: .succeeded, rowsRead: 12, rowsWritten: 12, duration: 0.4),
                StageReport(
                    name: "extract.products", status: status == .succeeded ? .succeeded : .failed, rowsRead: 200, rowsWritten: 198,
                    rowsQuarantined: 2, fieldsDropped: 1, duration: 3.25, message: status == .succeeded ? nil : "Omnium GET /api/Products/Scroll: 500"),
            ],
            runFolder: "staging/runs/20261126-0300-a1")
    }

    // MARK: - OmniflowServices

    func run(configuration: OmniflowConfiguration, selection: RunSelectionRequest, progress: ProgressReporter) async throws -> RunReport {
        record(.run(selection), configuration)
        progress.report(.stageStarted("extract.stores"))
        progress.report(.stageFinished("extract.stores", status: .succeeded, rows: 12))
        if let runError { throw runError }
        return runReport
    }

    func listRuns(configuration: OmniflowConfiguration) throws -> [RunListing] {
        record(.listRuns, configuration)
        return runs
    }

    func showRun(id: String, configuration: OmniflowConfiguration) throws -> RunDetail {
        record(.showRun(id), configuration)
        guard let detail else { throw ServiceError.unknownRun(id) }
        return detail
    }

    func runStage(name: String, configuration: OmniflowConfiguration, progress: ProgressReporter) async throws -> RunReport {
        record(.runStage(name), configuration)
        return runReport
    }

    func listQuarantine(configuration: OmniflowConfiguration) throws -> [QuarantineListing] {
        record(.listQuarantine, configuration)
        return quarantine
    }

    func showQuarantine(id: Int64, configuration: OmniflowConfiguration) throws -> QuarantineDetail {
        record(.showQuarantine(id), configuration)
        guard let quarantineDetail, quarantineDetail.issue.id == id else {
            throw ServiceError.invalidRequest("no quarantine issue with id \(id) (see `omniflow quarantine list`)")
        }
        return quarantineDetail
    }

    func listQueues(configuration: OmniflowConfiguration) throws -> [QueueSummary] {
        record(.listQueues, configuration)
        return queues
    }

    func showQueue(name: String, state: QueueJobState?, limit: Int, configuration: OmniflowConfiguration) throws -> [QueueJobListing] {
        record(.showQueue(name, state: state, limit: limit), configuration)
        return queueJobs
    }

    func retryQueue(name: String, target: QueueRetryTarget, configuration: OmniflowConfiguration) throws -> QueueRetryReport {
        record(.retryQueue(name, target), configuration)
        if let retryError { throw retryError }
        return QueueRetryReport(queue: name, retried: queueJobs)
    }

    func stageNames() -> [String] { names }

    func demo(options: DemoOptions, progress: ProgressReporter) async throws -> DemoReport {
        record(.demo(options))
        return DemoReport(directory: options.directory, run: runReport, flowStorePath: options.directory + "/flow.db",
                          notes: ["Open demo/receipts to see the receipts."])
    }

    func serveSandbox(options: SandboxServeOptions) async throws {
        record(.serveSandbox(options))
    }

    func dumpSandbox(target: SandboxTarget) async throws -> SandboxDump {
        record(.dumpSandbox(target))
        return dump
    }

    func mutateSandbox(target: SandboxTarget, fraction: Double) async throws -> SandboxMutationReport {
        record(.mutateSandbox(target, fraction: fraction))
        return SandboxMutationReport(fraction: fraction, round: 1, stamp: Date(timeIntervalSince1970: 1_795_000_000),
                                     productIds: ["100001", "100007"], priceProductIds: ["100003"],
                                     inventory: [.init(sku: "100001-M", warehouseCode: "W1")], orderIds: ["O-1"], eventCount: 1)
    }
}

/// Runs the CLI in-process in a temp folder and captures what it prints.
struct CLIHarness {
    let services: FakeServices
    let folder: URL
    var environment: [String: String] = [
        "OMNIUM_BASE_URL": "http://127.0.0.1:1", "OMNIUM_CLIENT_ID": "client", "OMNIUM_CLIENT_SECRET": "top-secret",
        "MainPricesListUid": "main", "DefaultVatCodeUid": "vat25", "DefaultProductGroupUid": "general",
    ]

    init(services: FakeServices = FakeServices()) throws {
        self.services = services
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    struct Outcome {
        var code: ExitCode
        var output: String
        var error: String
    }

    func run(_ arguments: [String], terminal: Bool = false) async -> Outcome {
        let output = TextBuffer()
        let error = TextBuffer()
        let context = CommandContext(
            services: services, environment: environment, currentDirectory: folder.path,
            standardOutput: output, standardError: error, isStandardErrorTerminal: terminal)
        let code = await Omniflow.execute(arguments, context: context)
        return Outcome(code: code, output: output.text, error: error.text)
    }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }
}
