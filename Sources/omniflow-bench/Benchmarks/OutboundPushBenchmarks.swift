import FlowStore
import Foundation
import Omnium
import OmniumSandbox
import Pipeline
import Staging

/// Issue 11: the outbound pushes through the real client to the sandbox, in its own process (as Omnium
/// is: client and server do not share a core; ``SandboxProcess``), with 20 ms added
/// latency and Omnium's documented rate limits on (token bucket 12,000, +1,000 per 10 s; 20 requests in
/// flight per user): 10,000 POS orders (one `PUT /api/Orders/PosOrders` each) and 100,000 Flow-master stock
/// rows (`PUT /api/Inventory/UpdateMany`, ≤ 1,000 a call, so at most 110 requests allowed).
///
/// `prepare` fills a Flow store and a control database in the workspace (POS orders or stock movements,
/// then `enqueue.pos_changes`); `run` times the push stage alone. Requests and 429s are counted from the
/// sandbox's request log (its `stats`) and printed; a run that needs more stock requests than allowed, or sees a 429,
/// fails the benchmark.
enum OutboundPushBenchmarks {
    static let all: [Benchmark] = [posOrders, stock]

    static let posOrders = Benchmark(name: "omnium.push.pos-orders", sizes: [10_000], unit: "orders", run: { size, _ in
        try await PushFixture.shared.push(stage: "push.pos_orders", expected: size, pathPrefix: "/api/Orders/PosOrders",
                                          maxRequests: nil, allowedInFlight: 20)
    }, prepare: { size, workspace in try await PushFixture.shared.prepare(workspace: workspace, orders: size, stockRows: 0) })

    static let stock = Benchmark(name: "omnium.push.stock", sizes: [100_000], unit: "rows", run: { size, _ in
        try await PushFixture.shared.push(stage: "push.stock", expected: size, pathPrefix: "/api/Inventory/UpdateMany",
                                          maxRequests: size / 1_000 + 10, allowedInFlight: 4)
    }, prepare: { size, workspace in try await PushFixture.shared.prepare(workspace: workspace, orders: 0, stockRows: size) })
}

// MARK: - Push fixture

/// A sandbox, a Flow store with POS data and its enqueued jobs: made by `prepare`, pushed and stopped by `push`.
final class PushFixture: @unchecked Sendable {
    static let shared = PushFixture()

    struct Failure: Error, CustomStringConvertible { var description: String }

    private let lock = NSLock()
    private var sandbox: SandboxProcess?
    private var configuration: OmniflowConfiguration?

    func prepare(workspace: URL, orders: Int, stockRows: Int) async throws {
        let scale = SandboxScale(products: 50, stores: 6, orders: 10, purchaseOrders: 5, privateCustomers: 10,
                                 businessCustomers: 2)
        let server = try SandboxProcess(SandboxProcess.Options(scale: scale, seed: 42, rateLimits: true,
                                                               latencyMilliseconds: Int(Self.latency * 1000)))
        // The child generates its data from the same seed and scale; the warehouses are read from a copy here.
        let state = SandboxState(options: SandboxDataOptions(seed: 42, scale: scale, epoch: SandboxDataOptions.defaultEpoch,
                                                             badEANCount: 0))
        let warehouses = state.stores().filter { $0.isWarehouse == true && $0.isVirtual != true }.map(\.id).sorted()
        guard let store = warehouses.first else { throw Failure(description: "the sandbox has no warehouse store") }

        var configuration = OmniflowConfiguration()
        configuration.omniumBaseURL = server.baseURL
        configuration.omniumClientID = SandboxClient.default.clientId
        configuration.omniumClientSecret = Secret(SandboxClient.default.clientSecret)
        configuration.stagingRoot = workspace.appendingPathComponent("staging").path
        configuration.flowStorePath = workspace.appendingPathComponent("flow.db").path
        configuration.mainPricesListUID = "main"
        configuration.defaultVatCodeUID = "vat_25"
        configuration.defaultProductGroupUID = "general"
        configuration.organizationUID = "org"
        configuration.marketIDs = ["NOR"]
        configuration.flowStockMaster = Dictionary(uniqueKeysWithValues: warehouses.prefix(2).map { ($0, true) })

        let flow = try FlowDatabase(path: configuration.flowStorePath)
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        try flow.write { db in
            for index in 0..<orders {
                let total: Int64 = 2 * 19_990 + 4_990
                let order = FlowPosOrder(
                    orderUid: "BENCH-\(index)", orderNumber: String(index), type: .sale, storeUid: store,
                    cashRegisterUid: "\(store)-1", createdAt: start.addingTimeInterval(Double(index)),
                    settledAt: start.addingTimeInterval(Double(index)), orderTotal: total, vatTotal: 8_994,
                    source: "BENCH", lines: [
                        FlowPosOrderLine(lineNo: 1, sku: "SKU-\(index % 500)", name: "Genser", quantity: 200,
                                         unitPrice: 19_990, vatRate: 2_500, vatAmount: 7_996, lineTotal: 39_980),
                        FlowPosOrderLine(lineNo: 2, sku: "SKU-\(index % 77)", name: "Kaffe", quantity: 100,
                                         unitPrice: 4_990, vatRate: 2_500, vatAmount: 998, lineTotal: 4_990),
                    ], payments: [FlowPosPayment(paymentNo: 1, tenderType: .card, amount: total, reference: "**** 4242")])
                try PosOrdersTable.save(order, in: db)
            }
            let stores = Array(warehouses.prefix(2))
            for index in 0..<stockRows {
                try StockMovementsTable.apply(FlowStockMovement(
                    warehouseUid: stores[index % stores.count], productUid: "SKU-\(index / stores.count)",
                    quantityChange: Int64(100 + index % 900), reason: "COUNT", occurredAt: start), in: db)
            }
        }
        let environment = try PipelineEnvironment.open(configuration: configuration)
        let runner = try StageRunner(stages: OmniflowStages.all(), environment: environment)
        let enqueued = try await runner.run(RunRequest(selection: StageSelection(only: ["enqueue.pos_changes"])))
        guard enqueued.succeeded else { throw Failure(description: "enqueue.pos_changes failed") }
        _ = try server.stats(reset: true)
        lock.withLock {
            sandbox = server
            self.configuration = configuration
        }
    }

