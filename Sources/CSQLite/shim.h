#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro that casts -1 to a function pointer; Swift cannot import it.
static inline void (*csqlite_transient(void))(void *) { return (void (*)(void *))-1; }

// sqlite3_config is variadic, which Swift cannot call. Memory statistics off: with them on, every
// sqlite3_malloc/free takes a process-wide mutex (a twentieth of a bulk import's time); omniflow never
// reads sqlite3_memory_used. Only effective before SQLite initialises (else SQLITE_MISUSE, harmless).
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

// Statement journals (each writing statement's undo record for the pages it changes, so a constraint
// error can undo that statement alone) stay in memory up to `bytes` before SQLite moves them to a temporary
// file (its default: 64 KiB). A bulk import's multi-row INSERTs passed 64 KiB in every batch, and the
// file then took every later statement's journal of that transaction: about 1.6 MB of temporary-file writes
// per 1,000 imported transactions. Only effective before SQLite initialises, like the setting above.
static inline int csqlite_statement_journal_spill(int bytes) { return sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, bytes); }
