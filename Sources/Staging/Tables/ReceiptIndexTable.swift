import Foundation
import SQLite

// MARK: - ReceiptIndexTable

/// SQL for `receipt_index`: every receipt PDF omniflow rendered (the original and, separately, a copy),
/// with the template and its version (SHA-256 of the template text), the PDF's SHA-256 and where it was
/// written, so `omniflow receipts regenerate` can prove a re-rendering is byte-identical.
public enum ReceiptIndexTable {
    static let schema = """
        CREATE TABLE receipt_index (
            receipt_uid      TEXT NOT NULL,
            is_copy          INTEGER NOT NULL,
            template         TEXT NOT NULL,
            template_version TEXT NOT NULL,
            checksum         TEXT NOT NULL,
            path             TEXT NOT NULL,
            bytes            INTEGER NOT NULL,
            rendered_at      TEXT NOT NULL,
            PRIMARY KEY (receipt_uid, is_copy, template)
        );
        """

    public static func record(_ db: Database, _ entry: RenderedReceipt) throws {
        try db.execute(sql: """
            INSERT INTO receipt_index (receipt_uid, is_copy, template, template_version, checksum, path, bytes, rendered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (receipt_uid, is_copy, template) DO UPDATE SET
                template_version = excluded.template_version, checksum = excluded.checksum, path = excluded.path,
                bytes = excluded.bytes, rendered_at = excluded.rendered_at
            """, arguments: [entry.receiptUid, entry.isCopy, entry.template, entry.templateVersion, entry.checksum,
                             entry.path, entry.bytes, entry.renderedAt])
    }

    public static func entry(_ db: Database, receiptUid: String, isCopy: Bool, template: String) throws -> RenderedReceipt? {
        try db.fetchOne(sql: "SELECT * FROM receipt_index WHERE receipt_uid = ? AND is_copy = ? AND template = ?",
                        arguments: [receiptUid, isCopy, template]).map(RenderedReceipt.init(row:))
    }

    public static func all(_ db: Database) throws -> [RenderedReceipt] {
        try db.fetchAll(sql: "SELECT * FROM receipt_index ORDER BY rendered_at, receipt_uid").map(RenderedReceipt.init(row:))
    }
}

/// One rendered receipt PDF.
public struct RenderedReceipt: Sendable, Hashable, Codable {
    public var receiptUid: String
    public var isCopy: Bool
    public var template: String
    public var templateVersion: String
    public var checksum: String
    public var path: String
    public var bytes: Int
    public var renderedAt: Date

    public init(receiptUid: String, isCopy: Bool, template: String, templateVersion: String, checksum: String, path: String,
                bytes: Int, renderedAt: Date) {
        self.receiptUid = receiptUid
        self.isCopy = isCopy
        self.template = template
        self.templateVersion = templateVersion
        self.checksum = checksum
        self.path = path
        self.bytes = bytes
        self.renderedAt = renderedAt
    }

    init(row: Row) throws {
        receiptUid = try row.decode("receipt_uid")
        isCopy = try row.decode("is_copy")
        template = try row.decode("template")
        templateVersion = try row.decode("template_version")
        checksum = try row.decode("checksum")
        path = try row.decode("path")
        bytes = try row.decode("bytes")
        renderedAt = try row.decode("rendered_at")
    }
}
