import FlowStore
import Foundation
import PosImport
import Receipts

/// Receipts rendered per second (one core) and the POS journal import of generated SAF-T files.
enum ReceiptsAndImportBenchmarks {
    static let all: [Benchmark] = [renderTillReceipts, importSaft]

    /// 80 mm till receipts of 6 lines (mixed VAT, a discount, cash with change), one after another on
    /// one core; the mean PDF size goes to standard error.
    static let renderTillReceipts = Benchmark(name: "receipts.render-till-80mm", sizes: [1_000], unit: "receipts") { size, _ in
        let template = try ReceiptTemplate(contentsOf: URL(fileURLWithPath: "templates/receipt-80mm.tmpl"))
        let renderer = ReceiptRenderer(timeZone: TimeZone(identifier: "Europe/Oslo")!)  // the default business zone
        let seller = ReceiptDocument.Seller(name: "Bærum Sportshus AS", organisationNumber: "987 654 321", storeName: "Sandvika",
                                            address: "Brodtkorbsgate 7", postalCode: "1338", city: "Sandvika")
        var bytes = 0
        for index in 0..<size {
            let lines = (0..<6).map { line in
                ReceiptDocument.Line(name: "Vare \(index)-\(line) ærlig øl", sku: "SKU-\(line)", quantity: 100, unitPrice: 4_990,
                                     discount: line == 0 ? 500 : 0, vatRate: [2500, 1500, 1200, 0][line % 4],
                                     amount: line == 0 ? 4_490 : 4_990)
            }
            let total = lines.reduce(Int64(0)) { $0 + $1.amount }
            // The VAT inside each amount (prices include VAT): amount × rate / (100 % + rate), rounded half up.
            let vatTotal = lines.reduce(Int64(0)) { sum, line in
                sum + (line.amount * Int64(line.vatRate) * 2 + 10_000 + Int64(line.vatRate)) / (2 * (10_000 + Int64(line.vatRate)))
            }
            let receipt = ReceiptDocument(kind: "SALE", receiptNumber: "\(index)", cashRegister: "kasse-1",
                                          createdAt: Date(timeIntervalSince1970: 1_796_313_900), seller: seller, lines: lines,
                                          payments: [.init(method: "Kontant", amount: 30_000)], total: total, vatTotal: vatTotal,
                                          change: 30_000 - total)
            bytes += try renderer.render(receipt, with: template).count
        }
        FileHandle.standardError.write(Data("receipts.render-till-80mm: mean PDF size \(bytes / max(size, 1)) bytes\n".utf8))
        return size
    }

    /// A generated SAF-T Cash Register file of `size` cash sales (3 lines each, with a Z report) imported
    /// into a fresh Flow store; the file is written in `prepare` (not timed).
    static let importSaft = Benchmark(name: "pos.import-saft", sizes: [100_000, 1_000_000], unit: "transactions", run: { size, workspace in
        let flow = try FlowDatabase(path: workspace.appendingPathComponent("flow-\(size).db").path)
        try flow.write { db in
            try db.execute(sql: "INSERT INTO organizations (organization_uid, name, vat_number, content_hash) VALUES ('org', 'Org', '999999999', 0)")
            try db.execute(sql: "INSERT INTO stores (store_uid, name, is_active, organization_uid, content_hash) VALUES ('shop', 'Shop', 1, 'org', 0)")
        }
        let report = try PosJournalImporter(options: .init(storeUid: "shop", createUnknownArticles: true,
                                                           timeZone: TimeZone(identifier: "Europe/Oslo")!))
            .importFile(workspace.appendingPathComponent("saft-\(size).xml"), into: flow)
        guard report.imported == size, report.mismatches.isEmpty else {
            throw SaftFileError(element: "benchmark", line: 0, reason:
                "imported \(report.imported) of \(size), \(report.issues.count) issues, \(report.mismatches.count) mismatches")
        }
        return report.imported
    }, prepare: { size, workspace in
        try writeSaft(transactions: size, to: workspace.appendingPathComponent("saft-\(size).xml"))
    })

