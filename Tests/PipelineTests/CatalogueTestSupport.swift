import FlowStore
import Foundation
import Omnium
import Pipeline
import Staging
import XCTest

// MARK: - A small in-memory Omnium

/// Answers the endpoints the stores and catalogue stages use, from arrays a test edits between runs:
/// token, stores, product scroll (`modifiedFrom`, ModifiedAscending) and by id, price search
/// (`lastModified`, `productCodes`) and inventory search (`lastModified`, `warehouseCodes`,
/// `productCodes`), each scrolled `pageSize` items at a time. Records every request body.
final class FakeOmnium: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _stores: [OmniumStore] = []
    private var _products: [OmniumProduct] = []
    private var _prices: [OmniumPrice] = []
    private var _inventory: [OmniumInventoryItem] = []
    private var scrolls: [String: [Data]] = [:]
    private var log: [(method: String, path: String, body: String)] = []
    var pageSize = 3
    /// When set, every request after this many (token calls not counted) is answered 400: an Omnium that
    /// stops mid-stream, for checkpoint tests.
    var failAfterRequests: Int?
    private var _foreignMembers: [String: String] = [:]
    /// Price `code@unitPrice` or stock `sku@warehouseCode` → JSON members written into that record as sent.
    var foreignRecordMembers: [String: String] {
        get { lock.withLock { _foreignRecordMembers } } set { lock.withLock { _foreignRecordMembers = newValue } }
    }
    private var _foreignRecordMembers: [String: String] = [:]
    /// Product id → JSON members written into that product as sent (`"categories":["tees"]`), for a
    /// record Omnium sends in a shape the model cannot read.
    var foreignMembers: [String: String] {
        get { lock.withLock { _foreignMembers } } set { lock.withLock { _foreignMembers = newValue } }
    }

    var stores: [OmniumStore] { get { lock.withLock { _stores } } set { lock.withLock { _stores = newValue } } }
    var products: [OmniumProduct] { get { lock.withLock { _products } } set { lock.withLock { _products = newValue } } }
    var prices: [OmniumPrice] { get { lock.withLock { _prices } } set { lock.withLock { _prices = newValue } } }
    var inventory: [OmniumInventoryItem] {
        get { lock.withLock { _inventory } } set { lock.withLock { _inventory = newValue } }
    }

    /// Requests as (method, path, body), token calls left out.
    var requests: [(method: String, path: String, body: String)] { lock.withLock { log } }
    func clearRequests() { lock.withLock { log.removeAll() } }

    func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        let path = request.url.path
        if path.lowercased() == "/api/token" {
            return Self.json(#"{"accessToken":"fake","tokenType":"Bearer","expiresIn":864000}"#)
        }
        let body = request.body ?? Data()
        let failing: Bool = lock.withLock {
            log.append((request.method, path, String(decoding: body, as: UTF8.self)))
            return failAfterRequests.map { log.count > $0 } ?? false
        }
        if failing { return HTTPTransportResponse(status: 400, body: Data("fake Omnium stopped".utf8)) }
        let decoder = OmniumJSON.requestDecoder
        switch (request.method, path) {
        case ("GET", "/api/Stores"):
            let items = try stores.map { store -> String in
                let text = String(decoding: try OmniumJSON.encode(store), as: UTF8.self)
                guard let extra = foreignMembers[store.id] else { return text }
                return "{" + extra + "," + text.dropFirst()
            }.joined(separator: ",")
            return Self.json(#"{"totalHits":\#(stores.count),"result":[\#(items)]}"#)
        case ("POST", "/api/Products/Scroll"):
            let search = try decoder.decode(OmniumProductSearchRequest.self, from: body)
            let codes = Set((search.assortmentCodeIds ?? []).map { $0.lowercased() })
            let hits = products.filter { product in
                (search.modifiedFrom.map { (product.modified ?? .distantPast) >= $0 } ?? true)
                    && (codes.isEmpty || (product.assortmentCodes ?? []).contains {
                        codes.contains(($0.assortmentCodeId ?? "").lowercased())
                    })
            }.sorted { ($0.modified ?? .distantPast, $0.id ?? "") < ($1.modified ?? .distantPast, $1.id ?? "") }
            return try startScroll(hits, json: productJSON)
        case ("POST", "/api/Prices/Search"):
            let search = try decoder.decode(OmniumPriceSearchRequest.self, from: body)
            return try startScroll(prices.filter { price in
                (search.lastModified.map { (price.modified ?? .distantPast) >= $0 } ?? true)
                    && (search.productCodes.map { $0.contains(price.code ?? "") } ?? true)
            }, json: { try self.recordJSON($0, key: "\($0.code ?? "")@\($0.unitPrice ?? 0)") })
        case ("POST", "/api/Inventory/Search"):
            let search = try decoder.decode(OmniumInventorySearchRequest.self, from: body)
            return try startScroll(inventory.filter { item in
                (search.lastModified.map { (item.modified ?? .distantPast) >= $0 } ?? true)
                    && (search.productCodes.map { $0.contains(item.sku ?? "") } ?? true)
                    && (search.warehouseCodes.map { $0.contains(item.warehouseCode ?? "") } ?? true)
            }, json: { try self.recordJSON($0, key: "\($0.sku ?? "")@\($0.warehouseCode ?? "")") })
        case ("GET", _) where path.hasPrefix("/api/Products/Scroll/") || path.hasPrefix("/api/Prices/Scroll/")
            || path.hasPrefix("/api/Inventory/Scroll/"):
            let id = String(path.split(separator: "/").last ?? "")
            let next: Data? = lock.withLock {
                guard var pages = scrolls[id], !pages.isEmpty else { return nil }
                let page = pages.removeFirst()
                scrolls[id] = pages
                return page
            }
            return Self.json(next.map { String(decoding: $0, as: UTF8.self) } ?? #"{"totalHits":0,"result":[]}"#)
        case ("GET", _) where path.hasPrefix("/api/Products/"):
            let id = String(path.dropFirst("/api/Products/".count))
            guard let product = products.first(where: { $0.id == id || $0.skuId == id || $0.productId == id }) else {
                return HTTPTransportResponse(status: 404)
            }
            return Self.json(try productJSON(product))
        case ("POST", "/api/Orders/Scroll"), ("POST", "/api/PurchaseOrders/Scroll"):
            // The order and purchase-order stages run in the full batch too; this Omnium has none.
            return Self.json(#"{"totalHits":0,"result":[]}"#)
        default:
            return HTTPTransportResponse(status: 404, body: Data("no fake for \(request.method) \(path)".utf8))
        }
    }

    /// A price or stock item as sent: its JSON with `foreignRecordMembers` of its key written in.
    private func recordJSON<T: Encodable>(_ record: T, key: String) throws -> Data {
        let data = try OmniumJSON.encode(record)
        guard let extra = foreignRecordMembers[key] else { return data }
        return Data(("{" + extra + "," + String(decoding: data.dropFirst(), as: UTF8.self)).utf8)
    }

    /// A product as sent: its JSON with `foreignMembers` of its id written in.
    private func productJSON(_ product: OmniumProduct) throws -> Data {
        let data = try OmniumJSON.encode(product)
        guard let extra = foreignMembers[product.id ?? ""] else { return data }
        return Data(("{" + extra + "," + String(decoding: data.dropFirst(), as: UTF8.self)).utf8)
    }

    /// The first page now, the rest behind a scroll id.
    private func startScroll<Item: Encodable>(_ hits: [Item], json: ((Item) throws -> Data)? = nil)
        throws -> HTTPTransportResponse {
        let id = UUID().uuidString
        var pages: [Data] = []
        for start in stride(from: 0, to: hits.count, by: pageSize) {
            let page = Array(hits[start..<min(start + pageSize, hits.count)])
            if let json {
                let items = try page.map { String(decoding: try json($0), as: UTF8.self) }.joined(separator: ",")
                pages.append(Data(#"{"totalHits":\#(hits.count),"result":[\#(items)],"scrollId":"\#(id)"}"#.utf8))
            } else {
                pages.append(try OmniumJSON.encode(Envelope(totalHits: hits.count, result: page, scrollId: id)))
            }
        }
        guard !pages.isEmpty else { return Self.json(#"{"totalHits":0,"result":[]}"#) }
        let first = pages.removeFirst()
        lock.withLock { scrolls[id] = pages }
        return Self.json(String(decoding: first, as: UTF8.self))
    }

    private struct Envelope<Item: Encodable>: Encodable {
        var totalHits: Int
        var result: [Item]
        var scrollId: String
    }

    static func json(_ text: String) -> HTTPTransportResponse { json(Data(text.utf8)) }

    static func json(_ body: Data) -> HTTPTransportResponse {
        HTTPTransportResponse(status: 200, headers: ["Content-Type": "application/json"], body: body)
    }
}

// MARK: - Fixture

/// A temp folder with a control store, a Flow store and a fake Omnium; runs stages through `StageRunner`.
final class CatalogueFixture {
    let folder: URL
    let omnium = FakeOmnium()
    let clock = FixedClock()
    let environment: PipelineEnvironment

    init(configure: (inout OmniflowConfiguration) -> Void = { _ in }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = OmniflowConfiguration()
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        configuration.mainPricesListUID = "main"
        configuration.defaultVatCodeUID = "vat25"
        configuration.defaultProductGroupUID = "default"
        configuration.organizationUID = "org"
        configure(&configuration)
        let client = OmniumClient(configuration: OmniumConfiguration(
            baseURL: URL(string: "http://127.0.0.1:9")!, clientId: "id", clientSecret: "secret"), transport: omnium)
        environment = PipelineEnvironment(
            configuration: configuration, flow: try FlowDatabase(path: folder.appendingPathComponent("flow.db").path),
            control: try ControlStore(root: folder.appendingPathComponent("staging"), clock: clock),
            omnium: client, clock: clock)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var flow: FlowDatabase { environment.flow }
    var control: ControlStore { environment.control }

    /// Runs `stages` (all catalogue and store stages by default) as one run; fails the test if the run fails.
    @discardableResult
    func run(_ stages: [any Stage] = OmniflowStages.all(), file: StaticString = #filePath,
             line: UInt = #line) async throws -> RunManifest {
        clock.advance(by: 60)
        let result = try await StageRunner(stages: stages, environment: environment).run(RunRequest())
        let failures = result.manifest.stages.filter { $0.status != .succeeded }
            .map { "\($0.name): \($0.status) \($0.error ?? "")" }
        XCTAssertTrue(result.succeeded, "run failed: \(failures)", file: file, line: line)
        return result.manifest
    }
}

extension RunManifest {
    func written(_ stage: String) -> Int? { entry(named: stage)?.outcome?.rowsWritten }
    func read(_ stage: String) -> Int? { entry(named: stage)?.outcome?.rowsRead }
    func unchanged(_ stage: String) -> Int? { entry(named: stage)?.outcome?.rowsUnchanged }
    func notes(_ stage: String) -> [String] { entry(named: stage)?.outcome?.notes ?? [] }
}

/// `2026-mm-ddThh:mm:ssZ` as a date.
func day(_ text: String) -> Date {
    OmniumDateFormat.date(from: text.count == 10 ? text + "T00:00:00Z" : text)!
}
