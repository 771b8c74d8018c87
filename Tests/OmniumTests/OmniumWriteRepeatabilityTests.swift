import Foundation
import XCTest
@testable import Omnium

/// Writes whose repeat would create a second object are never sent twice; a hostile
/// `Retry-After` never traps the client.
final class OmniumWriteRepeatabilityTests: XCTestCase {
    private let lostThenOK: [Step] = [.failure(.networkConnectionLost), .status(200, #"{"id":"X"}"#)]

    // MARK: - Returns

    func testReturnWithoutRmaNumberIsNeverRepeated() async throws {
        let transport = ScriptedTransport(steps: lostThenOK)
        let client = makeClient(transport)
        let error = await assertOmniumError {
            try await client.createReturn(orderId: "W1", OmniumReturnRequestModel(storeId: "oslo"))
        }
        XCTAssertEqual(error?.kind, .connection)
        XCTAssertEqual(transport.apiRequests.count, 1)
    }

    func testReturnWithRmaNumberIsRepeatedAfterALostAnswer() async throws {
        let transport = ScriptedTransport(steps: lostThenOK)
        let client = makeClient(transport)
        _ = try await client.createReturn(orderId: "W1", OmniumReturnRequestModel(storeId: "oslo", rmaNumber: "R-1"))
        XCTAssertEqual(transport.apiRequests.count, 2)
    }

    // MARK: - Goods reception

    func testGoodsReceptionWithoutReceptionIdIsNeverRepeated() async throws {
        let transport = ScriptedTransport(steps: lostThenOK)
        let client = makeClient(transport)
        let error = await assertOmniumError {
            try await client.processGoodsReception(deliveryId: "D1", lines: [
                OmniumGoodsReceptionLine(lineItemId: "L1", deliveredQuantity: 6, warehouseCode: "oslo",
                                         goodsReceptionId: "GR-1"),
                OmniumGoodsReceptionLine(lineItemId: "L2", deliveredQuantity: 1, warehouseCode: "oslo"),
            ])
        }
        XCTAssertEqual(error?.kind, .connection)
        XCTAssertEqual(transport.apiRequests.count, 1)
    }

    func testGoodsReceptionWithReceptionIdsIsRepeatedAfterALostAnswer() async throws {
        let transport = ScriptedTransport(steps: lostThenOK)
        let client = makeClient(transport)
        try await client.processGoodsReception(deliveryId: "D1", lines: [
            OmniumGoodsReceptionLine(lineItemId: "L1", deliveredQuantity: 6, warehouseCode: "oslo",
                                     goodsReceptionId: "GR-1"),
        ])
        XCTAssertEqual(transport.apiRequests.count, 2)
    }

    // MARK: - Invoices

    func testInvoiceWithoutIdIsNeverRepeated() async throws {
        let transport = ScriptedTransport(steps: lostThenOK)
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.updateInvoice(OmniumInvoice(orderId: "W1")) }
        XCTAssertEqual(error?.kind, .connection)
        XCTAssertEqual(transport.apiRequests.count, 1)
    }

    func testInvoiceWithIdIsRepeatedAfterALostAnswer() async throws {
        let transport = ScriptedTransport(steps: lostThenOK)
        let client = makeClient(transport)
        _ = try await client.updateInvoice(OmniumInvoice(id: "INV-1"))
        XCTAssertEqual(transport.apiRequests.count, 2)
    }

    // MARK: - Retry-After

    func testHugeRetryAfterFailsAsRateLimitedInsteadOfTrapping() async throws {
        let transport = ScriptedTransport(steps: [.status(429, "", headers: ["Retry-After": "1e300"]),
                                                  .status(200, #"{"id":"X"}"#)])
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.send(.get("/api/Stores/X"), as: TestItem.self) }
        XCTAssertEqual(error?.kind, .rateLimited)
        XCTAssertEqual(transport.apiRequests.count, 1)
    }

    func testNonFiniteRetryAfterIsIgnoredAndBacksOff() async throws {
        let transport = ScriptedTransport(steps: [.status(429, "", headers: ["Retry-After": "infinity"]),
                                                  .status(200, #"{"id":"X"}"#)])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        _ = try await client.send(.get("/api/Stores/X"), as: TestItem.self)
        XCTAssertEqual(clock.recordedSleeps, [.seconds(1)])
    }
}
