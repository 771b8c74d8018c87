import CHaru
import Foundation

/// A libharu handle (`HPDF_Doc`) with its TrueType fonts loaded, reused for one PDF after another.
///
/// Why: `HPDF_LoadTTFontFromFile` reads and parses a font's tables for every document. libharu keeps a
/// handle's loaded font definitions across `HPDF_NewDoc` (it only forgets which glyphs the last
/// document used), so a handle is kept per font list and each document starts with `HPDF_NewDoc`.
/// Deterministic: libharu names embedded fonts `HPDFAA+…`, `HPDFAB+…` in the order a handle loaded
/// them, and a handle loads exactly its list, in order, when it is made; so any handle renders the
/// same document to the same bytes as a fresh one. A handle serves one document at a time: the pool
/// hands it out and takes it back; one that saw a libharu error is freed, not reused.
final class PDFEngine: @unchecked Sendable {
    let handle: HPDF_Doc
    let errors: ErrorBox
    /// The font files, in load order: the pool's key.
    let fontPaths: [String]
    /// libharu's names of the loaded fonts, in the same order.
    private(set) var fontNames: [String] = []
    /// Set when a libharu call failed: the handle's state is unknown, so it is not reused.
    var failed = false

    /// Where libharu's errors land; the C callback reaches it through `user_data`.
    final class ErrorBox {
        var code: HPDF_STATUS = 0
        var detail: HPDF_STATUS = 0
    }

    private init(fontPaths: [String]) throws {
        _ = Self.keepFreedHeap
        let box = ErrorBox()
        let pointer = Unmanaged.passUnretained(box).toOpaque()
        guard let handle = HPDF_New({ code, detail, userData in
            guard let userData else { return }
            let box = Unmanaged<PDFEngine.ErrorBox>.fromOpaque(userData).takeUnretainedValue()
            box.code = code
            box.detail = detail
        }, pointer) else {
            throw PDFError(code: 0, detail: 0, operation: "HPDF_New")
        }
        self.handle = handle
        errors = box
        self.fontPaths = fontPaths
        // A throw from here on still runs deinit (every property is set), which frees the handle.
        if HPDF_UseUTFEncodings(handle) != HPDF_OK { throw takeError("HPDF_UseUTFEncodings") }
        for path in fontPaths {
            guard let name = HPDF_LoadTTFontFromFile(handle, path, HPDF_TRUE) else {
                throw takeError("HPDF_LoadTTFontFromFile \(path)")
            }
            fontNames.append(String(cString: name))
        }
    }

    deinit { HPDF_Free(handle) }

    /// The error libharu reported (or `fallback`), cleared for the next call.
    func takeError(_ operation: String, fallback: HPDF_STATUS = 0) -> PDFError {
        let error = PDFError(code: UInt32(errors.code != 0 ? errors.code : fallback), detail: UInt32(errors.detail),
                             operation: operation)
        HPDF_ResetError(handle)
        errors.code = 0
        errors.detail = 0
        return error
    }

    /// glibc gives freed memory at the top of a heap back to the kernel once more than 128 KiB is free;
    /// zlib allocates ~256 KiB of deflate state for each compressed stream of every PDF and frees it,
    /// so every document faulted fresh zeroed pages in and trimmed them again (about a tenth of a till
    /// receipt's CPU time). Up to 8 MiB of freed heap is kept instead. Process-wide, set once.
    private static let keepFreedHeap: Void = {
        #if os(Linux)
        _ = mallopt(M_TRIM_THRESHOLD, 8 << 20)
        #endif
    }()

    // MARK: - Pool

    private static let pool = Pool()

    /// Idle handles by font list; at most `idleLimit` kept per list (one per core that renders is plenty).
    private final class Pool: @unchecked Sendable {
        let lock = NSLock()
        var idle: [[String]: [PDFEngine]] = [:]
        let idleLimit = 8
    }

    /// A handle with exactly `fontPaths` loaded, from the pool or made now.
    static func checkOut(fontPaths: [String]) throws -> PDFEngine {
        pool.lock.lock()
        let reused = pool.idle[fontPaths]?.popLast()
        pool.lock.unlock()
        return try reused ?? PDFEngine(fontPaths: fontPaths)
    }

    /// Takes back a handle whose document is finished; frees the document's objects now.
    static func checkIn(_ engine: PDFEngine) {
        guard !engine.failed else { return }
        HPDF_FreeDoc(engine.handle)
        pool.lock.lock()
        defer { pool.lock.unlock() }
        if pool.idle[engine.fontPaths, default: []].count < pool.idleLimit {
            pool.idle[engine.fontPaths, default: []].append(engine)
        }
    }
}
