import Foundation
import Pipeline
import Omnium
import OmniumSandbox
import XCTest

/// Issue 3 acceptance: with 10 % injected 500s and 5 % injected 429s (the sandbox's rate limits on),
/// a full extract of a 10,000-product catalogue through the real client over loopback yields exactly
/// what the same extract yields without faults. Retry sleeps are real but scaled down 1,000-fold.
final class FaultToleranceTests: XCTestCase {
    /// 10,000 products; the rest kept small (only the catalogue is extracted here).
    static let scale = SandboxScale(products: 10_000, stores: 4, orders: 4, purchaseOrders: 2,
                                    privateCustomers: 2, businessCustomers: 1)
    /// The acceptance profile. Draws are seeded, so a sequential run sees the same faults every
    /// time; the seeds below are ones under which both statuses are served (asserted, so a change
    /// in the client's request pattern that avoids them fails loudly instead of passing quietly).
    static func faults(seed: UInt64) -> SandboxFaults {
        SandboxFaults(errorRates: [500: 0.10, 429: 0.05], seed: seed)
    }

    private var sandboxes: [SandboxServer] = []

    override func tearDown() {
        sandboxes.forEach { $0.stop() }
        sandboxes = []
        super.tearDown()
    }

    private func startSandbox(faults: SandboxFaults, scroll: SandboxScrollSettings = SandboxScrollSettings(),
                              scale: SandboxScale = FaultToleranceTests.scale,
                              counter: SandboxStatusCounter) throws -> SandboxServer {
        let sandbox = try SandboxServer.start(configuration: SandboxConfiguration(
            faults: faults, scroll: scroll, seed: 11, scale: scale, log: counter.handler))
        sandboxes.append(sandbox)
        return sandbox
    }

    // MARK: - Products

    func testProductExtractUnderFaultsMatchesTheCleanExtract() async throws {
        let cleanCounter = SandboxStatusCounter()
        let clean = try startSandbox(faults: .none, counter: cleanCounter)
        let cleanRecorder = ClientRecorder()
        let cleanClient = LoopbackOmnium.client(clean, recorder: cleanRecorder)
        let expected = try await lastCompletePass(cleanClient.scrollProducts(), recorder: cleanRecorder)
        XCTAssertEqual(expected.items.undecodableRecords().count, 0)
        XCTAssertEqual(expected.items.count, 10_000)
        XCTAssertEqual(expected.received, 10_000, "no restart without faults")
        XCTAssertTrue(cleanRecorder.events.allSatisfy { if case .tokenFetched = $0 { return true } else { return false } })

        let counter = SandboxStatusCounter()
        let faulty = try startSandbox(faults: Self.faults(seed: 6), counter: counter)
        let recorder = ClientRecorder()
        let client = LoopbackOmnium.client(faulty, recorder: recorder)
        let want = try ExtractedContent(expected.items.decodedRecords() as [OmniumProduct])

        // By scroll (what extract.products does): an error answer to a continuation is retried in place.
        let started = ContinuousClock.now
        let scrolled = try await lastCompletePass(client.scrollProducts(maxRestarts: 50), recorder: recorder)
        let scrollTime = ContinuousClock.now - started
        let scrollFaults = (counter.count(500), counter.count(429))
        let got = try ExtractedContent(scrolled.items.decodedRecords())
        XCTAssertEqual(got.count, want.count)
        XCTAssertEqual(scrolled.items.compactMap(\.record?.id), expected.items.compactMap(\.record?.id), "same ids in the same order")
        XCTAssertEqual(got.hash, want.hash)
        XCTAssertTrue(got == want, "every product document is byte-identical")
        XCTAssertEqual(Set(scrolled.items.compactMap(\.record?.id)).count, 10_000, "what extract.products keys by id")
        XCTAssertEqual(recorder.scrollRestarts, 0, "a 500 on a continuation is retried in place, the scroll goes on")

        // By search pages (100 requests of 100): each failed page is simply repeated.
        let pagedStart = ContinuousClock.now
        var paged: [OmniumProduct] = []
        for try await page in client.productPages(OmniumProductSearchRequest()) { paged += page.decodedRecords() }
        let pagedTime = ContinuousClock.now - pagedStart
        XCTAssertTrue(try ExtractedContent(paged) == want, "paged extract byte-identical too")

        // The faults really happened, and the client rode them out (Retry-After: 1 honoured).
        XCTAssertGreaterThan(counter.count(500), 0, "injected 500s were served")
        XCTAssertGreaterThan(counter.count(429), 0, "injected 429s were served")
        XCTAssertGreaterThan(recorder.retries(status: 500).count, 0)
        XCTAssertGreaterThan(recorder.retries(status: 429).count, 0)
        XCTAssertTrue(recorder.requestedSleeps.contains { $0 >= .seconds(1) }, "Retry-After: 1 was asked for")
        print("fault-tolerance products: \(got.count) products (hash \(got.hash)), clean run \(cleanCounter.total) requests; "
              + "scroll: \(scrollFaults.0) × 500, \(scrollFaults.1) × 429, \(recorder.scrollRestarts) restarts, "
              + "\(scrolled.batches) batches (\(scrolled.received) products) in \(scrollTime); paging: "
              + "\(counter.count(500) - scrollFaults.0) × 500, \(counter.count(429) - scrollFaults.1) × 429 in \(pagedTime); "
              + "sandbox answered \(counter.total) requests, client retried \(recorder.retries().count) times")
    }