    /// Streams a valid SAF-T file to disk: header, company, basics, articles, one location and register
    /// with `count` cash sales and the matching Z report.
    static func writeSaft(transactions count: Int, to url: URL) throws {
        // A file that cannot be created makes the FileHandle below throw, naming it.
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let out = try FileHandle(forWritingTo: url)
        defer { try? out.close() }
        var buffer = ""
        func emit(_ text: String) throws {
            buffer += text
            if buffer.utf8.count > 1 << 20 { try out.write(contentsOf: Data(buffer.utf8)); buffer = "" }
        }
        try emit("""
            <?xml version="1.0" encoding="UTF-8"?>
            <n1:auditfile xmlns:n1="urn:StandardAuditFile-Taxation-CashRegister:NO">
            <n1:header><n1:curCode>NOK</n1:curCode></n1:header>
            <n1:company><n1:companyIdent>999999999</n1:companyIdent><n1:companyName>Bench AS</n1:companyName>
            <n1:basics><n1:basic><n1:basicType>11</n1:basicType><n1:basicID>CASHSAL</n1:basicID><n1:predefinedBasicID>11001</n1:predefinedBasicID></n1:basic>
            <n1:basic><n1:basicType>12</n1:basicType><n1:basicID>CASH</n1:basicID><n1:predefinedBasicID>12001</n1:predefinedBasicID></n1:basic></n1:basics>
            <n1:location><n1:name>Shop</n1:name><n1:cashregister><n1:registerID>R1</n1:registerID>

            """)
        for index in 0..<count {
            try emit("""
                <n1:cashtransaction><n1:transID>\(index)</n1:transID><n1:transType>CASHSAL</n1:transType>\
                <n1:transAmntIn>150.00</n1:transAmntIn><n1:amntTp>C</n1:amntTp><n1:transDate>2026-12-03</n1:transDate>\
                <n1:transTime>10:00:00</n1:transTime>\
                <n1:ctLine><n1:artID>A1</n1:artID><n1:qnt>1</n1:qnt><n1:lineAmntIn>100.00</n1:lineAmntIn><n1:amntTp>C</n1:amntTp>\
                <n1:vat><n1:vatCode>3</n1:vatCode><n1:vatPerc>25.00</n1:vatPerc><n1:vatAmnt>20.00</n1:vatAmnt></n1:vat></n1:ctLine>\
                <n1:ctLine><n1:artID>A2</n1:artID><n1:qnt>2</n1:qnt><n1:lineAmntIn>30.00</n1:lineAmntIn><n1:amntTp>C</n1:amntTp>\
                <n1:vat><n1:vatCode>2</n1:vatCode><n1:vatPerc>15.00</n1:vatPerc><n1:vatAmnt>3.91</n1:vatAmnt></n1:vat></n1:ctLine>\
                <n1:ctLine><n1:artID>A3</n1:artID><n1:qnt>1</n1:qnt><n1:lineAmntIn>20.00</n1:lineAmntIn><n1:amntTp>C</n1:amntTp>\
                <n1:vat><n1:vatCode>0</n1:vatCode><n1:vatPerc>0.00</n1:vatPerc><n1:vatAmnt>0.00</n1:vatAmnt></n1:vat></n1:ctLine>\
                <n1:payment><n1:paymentType>CASH</n1:paymentType><n1:paidAmnt>150.00</n1:paidAmnt></n1:payment></n1:cashtransaction>

                """)
        }
        let total = String(format: "%d.00", count * 150)
        try emit("""
            <n1:event><n1:eventType>ZREP</n1:eventType><n1:eventReport><n1:reportID>1</n1:reportID>\
            <n1:reportDate>2026-12-03</n1:reportDate><n1:registerID>R1</n1:registerID>\
            <n1:reportTotalCashSales><n1:totalCashSaleAmnt>\(total)</n1:totalCashSaleAmnt></n1:reportTotalCashSales>\
            <n1:reportPayments><n1:reportPayment><n1:paymentType>CASH</n1:paymentType><n1:paymentAmnt>\(total)</n1:paymentAmnt></n1:reportPayment></n1:reportPayments>\
            </n1:eventReport></n1:event>
            </n1:cashregister></n1:location></n1:company></n1:auditfile>

            """)
        try out.write(contentsOf: Data(buffer.utf8))
    }
}
