import FlowStore
import Foundation
import Omnium
import Pipeline
import Staging
import XCTest

// MARK: - OrdersOmniumFake

/// An in-memory Omnium behind the client's transport: the read routes the order and purchase-order
/// stages use, with the delta filters (`modifiedFrom` inclusive, `orderType`), 404s and scripted failures.
/// Tests change its data between runs as Omnium would change.
final class OrdersOmniumFake: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _orders: [String: OmniumOrder] = [:]
    private var _purchaseOrders: [String: OmniumPurchaseOrder] = [:]
    private var _deliveries: [String: OmniumDelivery] = [:]
    private var _privateCustomers: [String: OmniumPrivateCustomer] = [:]
    private var _businessCustomers: [String: OmniumBusinessCustomer] = [:]
    private var _failures: [String: Int] = [:]
    private var _requests: [String] = []
    private var _foreignMembers: [String: String] = [:]

    func put(_ order: OmniumOrder) { lock.withLock { _orders[order.id!] = order } }
    func put(_ purchaseOrder: OmniumPurchaseOrder) { lock.withLock { _purchaseOrders[purchaseOrder.id!] = purchaseOrder } }
    func put(_ delivery: OmniumDelivery) { lock.withLock { _deliveries[delivery.id!] = delivery } }
    func put(_ customer: OmniumPrivateCustomer) { lock.withLock { _privateCustomers[customer.customerId] = customer } }
    func put(_ customer: OmniumBusinessCustomer) { lock.withLock { _businessCustomers[customer.customerId] = customer } }
    func removeOrder(_ id: String) { lock.withLock { _ = _orders.removeValue(forKey: id) } }
    /// Writes raw JSON members into order `id` as sent (`"tags":"vip"`): an order in a shape the model
    /// cannot read. nil clears.
    func foreignMembers(_ members: String?, order id: String) { lock.withLock { _foreignMembers[id] = members } }
    /// Answers `path` (exactly) with `status` until cleared with nil.
    func fail(_ path: String, status: Int?) { lock.withLock { _failures[path] = status } }
    /// "METHOD path" of every API request (token calls left out).
    var requests: [String] { lock.withLock { _requests } }
    func clearRequests() { lock.withLock { _requests.removeAll() } }

    func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        let path = request.url.path
        if path.lowercased() == "/api/token" {
            return Self.json(#"{"accessToken":"t","tokenType":"Bearer","expiresIn":864000}"#)
        }
        return try lock.withLock {
            _requests.append("\(request.method) \(path)")
            if let status = _failures[path] { return HTTPTransportResponse(status: status, body: Data("\"scripted\"".utf8)) }
            return try route(request.method, path, body: request.body ?? Data())
        }
    }

    private func route(_ method: String, _ path: String, body: Data) throws -> HTTPTransportResponse {
        let parts = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        switch (method, parts.dropFirst().first ?? "", parts.count) {
        case ("POST", "Orders", 3) where parts[2] == "Scroll":
            let query = try OmniumJSON.requestDecoder.decode(OmniumOrderSearchRequest.self, from: body)
            let hits = _orders.values.filter { order in
                (query.orderType.map { $0.lowercased() == order.orderType?.lowercased() } ?? true)
                    && (query.modifiedFrom.map { (order.modified ?? .distantPast) >= $0 } ?? true)
            }.sorted { ($0.modified ?? .distantPast, $0.id ?? "") < ($1.modified ?? .distantPast, $1.id ?? "") }
            let items = try hits.map(orderJSON).joined(separator: ",")
            return Self.json(#"{"totalHits":\#(hits.count),"result":[\#(items)]}"#)
        case ("GET", "Orders", 3):
            return try _orders[parts[2]].map { Self.json(try orderJSON($0)) } ?? Self.notFound("Order was not found")
        case ("POST", "PurchaseOrders", 3) where parts[2] == "Scroll":
            let query = try OmniumJSON.requestDecoder.decode(OmniumPurchaseOrderSearchRequest.self, from: body)
            let hits = _purchaseOrders.values.filter { po in
                query.modifiedFrom.map { (po.modified ?? .distantPast) >= $0 } ?? true
            }.sorted { ($0.modified ?? .distantPast, $0.id ?? "") < ($1.modified ?? .distantPast, $1.id ?? "") }
            let items = try hits.map { try recordJSON($0, id: $0.id) }.joined(separator: ",")
            return Self.json(#"{"totalHits":\#(hits.count),"result":[\#(items)]}"#)
        case ("GET", "PurchaseOrders", 3):
            return try _purchaseOrders[parts[2]].map { Self.json(try recordJSON($0, id: $0.id)) }
                ?? Self.notFound("Purchase order was not found")
        case ("GET", "Deliveries", 3):
            return try _deliveries[parts[2]].map(Self.encode) ?? Self.notFound("Delivery was not found")
        case ("GET", "PrivateCustomers", 3):
            return try _privateCustomers[parts[2]].map { Self.json(try recordJSON($0, id: $0.customerId)) }
                ?? Self.notFound("Customer was not found")
        case ("GET", "BusinessCustomers", 3):
            return try _businessCustomers[parts[2]].map(Self.encode) ?? Self.notFound("Customer was not found")
        default:
            return HTTPTransportResponse(status: 404, body: Data("\"no route \(method) \(path)\"".utf8))
        }
    }

    /// An order as sent: its JSON with its foreign members written in.
    private func orderJSON(_ order: OmniumOrder) throws -> String { try recordJSON(order, id: order.id) }

    /// A record as sent: its JSON with the foreign members of its id written in.
    private func recordJSON<T: Encodable>(_ record: T, id: String?) throws -> String {
        let text = String(decoding: try OmniumJSON.encode(record), as: UTF8.self)
        guard let extra = _foreignMembers[id ?? ""] else { return text }
        return "{" + extra + "," + text.dropFirst()
    }

    static func encode<T: Encodable>(_ value: T) throws -> HTTPTransportResponse {
        HTTPTransportResponse(status: 200, headers: ["Content-Type": "application/json"], body: try OmniumJSON.encode(value))
    }

    static func json(_ text: String) -> HTTPTransportResponse {
        HTTPTransportResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    static func notFound(_ message: String) -> HTTPTransportResponse {
        HTTPTransportResponse(status: 404, headers: ["Content-Type": "application/json"], body: Data("\"\(message)\"".utf8))
    }
}

// MARK: - SeedFlowStores

/// Stands in for the stores stages: stages `flow.stores` and writes the batch to the Flow store.
struct SeedFlowStores: Stage {
    let name = "load.test_stores"
    let version = 1
    let inputs: [Dataset] = []
    let outputs: [Dataset] = [.external("flow.stores")]
    let batch: FlowStoresBatch

    /// Stores `oslo` (with warehouse `oslo-lager`) and `bergen`.
    static let standard = FlowStoresBatch(
        organizations: [FlowOrganization(organizationUid: "org", name: "Org AS", vatNumber: nil)],
        stores: [FlowStoreRecord(storeUid: "oslo", name: "Oslo", organizationUid: "org"),
                 FlowStoreRecord(storeUid: "bergen", name: "Bergen", organizationUid: "org")],
        warehouses: [FlowWarehouse(warehouseUid: "oslo-lager", name: "Oslo lager", isWebWarehouse: false, isActive: true)],
        storeWarehouses: [FlowStoreWarehouse(storeUid: "oslo", warehouseUid: "oslo-lager", priority: 1)])

    func run(_ context: StageContext) async throws -> StageOutcome {
        _ = try context.flow.write { db in try StoresTable.save(batch, in: db) }
        return StageOutcome()
    }
}

// MARK: - OrdersHarness

/// A temp folder with a control store, a Flow store, a fixed clock and a client over ``OrdersOmniumFake``.
final class OrdersHarness {
    let folder: URL
    let omnium = OrdersOmniumFake()
    let clock: FixedClock
    let environment: PipelineEnvironment
    var stores = SeedFlowStores.standard

    init(now: Date, configure: (inout OmniflowConfiguration) -> Void = { _ in }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("orders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        clock = FixedClock(now)
        var configuration = OmniflowConfiguration()
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        configure(&configuration)
        let client = OmniumClient(
            configuration: OmniumConfiguration(baseURL: URL(string: "http://127.0.0.1:9")!, clientId: "flow",
                                               clientSecret: "secret", retryPolicy: OmniumRetryPolicy(maxAttempts: 1)),
            transport: omnium)
        environment = PipelineEnvironment(
            configuration: configuration,
            flow: try FlowDatabase(path: folder.appendingPathComponent("flow.db").path),
            control: try ControlStore(root: folder.appendingPathComponent("staging"), clock: clock),
            omnium: client, clock: clock)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var control: ControlStore { environment.control }
    var flow: FlowDatabase { environment.flow }

    /// Runs the stores seed and `stages`; fails the test when a stage fails.
    @discardableResult
    func run(_ stages: [any Stage], file: StaticString = #filePath, line: UInt = #line) async throws -> RunResult {
        let result = try await StageRunner(stages: [SeedFlowStores(batch: stores)] + stages, environment: environment)
            .run(RunRequest())
        for entry in result.manifest.stages where entry.status != .succeeded {
            XCTFail("\(entry.name): \(entry.status) \(entry.error ?? "")", file: file, line: line)
        }
        return result
    }

    func outcome(_ result: RunResult, _ stage: String) -> StageOutcome? {
        result.manifest.entry(named: stage)?.outcome
    }
}

// MARK: - Dates

/// An instant from Oslo local time text `yyyy-MM-dd HH:mm:ss`.
func oslo(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Europe/Oslo")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.date(from: text)!
}

final class OrdersFakeOmniumTests: XCTestCase {
    func testTheFakeFiltersTheDeltaInclusively() async throws {
        let harness = try OrdersHarness(now: oslo("2026-03-02 10:00:00"))
        harness.omnium.put(OmniumOrder(id: "a", orderType: "Online", modified: oslo("2026-03-01 10:00:00")))
        harness.omnium.put(OmniumOrder(id: "b", orderType: "Online", modified: oslo("2026-03-01 11:00:00")))
        var pages: [[OmniumOrder]] = []
        let request = OmniumOrderSearchRequest(modifiedFrom: oslo("2026-03-01 11:00:00"), orderType: "online")
        for try await page in harness.environment.omnium.scrollOrders(request) { pages.append(page.decodedRecords()) }
        XCTAssertEqual(pages.flatMap { $0 }.map(\.id), ["b"])
    }
}
