#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro that casts -1 to a function pointer; Swift cannot import it.
static inline void (*csqlite_transient(void))(void *) { return (void (*)(void *))-1; }

// sqlite3_config is variadic, which Swift cannot call. Memory statistics off: with them on, every
// sqlite3_malloc/free takes a process-wide mutex (a twentieth of a bulk import's time); omniflow never
// reads sqlite3_memory_used. Only effective before SQLite initialises (else SQLITE_MISUSE, harmless).
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

// sqlite3_db_config is variadic too. Off: the last connection to close leaves the WAL as it is, as a killed
// process would, instead of copying it into the database first; the next opener reads it (RunStaging).
static inline int csqlite_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}
