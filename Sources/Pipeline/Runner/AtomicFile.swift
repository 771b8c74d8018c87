import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see either the old content or the new, never a mix.
///
/// As Luigi's `atomic_file`: write beside the target, fsync, rename over it (rename(2) is atomic on
/// one file system), then fsync the folder so the rename itself survives a crash.
public enum AtomicFile {
    /// - Parameter durable: false skips both fsyncs: readers still see the old content or the new, and a killed
    ///   process loses nothing (the page cache keeps it), but a power cut may leave the old content. Only for a
    ///   state whose loss is harmless (a stage recorded as started: see `StageRunner`).
    public static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw AtomicFileError(operation: "open", path: temporary.path, errno: errno) }
        var failure: AtomicFileError?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = AtomicFileError(operation: "write", path: temporary.path, errno: errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, durable, fsync(fd) != 0 {
            failure = AtomicFileError(operation: "fsync", path: temporary.path, errno: errno)
        }
        close(fd)
        if let failure {
            unlink(temporary.path)
            throw failure
        }
        guard rename(temporary.path, url.path) == 0 else {
            let error = AtomicFileError(operation: "rename", path: url.path, errno: errno)
            unlink(temporary.path)
            throw error
        }
        guard durable else { return }
        let dirFD = open(folder.path, O_RDONLY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }
}

/// A failed system call while publishing a file.
public struct AtomicFileError: Error, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let errno: Int32
    public var description: String { "\(operation) \(path): \(String(cString: strerror(errno)))" }
}
