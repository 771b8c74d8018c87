import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Pipeline
import Staging
import XCTest
@testable import CLI

/// `omniflow events serve` / `ingest`: the webhook receiver over loopback, and file ingestion.
final class EventReceiverTests: XCTestCase {
    private var receiver: EventsService.Receiver?
    private var control: ControlStore!
    private var url: URL!
    private let secret = "s3cret-ÆØÅ"

    override func setUpWithError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniflow-events-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        var configuration = OmniflowConfiguration()
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        let service = EventsService(configuration: configuration)
        let started = try service.startReceiver(port: 0, header: "X-Omniflow-Secret", secret: secret)
        receiver = started
        control = try service.openControl()
        url = URL(string: "http://127.0.0.1:\(started.port)/")!
    }

    override func tearDown() {
        receiver?.stop()
    }

    static func event(_ id: String, order: String = "ORD-1") -> Data {
        Data("""
            {"id":"\(id)","operationId":110106,"timestamp":"2026-12-04T07:23:07.6380021Z","message":"Order created",\
            "className":"Order","subClassName":"ClickAndCollect","objectId":"\(order)","category":"Created",\
            "market":"NOR","storeId":"oslo","status":"New"}
            """.utf8)
    }

    private func post(_ body: Data, secret: String? = nil) async throws -> Int {
        try await Self.post(body, url: url, secret: secret ?? self.secret)
    }

    private static func post(_ body: Data, url: URL, secret: String) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(secret, forHTTPHeaderField: "X-Omniflow-Secret")
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    private func storedIds() throws -> [String] {
        try control.pendingInboxEvents(limit: 10_000).map(\.id).sorted()
    }

    func testAnEventPostedTwiceIsStoredOnce() async throws {
        let first = try await post(Self.event("e-1"))
        let second = try await post(Self.event("e-1"))
        XCTAssertEqual([first, second], [200, 200])
        XCTAssertEqual(try storedIds(), ["e-1"])
        let stored = try XCTUnwrap(try control.inboxEvent(id: "e-1"))
        XCTAssertEqual(stored.objectId, "ORD-1")
        XCTAssertEqual(stored.className, "Order")
        XCTAssertEqual(stored.subClassName, "ClickAndCollect")
    }

    func testMalformedEventsAre400AndNothingIsStored() async throws {
        let notJSON = try await post(Data("{not json".utf8))
        let array = try await post(Data("[1,2]".utf8))
        let noIds = try await post(Data(#"{"className":"Order","message":"no ids"}"#.utf8))
        let badType = try await post(Data(#"{"id":"x","className":"Order","operationId":"many"}"#.utf8))
        XCTAssertEqual([notJSON, array, noIds, badType], [400, 400, 400, 400])
        XCTAssertEqual(try storedIds(), [])
    }

    func testAWrongOrMissingSecretIs401AndNothingIsStored() async throws {
        let wrong = try await post(Self.event("e-2"), secret: "s3cret-ÆØ")
        let longer = try await post(Self.event("e-3"), secret: secret + "x")
        let empty = try await post(Self.event("e-4"), secret: "")
        XCTAssertEqual([wrong, longer, empty], [401, 401, 401])
        XCTAssertEqual(try storedIds(), [])
        XCTAssertFalse(EventReceiver.constantTimeEquals([], []), "an empty configured secret never matches")
    }

    func testTwoHundredConcurrentPostsAreAllStored() async throws {
        let url: URL = self.url
        let secret = self.secret
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask { try await Self.post(Self.event("c-\(index)", order: "ORD-\(index)"), url: url, secret: secret) }
            }
            var all: [Int] = []
            for try await status in group { all.append(status) }
            return all
        }
        XCTAssertEqual(statuses.filter { $0 == 200 }.count, 200)
        XCTAssertEqual(try storedIds().count, 200)
    }

    func testIngestStoresAFileOfEventsAndNamesTheMalformedLine() throws {
        let lines = [String(decoding: Self.event("f-1"), as: UTF8.self), "{broken",
                     String(decoding: Self.event("f-2"), as: UTF8.self), String(decoding: Self.event("f-1"), as: UTF8.self)]
        let report = try OmniumEventIntake.ingest(Data(lines.joined(separator: "\n").utf8), control: control, at: Date())
        XCTAssertEqual(report.stored, 2)
        XCTAssertEqual(report.duplicates, 1)
        XCTAssertEqual(report.malformed, ["line 2: the body is not a JSON object"])
        XCTAssertEqual(try storedIds(), ["f-1", "f-2"])
    }
}
