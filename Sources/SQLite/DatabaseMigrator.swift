import Foundation

// MARK: - DatabaseMigrator

/// The schema history of one database, as named steps recorded by name.
///
/// Why names and not positions: each table group owns its own list of steps, and a database may be
/// opened by code whose lists have grown in any group. With positions (`PRAGMA user_version` as an
/// index into the concatenated lists) a step added to an early group shifts every later one, so an
/// existing database would rerun one step and skip the new one. Here each applied step's name is a
/// row of `omniflow_migrations` (as GRDB's `grdb_migrations`), written in the same immediate
/// transaction as the step itself, so a crash leaves either the old or the new schema and two
/// processes migrating at once apply each step once.
///
/// Rules: names are unique and an applied step is never edited (add a new one); steps run in
/// registration order, and a step may only rely on steps registered before it *in its own group*.
/// A database that records a step this code does not know was written by a newer omniflow and is
/// refused rather than misread.
///
/// Databases made before names were recorded counted their steps in `PRAGMA user_version`; the
/// `legacyVersionSteps` given at construction (the names, in the order that code applied them)
/// say which steps such a count stands for, so they are adopted in place without rerunning anything.
/// After migrating, `user_version` holds ``namedSchemaUserVersion``, which position-based omniflow
/// builds read as "newer than I know" and refuse.
///
/// Modelled on GRDB's `DatabaseMigrator` (`appliedIdentifiers`, `hasBeenSuperseded`).
public struct DatabaseMigrator: Sendable {
    /// One named schema step.
    public struct Migration: Sendable {
        public let name: String
        let migrate: @Sendable (Database) throws -> Void
    }

    /// The `user_version` of a database whose steps are recorded by name.
    public static let namedSchemaUserVersion = 1_000_000

    /// The table recording applied steps.
    static let table = "omniflow_migrations"

    public private(set) var migrations: [Migration] = []

    /// Names of the steps a position-based `user_version` counted, in the order they were applied.
    public let legacyVersionSteps: [String]

    /// - Parameter legacyVersionSteps: for databases that predate named migrations, the step names
    ///   their `user_version` counted, in order (frozen: never edit this list).
    public init(legacyVersionSteps: [String] = []) {
        self.legacyVersionSteps = legacyVersionSteps
    }

    /// Appends a step. Names must be unique (a programmer error otherwise).
    public mutating func registerMigration(_ name: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        precondition(!migrations.contains { $0.name == name }, "Migration '\(name)' is registered twice")
        migrations.append(Migration(name: name, migrate: migrate))
    }

    // MARK: - Migrating

    /// Applies the pending steps, each in its own immediate transaction together with its record.
    /// - Throws: ``MigrationError/databaseIsNewer(path:unknownSteps:)``, or the step's error wrapped in
    ///   ``MigrationError/stepFailed(name:underlying:)``.
    public func migrate(_ db: Database) throws {
        try db.inTransaction(.immediate) {
            try adoptLegacyVersion(db)
            try refuseNewerDatabase(db)
        }
        for step in migrations {
            try db.inTransaction(.immediate) {
                // Read inside the write transaction: two processes migrating at once apply each step once.
                guard try !isApplied(step.name, db) else { return }
                do {
                    try step.migrate(db)
                } catch {
                    throw MigrationError.stepFailed(name: step.name, underlying: String(describing: error))
                }
                try db.execute(sql: "INSERT INTO \(Self.table) (name, applied_at) VALUES (?, ?)",
                               arguments: [step.name, SQLiteDate.format(Date())])
            }
        }
    }

    /// Migrates through the queue's writer.
    public func migrate(_ queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { try migrate($0) }
    }

    // MARK: - Inspecting

    /// Names of the steps already applied, in the order they were applied.
    public func appliedMigrations(_ db: Database) throws -> [String] {
        guard try hasMigrationTable(db) else {
            let version = try Self.userVersion(db)
            return Array(legacyVersionSteps.prefix(min(version, legacyVersionSteps.count)))
        }
        return try db.fetchAll(sql: "SELECT name FROM \(Self.table) ORDER BY rowid").map { try $0.decode("name") }
    }

    /// True when the database records steps this code does not know (a newer omniflow wrote it).
    public func hasBeenSuperseded(_ db: Database) throws -> Bool {
        try !unknownSteps(db).isEmpty
    }

    // MARK: - Private

    /// Creates the record table; a database that counted its steps in `user_version` gets those steps
    /// recorded by name (they are not rerun).
    private func adoptLegacyVersion(_ db: Database) throws {
        guard try !hasMigrationTable(db) else { return }
        let version = try Self.userVersion(db)
        if version > legacyVersionSteps.count {
            throw MigrationError.databaseIsNewer(path: db.path, unknownSteps: ["user_version \(version)"])
        }
        try db.execute(sql: """
            CREATE TABLE \(Self.table) (
                name       TEXT PRIMARY KEY NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
        for name in legacyVersionSteps.prefix(version) {
            try db.execute(sql: "INSERT INTO \(Self.table) (name, applied_at) VALUES (?, ?)",
                           arguments: [name, SQLiteDate.format(Date())])
        }
        try db.execute(sql: "PRAGMA user_version = \(Self.namedSchemaUserVersion)")
    }

    private func refuseNewerDatabase(_ db: Database) throws {
        let unknown = try unknownSteps(db)
        if !unknown.isEmpty { throw MigrationError.databaseIsNewer(path: db.path, unknownSteps: unknown) }
    }

    private func unknownSteps(_ db: Database) throws -> [String] {
        let known = Set(migrations.map(\.name))
        return try appliedMigrations(db).filter { !known.contains($0) }
    }

    private func isApplied(_ name: String, _ db: Database) throws -> Bool {
        try db.fetchOne(sql: "SELECT 1 FROM \(Self.table) WHERE name = ?", arguments: [name]) != nil
    }

    private func hasMigrationTable(_ db: Database) throws -> Bool {
        try db.fetchOne(sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        arguments: [Self.table]) != nil
    }

    static func userVersion(_ db: Database) throws -> Int {
        try db.fetchValue(sql: "PRAGMA user_version", as: Int.self) ?? 0
    }
}

// MARK: - MigrationError

/// Why a database could not be brought to the current schema.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case databaseIsNewer(path: String, unknownSteps: [String])
    case stepFailed(name: String, underlying: String)

    public var description: String {
        switch self {
        case let .databaseIsNewer(path, unknownSteps):
            return "Database \(path) was migrated by a newer omniflow (steps this one does not know: "
                + "\(unknownSteps.joined(separator: ", "))); refusing to use it"
        case let .stepFailed(name, underlying):
            return "Migration '\(name)' failed: \(underlying)"
        }
    }
}
