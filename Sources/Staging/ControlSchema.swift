import SQLite

// MARK: - ControlSchema

/// The control database's migrations, in order, in one place.
///
/// Each step's SQL lives with its table group (`Tables/`); applied steps are never edited —
/// add a new step instead (DatabaseMigrator refuses databases newer than this list).
public enum ControlSchema {
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("runs and stage runs") { try $0.executeScript(RunTable.schema) }
        migrator.registerMigration("watermarks") { try $0.executeScript(WatermarkTable.schema) }
        migrator.registerMigration("run lock") { try $0.executeScript(RunLockTable.schema) }
        migrator.registerMigration("quarantine") { try $0.executeScript(QuarantineTable.schema) }
        migrator.registerMigration("event inbox") { try $0.executeScript(InboxTable.schema) }
        migrator.registerMigration("sync queues") { try $0.executeScript(SyncQueueTable.schema) }
        return migrator
    }
}
