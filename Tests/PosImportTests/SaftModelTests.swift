import FlowMapping
import FlowStore
import Foundation
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

    /// A transaction of `register` of one 100,00 kr line paid in `tender`, of type `type`.
    func transaction(_ register: String, _ transID: String, type: String = "CASHSAL", tender: String = "CASH") -> SaftTransaction {
        SaftTransaction(line: 1, registerID: register, transID: transID, transType: type, transAmntIn: "100.00", amntTp: "C",
                        transDate: "2026-12-03", transTime: "10:00:00",
                        lines: [SaftLine(artID: "A1", qnt: "1", lineAmntIn: "100.00", vatCode: "3", vatPerc: "25.00", vatAmnt: "20.00")],
                        payments: [SaftPayment(paymentType: tender, paidAmnt: "100.00")])
    }

    func mapping() -> SaftMapping {
        var master = SaftMasterData()
        master.companyIdent = "999999999"
        master.basics = ["11/CASHSAL": "11001", "11/BUY": "11003", "12/CASH": "12001", "12/KORT": "12002"]
        return SaftMapping(master: master, storeUid: "shop", timeZone: TimeZone(identifier: "Europe/Oslo")!, knownSkus: [],
                           createUnknownArticles: true)
    }

    /// The register's keys, carried from one transaction to the next by an import, are made again when
    /// the register changes: every order gets the uid, file key and register of a mapping without them.
    func testKeysCarriedAcrossTransactionsFollowTheRegister() throws {
        let mapping = mapping()
        var keys = SaftMapping.RegisterKeys()
        var batch: [FlowPosOrder] = []
        for (register, transID) in [("R1", "1"), ("R1", "2"), ("Kasse 2", "1"), ("R1", "3")] {
            let count = batch.count
            guard case .appended = mapping.map(transaction(register, transID), keys: &keys, into: &batch),
                  batch.count == count + 1, let carried = batch.last,
                  case .order(let alone) = mapping.map(transaction(register, transID)) else {
                return XCTFail("\(register)/\(transID) did not map to an order")
            }
            XCTAssertEqual(carried, alone)
            XCTAssertEqual(carried.sourceKey, "saft:999999999:\(register):\(transID)")
            XCTAssertEqual(carried.cashRegisterUid, FlowUID.sanitize(register))
            XCTAssertEqual(carried.orderUid, "SAFT-\(carried.cashRegisterUid)-\(transID)")
        }
    }

    /// A transaction that is skipped or broken appends nothing to the batch.
    func testOnlyOrdersAreAppendedToTheBatch() {
        let mapping = mapping()
        var keys = SaftMapping.RegisterKeys()
        var batch: [FlowPosOrder] = []
        var broken = transaction("R1", "2")
        broken.lines[0].lineAmntIn = "90.00"
        guard case .skipped("purchase") = mapping.map(transaction("R1", "1", type: "BUY"), keys: &keys, into: &batch),
              case .broken(let reason) = mapping.map(broken, keys: &keys, into: &batch),
              case .appended = mapping.map(transaction("R1", "3"), keys: &keys, into: &batch) else {
            return XCTFail("unexpected outcomes")
        }
        XCTAssertTrue(reason.contains("the lines add up to 9000 øre"), reason)
        XCTAssertEqual(batch.map(\.orderNumber), ["3"])
    }

    /// Transaction and payment types through the file's basics, or as predefined codes themselves when
    /// the basics do not list them, as before they were classified once per file.
    func testTypesAreClassifiedThroughTheBasicsOrAsCodes() {
        let mapping = mapping()
        func outcome(_ type: String) -> String {
            switch mapping.map(transaction("R1", "1", type: type)) {
            case .order(let order): return "order \(order.type.rawValue)"
            case .skipped(let why): return "skipped \(why)"
            case .broken(let reason): return "broken \(reason)"
            }
        }
        XCTAssertEqual(outcome("CASHSAL"), "order SALE")
        XCTAssertEqual(outcome("11001"), "order SALE")
        XCTAssertEqual(outcome("BUY"), "skipped purchase")
        XCTAssertEqual(outcome("11007"), "skipped cash declaration")
        XCTAssertEqual(outcome("SALG"), "broken transType 'SALG' is not in the file's basics (type 11)")
        XCTAssertEqual(outcome("11077"), "broken transType '11077' (11077) is not in code list PredefinedBasicID-11")
        XCTAssertEqual(mapping.tender("CASH"), .cash)
        XCTAssertEqual(mapping.tender("KORT"), .card)
        XCTAssertEqual(mapping.tender("DEBCARD"), .card)
        XCTAssertEqual(mapping.tender("12005"), .giftCard)
        XCTAssertEqual(mapping.tender("VIPPS"), .other)
        XCTAssertEqual(mapping.tender(nil), .other)
    }
}