    // MARK: - Prices and inventory

    /// Prices and stock of a 2,000-product catalogue (about 12,000 prices and 15,000 stock records;
    /// the full 10,000-product set would take half a minute in a debug build). Batches of 2,000:
    /// the client restarts a scroll from the beginning after any failed continuation, so a scroll
    /// of many small batches under a 10 % error rate would rarely finish (see the issue 3 report).
    func testPriceAndStockSearchesUnderFaultsMatchTheCleanSearches() async throws {
        let scroll = SandboxScrollSettings(batchSize: 2_000)
        var scale = Self.scale
        scale.products = 2_000
        let clean = try startSandbox(faults: .none, scroll: scroll, scale: scale, counter: SandboxStatusCounter())
        let counter = SandboxStatusCounter()
        let faulty = try startSandbox(faults: Self.faults(seed: 1), scroll: scroll, scale: scale, counter: counter)
        let cleanRecorder = ClientRecorder()
        let recorder = ClientRecorder()
        let cleanClient = LoopbackOmnium.client(clean, recorder: cleanRecorder)
        let client = LoopbackOmnium.client(faulty, recorder: recorder)

        let prices = OmniumPriceSearchRequest(lastModified: Date(timeIntervalSince1970: 0), scrollSize: 2_000)
        let expectedPrices = try await lastCompletePass(cleanClient.searchPrices(prices), recorder: cleanRecorder)
        let gotPrices = try await lastCompletePass(client.searchPrices(prices, maxRestarts: 50), recorder: recorder)
        XCTAssertEqual(expectedPrices.items.count, try clean.state.prices(matching: prices).count)
        XCTAssertGreaterThan(expectedPrices.items.count, 5_000)
        XCTAssertTrue(try ExtractedContent(gotPrices.items.decodedRecords() as [OmniumPrice])
                      == ExtractedContent(expectedPrices.items.decodedRecords() as [OmniumPrice]), "prices identical")

        let stock = OmniumInventorySearchRequest(lastModified: Date(timeIntervalSince1970: 0))
        let expectedStock = try await lastCompletePass(cleanClient.searchInventory(stock), recorder: cleanRecorder)
        let gotStock = try await lastCompletePass(client.searchInventory(stock, maxRestarts: 50), recorder: recorder)
        XCTAssertEqual(expectedStock.items.count, try clean.state.inventory(matching: stock).count)
        XCTAssertGreaterThan(expectedStock.items.count, 5_000)
        XCTAssertTrue(try ExtractedContent(gotStock.items.decodedRecords() as [OmniumInventoryItem])
                      == ExtractedContent(expectedStock.items.decodedRecords() as [OmniumInventoryItem]), "stock identical")

        XCTAssertGreaterThan(counter.count(500), 0)
        XCTAssertGreaterThan(counter.count(429), 0)
        print("fault-tolerance prices/stock: \(gotPrices.items.count) prices, \(gotStock.items.count) stock items; sandbox "
              + "answered \(counter.total) requests (\(counter.count(500)) × 500, \(counter.count(429)) × 429); client "
              + "retries \(recorder.retries().count), scroll restarts \(recorder.scrollRestarts)")
    }
}

/// Client retries are visible: each one, with its cause and delay, in run.log under its stage, and the
/// stage's count in the manifest (and so in `omniflow runs show`).
final class RetryLoggingEndToEndTests: XCTestCase {
    func testEveryRetryIsLoggedWithItsCauseAndDelayAndCountedPerStage() async throws {
        let fixture = try EndToEndFixture(faults: SandboxFaults(errorRates: [503: 0.3], seed: 5))
        fixture.configuration.retryBaseDelay = 0.001
        fixture.configuration.retryMaxDelay = 0.01
        fixture.configuration.maxAttempts = 20
        let result = try await fixture.run(RunRequest(selection: StageSelection(only: [
            "extract.stores", "transform.stores", "load.stores", "extract.products",
        ])))
        XCTAssertTrue(result.succeeded, "\(result.manifest.stages.map { "\($0.name) \($0.status) \($0.error ?? "")" })")
        let retries = result.manifest.stages.reduce(0) { $0 + ($1.outcome?.retries ?? 0) }
        XCTAssertGreaterThan(retries, 0, "a 30 % fault rate makes the client retry")
        let log = try String(contentsOf: result.runDirectory.appendingPathComponent("run.log"), encoding: .utf8)
        let retryLines = log.split(separator: "\n").filter { $0.contains("omnium request retried") }
        XCTAssertEqual(retryLines.count, retries, "one line per retry")
        XCTAssertTrue(retryLines.allSatisfy { $0.contains("status=503") && $0.contains("delay=") && $0.contains("stage=") },
                      retryLines.prefix(3).joined(separator: "\n"))
        for entry in result.manifest.stages where (entry.outcome?.retries ?? 0) > 0 {
            XCTAssertEqual(retryLines.filter { $0.contains("stage=\(entry.name)") }.count, entry.outcome?.retries)
        }
    }
}
