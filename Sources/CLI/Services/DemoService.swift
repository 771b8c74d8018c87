import FlowStore
import Foundation
import OmniumSandbox
import Pipeline
import Staging

/// `omniflow demo`: the sandbox, a fresh Flow store, one full inbound run, a simulated POS day, and an
/// outbound run that pushes that day to the sandbox, in a named folder.
///
/// Everything the demo writes stays in `options.directory` (`flow.db`, `staging/`); the folder is
/// emptied of those first so every demo starts from a fresh Flow store. The sandbox listens on a free
/// loopback port for the length of the run only.
struct DemoService {
    var options: DemoOptions
    var progress: ProgressReporter

    /// The credentials the demo's sandbox accepts (a local, throwaway tenant).
    static let client = SandboxClient(clientId: "omniflow-demo", clientSecret: "omniflow-demo-secret")
    /// SKUs with a broken EAN-13 in the demo's (and `sandbox serve`'s) data, so quarantine has something to show.
    static let badEANCount = 3

    func run() async throws -> DemoReport {
        let folder = URL(fileURLWithPath: options.directory, isDirectory: true).standardizedFileURL
        let flowStore = folder.appendingPathComponent("flow.db")
        let staging = folder.appendingPathComponent("staging", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for leftover in [staging.path, flowStore.path, flowStore.path + "-wal", flowStore.path + "-shm"]
        where FileManager.default.fileExists(atPath: leftover) {
            try FileManager.default.removeItem(atPath: leftover)
        }

        var scale = SandboxScale.small
        scale.products = options.products
        let sandbox = try SandboxServer.start(configuration: SandboxConfiguration(
            clients: [Self.client], seed: options.seed, scale: scale, badEANCount: Self.badEANCount))
        defer { sandbox.stop() }
        progress.report(.note("Omnium sandbox listening on \(sandbox.baseURL.absoluteString) (seed \(options.seed))"))

        let stores = sandbox.state.stores()
        var configuration = Self.configuration(baseURL: sandbox.baseURL, staging: staging, flowStore: flowStore)
        // Show both stock-master modes: the second primary store keeps Flow as its stock master.
        if let flowMaster = stores.filter({ $0.isPrimaryStore == true }).dropFirst().first {
            configuration.flowStockMaster[flowMaster.id] = true
        }
        // Send receipts to Omnium as invoices when the templates are at hand (`make demo` runs from the repository).
        configuration.sendOrderReceiptToOmnium = FileManager.default.fileExists(
            atPath: (configuration.templatesDirectory as NSString).appendingPathComponent("invoice-a4.tmpl"))
        let report = try await PipelineServices().execute(
            configuration: configuration, request: RunRequest(arguments: "demo"), progress: progress)

        let flow = try FlowDatabase(path: flowStore.path)
        let control = try ControlStore(root: staging)

        // The shops' day: simulate it in the Flow store, then push it to the sandbox.
        let simulation = try PosDaySimulator(options: .init(
            date: Self.businessDay(configuration.businessTimeZone), seed: options.seed, timeZone: configuration.businessTimeZone,
            flowMasterStores: Set(configuration.flowStockMaster.filter(\.value).keys))).run(flow: flow)
        progress.report(.note("POS day simulated: \(simulation.sales) sales, \(simulation.returns) returns, "
                              + "\(simulation.goodsReceptions) goods receptions, \(simulation.customers) customer changes"))
        let outboundStages = try RunCycle.intraday.selectStages(patterns: ["enqueue.*", "push.*"],
                                                                among: OmniflowStages.all().map(\.name))
        let outbound = try await PipelineServices().execute(
            configuration: configuration,
            request: RunRequest(selection: StageSelection(only: outboundStages), arguments: "demo outbound"), progress: progress)
        let dump = sandbox.state.dump()

        var notes = [
            "Omnium sandbox: \(stores.filter { $0.isPrimaryStore == true }.count) primary stores, "
                + "\(stores.count) stores and warehouses, \(options.products) products (seed \(options.seed))",
        ]
        notes.append("Flow store now holds: " + (try flow.rowCounts()).map { "\($0.count) \($0.table)" }.joined(separator: ", "))
        notes.append("Quarantine: \(try control.openQuarantineCount(kind: .withheld)) record(s) withheld, "
                     + "\(try control.openQuarantineCount(kind: .fieldDropped)) field(s) dropped from records that loaded "
                     + "(omniflow quarantine list)")
        notes.append("POS day simulated in \(simulation.stores) stores: \(simulation.sales) sales, \(simulation.returns) returns, "
                     + "\(simulation.cancellations) cancellations, \(simulation.paymentReceipts) payment receipts, "
                     + "\(simulation.goodsReceptions) goods receptions, \(simulation.customers) customer changes, "
                     + "\(simulation.stockMovements) stock movements")
        notes.append("Outbound run \(outbound.runID) \(outbound.status.rawValue): "
                     + outbound.stages.map { "\($0.name) \($0.rowsWritten)" }.joined(separator: ", "))
        notes.append("Omnium sandbox received: \(dump.posOrderIds.count) POS orders, \(dump.returns.count) returns, "
                     + "\(dump.statusChanges.count) status changes, \(dump.inventory.count) stock records, "
                     + "\(dump.privateCustomers.count) private and \(dump.businessCustomers.count) business customers, "
                     + "\(dump.processedGoodsReceptionIds.count) goods receptions, \(dump.invoices.count) invoices")
        notes.append("Control database: \(control.databaseURL.path)")
        let configFile = try Self.writeConfiguration(configuration, to: folder.appendingPathComponent("omniflow.json"))
        notes.append("Configuration of this demo: \(configFile.path) (the secret is never written; the sandbox has stopped)")
        notes.append("Inspect it from here:")
        let config = "--config \(configFile.path)"
        for command in ["runs \(config)", "runs show \(outbound.runID) \(config)", "quarantine list \(config)",
                        "queues \(config)", "status \(config)", "watermarks \(config)", "receipts list \(config)"] {
            notes.append("  omniflow \(command)")
        }
        return DemoReport(directory: folder.path, run: report, flowStorePath: flowStore.path, notes: notes)
    }

    /// Writes the demo's configuration (without the secret) so the read commands can be pointed at the
    /// demo's folder with `--config`.
    static func writeConfiguration(_ configuration: OmniflowConfiguration, to url: URL) throws -> URL {
        var settings: [String: String] = [
            "OMNIFLOW_STAGING_ROOT": configuration.stagingRoot,
            "OMNIFLOW_FLOW_STORE_PATH": configuration.flowStorePath,
            "MainPricesListUid": configuration.mainPricesListUID ?? "main",
            "DefaultVatCodeUid": configuration.defaultVatCodeUID ?? "vat_25",
            "DefaultProductGroupUid": configuration.defaultProductGroupUID ?? "general",
        ]
        if let url = configuration.omniumBaseURL { settings["OMNIUM_BASE_URL"] = url.absoluteString }
        if let id = configuration.omniumClientID { settings["OMNIUM_CLIENT_ID"] = id }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(settings).write(to: url, options: .atomic)
        return url
    }

    /// Today in the business time zone, at midnight.
    static func businessDay(_ timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.startOfDay(for: Date())
    }

    /// The configuration a demo run uses: the sandbox tenant, demo price list, VAT code and handling tasks.
    static func configuration(baseURL: URL, staging: URL, flowStore: URL) -> OmniflowConfiguration {
        var configuration = OmniflowConfiguration()
        configuration.omniumBaseURL = baseURL
        configuration.omniumClientID = client.clientId
        configuration.omniumClientSecret = Secret(client.clientSecret)
        configuration.stagingRoot = staging.path
        configuration.flowStorePath = flowStore.path
        configuration.mainPricesListUID = "main"
        configuration.defaultVatCodeUID = "vat_25"
        configuration.organizationUID = "omniflow_demo"
        configuration.defaultProductGroupUID = "general"
        configuration.clickCollectOrderHandlingUID = "click_and_collect"
        configuration.onlineOrderHandlingUID = "online_order"
        configuration.clickCollectExpiryDays = 3
        configuration.marketIDs = ["NOR"]
        return configuration
    }
}
