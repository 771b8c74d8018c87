import Foundation
import SQLite

// MARK: - RunRecord

/// One batch run, as recorded in the control database's `runs` table.
///
/// Why an id like `20261126T154751Z-3f9a`: it sorts by start time, names the run folder, and the
/// random suffix keeps two runs started in the same second apart.
public struct RunRecord: Sendable, Hashable, Codable {
    /// Where a run stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case running, succeeded, failed
    }

    public var id: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Status
    public var host: String
    public var pid: Int32
    /// The command line (or a summary of it) that started the run.
    public var arguments: String

    public init(id: String, startedAt: Date, finishedAt: Date? = nil, status: Status = .running,
                host: String, pid: Int32, arguments: String) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.host = host
        self.pid = pid
        self.arguments = arguments
    }

    /// Reads a `runs` row.
    /// - Throws: ``RowDecodingError`` naming the column, or ``StagingError/invalidValue``.
    public init(row: Row) throws {
        id = try row.decode("id")
        startedAt = try row.decode("started_at")
        finishedAt = try row.decodeIfPresent("finished_at")
        status = try StagingError.decodeEnum(row, "status")
        host = try row.decode("host")
        pid = try row.decode("pid")
        arguments = try row.decode("arguments")
    }

    // MARK: - Run ids

    /// A new run id: UTC start time to the second, a dash, 4 random hex digits.
    public static func makeID(startedAt: Date, suffix: UInt16 = UInt16.random(in: .min ... .max)) -> String {
        let iso = SQLiteDate.format(startedAt)   // 2026-11-26T15:47:51.123Z
        let compact = iso.prefix(19).filter { $0 != "-" && $0 != ":" }
        let hex = String(suffix, radix: 16)
        return compact + "Z-" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
