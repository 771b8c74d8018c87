import CSQLite
import Foundation

// MARK: - StatementBindings

/// Typed, unboxed binding for hot loops: each `?` of a prepared statement is bound in order straight
/// through `sqlite3_bind_*`, without building a ``StatementArguments`` array of ``DatabaseValue``s.
///
/// Why: a bulk import binds millions of values; boxing each into an enum inside a fresh array was a
/// measurable share of the write time (issue 13's benchmark). The SQL stays the same, with bound
/// parameters; ``Statement/execute(_:)`` checks that every placeholder got a value, so a forgotten one
/// is an error, never a stale value of the previous row. Errors say the SQL, never the values.
public struct StatementBindings {
    let handle: OpaquePointer
    /// The statement's copy of this run's text values (outlives the step; the statement holds it too).
    /// Strong: an `unowned(unsafe)` reference was retained and released around every `copy`.
    let arena: BindingArena
    /// The 1-based index of the next placeholder.
    private(set) var next: Int32 = 1
    fileprivate var failure: Int32 = SQLITE_OK

    init(handle: OpaquePointer, arena: BindingArena) {
        self.handle = handle
        self.arena = arena
    }

    @inline(__always)
    private mutating func record(_ code: Int32) {
        if code != SQLITE_OK, failure == SQLITE_OK { failure = code }
        next += 1
    }

    public mutating func bind(_ value: Int64) {
        record(sqlite3_bind_int64(handle, next, value))
    }

    public mutating func bind(_ value: Int) {
        record(sqlite3_bind_int64(handle, next, Int64(value)))
    }

    public mutating func bind(_ value: Int64?) {
        guard let value else { return bindNull() }
        bind(value)
    }

    /// Text, bound with its UTF-8 length (embedded NULs survive; "" stays "", not NULL). Short text is
    /// copied into the statement's arena and bound without SQLite copying it again (`SQLITE_STATIC`).
    public mutating func bind(_ value: String) {
        // The UTF-8 in place (native and small strings; no copy of the String, which retained and
        // released its storage per value); a bridged string is made contiguous first.
        let code = value.utf8.withContiguousStorageIfAvailable { bindText($0) } ?? {
            var text = value
            return text.withUTF8 { bindText($0) }
        }()
        record(code)
    }

    @inline(__always)
    private func bindText(_ buffer: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = buffer.baseAddress else { return sqlite3_bind_text(handle, next, "", 0, csqlite_transient()) }
        if let copy = arena.copy(buffer) {
            return sqlite3_bind_text(handle, next, copy, Int32(buffer.count), nil)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            sqlite3_bind_text(handle, next, $0, Int32(buffer.count), csqlite_transient())
        }
    }

    public mutating func bind(_ value: String?) {
        guard let value else { return bindNull() }
        bind(value)
    }

    /// As ``SQLiteDate`` text, like `Date`'s ``DatabaseValueConvertible`` conformance.
    public mutating func bind(_ value: Date?) {
        guard let value else { return bindNull() }
        bind(SQLiteDate.format(value))
    }

    public mutating func bind(_ value: Data) {
        let code: Int32
        if value.isEmpty {
            code = sqlite3_bind_zeroblob(handle, next, 0)
        } else {
            code = value.withUnsafeBytes { sqlite3_bind_blob(handle, next, $0.baseAddress, Int32($0.count), csqlite_transient()) }
        }
        record(code)
    }

    public mutating func bindNull() {
        record(sqlite3_bind_null(handle, next))
    }

    /// A value of any storage class, as ``StatementArguments`` would bind it (for rows whose columns are
    /// declared as a list of values, e.g. a table writer's).
    public mutating func bind(_ value: DatabaseValue) {
        switch value {
        case .null: bindNull()
        case .integer(let integer): bind(integer)
        case .real(let real): record(sqlite3_bind_double(handle, next, real))
        case .text(let text): bind(text)
        case .blob(let blob): bind(blob)
        }
    }

    /// ``bind(_:)-(DatabaseValue)`` of the value's ``DatabaseValueConvertible/databaseValue``; nil is NULL.
    public mutating func bind(_ value: (any DatabaseValueConvertible)?) {
        guard let value else { return bindNull() }
        bind(value.databaseValue)
    }
}

