import FlowMapping
import FlowStore
import Foundation
import Omnium
import XCTest

/// The POS order body written as bytes (`OutboundOrderMapping.posOrderJSON`) is exactly what
/// `OmniumJSON.encode(OutboundOrderMapping.posOrder(…))` writes, for orders with every optional member set
/// and unset, awkward texts, negative and fractional amounts, change given and several payments.
final class OutboundOrderJSONTests: XCTestCase {
    private static let texts = [
        "SKU-1", "a/b", "quote \" back \\ slash", "tab\tline\n", "\u{01}\u{1F}", "æøå", "日本 🙂", "", "</x>",
    ]

    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private func order(_ g: inout Generator, index: Int) -> FlowPosOrder {
        func text() -> String { Self.texts.randomElement(using: &g)! + (Bool.random(using: &g) ? "\(index)" : "") }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &g) ? value() : nil }
        func money() -> Int64 { Int64.random(in: -250_000...250_000, using: &g) }
        let lines = (0..<Int.random(in: 0...4, using: &g)).map { number in
            FlowPosOrderLine(lineNo: number + 1, sku: text(), productUid: maybe(text()), name: text(),
                             quantity: Int64.random(in: -1_000...1_000, using: &g), unitPrice: money(),
                             discountAmount: [0, 1, 5, 10, 1_990, -3].randomElement(using: &g)!,
                             vatRate: [2_500, 1_500, 1_200, 0, 1_250, 7].randomElement(using: &g)!,
                             vatAmount: money(), lineTotal: money(), costPrice: maybe(money()))
        }
        let tenders = FlowTenderType.allCases
        let payments = (0..<Int.random(in: 0...3, using: &g)).map { number in
            FlowPosPayment(paymentNo: number + 1, tenderType: tenders.randomElement(using: &g)!, amount: money(),
                           reference: maybe(text()))
        }
        let created = Date(timeIntervalSince1970: Double(Int64.random(in: 1_700_000_000_000...1_900_000_000_000, using: &g)) / 1_000)
        return FlowPosOrder(
            orderUid: "POS-\(index)-" + text(), orderNumber: text(), type: FlowPosOrderType.allCases.randomElement(using: &g)!,
            storeUid: text(), cashRegisterUid: text(), employeeUid: maybe(text()), customerUid: maybe(text()),
            originalOrderUid: maybe(text()), currency: ["NOK", "SEK", "EUR"].randomElement(using: &g)!, createdAt: created,
            settledAt: maybe(created.addingTimeInterval(Double.random(in: 0...600, using: &g))), orderTotal: money(),
            vatTotal: money(), changeGiven: [0, 0, 50, 7_100, 1_000_000].randomElement(using: &g)!, source: "TEST",
            lines: lines, payments: payments)
    }

    func testTheBytesAreTheEncodedModelForGeneratedOrders() throws {
        var g = Generator(state: 11)
        for index in 0..<600 {
            let order = order(&g, index: index)
            let marketId = Bool.random(using: &g) ? Self.texts.randomElement(using: &g)! : nil
            let settings = OutboundSettings(defaultShippingMethodID: Bool.random(using: &g) ? "ship \"1\"" : nil,
                                            propertyPrefix: ["flow", "x\\y", ""].randomElement(using: &g)!)
            let expected = try OmniumJSON.encode(OutboundOrderMapping.posOrder(order, marketId: marketId, settings: settings))
            let written = OutboundOrderMapping.posOrderJSON(order, marketId: marketId, settings: settings)
            XCTAssertEqual(String(decoding: written, as: UTF8.self), String(decoding: expected, as: UTF8.self), "order \(index)")
            if written != expected { return }
        }
    }

    func testTheBenchmarkOrderShapeToo() throws {
        let total: Int64 = 2 * 19_990 + 4_990
        let order = FlowPosOrder(
            orderUid: "BENCH-1", orderNumber: "1", type: .sale, storeUid: "wh", cashRegisterUid: "wh-1",
            createdAt: Date(timeIntervalSince1970: 1_796_000_000), settledAt: Date(timeIntervalSince1970: 1_796_000_000),
            orderTotal: total, vatTotal: 8_994, source: "BENCH", lines: [
                FlowPosOrderLine(lineNo: 1, sku: "SKU-1", name: "Genser", quantity: 200, unitPrice: 19_990, vatRate: 2_500,
                                 vatAmount: 7_996, lineTotal: 39_980),
                FlowPosOrderLine(lineNo: 2, sku: "SKU-2", name: "Kaffe", quantity: 100, unitPrice: 4_990, vatRate: 2_500,
                                 vatAmount: 998, lineTotal: 4_990),
            ], payments: [FlowPosPayment(paymentNo: 1, tenderType: .card, amount: total, reference: "**** 4242")])
        let settings = OutboundSettings(defaultShippingMethodID: "standard")
        XCTAssertEqual(String(decoding: OutboundOrderMapping.posOrderJSON(order, marketId: "NOR", settings: settings), as: UTF8.self),
                       String(decoding: try OmniumJSON.encode(OutboundOrderMapping.posOrder(order, marketId: "NOR", settings: settings)),
                              as: UTF8.self))
    }
}
