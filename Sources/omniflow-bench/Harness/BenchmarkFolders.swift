import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The benchmarks' temporary folders: `omniflow-bench-<label>-<pid>-<uuid>` in the temporary directory.
///
/// Why the process id in the name: a catalogue benchmark at 100,000 products leaves 2.6 GB of staging and
/// Flow store behind when its run is killed (Ctrl-C, a timeout, SIGKILL), and a killed process cannot clean
/// up. The next run removes the folders whose process no longer exists (``removeLeftovers()``); folders of
/// a benchmark running beside it, and folders named any other way, are left alone.
enum BenchmarkFolders {
    static let prefix = "omniflow-bench-"

    /// A new folder for `label` ("run", "catalogue"), not yet created.
    static func make(_ label: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)\(label)-\(getpid())-\(UUID().uuidString)", isDirectory: true)
    }

    /// Removes the folders of benchmark processes that have ended; returns their names.
    @discardableResult
    static func removeLeftovers(in directory: URL = FileManager.default.temporaryDirectory) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = owner(of: name), pid != getpid(), !isRunning(pid) else { continue }
            if (try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))) != nil { removed.append(name) }
        }
        return removed.sorted()
    }

    /// The process id in a folder name made by ``make(_:)``: the part before the UUID (36 characters).
    static func owner(of name: String) -> pid_t? {
        let parts = name.dropFirst(prefix.count).split(separator: "-")
        // <label>-<pid>-<8>-<4>-<4>-<4>-<12>: the pid is the sixth part from the end.
        guard parts.count >= 7, name.hasPrefix(prefix), UUID(uuidString: parts.suffix(5).joined(separator: "-")) != nil,
              let pid = pid_t(parts[parts.count - 6]), pid > 0 else { return nil }
        return pid
    }

    /// Whether process `pid` exists (signal 0 checks without sending; EPERM = it exists, owned by another user).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
