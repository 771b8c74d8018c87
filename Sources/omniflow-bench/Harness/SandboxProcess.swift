import Foundation
import OmniumSandbox
#if canImport(Glibc)
import Glibc
#endif

/// The sandbox in a process of its own, so a benchmark's client and the sandbox each have a core and
/// their CPU is counted apart (issue 8: a sandbox in the client's process charges its JSON encoding
/// to the client).
///
/// Why the bench binary itself: `omniflow-bench serve-sandbox …` (``SandboxProcessMain``) needs nothing
/// but what `make bench` already built. The parent talks to the child over its standard input and
/// output, one line each way: `stats` answers the request counts as JSON (``SandboxProcessStats``),
/// `mutate F` applies `SandboxMutations` with fraction F and answers `ok`; end of input stops it.
final class SandboxProcess: @unchecked Sendable {
    /// What the child serves.
    struct Options: Codable, Sendable {
        var scale: SandboxScale
        var seed: UInt64 = 42
        /// Omnium's documented rate limits on (token bucket, requests in flight) or off.
        var rateLimits = false
        /// Added to every answer, as `SandboxFaults(latency:)`.
        var latencyMilliseconds = 0
        /// Make the catalogue's answer bytes (`SandboxState.warmRecordCache`) before answering the
        /// first request; the child's CPU for it is spent before the parent reads `cpuSeconds` first.
        var warmRecordCache = false
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    let process: Process
    let baseURL: URL
    private let input: FileHandle
    private let output: FileHandle
    private let lock = NSLock()

    /// Starts the child and waits until it listens.
    init(_ options: Options) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let json = String(decoding: try JSONEncoder().encode(options), as: UTF8.self)
        process.arguments = [SandboxProcessMain.command, json]
        let toChild = Pipe()
        let fromChild = Pipe()
        process.standardInput = toChild
        process.standardOutput = fromChild
        try process.run()
        input = toChild.fileHandleForWriting
        output = fromChild.fileHandleForReading
        guard let line = Self.readLine(output), let url = URL(string: line), line.hasPrefix("http://") else {
            process.terminate()
            throw Failure(description: "the sandbox process did not start")
        }
        baseURL = url
    }

    /// CPU seconds (user + system) the child has used so far, from `/proc/<pid>/stat`.
    var cpuSeconds: Double { ProcessCPU.seconds(ofProcess: process.processIdentifier) }

    /// The child's peak resident set so far, in MiB (its record cache included).
    var peakMemoryMiB: Double { ProcessMemory.peakMiB(ofProcess: process.processIdentifier) }

    /// Requests per path and 429 answers since the child started (or since `stats reset`).
    func stats(reset: Bool = false) throws -> SandboxProcessStats {
        let line = try ask(reset ? "stats reset" : "stats")
        return try JSONDecoder().decode(SandboxProcessStats.self, from: Data(line.utf8))
    }

    /// Changes `fraction` of the products, prices, stock and orders (as `POST /_sandbox/mutations`).
    func mutate(fraction: Double) throws {
        guard try ask("mutate \(fraction)") == "ok" else { throw Failure(description: "the sandbox refused to mutate") }
    }

    /// Closes the child's input and waits for it to exit.
    func stop() {
        try? input.close()
        process.waitUntilExit()
    }

    private func ask(_ command: String) throws -> String {
        try lock.withLock {
            try input.write(contentsOf: Data((command + "\n").utf8))
            guard let answer = Self.readLine(output) else { throw Failure(description: "the sandbox process ended") }
            return answer
        }
    }

    /// One line from `handle`, byte by byte (the answers are short; no read-ahead may swallow the next one).
    static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(handle.fileDescriptor, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}

/// The child's answer to `stats`.
struct SandboxProcessStats: Codable, Sendable {
    /// Requests per path (query string cut off).
    var requests: [String: Int]
    /// Answers with status 429.
    var throttled: Int
    /// Time the sandbox spent on the requests, from its request log (the added latency included; the HTTP
    /// server's reading and writing not), in microseconds.
    var handlerMicroseconds = 0
    /// From the first Omnium call's arrival (the token call aside) to the last call's answer, in seconds on the
    /// sandbox's monotonic clock; nil before any. The part of a push's wall time its calls took; the rest is the
    /// run around them (run and stage bookkeeping, claims, the token, the last commits).
    var callsSpanSeconds: Double?
}

/// `omniflow-bench serve-sandbox OPTIONS-JSON`: the child side of ``SandboxProcess``.
enum SandboxProcessMain {
    static let command = "serve-sandbox"

    static func run(optionsJSON: String) -> Never {
        do {
            let options = try JSONDecoder().decode(SandboxProcess.Options.self, from: Data(optionsJSON.utf8))
            let counts = RequestCounts()
            let log = SandboxLogHandler { entry in
                guard entry.message == "request", let target = entry.metadata["http.target"] else { return }
                counts.add(path: String(target.prefix { $0 != "?" }), throttled: entry.metadata["http.status"] == "429",
                           microseconds: entry.metadata["duration.us"].flatMap { Int($0) } ?? 0)
            }
            let server = try SandboxServer.start(configuration: SandboxConfiguration(
                rateLimits: options.rateLimits ? SandboxRateLimits() : .disabled,
                faults: options.latencyMilliseconds > 0 ? SandboxFaults(latency: .milliseconds(options.latencyMilliseconds)) : .none,
                seed: options.seed, scale: options.scale, log: log))
            if options.warmRecordCache { server.state.warmRecordCache() }
            answer(server.baseURL.absoluteString)
            var round = 0
            while let line = Swift.readLine() {
                let words = line.split(separator: " ")
                switch words.first {
                case "stats":
                    let stats = counts.snapshot(reset: words.dropFirst().first == "reset")
                    answer(String(decoding: try JSONEncoder().encode(stats), as: UTF8.self))
                case "mutate":
                    guard let fraction = words.dropFirst().first.flatMap({ Double($0) }), (0...1).contains(fraction) else {
                        answer("error: mutate needs a fraction from 0 to 1")
                        continue
                    }
                    round += 1
                    _ = SandboxMutations.apply(to: server.state, fraction: fraction, round: round)
                    answer("ok")
                default:
                    answer("error: unknown command '\(line)'")
                }
            }
            server.stop()
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("serve-sandbox: \(error)\n".utf8))
            exit(1)
        }
    }

    private static func answer(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private final class RequestCounts: @unchecked Sendable {
        private let lock = NSLock()
        private var stats = SandboxProcessStats(requests: [:], throttled: 0)
        /// The first call's start and the last call's end, monotonic nanoseconds (token and admin calls aside).
        private var calls: (first: UInt64, last: UInt64)?

        func add(path: String, throttled: Bool, microseconds: Int) {
            let end = Self.monotonicNanoseconds()
            let start = end - UInt64(max(0, microseconds)) * 1_000
            lock.withLock {
                stats.requests[path, default: 0] += 1
                stats.handlerMicroseconds += microseconds
                if throttled { stats.throttled += 1 }
                if path.hasPrefix("/api/"), path.lowercased() != "/api/token" {
                    calls = (min(calls?.first ?? start, start), max(calls?.last ?? end, end))
                }
            }
        }

        func snapshot(reset: Bool) -> SandboxProcessStats {
            lock.withLock {
                var answer = stats
                answer.callsSpanSeconds = calls.map { Double($0.last - $0.first) / 1e9 }
                if reset {
                    stats = SandboxProcessStats(requests: [:], throttled: 0)
                    calls = nil
                }
                return answer
            }
        }

        private static func monotonicNanoseconds() -> UInt64 {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
        }
    }
}
