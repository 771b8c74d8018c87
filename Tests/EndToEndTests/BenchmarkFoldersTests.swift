import Foundation
import XCTest

/// `omniflow-bench` removes the temporary folders of benchmark runs that were killed (their process is gone)
/// and leaves every other folder alone: a benchmark running beside it, old names, anything else.
final class BenchmarkFoldersTests: XCTestCase {
    func testFoldersOfEndedRunsAreRemovedAndOthersKept() throws {
        let bench = OmniflowProcess.executable.deletingLastPathComponent().appendingPathComponent("omniflow-bench")
        guard FileManager.default.isExecutableFile(atPath: bench.path) else {
            return XCTFail("omniflow-bench is not built beside omniflow at \(bench.path)")
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("bench-folders-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }

        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let names = [
            "omniflow-bench-catalogue-\(ended.processIdentifier)-\(UUID().uuidString)",   // its process has ended
            "omniflow-bench-run-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)",   // running
            "omniflow-bench-catalogue-\(UUID().uuidString)",   // named before process ids were in the name
            "omniflow-bench-notes",
            "other-\(ended.processIdentifier)-\(UUID().uuidString)",
        ]
        for name in names {
            try FileManager.default.createDirectory(at: temporary.appendingPathComponent(name).appendingPathComponent("staging"),
                                                    withIntermediateDirectories: true)
        }

        let process = Process()
        process.executableURL = bench
        process.arguments = ["--list", "--filter", "staging"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 0, printed)
        XCTAssertTrue(printed.contains("removed \(names[0]), left by a benchmark run that was killed"), printed)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path).sorted(), names.dropFirst().sorted())
    }
}
