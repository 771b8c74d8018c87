import FlowStore
import Foundation
import SQLite

// MARK: - PosDaySimulator

/// Writes a realistic, deterministic POS day into the Flow store, through the same write API a POS
/// (or the journal import) uses, for the demo, the tests and the benchmarks: per store, sales with
/// mixed VAT (25/15/12/0 %) and a discount, cash with rounding and change, card, a return of an
/// earlier sale, a return without original, a cancelled sale, a business sale on invoice, a payment
/// receipt; goods receptions on a known purchase order and on a local one; new private and business
/// customers and a changed one; and stock movements of the stores where Flow is stock master.
///
/// The same date and seed give the same day; simulating it again stores nothing new (every write is
/// idempotent on its stable id).
public struct PosDaySimulator: Sendable {
    public struct Options: Sendable {
        /// The business day (midnight in `timeZone`).
        public var date: Date
        public var seed: UInt64 = 1
        /// Stores to simulate; empty = every store in the Flow store.
        public var storeUids: [String] = []
        public var timeZone: TimeZone
        /// Stores where Flow is stock master: their sales move stock and are pushed.
        public var flowMasterStores: Set<String> = []

        public init(date: Date, seed: UInt64 = 1, storeUids: [String] = [], timeZone: TimeZone,
                    flowMasterStores: Set<String> = []) {
            self.date = date
            self.seed = seed
            self.storeUids = storeUids
            self.timeZone = timeZone
            self.flowMasterStores = flowMasterStores
        }
    }

    /// What was written.
    public struct Report: Sendable, Equatable, Codable {
        public var stores = 0
        public var sales = 0
        public var returns = 0
        public var cancellations = 0
        public var paymentReceipts = 0
        public var goodsReceptions = 0
        public var customers = 0
        public var stockMovements = 0
        /// Transactions already stored by an earlier simulation of the same day.
        public var alreadyStored = 0
    }

    /// Why a day cannot be simulated.
    public struct SimulationError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    struct Product { var uid: String; var sku: String; var name: String; var price: Int64 }

    public func run(flow: FlowDatabase) throws -> Report {
        let allStores: [String] = try flow.read { db in
            try db.fetchAll(sql: "SELECT store_uid FROM stores WHERE is_active = 1 ORDER BY store_uid").map { try $0.decode("store_uid") }
        }
        let stores = options.storeUids.isEmpty ? allStores : options.storeUids
        for store in stores where !allStores.contains(store) {
            throw SimulationError(description: "store '\(store)' is not in the Flow store (stores: \(allStores.joined(separator: ", ")))")
        }
        let products: [Product] = try flow.read { db in
            try db.fetchAll(sql: """
                SELECT p.product_uid, p.sku, p.name, max(coalesce(pr.price, p.recommended_retail_price, 0)) AS price
                FROM products p LEFT JOIN prices pr ON pr.product_uid = p.product_uid
                WHERE p.is_active = 1 GROUP BY p.product_uid ORDER BY p.product_uid LIMIT 200
                """).map { row in
                Product(uid: try row.decode("product_uid"), sku: try row.decode("sku"), name: try row.decode("name"),
                        price: try row.decode("price"))
            }
        }
        guard products.count >= 4, !stores.isEmpty else {
            throw SimulationError(description: "the Flow store needs stores and at least 4 products: run the inbound batch first")
        }
        var report = Report()
        var random = SeededRandom(seed: options.seed)
        for (storeIndex, store) in stores.enumerated() {
            report.stores += 1
            try simulate(store: store, storeIndex: storeIndex, products: products, random: &random, flow: flow, report: &report)
        }
        return report
    }

    // MARK: - One store

