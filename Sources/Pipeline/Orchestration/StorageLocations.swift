import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - StorageLocationError

/// The staging root or the Flow store path cannot be used: a configuration mistake for the
/// operator to fix (exit status 2), found before any run is recorded, not a failed run to resume.
public struct StorageLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The setting that names the place (`OMNIFLOW_STAGING_ROOT`, `OMNIFLOW_FLOW_STORE_PATH`).
    public var key: String
    public var path: String
    public var reason: String

    public var description: String { "\(key) '\(path)' \(reason)" }
}

// MARK: - StorageLocations

/// Checks, and creates when missing, the folders a run writes to, before the stores open.
///
/// Why: opening a store in a place that cannot hold it used to fail inside the run with a
/// Foundation or SQLite error and exit 1 ("run failed, resume it") although no run existed.
/// Spec: issue "Reliability" (exit codes); README "Exit status".
public enum StorageLocations {
    /// - Throws: `StorageLocationError` naming the setting, the path and why it cannot be used.
    public static func prepare(_ configuration: OmniflowConfiguration) throws {
        try prepareFolder(configuration.stagingRoot, key: "OMNIFLOW_STAGING_ROOT")
        let flowStore = configuration.flowStorePath
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: flowStore, isDirectory: &isFolder) {
            if isFolder.boolValue {
                throw StorageLocationError(key: "OMNIFLOW_FLOW_STORE_PATH", path: flowStore,
                                           reason: "is a folder; it must name the Flow store's database file")
            }
            guard access(flowStore, R_OK | W_OK) == 0 else {
                throw StorageLocationError(key: "OMNIFLOW_FLOW_STORE_PATH", path: flowStore,
                                           reason: "cannot be read and written: \(String(cString: strerror(errno)))")
            }
        } else {
            let parent = (flowStore as NSString).deletingLastPathComponent
            try prepareFolder(parent.isEmpty ? "." : parent, key: "OMNIFLOW_FLOW_STORE_PATH")
        }
    }

    /// Creates `path` (owner-only, like every folder omniflow makes) unless it is a writable folder.
    private static func prepareFolder(_ path: String, key: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw StorageLocationError(key: key, path: path, reason: "is a file, not a folder")
            }
        } else if let failure = makeFolders(path) {
            throw StorageLocationError(key: key, path: path, reason: "cannot be created: \(failure)")
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw StorageLocationError(key: key, path: path, reason: "is not writable: \(String(cString: strerror(errno)))")
        }
    }

    /// `mkdir -p` with mode 0700; the failing folder and the system's reason, or nil when done.
    /// POSIX rather than `FileManager` for the reason: Foundation on Linux reports "error 512".
    private static func makeFolders(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                return "\(prefix): \(String(cString: strerror(errno)))"
            }
            prefix += "/"
        }
        return nil
    }
}
