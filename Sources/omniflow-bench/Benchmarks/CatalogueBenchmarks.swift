import FlowStore
import Foundation
import OmniumSandbox
import Pipeline
import Staging

/// The catalogue flow (stores, products, prices, inventory) against the sandbox over loopback:
/// a full first load, then a run after 1 % of products, prices and stock changed.
///
/// The sandbox runs in its own process (``SandboxProcess``): the CPU column is omniflow's alone and the
/// sandbox's is reported beside it, and each has a core, as against a real Omnium (issue 8).
///
/// `catalogue.full-load` leaves its sandbox and stores behind for `catalogue.incremental-1pct` of the
/// same size (the harness times a whole closure, and the incremental run needs a loaded Flow store);
/// run alone, the incremental benchmark loads first and that load is timed too. Each incremental run
/// prints the incremental/full time ratio. Records = rows the loads wrote.
enum CatalogueBenchmarks {
    static let all: [Benchmark] = [fullLoad, incremental]
    static let stores = 20
    static let sizes = [10_000, 50_000, 100_000]

    static let fullLoad = Benchmark(name: "catalogue.full-load", sizes: sizes, unit: "rows") { size, _ in
        await Sessions.shared.drop(products: size)
        let session = try CatalogueSession(products: size)
        let (rows, seconds) = try await session.run()
        await Sessions.shared.keep(session, fullSeconds: seconds)
        print("  catalogue \(size) products x \(stores) stores: full load wrote \(rows) rows in "
              + String(format: "%.2f s", seconds))
        return rows
    }

    static let incremental = Benchmark(name: "catalogue.incremental-1pct", sizes: sizes, unit: "rows") { size, _ in
        var (session, fullSeconds) = await Sessions.shared.take(products: size)
        if session == nil {
            let fresh = try CatalogueSession(products: size)
            fullSeconds = try await fresh.run().seconds
            session = fresh
        }
        guard let session else { return 0 }
        defer { session.close() }
        try session.sandbox.mutate(fraction: 0.01)
        let (rows, seconds) = try await session.run()
        print("  catalogue \(size) products: 1 % incremental wrote \(rows) rows in " + String(format: "%.2f s", seconds)
              + (fullSeconds.map { String(format: ", incremental/full = %.3f", seconds / $0) } ?? ""))
        return rows
    }

    /// Hands a loaded session from the full-load benchmark to the incremental one.
    actor Sessions {
        static let shared = Sessions()
        private var sessions: [Int: (session: CatalogueSession, fullSeconds: Double)] = [:]

        func keep(_ session: CatalogueSession, fullSeconds: Double) {
            sessions[session.products] = (session, fullSeconds)
        }

        func take(products: Int) -> (CatalogueSession?, Double?) {
            defer { sessions[products] = nil }
            return (sessions[products]?.session, sessions[products]?.fullSeconds)
        }

        func drop(products: Int) {
            sessions[products]?.session.close()
            sessions[products] = nil
        }

        /// Closes what no incremental benchmark took (`--filter catalogue.full-load` alone): its sandbox and folder.
        func dropAll() {
            for (_, kept) in sessions { kept.session.close() }
            sessions = [:]
        }
    }
}

/// A sandbox of `products` products and 20 stores, a staging root and a Flow store in a temp folder.
final class CatalogueSession: @unchecked Sendable {
    let products: Int
    let sandbox: SandboxProcess
    let folder: URL
    let environment: PipelineEnvironment

    init(products: Int) throws {
        self.products = products
        folder = BenchmarkFolders.make("catalogue")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scale = SandboxScale(products: products, stores: CatalogueBenchmarks.stores, orders: 10, purchaseOrders: 5,
                                 privateCustomers: 10, businessCustomers: 5)
        var options = SandboxProcess.Options(scale: scale, seed: 1)
        options.warmRecordCache = ProcessInfo.processInfo.environment["OMNIFLOW_BENCH_WARM_SANDBOX"] == "1"
        sandbox = try SandboxProcess(options)
        if options.warmRecordCache {
            print(String(format: "    sandbox started with its record cache made: %.2f s CPU, %.1f MiB",
                         sandbox.cpuSeconds, sandbox.peakMemoryMiB))
        }
        var configuration = OmniflowConfiguration()
        configuration.omniumBaseURL = sandbox.baseURL
        configuration.omniumClientID = SandboxClient.default.clientId
        configuration.omniumClientSecret = Secret(SandboxClient.default.clientSecret)
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        configuration.flowStorePath = folder.appendingPathComponent("flow.db").path
        configuration.mainPricesListUID = "main"
        configuration.defaultVatCodeUID = "vat_25"
        configuration.defaultProductGroupUID = "general"
        configuration.organizationUID = "org"
        configuration.marketIDs = ["NOR"]
        configuration.flowWebWarehouse = SandboxDataGenerator.webWarehouseId
        if let text = ProcessInfo.processInfo.environment["OMNIFLOW_CONCURRENT_STAGES"] {
            // Read by the configuration's own loader (its range and refusal), from an empty folder.
            configuration.concurrentStages = try ConfigurationLoader(
                environment: ["OMNIFLOW_CONCURRENT_STAGES": text], currentDirectory: folder.path).load(file: nil).concurrentStages
        }
        environment = try PipelineEnvironment.open(configuration: configuration)
    }

    /// One run of the stores and catalogue stages; rows written by the loads and wall time.
    func run() async throws -> (rows: Int, seconds: Double) {
        let flows = ["stores", "products", "prices", "inventory"]
        let stages = OmniflowStages.all().filter { stage in flows.contains { stage.name.hasSuffix(".\($0)") } }
        let start = ContinuousClock.now
        let sandboxCPU = sandbox.cpuSeconds
        let result = try await StageRunner(stages: stages, environment: environment).run(RunRequest())
        let elapsed = ContinuousClock.now - start
        ExternalCPU.shared.add(sandbox.cpuSeconds - sandboxCPU)
        guard result.succeeded else {
            let failed = result.manifest.stages.filter { $0.status != .succeeded }.map { "\($0.name): \($0.error ?? "")" }
            throw CatalogueBenchmarkError(description: "catalogue run failed: \(failed)")
        }
        let rows = result.manifest.stages.filter { $0.name.hasPrefix("load.") }.compactMap(\.outcome?.rowsWritten)
            .reduce(0, +)
        print(String(format: "    sandbox: %.2f s CPU in this run, peak memory %.1f MiB so far",
                     sandbox.cpuSeconds - sandboxCPU, sandbox.peakMemoryMiB))
        // Milliseconds: a 1 % incremental run's stages take 5–50 ms each.
        print("    " + result.manifest.stages.map { "\($0.name) \($0.durationMilliseconds ?? 0) ms" }.joined(separator: ", "))
        return (rows, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    func close() {
        sandbox.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}

struct CatalogueBenchmarkError: Error, CustomStringConvertible {
    var description: String
}
