#ifndef OMNIFLOW_SHA256_BLOCKS_H
#define OMNIFLOW_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SHA extensions (x86-64 SHA-NI with SSSE3 and SSE4.1); 0 elsewhere.
int omniflow_sha256_hardware_available(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (the eight words a..h of SHA-256) with the
/// SHA extensions. Call only when `omniflow_sha256_hardware_available()` is 1.
void omniflow_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
