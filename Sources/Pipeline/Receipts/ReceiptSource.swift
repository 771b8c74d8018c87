import FlowMapping
import FlowStore
import Foundation
import Omnium
import Receipts
import SQLite

// MARK: - ReceiptSource

/// Builds the ``ReceiptDocument`` of a settled POS order from the Flow store: the order, its store and
/// the store's organisation (seller name, organisation number).
public enum ReceiptSource {
    /// Why a receipt cannot be made.
    public struct MissingReceipt: Error, Sendable, CustomStringConvertible, OutboundMappingFailure {
        public var description: String
    }

    public static func document(orderUid: String, copy: Bool = false, in db: Database) throws -> ReceiptDocument {
        guard let order = try PosOrdersTable.fetch(orderUid: orderUid, in: db) else {
            throw MissingReceipt(description: "no POS order '\(orderUid)' in the Flow store")
        }
        guard order.settledAt != nil else {
            throw MissingReceipt(description: "POS order '\(orderUid)' is not settled: it has no receipt yet")
        }
        let store = try db.fetchOne(sql: """
            SELECT s.name, s.address, s.postal_code, s.city, o.name AS organization, o.vat_number
            FROM stores s LEFT JOIN organizations o ON o.organization_uid = s.organization_uid WHERE s.store_uid = ?
            """, arguments: [order.storeUid])
        let storeName: String = try store?.decode("name") ?? order.storeUid
        let seller = ReceiptDocument.Seller(
            name: try store?.decodeIfPresent("organization") ?? storeName,
            organisationNumber: try store?.decodeIfPresent("vat_number"), storeName: storeName,
            address: try store?.decodeIfPresent("address"), postalCode: try store?.decodeIfPresent("postal_code"),
            city: try store?.decodeIfPresent("city"))
        let original = try order.originalOrderUid.flatMap { try PosOrdersTable.fetch(orderUid: $0, in: db) }
        return ReceiptDocument(
            kind: order.type.rawValue, receiptNumber: order.orderNumber, cashRegister: order.cashRegisterUid,
            employee: order.employeeUid, customer: order.customerUid, originalReceipt: original?.orderNumber,
            createdAt: order.settledAt ?? order.createdAt, currency: order.currency, seller: seller,
            lines: order.lines.map { line in
                ReceiptDocument.Line(name: line.name, sku: line.sku, quantity: line.quantity, unitPrice: line.unitPrice,
                                     discount: line.discountAmount, vatRate: line.vatRate, amount: line.lineTotal)
            },
            payments: order.payments.map { ReceiptDocument.Payment(method: methodName($0.tenderType), amount: $0.amount,
                                                                    reference: $0.reference) },
            total: order.orderTotal, vatTotal: order.vatTotal, discountTotal: order.discountTotal,
            rounding: order.rounding, change: order.changeGiven, isCopy: copy)
    }

    /// Tender names as a Norwegian receipt prints them.
    static func methodName(_ tender: FlowTenderType) -> String {
        switch tender {
        case .cash: return "Kontant"
        case .card: return "Kort"
        case .voucher: return "Tilgodelapp"
        case .giftCard: return "Gavekort"
        case .mobile: return "Mobil"
        case .invoice: return "Faktura"
        case .other: return "Annet"
        }
    }
}
