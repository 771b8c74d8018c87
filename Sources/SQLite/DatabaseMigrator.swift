import Foundation

// MARK: - DatabaseMigrator

/// The ordered schema history of one database.
///
/// Why `PRAGMA user_version`: it lives in the database header, costs no table, and is written in the
/// same transaction as the migration step, so a crash leaves either the old or the new schema.
/// Steps are identified by position; their names must be unique and applied steps are never edited
/// (add a new one instead). A database whose version is higher than the steps known here was
/// written by a newer omniflow and is refused rather than misread.
///
/// Modelled on GRDB's `DatabaseMigrator` (`hasBeenSuperseded`).
public struct DatabaseMigrator: Sendable {
    /// One named schema step.
    public struct Migration: Sendable {
        public let name: String
        let migrate: @Sendable (Database) throws -> Void
    }

    public private(set) var migrations: [Migration] = []

    public init() {}

    /// Appends a step. Names must be unique (a programmer error otherwise).
    public mutating func registerMigration(_ name: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        precondition(!migrations.contains { $0.name == name }, "Migration '\(name)' is registered twice")
        migrations.append(Migration(name: name, migrate: migrate))
    }

    /// The `user_version` a fully migrated database has.
    public var latestVersion: Int { migrations.count }

    // MARK: - Migrating

    /// Applies the pending steps, each in its own immediate transaction together with its version.
    /// - Throws: ``MigrationError/databaseIsNewer(path:version:knownVersion:)``, or the step's error
    ///   wrapped in ``MigrationError/stepFailed(name:version:underlying:)``.
    public func migrate(_ db: Database) throws {
        while true {
            let done = try db.inTransaction(.immediate) { () throws -> Bool in
                // Read inside the write transaction: two processes migrating at once apply each step once.
                let version = try Self.userVersion(db)
                if version > latestVersion {
                    throw MigrationError.databaseIsNewer(path: db.path, version: version, knownVersion: latestVersion)
                }
                if version == latestVersion { return true }
                let step = migrations[version]
                do {
                    try step.migrate(db)
                } catch {
                    throw MigrationError.stepFailed(name: step.name, version: version + 1,
                                                    underlying: String(describing: error))
                }
                try db.execute(sql: "PRAGMA user_version = \(version + 1)")
                return false
            }
            if done { return }
        }
    }

    /// Migrates through the queue's writer.
    public func migrate(_ queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { try migrate($0) }
    }

    // MARK: - Inspecting

    /// Names of the steps already applied.
    public func appliedMigrations(_ db: Database) throws -> [String] {
        let version = try Self.userVersion(db)
        return migrations.prefix(min(version, migrations.count)).map(\.name)
    }

    /// True when the database was migrated by a newer version of the code.
    public func hasBeenSuperseded(_ db: Database) throws -> Bool {
        try Self.userVersion(db) > latestVersion
    }

    static func userVersion(_ db: Database) throws -> Int {
        try db.fetchValue(sql: "PRAGMA user_version", as: Int.self) ?? 0
    }
}

// MARK: - MigrationError

/// Why a database could not be brought to the current schema.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case databaseIsNewer(path: String, version: Int, knownVersion: Int)
    case stepFailed(name: String, version: Int, underlying: String)

    public var description: String {
        switch self {
        case let .databaseIsNewer(path, version, knownVersion):
            return "Database \(path) has schema version \(version), newer than this omniflow knows (\(knownVersion)); "
                + "refusing to use it"
        case let .stepFailed(name, version, underlying):
            return "Migration \(version) '\(name)' failed: \(underlying)"
        }
    }
}