    /// The added latency of every sandbox answer, as in `prepare`.
    static let latency = 0.020

    /// The least time Omnium's documented limits allow for `requests` calls of `latency` each: at most
    /// `allowedInFlight` at once (20 per API user; 4 for batch calls such as `UpdateMany`), and tokens from a
    /// bucket of 12,000 refilled by 1,000 every 10 s. omnium-api.md §4.
    static func ceilingSeconds(requests: Int, allowedInFlight: Int) -> Double {
        let byConcurrency = Double(requests) * latency / Double(allowedInFlight)
        let byTokens = Double(max(0, requests - 12_000)) / 100
        return max(byConcurrency, byTokens)
    }

    /// Runs `stage`, checks every job is done, prints requests, 429s and the share of Omnium's ceiling
    /// reached, stops the sandbox.
    func push(stage: String, expected: Int, pathPrefix: String, maxRequests: Int?, allowedInFlight: Int) async throws -> Int {
        guard let (server, configuration) = lock.withLock({ sandbox.flatMap { s in self.configuration.map { (s, $0) } } }) else {
            throw Failure(description: "push fixture not prepared")
        }
        defer {
            server.stop()
            lock.withLock { sandbox = nil }
        }
        let environment = try PipelineEnvironment.open(configuration: configuration)
        let runner = try StageRunner(stages: OmniflowStages.all(), environment: environment)
        let started = Date()
        let sandboxCPU = server.cpuSeconds
        let result = try await runner.run(RunRequest(selection: StageSelection(only: [stage])))
        let elapsed = Date().timeIntervalSince(started)
        ExternalCPU.shared.add(server.cpuSeconds - sandboxCPU)
        let done = result.manifest.stages.first { $0.name == stage }?.outcome?.rowsWritten ?? 0
        let stats = try server.stats()
        let (used, limited) = (stats.requests.filter { $0.key.hasPrefix(pathPrefix) }.values.reduce(0, +), stats.throttled)
        let ceiling = Self.ceilingSeconds(requests: used, allowedInFlight: allowedInFlight)
        // Where a call's time goes: a place on the wire is free again every `slot` ms; the sandbox held the call
        // (its added latency included) `inSandbox` ms of it; the rest is the client, the HTTP server's reading
        // and writing, loopback and waiting for a core.
        let total = max(1, stats.requests.values.reduce(0, +))
        let slot = elapsed * 1000 * Double(allowedInFlight) / Double(max(1, used))
        let inSandbox = Double(stats.handlerMicroseconds) / 1000 / Double(total)
        FileHandle.standardError.write(Data(String(format: "  \(stage): a place on the wire %.2f ms a call, of which in the sandbox's "
            + "handlers %.2f ms (latency %.0f ms), elsewhere %.2f ms\n", slot, inSandbox, Self.latency * 1000, slot - inSandbox).utf8))
        FileHandle.standardError.write(Data(("  \(stage): \(done) done, \(used) requests to \(pathPrefix), \(limited) answered 429; "
            + String(format: "%.1f requests/s in %.2f s; Omnium's ceiling for them (%d in flight at %.0f ms, bucket 12,000 "
                     + "+ 1,000/10 s): %.2f s, so %.0f %% of it\n",
                     Double(used) / elapsed, elapsed, allowedInFlight, Self.latency * 1000, ceiling, 100 * ceiling / elapsed)).utf8))
        if let span = stats.callsSpanSeconds, span > 0 {
            // The calls alone against the same ceiling, and what the run around them took: the whole wall counts
            // for the goal, but a push of 100 stock calls has only 56 ms beyond its 0.5 s ceiling for all of it.
            FileHandle.standardError.write(Data(String(format: "  \(stage): the calls, from the first request's arrival to the "
                + "last answer, %.2f s (%.0f %% of the ceiling); the rest of the run %.3f s (run and stage bookkeeping, "
                + "claims, the token, the last commits)\n", span, 100 * ceiling / span, max(0, elapsed - span)).utf8))
        }
        guard result.succeeded, done == expected else {
            throw Failure(description: "\(stage) pushed \(done) of \(expected): \(result.manifest.stages.map { $0.error ?? $0.status.rawValue })")
        }
        if let maxRequests, used > maxRequests {
            throw Failure(description: "\(stage) used \(used) requests, more than \(maxRequests)")
        }
        guard limited == 0 else { throw Failure(description: "\(stage) met \(limited) 429 answers in steady state") }
        return done
    }
}
