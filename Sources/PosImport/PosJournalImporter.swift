import FlowMapping
import FlowStore
import Foundation
import SQLite

// MARK: - PosJournalImporter

/// Imports a POS journal file into the Flow store's POS tables: Norwegian SAF-T Cash Register XML or
/// omniflow's JSON Lines (docs/mapping-saft.md), told apart by their first character.
///
/// Guarantees: the file is read once; a file that is not usable (not XML, wrong namespace, truncated, a
/// DTD) ends the import with an error naming the element and line, and what it leaves behind is only
/// whole transactions of batches written before the error, each under its file key; each transaction is
/// written whole or not at all; a broken transaction is quarantined with its reason and line, the rest
/// imports; importing the same file again stores nothing new (each order keeps the file's key). After a SAF-T import, its Z reports are compared per VAT code and payment type.
public struct PosJournalImporter: Sendable {
    public struct Options: Sendable {
        /// The Flow store the file's location is; nil = match the location's name to a Flow store.
        public var storeUid: String?
        public var createUnknownArticles = false
        public var timeZone: TimeZone

        public init(storeUid: String? = nil, createUnknownArticles: Bool = false, timeZone: TimeZone) {
            self.storeUid = storeUid
            self.createUnknownArticles = createUnknownArticles
            self.timeZone = timeZone
        }
    }

    /// A transaction that was not imported, with why and where.
    public struct Issue: Sendable, Codable, Equatable {
        public var key: String
        public var line: Int
        public var reason: String
    }

    /// One compared figure of a Z report.
    public struct Reconciliation: Sendable, Codable, Equatable {
        public var register: String
        public var date: String
        /// `vat <code> sale`, `vat <code> vat`, `payment <type>`, `total cash sale`.
        public var key: String
        /// Øre, as the Z report says.
        public var expected: Int64
        /// Øre, as the file's transactions add up.
        public var actual: Int64
        public var matches: Bool { expected == actual }
    }

    public struct Report: Sendable, Codable, Equatable {
        public var file: String
        public var format: String
        public var transactions = 0
        public var imported = 0
        public var alreadyStored = 0
        public var skipped: [String: Int] = [:]
        public var issues: [Issue] = []
        public var reconciliation: [Reconciliation] = []
        public var mismatches: [Reconciliation] { reconciliation.filter { !$0.matches } }
    }

    public var options: Options
    /// Orders written per SQLite transaction; also how many transactions before a file-level error may
    /// be lost from that import (they are written when the mended file is imported again).
    public var batchSize = 1_000

    public init(options: Options) {
        self.options = options
    }

    public func importFile(_ url: URL, into flow: FlowDatabase) throws -> Report {
        guard let first = try Self.firstCharacter(url) else {
            throw SaftFileError(element: "file", line: 0, reason: "\(url.lastPathComponent) is empty")
        }
        switch first {
        case "<": return try importSaft(url, into: flow)
        case "{": return try importJSONLines(url, into: flow)
        default:
            throw SaftFileError(element: "file", line: 1,
                                reason: "\(url.lastPathComponent) is neither SAF-T Cash Register XML nor JSON Lines (starts with '\(first)')")
        }
    }

    // MARK: - SAF-T

    func importSaft(_ url: URL, into flow: FlowDatabase) throws -> Report {
        // Foreign keys are not checked in the batches (`insertAll` writes an order's lines and payments
        // only after that order's own INSERT: FlowDatabase.writeCheckingNoForeignKeys says why); they are
        // switched off once for the whole file, not per batch (FlowDatabase.withForeignKeyChecksOff says why).
        try flow.withForeignKeyChecksOff { unchecked in try importSaft(url, into: flow, unchecked) }
    }

