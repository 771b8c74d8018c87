import SQLite

// MARK: - ControlSchema

/// The control database's migrations, in order, in one place.
///
/// Each step's SQL lives with its table group (`Tables/`); applied steps are never edited —
/// add a new, newly named step instead. Steps are recorded by name (DatabaseMigrator), so an
/// existing `omniflow.db` applies exactly the new steps, and one that records a step unknown here
/// is refused.
public enum ControlSchema {
    /// The steps an `omniflow.db` made before migrations were named counted in `user_version` (frozen).
    static let legacyVersionSteps = ["runs and stage runs", "watermarks", "run lock", "quarantine", "event inbox",
                                     "sync queues"]

    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator(legacyVersionSteps: legacyVersionSteps)
        migrator.registerMigration("runs and stage runs") { try $0.executeScript(RunTable.schema) }
        migrator.registerMigration("watermarks") { try $0.executeScript(WatermarkTable.schema) }
        migrator.registerMigration("run lock") { try $0.executeScript(RunLockTable.schema) }
        migrator.registerMigration("quarantine") { try $0.executeScript(QuarantineTable.schema) }
        migrator.registerMigration("event inbox") { try $0.executeScript(InboxTable.schema) }
        migrator.registerMigration("sync queues") { try $0.executeScript(SyncQueueTable.schema) }
        migrator.registerMigration("watermark changes") { try $0.executeScript(WatermarkChangeTable.schema) }
        migrator.registerMigration("run cycles") { try $0.executeScript(RunCycleTable.schema) }
        migrator.registerMigration("sync jobs by kind") { try $0.executeScript(SyncQueueTable.kindMigration) }
        migrator.registerMigration("receipt index") { try $0.executeScript(ReceiptIndexTable.schema) }
        migrator.registerMigration("quarantine kinds") { try $0.executeScript(QuarantineTable.kindsMigration) }
        migrator.registerMigration("stage runs fields dropped") {
            try $0.executeScript(RunTable.fieldsDroppedMigration)
        }
        migrator.registerMigration("stage runs parameters") { try $0.executeScript(RunTable.parametersMigration) }
        return migrator
    }
}
