import Foundation
import SQLite

// MARK: - RunCycleTable

/// SQL for `run_cycles`: which named cycle (`nightly`, `intraday`) a run was started as, so
/// `omniflow status` and the metrics can tell the age of each cycle's last successful run.
///
/// Why a table of its own rather than a column of `runs`: only cycle runs have a row, and the run
/// record's shape stays as every other reader knows it.
public enum RunCycleTable {
    static let schema = """
        CREATE TABLE run_cycles (
            run_id TEXT PRIMARY KEY NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            cycle  TEXT NOT NULL
        );
        CREATE INDEX run_cycles_by_cycle ON run_cycles (cycle);
        """

    public static func set(_ db: Database, runID: String, cycle: String) throws {
        try db.execute(sql: "INSERT INTO run_cycles (run_id, cycle) VALUES (?, ?) ON CONFLICT (run_id) DO NOTHING",
                       arguments: [runID, cycle])
    }

    /// The newest run of `cycle` that ended with `status`, if any.
    public static func latestRun(_ db: Database, cycle: String, status: RunRecord.Status) throws -> RunRecord? {
        try db.fetchOne(sql: """
            SELECT runs.* FROM runs JOIN run_cycles ON run_cycles.run_id = runs.id
            WHERE run_cycles.cycle = ? AND runs.status = ?
            ORDER BY runs.started_at DESC LIMIT 1
            """, arguments: [cycle, status.rawValue]).map(RunRecord.init(row:))
    }

    /// The cycle a run was started as, if any.
    public static func cycle(_ db: Database, runID: String) throws -> String? {
        try db.fetchValue(sql: "SELECT cycle FROM run_cycles WHERE run_id = ?", arguments: [runID], as: String.self)
    }
}

extension ControlStore {
    public func setRunCycle(runID: String, cycle: String) throws {
        try write { try RunCycleTable.set($0, runID: runID, cycle: cycle) }
    }

    public func latestRun(cycle: String, status: RunRecord.Status) throws -> RunRecord? {
        try read { try RunCycleTable.latestRun($0, cycle: cycle, status: status) }
    }

    public func runCycle(runID: String) throws -> String? {
        try read { try RunCycleTable.cycle($0, runID: runID) }
    }
}