    private func importSaft(_ url: URL, into flow: FlowDatabase, _ unchecked: FlowDatabase.UncheckedWrites) throws -> Report {
        // One pass over the file: each transaction is mapped as it closes and written in batches (docs/
        // mapping-saft.md "Guarantees"). The master data (company, basics, articles, the location's name)
        // precede the transactions in a SAF-T file, so the mapping is made when the first one arrives.
        let skus: Set<String> = try flow.read { db in
            Set(try db.fetchAll(sql: "SELECT sku FROM products").map { try $0.decode("sku") as String })
        }
        let reader = SaftReader(url: url)
        // In a class, so mapping a transaction reads it in place (an optional struct was copied per call).
        final class MappingBox {
            let mapping: SaftMapping
            /// The current register's keys, carried from one transaction to the next.
            var keys = SaftMapping.RegisterKeys()
            init(_ mapping: SaftMapping) { self.mapping = mapping }
            // A method, so the mapping is read where it is (`box!.mapping.map` still copied it per call).
            func map(_ transaction: SaftTransaction, into orders: inout [FlowPosOrder]) -> SaftMapping.Outcome {
                mapping.map(transaction, keys: &keys, into: &orders)
            }
        }
        var mapping: MappingBox?
        func makeMapping(line: Int) throws -> MappingBox {
            // Refused before anything of the file is written, as when these elements are missing altogether.
            guard reader.sawCompany else { throw SaftFileError(element: "company", line: line, reason: "required element missing") }
            guard reader.sawLocation else { throw SaftFileError(element: "location", line: line, reason: "required element missing") }
            return MappingBox(SaftMapping(master: reader.master, storeUid: try storeUid(for: reader.master, flow: flow),
                                          timeZone: options.timeZone, knownSkus: skus,
                                          createUnknownArticles: options.createUnknownArticles))
        }
        var report = Report(file: url.lastPathComponent, format: "SAF-T Cash Register")
        var totals = ZReportTotals()
        var zReports: [SaftZReport] = []

        // Orders are written in batches of `batchSize`, one SQLite transaction per batch
        // (`PosOrdersTable.insertAll`: no savepoint per order, multi-row inserts). When an order of the
        // batch fails, the whole batch is rolled back and written again one savepoint per order
        // (`PosOrdersTable.save`): the failing order rolls back alone and is quarantined, the batch's
        // others commit. Totals count only what committed. A file-level error (truncated, invalid UTF-8,
        // …) ends the read: the batch still pending is dropped, batches written before it stay (each
        // order whole, under its file key: importing the mended file again adds only the rest).
        // The batch's orders (they go to `insertAll` as they are, no copy) and beside each what the totals
        // and a quarantine entry need of its transaction (its lines' VAT codes and payments' types in
        // `pendingCodes`): no copy of the transaction is kept, so the reader reuses its arrays.
        var pending: [FlowPosOrder] = []
        var pendingSources: [ZReportTotals.Source] = []
        var pendingCodes: [String] = []
        pending.reserveCapacity(batchSize)
        pendingSources.reserveCapacity(batchSize)
        func flush() throws {
            guard !pending.isEmpty else { return }
            defer {
                pending.removeAll(keepingCapacity: true)
                pendingSources.removeAll(keepingCapacity: true)
                pendingCodes.removeAll(keepingCapacity: true)
            }
            let fast: [PosOrdersTable.SaveOutcome]? = try? unchecked.write { db in
                try PosOrdersTable.insertAll(pending, in: db)
            }
            if let fast {
                // The batch read where it is (`pending[index]` copied each order, retaining its strings and arrays).
                pending.withUnsafeBufferPointer { orders in
                    pendingSources.withUnsafeBufferPointer { sources in
                        pendingCodes.withUnsafeBufferPointer { codes in
                            for index in fast.indices {
                                switch fast[index] {
                                case .inserted: report.imported += 1
                                case .alreadyStored: report.alreadyStored += 1
                                }
                                totals.add(sources[index], codes: codes, order: orders[index])
                            }
                        }
                    }
                }
                return
            }
            try unchecked.writeChecked { db in
                for (order, source) in zip(pending, pendingSources) {
                    do {
                        switch try PosOrdersTable.save(order, in: db) {
                        case .inserted: report.imported += 1
                        case .alreadyStored: report.alreadyStored += 1
                        }
                        pendingCodes.withUnsafeBufferPointer { totals.add(source, codes: $0, order: order) }
                    } catch {
                        report.issues.append(Issue(key: "\(source.register)/\(source.transID ?? "?")",
                                                   line: source.line, reason: "\(error)"))
                    }
                }
            }
        }
        try reader.read(transaction: { transaction in
            report.transactions += 1
            if mapping == nil { mapping = try makeMapping(line: transaction.line) }
            switch mapping!.map(transaction, into: &pending) {
            case .appended:
                pendingSources.append(ZReportTotals.Source(transaction, codes: &pendingCodes))
                if pending.count >= batchSize { try flush() }
            case .skipped(let why):
                report.skipped[why, default: 0] += 1
            case .broken(let reason):
                report.issues.append(Issue(key: "\(transaction.registerID)/\(transaction.transID ?? "?")",
                                           line: transaction.line, reason: reason))
            }
        }, zReport: { zReports.append($0) })
        // A file without transactions is still refused when its location matches no Flow store.
        if mapping == nil { mapping = try makeMapping(line: 0) }
        try flush()

        for z in zReports {
            let day = totals.day(register: z.registerID, date: z.reportDate ?? "")
            func compare(_ key: String, _ text: String?, _ actual: Int64?) {
                guard let expected = SaftAmount.hundredths(text) else { return }
                report.reconciliation.append(Reconciliation(register: z.registerID, date: z.reportDate ?? "", key: key,
                                                            expected: expected, actual: actual ?? 0))
            }
            compare("total cash sale", z.totalCashSale, day?.totalCashSale)
            for vat in z.vat {
                compare("vat \(vat.code) sale", vat.sale, day?.vatSale[vat.code])
                compare("vat \(vat.code) vat", vat.vat, day?.vatAmount[vat.code])
            }
            for payment in z.payments { compare("payment \(payment.type)", payment.amount, day?.payments[payment.type]) }
        }
        return report
    }