    private func simulate(store: String, storeIndex: Int, products: [Product], random: inout SeededRandom,
                          flow: FlowDatabase, report: inout Report) throws {
        let register = "\(store)-1"
        let day = dayStamp()
        var voucher = 0
        var minute = 9 * 60 + storeIndex * 7
        func nextTime() -> Date {
            minute += 11 + Int(random.next() % 23)
            return options.date.addingTimeInterval(TimeInterval(minute * 60))
        }
        func pick() -> Product {
            var product = products[Int(random.next() % UInt64(products.count))]
            if product.price <= 0 { product.price = 9_900 }
            return product
        }
        let isFlowMaster = options.flowMasterStores.contains(store)
        var writes = Writes(flow: flow)

        func order(_ type: FlowPosOrderType, _ lines: [(Product, Int64, Int, Int64)], tender: FlowTenderType,
                   customer: String? = nil, original: String? = nil) throws -> FlowPosOrder {
            voucher += 1
            let number = "\(day)-\(String(format: "%03d", voucher))"
            let created = nextTime()
            var orderLines: [FlowPosOrderLine] = []
            for (index, line) in lines.enumerated() {
                let (product, quantity, vatRate, discount) = line
                let gross = product.price * quantity / 100
                let total = gross - discount
                orderLines.append(FlowPosOrderLine(
                    lineNo: index + 1, sku: product.sku, productUid: product.uid, name: product.name, quantity: quantity,
                    unitPrice: product.price, discountAmount: discount, vatRate: vatRate,
                    vatAmount: Self.vat(of: total, rateBasisPoints: vatRate), lineTotal: total,
                    costPrice: product.price * 45 / 100))
            }
            let lineSum = orderLines.reduce(Int64(0)) { $0 + $1.lineTotal }
            // Cash is paid in whole kroner (Norway has no øre coins): the total is rounded, the rest is change.
            let rounding = tender == .cash ? Self.roundToKrone(lineSum) - lineSum : 0
            let total = lineSum + rounding
            var tendered = total
            var change: Int64 = 0
            if tender == .cash, total > 0 {
                tendered = (total / 10_000 + 1) * 10_000   // the next 100-krone note
                change = tendered - total
            }
            return FlowPosOrder(
                orderUid: "POS-\(register)-\(number)", orderNumber: number, type: type, storeUid: store,
                cashRegisterUid: register, employeeUid: "\(store)-staff-\(1 + voucher % 3)", customerUid: customer,
                originalOrderUid: original, createdAt: created, settledAt: created.addingTimeInterval(45),
                orderTotal: total, vatTotal: orderLines.reduce(0) { $0 + $1.vatAmount },
                discountTotal: orderLines.reduce(0) { $0 + $1.discountAmount }, rounding: rounding, changeGiven: change,
                lines: orderLines,
                payments: [FlowPosPayment(paymentNo: 1, tenderType: tender, amount: tendered,
                                          reference: tender == .card ? "**** **** **** \(1000 + voucher)" : nil)])
        }

        // Customers: a new private one, a new business one, and one from Omnium changed at the till.
        let privateCustomer = FlowCustomer(customerUid: "C-\(store)-\(day)", type: .person, firstName: "Kari",
                                           lastName: "Nordmann \(storeIndex + 1)", displayName: "Kari Nordmann \(storeIndex + 1)",
                                           email: "kari.\(store)@example.no", mobile: "+479\(String(format: "%07d", storeIndex * 1000 + 11))",
                                           address: "Storgata \(storeIndex + 1)", postalCode: "0155", city: "Oslo", countryCode: "NO")
        let businessCustomer = FlowCustomer(customerUid: "B-\(store)-\(day)", type: FlowCustomerType(rawValue: "COMPANY"),
                                            displayName: "Fjord Bygg AS", companyName: "Fjord Bygg \(storeIndex + 1) AS",
                                            email: "post@fjordbygg.example.no", mobile: "+4722000\(String(format: "%03d", storeIndex))",
                                            address: "Havnegata 3", postalCode: "5003", city: "Bergen", countryCode: "NO",
                                            vatNumber: "9\(String(format: "%08d", 12_345 + storeIndex))")
        let now = nextTime()
        try flow.write { db in
            if try CustomersTable.saveFromPos(privateCustomer, at: now, in: db) { report.customers += 1 }
            if try CustomersTable.saveFromPos(businessCustomer, at: now, in: db) { report.customers += 1 }
            let existing = try db.fetchOne(sql: """
                SELECT customer_uid FROM customers WHERE external_id IS NOT NULL AND customer_uid NOT LIKE 'C-%'
                AND customer_uid NOT LIKE 'B-%' ORDER BY customer_uid LIMIT 1 OFFSET ?
                """, arguments: [storeIndex])
            if let uid: String = try existing?.decode("customer_uid"), var changed = try CustomersTable.fetch(customerUid: uid, in: db) {
                changed.mobile = "+4741\(String(format: "%06d", Int(day.suffix(4)) ?? 0))"
                if try CustomersTable.saveFromPos(changed, at: now, in: db) { report.customers += 1 }
            }
        }

        // Sales.
        let a = pick(), b = pick(), c = pick(), d = pick()
        let cashSale = try order(.sale, [(a, 200, 2500, a.price * 2 / 10), (b, 100, 1500, 0), (c, 100, 1200, 0)], tender: .cash)
        let cardSale = try order(.sale, [(d, 100, 2500, 0), (b, 300, 0, 0)], tender: .card, customer: privateCustomer.customerUid)
        let businessSale = try order(.sale, [(c, 500, 2500, c.price * 5 / 20)], tender: .invoice,
                                     customer: businessCustomer.customerUid)
        let voided = try order(.sale, [(a, 100, 2500, 0)], tender: .card)
        for sale in [cashSale, cardSale, businessSale, voided] {
            try writes.save(sale, report: &report)
            report.sales += 1
            if isFlowMaster { try writes.movements(for: sale, report: &report) }
        }
        if try flow.write({ try PosOrdersTable.cancel(orderUid: voided.orderUid, at: nextTime(), in: $0) }) {
            report.cancellations += 1
        }

        // A return of one unit of the cash sale's first line, refunded in cash; a return without original, to card.
        let unit = cashSale.lines[0]
        let refundDiscount = unit.discountAmount / 2
        let refund = -(unit.unitPrice - refundDiscount)
        voucher += 1
        let returnNumber = "\(day)-\(String(format: "%03d", voucher))"
        let returnTime = nextTime()
        let returned = FlowPosOrder(
            orderUid: "POS-\(register)-\(returnNumber)", orderNumber: returnNumber, type: .return, storeUid: store,
            cashRegisterUid: register, originalOrderUid: cashSale.orderUid, createdAt: returnTime,
            settledAt: returnTime.addingTimeInterval(30), orderTotal: refund,
            vatTotal: Self.vat(of: refund, rateBasisPoints: unit.vatRate), discountTotal: -refundDiscount,
            lines: [FlowPosOrderLine(lineNo: 1, sku: unit.sku, productUid: unit.productUid, name: unit.name, quantity: -100,
                                     unitPrice: unit.unitPrice, discountAmount: -refundDiscount, vatRate: unit.vatRate,
                                     vatAmount: Self.vat(of: refund, rateBasisPoints: unit.vatRate), lineTotal: refund)],
            payments: [FlowPosPayment(paymentNo: 1, tenderType: .cash, amount: refund)])
        let loose = pick()
        let looseReturn = try order(.return, [(loose, -100, 2500, 0)], tender: .card)
        for order in [returned, looseReturn] {
            try writes.save(order, report: &report)
            report.returns += 1
            if isFlowMaster { try writes.movements(for: order, report: &report) }
        }

        // A payment receipt: the business customer pays part of an open invoice.
        voucher += 1
        let paymentNumber = "\(day)-\(String(format: "%03d", voucher))"
        let paymentTime = nextTime()
        let payment = FlowPosOrder(
            orderUid: "POS-\(register)-\(paymentNumber)", orderNumber: paymentNumber, type: .payment, storeUid: store,
            cashRegisterUid: register, customerUid: businessCustomer.customerUid, originalOrderUid: businessSale.orderUid,
            createdAt: paymentTime, settledAt: paymentTime, orderTotal: 50_000, vatTotal: 0, lines: [],
            payments: [FlowPosPayment(paymentNo: 1, tenderType: .card, amount: 50_000, reference: "**** 4242")])
        try writes.save(payment, report: &report)
        report.paymentReceipts += 1

        // Goods receptions: the first open line of a PO Omnium knows for this store, and a local PO.
        let known = try flow.read { db in
            try db.fetchOne(sql: """
                SELECT l.purchase_order_uid, l.omnium_line_item_id, l.sku, l.quantity_ordered - l.quantity_received AS open
                FROM purchase_order_lines l JOIN purchase_orders p ON p.purchase_order_uid = l.purchase_order_uid
                WHERE (p.warehouse_uid = ?1 OR p.store_uid = ?1)
                  AND coalesce(l.omnium_delivery_id, p.omnium_delivery_id) IS NOT NULL
                  AND l.quantity_ordered > l.quantity_received
                ORDER BY l.purchase_order_uid, l.position LIMIT 1
                """, arguments: [store])
        }
        if let known {
            let open: Int64 = try known.decode("open")
            let reception = FlowGoodsReception(
                receptionUid: "GR-\(store)-\(day)-1", purchaseOrderUid: try known.decode("purchase_order_uid"),
                warehouseUid: store, receivedAt: nextTime(),
                lines: [.init(lineNo: 1, omniumLineItemId: try known.decode("omnium_line_item_id"), sku: try known.decode("sku"),
                              quantity: min(open, 200))])
            if try flow.write({ try GoodsReceptionsTable.save(reception, in: $0) }) { report.goodsReceptions += 1 }
        }
        let local = FlowGoodsReception(
            receptionUid: "GR-\(store)-\(day)-2", purchaseOrderUid: "LOCAL-\(store)-\(day)", warehouseUid: store,
            receivedAt: nextTime(), lines: [.init(lineNo: 1, omniumLineItemId: nil, sku: a.sku, quantity: 1_000),
                                            .init(lineNo: 2, omniumLineItemId: nil, sku: d.sku, quantity: 600)])
        if try flow.write({ try GoodsReceptionsTable.save(local, in: $0) }) { report.goodsReceptions += 1 }
    }

