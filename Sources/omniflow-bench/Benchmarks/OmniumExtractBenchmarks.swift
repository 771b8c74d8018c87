import Foundation
import Omnium
import OmniumSandbox
import Staging

/// Issue 3: product extract throughput through the real `OmniumClient` (URLSession over loopback)
/// against an in-process sandbox, at 10,000 and 100,000 products.
///
/// Why two consumers: "count" measures the client and the wire alone (pages are counted and
/// dropped); "staged" is what `extract.products` does (each scroll batch appended to a pending
/// dataset of a `RunStaging`, then published). Both stream page by page, so peak memory above the
/// baseline must stay about the same at both sizes. The sandbox is started in `prepare`, before the
/// harness reads the baseline and resets the peak; its products are generated lazily per request,
/// so what it holds before the run is small and is reported as the baseline.
enum OmniumExtractBenchmarks {
    static let all: [Benchmark] = [scrollAndCount, scrollAndStage]

    static let sizes = [10_000, 100_000]

    static let scrollAndCount = Benchmark(name: "omnium.extract.products.scroll-count", sizes: sizes,
                                          unit: "products", run: { size, _ in
        try await SandboxFixture.shared.use { client in
            var count = 0
            for try await batch in client.scrollProducts(OmniumProductSearchRequest(isFacetsDisabled: true)) {
                count += batch.count
            }
            return try SandboxFixture.check(count, size)
        }
    }, prepare: { size, _ in try SandboxFixture.shared.start(products: size) })

    static let scrollAndStage = Benchmark(name: "omnium.extract.products.scroll-staged", sizes: sizes,
                                          unit: "products", run: { size, workspace in
        try await SandboxFixture.shared.use { client in
            let staging = try RunStaging(root: workspace, runID: "bench")
            try staging.beginPending("omnium.products")
            for try await batch in client.scrollProducts(OmniumProductSearchRequest(isFacetsDisabled: true)) {
                let products: [OmniumProduct] = batch.decodedRecords()
                _ = try staging.appendPending("omnium.products", records: products) { $0.id ?? "" }
            }
            return try SandboxFixture.check(try staging.publishPending("omnium.products").rowCount, size)
        }
    }, prepare: { size, _ in try SandboxFixture.shared.start(products: size) })
}

// MARK: - Sandbox fixture

/// The sandbox a benchmark run extracts from: started by `prepare`, used and stopped by `run`.
final class SandboxFixture: @unchecked Sendable {
    static let shared = SandboxFixture()

    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    private let lock = NSLock()
    private var sandbox: SandboxServer?

    /// Starts a sandbox with `products` products (little else), no rate limits, no faults.
    func start(products: Int) throws {
        let before = ProcessMemory.residentMiB
        let scale = SandboxScale(products: products, stores: 6, orders: 10, purchaseOrders: 5,
                                 privateCustomers: 10, businessCustomers: 2)
        let server = try SandboxServer.start(configuration: SandboxConfiguration(rateLimits: .disabled, seed: 42,
                                                                                 scale: scale))
        lock.withLock { sandbox = server }
        let message = String(format: "  sandbox for %d products started: %+.1f MiB resident\n",
                             products, ProcessMemory.residentMiB - before)
        FileHandle.standardError.write(Data(message.utf8))
    }

    /// Runs `body` with a client pointed at the started sandbox, then stops the sandbox.
    func use(_ body: (OmniumClient) async throws -> Int) async throws -> Int {
        guard let server = lock.withLock({ sandbox }) else { throw Mismatch(description: "sandbox not started") }
        defer {
            server.stop()
            lock.withLock { sandbox = nil }
        }
        let client = OmniumClient(configuration: OmniumConfiguration(
            baseURL: server.baseURL, clientId: SandboxClient.default.clientId,
            clientSecret: SandboxClient.default.clientSecret))
        return try await body(client)
    }

    /// Fails the benchmark when the extract did not deliver the whole catalogue.
    static func check(_ count: Int, _ expected: Int) throws -> Int {
        guard count == expected else { throw Mismatch(description: "extracted \(count) of \(expected) products") }
        return count
    }
}
