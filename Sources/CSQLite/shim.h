#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro that casts -1 to a function pointer; Swift cannot import it.
static inline void (*csqlite_transient(void))(void *) { return (void (*)(void *))-1; }