    /// Writes orders and their stock movements, counting what an earlier run already stored.
    private struct Writes {
        var flow: FlowDatabase
        var stored: Set<String> = []

        mutating func save(_ order: FlowPosOrder, report: inout Report) throws {
            switch try flow.write({ try PosOrdersTable.save(order, in: $0) }) {
            case .inserted: stored.insert(order.orderUid)
            case .alreadyStored: report.alreadyStored += 1
            }
        }

        func movements(for order: FlowPosOrder, report: inout Report) throws {
            guard stored.contains(order.orderUid) else { return }
            try flow.write { db in
                for line in order.lines {
                    try StockMovementsTable.apply(FlowStockMovement(
                        warehouseUid: order.storeUid, productUid: line.sku, quantityChange: -line.quantity,
                        reason: order.type == .return ? "RETURN" : "SALE", occurredAt: order.createdAt), in: db)
                    report.stockMovements += 1
                }
            }
        }
    }

    /// VAT contained in a VAT-inclusive amount, øre, half away from zero.
    public static func vat(of total: Int64, rateBasisPoints rate: Int) -> Int64 {
        let numerator = total * Int64(rate)
        let denominator = Int64(10_000 + rate)
        let half = denominator / 2
        return numerator >= 0 ? (numerator + half) / denominator : (numerator - half) / denominator
    }

    /// To whole kroner, half away from zero.
    static func roundToKrone(_ ore: Int64) -> Int64 {
        ore >= 0 ? (ore + 50) / 100 * 100 : (ore - 50) / 100 * 100
    }

    func dayStamp() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = options.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: options.date)
        return String(format: "%04d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// SplitMix64: a small, fast, reproducible generator (the same seed gives the same day everywhere).
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
