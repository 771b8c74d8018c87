@testable import PosImport
import XCTest

/// The reader's one transaction value, filled in place per `cashtransaction`.
final class SaftModelTests: XCTestCase {
    /// `reset` leaves nothing of the last transaction: equal to a new value in every field.
    func testAResetTransactionEqualsANewOne() {
        var used = SaftTransaction(line: 7, registerID: "R0", transID: "1", transType: "CASHSAL", transAmntIn: "1.00",
                                   transAmntEx: "0.80", amntTp: "C", empID: "E", transDate: "2026-12-03", transTime: "10:00:00",
                                   receiptNum: "9", voidTransaction: true, trainingID: true, custSupID: "C", roundingAmnt: "0.01",
                                   lines: [SaftLine(artID: "A1", qnt: "1", discounts: ["0.10"])],
                                   payments: [SaftPayment(paymentType: "CASH", paidAmnt: "1.00", paymentRefID: "x")])
        used.reset(line: 12, registerID: "R1")
        XCTAssertEqual(used, SaftTransaction(line: 12, registerID: "R1"))
    }
}
