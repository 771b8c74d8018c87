import Foundation
import Omnium
@testable import OmniumSandbox
import XCTest

/// Customer and invoice writes.
final class SandboxCustomerInvoiceWritesTests: XCTestCase {
    private final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    private let clock = Clock()
    private lazy var state = SandboxState(options: SandboxDataOptions(seed: 2, scale: .tiny)) { [clock] in clock.now }

    func testPrivateCustomerCreateUpdateAndUpsert() throws {
        let created = try state.writePrivateCustomers(
            [OmniumPrivateCustomer(customerId: "FLOW-C1", firstName: "Åse", lastName: "Ølstad", fullName: "x", created: Date(timeIntervalSince1970: 1_600_000_000))],
            mode: .create)[0]
        XCTAssertEqual(created.fullName, "Åse Ølstad")
        XCTAssertEqual(created.created, Date(timeIntervalSince1970: 1_600_000_000), "supplied created kept")
        XCTAssertEqual(created.modified, clock.now)
        XCTAssertThrowsError(try state.writePrivateCustomers([created], mode: .create)) { XCTAssertEqual(($0 as? SandboxWriteError)?.status, 409) }
        XCTAssertThrowsError(try state.writePrivateCustomers([OmniumPrivateCustomer(customerId: "nobody")], mode: .update)) {
            XCTAssertEqual(($0 as? SandboxWriteError)?.status, 404)
        }
        clock.now += 60
        let updated = try state.writePrivateCustomers([OmniumPrivateCustomer(customerId: "FLOW-C1", firstName: "Åse", lastName: "Berg")], mode: .update)[0]
        XCTAssertEqual(updated.created, created.created)
        XCTAssertEqual(updated.fullName, "Åse Berg")
        XCTAssertGreaterThan(updated.modified!, created.modified!)
        clock.now += 60
        let same = try state.writePrivateCustomers([OmniumPrivateCustomer(customerId: "FLOW-C1", firstName: "Åse", lastName: "Berg")], mode: .upsert)[0]
        XCTAssertEqual(same.modified, updated.modified, "unchanged upsert keeps modified")
        XCTAssertThrowsError(try state.writePrivateCustomers((0...100).map { OmniumPrivateCustomer(customerId: "B\($0)") }, mode: .upsert))
        XCTAssertThrowsError(try state.writePrivateCustomers([OmniumPrivateCustomer(customerId: "")], mode: .upsert))
        XCTAssertNil(state.privateCustomer(id: "B0"))
    }

    func testBusinessCustomerUpsert() throws {
        let stored = try state.writeBusinessCustomers([OmniumBusinessCustomer(customerId: "FLOW-B1", name: "Fjellsport AS", taxId: "923456783")], mode: .upsert)
        XCTAssertEqual(state.businessCustomer(id: "FLOW-B1"), stored[0])
        let found = try state.businessCustomers(matching: OmniumCustomerSearchRequest(modifiedFrom: clock.now))
        XCTAssertEqual(found.all.map(\.customerId), ["FLOW-B1"])
    }

    func testInvoiceUpsertAndFile() throws {
        let invoice = state.updateInvoice(OmniumInvoice(id: "R-1", invoiceNumber: "1001", orderId: "FLOW-700", amount: Decimal(string: "199.50")))
        XCTAssertEqual(invoice.created, clock.now)
        XCTAssertThrowsError(try state.addFileToInvoice(invoiceId: "R-1", fileName: nil, bytes: Data("%PDF".utf8)))
        XCTAssertThrowsError(try state.addFileToInvoice(invoiceId: "R-1", fileName: "r.pdf", bytes: Data()))
        XCTAssertThrowsError(try state.addFileToInvoice(invoiceId: "nope", fileName: "r.pdf", bytes: Data("%PDF".utf8))) {
            XCTAssertEqual(($0 as? SandboxWriteError)?.status, 404)
        }
        let withFile = try state.addFileToInvoice(invoiceId: "R-1", fileName: "r.pdf", bytes: Data("%PDF-1".utf8))
        _ = try state.addFileToInvoice(invoiceId: "R-1", fileName: "r.pdf", bytes: Data("%PDF-2".utf8))
        XCTAssertEqual(state.invoice(id: "R-1")?.assets?.count, 1, "re-upload replaces")
        XCTAssertEqual(state.invoiceFile(id: "R-1")?.bytes, Data("%PDF-2".utf8))
        XCTAssertNotNil(withFile.url)
        clock.now += 60
        let replaced = state.updateInvoice(OmniumInvoice(id: "R-1", invoiceNumber: "1001", orderId: "FLOW-700", amount: Decimal(string: "199.50"), amountOutstanding: 0))
        XCTAssertEqual(replaced.url, withFile.url, "omitted url kept")
        XCTAssertEqual(replaced.assets?.count, 1, "omitted assets kept")
        XCTAssertEqual(replaced.created, invoice.created)
        XCTAssertEqual(state.invoices(orderId: "FLOW-700", isPaid: true).map(\.id), ["R-1"])
        XCTAssertNotNil(state.updateInvoice(OmniumInvoice(amount: 1)).id, "missing id gets a GUID")
    }
}