    /// What the file's committed transactions add up to per register and day, in the figures a Z report
    /// states. A class per day, found again by its key (the last one is kept at hand: files run in
    /// order), so adding a transaction builds no key strings.
    struct ZReportTotals {
        final class Day {
            var totalCashSale: Int64 = 0
            /// By the lines' `vatCode` ("?" when a line has none).
            var vatSale = Sums()
            var vatAmount = Sums()
            /// By the payments' `paymentType` ("?" when none).
            var payments = Sums()
        }

        /// Øre by code, for the handful of codes a file uses: found by a look along the codes, not by
        /// hashing the code per line and payment as a dictionary did.
        struct Sums {
            private var codes: [String] = []
            private var sums: [Int64] = []

            subscript(code: String) -> Int64? {
                codes.firstIndex(of: code).map { sums[$0] }
            }

            mutating func add(_ amount: Int64, to code: String) {
                if let index = codes.firstIndex(of: code) {
                    sums[index] += amount
                } else {
                    codes.append(code)
                    sums.append(amount)
                }
            }
        }

        struct Key: Hashable {
            var register: String
            var date: String
        }

        /// What the totals (and a quarantine entry) need of a transaction whose order waits for its batch
        /// to commit; its lines' `vatCode`s and payments' `paymentType`s ("?" when none) are kept in a
        /// codes array shared by the batch, at `vatCodes` and `paymentTypes`.
        struct Source {
            var register: String
            var date: String
            var transID: String?
            var line: Int
            var vatCodes: Range<Int>
            var paymentTypes: Range<Int>

            init(_ t: SaftTransaction, codes: inout [String]) {
                register = t.registerID
                date = t.transDate ?? ""
                transID = t.transID
                line = t.line
                let start = codes.count
                // By index: `for line in t.lines` copied every line, retaining its eleven strings.
                for index in t.lines.indices { codes.append(t.lines[index].vatCode ?? "?") }
                vatCodes = start..<codes.count
                for index in t.payments.indices { codes.append(t.payments[index].paymentType ?? "?") }
                paymentTypes = vatCodes.upperBound..<codes.count
            }
        }

        private var days: [Key: Day] = [:]
        /// The day of the last transaction, at hand (files run in order); apart, so looking at it copies
        /// no tuple.
        private var lastKey = Key(register: "", date: "")
        private var lastDay: Day?

        func day(register: String, date: String) -> Day? { days[Key(register: register, date: date)] }

        mutating func add(_ t: Source, codes: UnsafeBufferPointer<String>, order: FlowPosOrder) {
            let day: Day
            if let lastDay, lastKey.register == t.register, lastKey.date == t.date {
                day = lastDay
            } else {
                let key = Key(register: t.register, date: t.date)
                if let known = days[key] { day = known } else { day = Day(); days[key] = day }
                lastKey = key
                lastDay = day
            }
            day.totalCashSale += order.orderTotal
            // As far as both go (a payment receipt has codes for lines it does not keep), by index.
            for index in 0..<min(order.lines.count, t.vatCodes.count) {
                let code = codes[t.vatCodes.lowerBound + index]
                day.vatSale.add(order.lines[index].lineTotal, to: code)
                day.vatAmount.add(order.lines[index].vatAmount, to: code)
            }
            for index in 0..<min(order.payments.count, t.paymentTypes.count) {
                day.payments.add(order.payments[index].amount, to: codes[t.paymentTypes.lowerBound + index])
            }
        }
    }