extension Statement {
    /// Runs the statement once with the values `bind` binds, in placeholder order; any rows are ignored.
    /// - Throws: ``SQLiteError`` (`SQLITE_RANGE` when `bind` bound more or fewer values than the statement
    ///   has placeholders; the failed step's error otherwise). The values are never part of the error.
    public func execute(_ bind: (inout StatementBindings) throws -> Void) throws {
        try execute(bind, eachRow: { _ in })
    }

    /// As ``execute(_:)``, handing each result row (an `INSERT … RETURNING`'s) to `eachRow`.
    public func execute(_ bind: (inout StatementBindings) throws -> Void, eachRow: (StatementRow) throws -> Void) throws {
        precondition(!isInUse, "a statement is being stepped; typed execution would reset it")
        bindingArena.reset()
        var bindings = StatementBindings(handle: handle, arena: bindingArena)
        defer { sqlite3_reset(handle) }
        try bind(&bindings)
        let bound = Int(bindings.next - 1)
        let expected = parameterCount
        guard bound == expected else {
            sqlite3_clear_bindings(handle)
            throw SQLiteError(extendedResultCode: SQLITE_RANGE, message: "expected \(expected) argument(s), got \(bound)", sql: sql)
        }
        guard bindings.failure == SQLITE_OK else {
            throw SQLiteError.from(handle: sqlite3_db_handle(handle), code: bindings.failure, sql: sql)
        }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW {
            try eachRow(StatementRow(handle: handle))
            code = sqlite3_step(handle)
        }
        guard code == SQLITE_DONE else {
            cache?.remove(self)
            throw SQLiteError.from(handle: sqlite3_db_handle(handle), code: code, sql: sql)
        }
    }
}

/// The current result row of a typed ``Statement/execute(_:eachRow:)``, valid only inside the callback
/// (read columns without building a ``Row``).
public struct StatementRow {
    let handle: OpaquePointer

    /// Column `index`'s value as integer.
    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index`'s value as text; nil when it is NULL.
    public func text(_ index: Int32) -> String? {
        guard sqlite3_column_type(handle, index) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, index) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index))), as: UTF8.self)
    }

    /// Whether column `index` holds exactly the text `value` (compared as UTF-8 bytes, no String built).
    public func text(_ index: Int32, equals value: String) -> Bool {
        guard let bytes = sqlite3_column_text(handle, index) else { return false }
        let count = Int(sqlite3_column_bytes(handle, index))
        var value = value
        return value.withUTF8 { utf8 in
            utf8.count == count && (count == 0 || memcmp(utf8.baseAddress!, bytes, count) == 0)
        }
    }
}

// MARK: - BindingArena

/// Where ``StatementBindings`` copies short text values for one run of a statement: blocks that are
/// reused run after run and never move while a run's values point into them, so SQLite can bind them
/// as `SQLITE_STATIC` instead of allocating and copying each value itself (a tenth of a bulk insert's
/// time went to that). The statement resets it before each typed run; a value stays valid until then,
/// which is past the step (the statement is reset when its run ends).
final class BindingArena {
    static let blockSize = 16 * 1024
    /// Longer values are left to SQLite to copy.
    static let largest = 1024

    // Confined to its statement's connection (one thread): no dynamic exclusivity checks.
    @exclusivity(unchecked) private var blocks: [UnsafeMutableRawPointer] = []
    @exclusivity(unchecked) private var current = 0
    @exclusivity(unchecked) private var used = 0

    deinit { for block in blocks { block.deallocate() } }

    func reset() {
        current = 0
        used = 0
    }

    /// A copy of `bytes` valid until the next `reset`, or nil for values over ``largest`` bytes.
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard let source = bytes.baseAddress, bytes.count <= Self.largest else { return nil }
        if blocks.isEmpty { blocks.append(.allocate(byteCount: Self.blockSize, alignment: 8)) }
        if used + bytes.count > Self.blockSize {
            current += 1
            used = 0
            if current == blocks.count { blocks.append(.allocate(byteCount: Self.blockSize, alignment: 8)) }
        }
        let destination = blocks[current] + used
        destination.copyMemory(from: source, byteCount: bytes.count)
        used += bytes.count
        return UnsafePointer(destination.assumingMemoryBound(to: CChar.self))
    }
}