    /// The Flow store of the file's location: the option, else the store whose name or uid is the
    /// location's name (case-insensitive).
    func storeUid(for master: SaftMasterData, flow: FlowDatabase) throws -> String {
        let stores: [(uid: String, name: String)] = try flow.read { db in
            try db.fetchAll(sql: "SELECT store_uid, name FROM stores").map { (try $0.decode("store_uid"), try $0.decode("name")) }
        }
        if let uid = options.storeUid {
            guard stores.contains(where: { $0.uid == uid }) else {
                throw SaftFileError(element: "location", line: 0, reason: "--store '\(uid)' is not a Flow store")
            }
            return uid
        }
        let names = master.locations
        for name in names {
            if let store = stores.first(where: { $0.name.lowercased() == name.lowercased() || $0.uid.lowercased() == name.lowercased() }) {
                return store.uid
            }
        }
        throw SaftFileError(element: "location", line: 0,
                            reason: "location '\(names.joined(separator: "', '"))' matches no Flow store by name; give the store with --store")
    }

    // MARK: - JSON Lines

    /// One transaction of omniflow's JSON Lines journal (docs/mapping-saft.md "JSON Lines").
    struct JournalTransaction: Decodable {
        struct Line: Decodable {
            var sku: String
            var name: String?
            var quantity: Decimal
            var unitPrice: Decimal
            var discount: Decimal?
            var vatRate: Decimal
            var vatAmount: Decimal
            var amount: Decimal
        }

        struct Payment: Decodable {
            var type: FlowTenderType
            var amount: Decimal
            var reference: String?
        }

        var id: String
        var store: String
        var register: String
        var receiptNumber: String
        var type: FlowPosOrderType
        var createdAt: Date
        var currency: String?
        var customer: String?
        var originalId: String?
        var rounding: Decimal?
        var change: Decimal?
        var lines: [Line]
        var payments: [Payment]
    }

    func importJSONLines(_ url: URL, into flow: FlowDatabase) throws -> Report {
        var report = Report(file: url.lastPathComponent, format: "JSON Lines")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var number = 0
        try Self.forEachLine(url) { text in
            number += 1
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            report.transactions += 1
            do {
                let t = try decoder.decode(JournalTransaction.self, from: Data(text.utf8))
                func ore(_ value: Decimal?, _ field: String) throws -> Int64 {
                    guard let value else { return 0 }
                    guard let result = SaftAmount.hundredths("\(value)") else {
                        throw PosOrderError(orderUid: t.id, field: field, reason: "\(value) is not whole øre")
                    }
                    return result
                }
                let lines = try t.lines.enumerated().map { index, line in
                    FlowPosOrderLine(lineNo: index + 1, sku: line.sku, name: line.name ?? line.sku,
                                     quantity: try ore(line.quantity, "quantity"), unitPrice: try ore(line.unitPrice, "unitPrice"),
                                     discountAmount: try ore(line.discount, "discount"),
                                     vatRate: Int(try ore(line.vatRate, "vatRate")), vatAmount: try ore(line.vatAmount, "vatAmount"),
                                     lineTotal: try ore(line.amount, "amount"))
                }
                let rounding = try ore(t.rounding, "rounding")
                let order = FlowPosOrder(
                    orderUid: t.id, orderNumber: t.receiptNumber, type: t.type, storeUid: t.store, cashRegisterUid: t.register,
                    customerUid: t.customer, originalOrderUid: t.originalId, currency: t.currency ?? "NOK", createdAt: t.createdAt,
                    settledAt: t.createdAt, orderTotal: lines.reduce(0) { $0 + $1.lineTotal } + rounding,
                    vatTotal: lines.reduce(0) { $0 + $1.vatAmount }, discountTotal: lines.reduce(0) { $0 + $1.discountAmount },
                    rounding: rounding, changeGiven: try ore(t.change, "change"), source: "JSONL",
                    sourceKey: "jsonl:\(t.id)", lines: lines,
                    payments: try t.payments.enumerated().map {
                        FlowPosPayment(paymentNo: $0 + 1, tenderType: $1.type, amount: try ore($1.amount, "payments.amount"),
                                       reference: $1.reference)
                    })
                switch try flow.write({ try PosOrdersTable.save(order, in: $0) }) {
                case .inserted: report.imported += 1
                case .alreadyStored: report.alreadyStored += 1
                }
            } catch {
                report.issues.append(Issue(key: "line \(number)", line: number, reason: "\(error)"))
            }
        }
        return report
    }

    // MARK: - Files

    static func firstCharacter(_ url: URL) throws -> Character? {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let head = try handle.read(upToCount: 4_096) ?? Data()
        return String(decoding: head, as: UTF8.self).first { !$0.isWhitespace && $0 != "\u{FEFF}" }
    }

    /// Calls `body` with each line of a text file, reading in chunks (memory flat in the file's size).
    static func forEachLine(_ url: URL, _ body: (String) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var buffer = Data()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                try body(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
        }
        if !buffer.isEmpty { try body(String(decoding: buffer, as: UTF8.self)) }
    }
}
