import Foundation
import Pipeline
import SQLite
import Staging
import XCTest

@testable import CLI

/// `omniflow status`, `watermarks`, `backup` and `schedule` against real control databases in each
/// state monitoring must tell apart.
final class OperationsCommandTests: XCTestCase {
    private var harness: CLIHarness!
    private var staging: URL { harness.folder.appendingPathComponent("staging") }

    override func setUpWithError() throws {
        harness = try CLIHarness()
        harness.environment["OMNIFLOW_STAGING_ROOT"] = staging.path
        harness.environment["OMNIFLOW_FLOW_STORE_PATH"] = staging.appendingPathComponent("flow.db").path
    }

    override func tearDown() {
        harness.cleanUp()
    }

    /// A control database whose clock says `hoursAgo` before now, with a finished run of `cycle`.
    @discardableResult
    private func recordRun(cycle: RunCycle?, status: RunRecord.Status, hoursAgo: Double) throws -> String {
        let clock = FixedClock(Date().addingTimeInterval(-hoursAgo * 3600))
        let control = try ControlStore(root: staging, clock: clock)
        let run = try control.createRun(arguments: "run")
        if let cycle { try control.setRunCycle(runID: run.id, cycle: cycle.rawValue) }
        try control.finishRun(id: run.id, status: status)
        return run.id
    }

    private func status() async throws -> (code: ExitCode, status: StatusEvaluation, text: String) {
        let json = await harness.run(["status", "--json"])
        let text = await harness.run(["status"])
        XCTAssertEqual(json.code, text.code)
        return (json.code, try OutputJSON.decoder().decode(StatusEvaluation.self, from: Data(json.output.utf8)), text.output)
    }

    // MARK: - status

    func testStatusWithoutAControlDatabaseIsCritical() async throws {
        let result = try await status()
        XCTAssertEqual(result.code, .usageError)   // 2 = CRITICAL
        XCTAssertEqual(result.status.state, .critical)
        XCTAssertTrue(result.text.hasPrefix("OMNIFLOW CRITICAL - control database"), result.text)
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging.appendingPathComponent("omniflow.db").path),
                       "status must not create the control database")
    }

    func testStatusOfAFreshInstallationWarnsThatNoNightlyRunSucceeded() async throws {
        _ = try ControlStore(root: staging)
        let result = try await status()
        XCTAssertEqual(result.code, .runFailed)   // 1 = WARNING
        XCTAssertEqual(result.status.checks.first { $0.name == "cycle nightly" }?.state, .warning)
        XCTAssertNil(result.status.checks.first { $0.name == "cycle intraday" }, "intraday is judged once it has run")
    }

    func testStatusOfAHealthyInstallationIsOK() async throws {
        try recordRun(cycle: .nightly, status: .succeeded, hoursAgo: 3)
        try recordRun(cycle: .intraday, status: .succeeded, hoursAgo: 0.05)
        let result = try await status()
        XCTAssertEqual(result.code, .success, result.text)
        XCTAssertEqual(result.status.state, .ok)
        XCTAssertTrue(result.text.hasPrefix("OMNIFLOW OK"), result.text)
    }

    func testStatusOfAStaleNightlyRunWarnsThenIsCritical() async throws {
        try recordRun(cycle: .nightly, status: .succeeded, hoursAgo: 30)
        var result = try await status()
        XCTAssertEqual(result.code, .runFailed, result.text)
        XCTAssertEqual(result.status.checks.first { $0.name == "cycle nightly" }?.state, .warning)

        harness.environment["OMNIFLOW_STATUS_NIGHTLY_CRITICAL_HOURS"] = "28"
        result = try await status()
        XCTAssertEqual(result.code, .usageError, result.text)
        XCTAssertEqual(result.status.checks.first { $0.name == "cycle nightly" }?.state, .critical)
    }

    func testStatusWithADeadJobIsCritical() async throws {
        try recordRun(cycle: .nightly, status: .succeeded, hoursAgo: 1)
        let control = try ControlStore(root: staging)
        let job = try control.enqueue(queue: SyncJob.Queue.externalOrderSync, objectKey: "POS-1")
        _ = try control.failJob(id: job.id, error: "400 invalid store", retryable: false)
        let result = try await status()
        XCTAssertEqual(result.code, .usageError, result.text)
        let check = try XCTUnwrap(result.status.checks.first { $0.name == "queue external_order_sync" })
        XCTAssertEqual(check.state, .critical)
        XCTAssertTrue(result.text.contains("omniflow queues show external_order_sync --state dead"), result.text)
    }

    // MARK: - metrics

    func testMetricsFileHoldsTheSnapshotInPrometheusTextFormat() throws {
        try recordRun(cycle: .nightly, status: .succeeded, hoursAgo: 2)
        let control = try ControlStore(root: staging)
        try control.setWatermark("2026-11-30T10:00:00.0000000Z", for: "omnium.products.modified")
        var configuration = OmniflowConfiguration()
        configuration.stagingRoot = staging.path
        var traffic = OmniumTrafficTally.Counts()
        traffic.requests = 12
        traffic.successes = 10
        traffic.throttled = 2
        try OperationsService(configuration: configuration).writeMetrics(control: control, manifest: nil, cycle: nil,
                                                                         omniumTraffic: traffic)
        let text = try String(contentsOf: configuration.metricsFileURL, encoding: .utf8)
        XCTAssertEqual(configuration.metricsFileURL.path, staging.appendingPathComponent("metrics/omniflow.prom").path)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            // name{labels} value — every sample line parses.
            let parts = line.split(separator: " ")
            XCTAssertEqual(parts.count, 2, String(line))
            XCTAssertNotNil(Double(parts[1]), String(line))
            XCTAssertTrue(parts[0].hasPrefix("omniflow_"), String(line))
        }
        XCTAssertTrue(text.contains("# TYPE omniflow_cycle_last_success_timestamp_seconds gauge"), text)
        XCTAssertTrue(text.contains("omniflow_cycle_last_success_timestamp_seconds{cycle=\"nightly\"} "), text)
        XCTAssertTrue(text.contains("omniflow_queue_jobs{queue=\"external_order_sync\",state=\"dead\"} 0"), text)
        XCTAssertTrue(text.contains("omniflow_watermark_age_seconds{stream=\"omnium.products.modified\"} "), text)
        XCTAssertTrue(text.contains("omniflow_quarantine_open 0"), text)
        XCTAssertTrue(text.contains("omniflow_last_run_omnium_requests 12"), text)
        XCTAssertTrue(text.contains("omniflow_last_run_omnium_responses{class=\"429\"} 2"), text)
        XCTAssertTrue(text.contains("omniflow_last_run_omnium_retried_attempts 2"), text)
    }

    // MARK: - watermarks

    func testWatermarksSetRewindsUnderTheLockAndRecordsWho() async throws {
        let control = try ControlStore(root: staging)
        try control.setWatermark("2026-11-30T10:00:00.0000000Z", for: "omnium.products.modified")
        try control.setWatermark("2026-12-01T02:00:00.0000000Z", for: "omnium.prices.full")
        try control.setWatermark("2026-11-30T09:00:00.0000000Z", for: "omnium.prices.modified")

        let list = await harness.run(["watermarks", "--json"])
        XCTAssertEqual(list.code, .success, list.error)
        let marks = try OutputJSON.decoder().decode([WatermarkListing].self, from: Data(list.output.utf8))
        XCTAssertEqual(marks.map(\.stream), ["omnium.prices.modified", "omnium.products.modified"])
        XCTAssertEqual(marks.first?.lastFullRead, "2026-12-01T02:00:00.0000000Z")

        let dry = await harness.run(["watermarks", "set", "omnium.products.modified", "2026-11-01", "--dry-run"])
        XCTAssertEqual(dry.code, .success, dry.error)
        XCTAssertTrue(dry.output.contains("2026-10-31T23:00:00.0000000Z"), dry.output)   // midnight in Oslo
        XCTAssertEqual(try control.watermark(for: "omnium.products.modified")?.value, "2026-11-30T10:00:00.0000000Z")

        let forward = await harness.run(["watermarks", "set", "omnium.products.modified", "2026-12-02T00:00:00Z"])
        XCTAssertEqual(forward.code, .usageError)
        XCTAssertTrue(forward.error.contains("only rewinds"), forward.error)

        let typo = await harness.run(["watermarks", "set", "omnium.product.modified", "2026-11-01"])
        XCTAssertEqual(typo.code, .usageError)
        XCTAssertTrue(typo.error.contains("did you mean 'omnium.products.modified'"), typo.error)

        let noOffset = await harness.run(["watermarks", "set", "omnium.products.modified", "2026-11-01T06:00:00"])
        XCTAssertEqual(noOffset.code, .usageError)

        try control.runLock().acquire(runID: "busy-run")
        let locked = await harness.run(["watermarks", "set", "omnium.products.modified", "2026-11-01"])
        XCTAssertEqual(locked.code, .lockHeld, locked.error)
        try control.runLock().release(runID: "busy-run")

        harness.environment["USER"] = "ops"
        let moved = await harness.run(["watermarks", "set", "omnium.products.modified", "2026-11-01T06:00:00+01:00"])
        XCTAssertEqual(moved.code, .success, moved.error)
        XCTAssertEqual(try control.watermark(for: "omnium.products.modified")?.value, "2026-11-01T05:00:00.0000000Z")
        let change = try XCTUnwrap(try control.watermarkChanges().last)
        XCTAssertEqual(change.oldValue, "2026-11-30T10:00:00.0000000Z")
        XCTAssertEqual(change.newValue, "2026-11-01T05:00:00.0000000Z")
        XCTAssertTrue(change.changedBy.hasPrefix("ops@"), change.changedBy)
    }

    // MARK: - backup

    func testBackupCopiesBothDatabasesPrivatelyAndNeverOverwrites() async throws {
        let control = try ControlStore(root: staging)
        try control.setWatermark("2026-11-30T10:00:00.0000000Z", for: "omnium.products.modified")
        let backup = harness.folder.appendingPathComponent("backup-1")
        let first = await harness.run(["backup", backup.path])
        XCTAssertEqual(first.code, .success, first.error)
        let copy = try ControlStore(root: backup)
        XCTAssertEqual(try copy.watermark(for: "omnium.products.modified")?.value, "2026-11-30T10:00:00.0000000Z")
        let mode = try FileManager.default.attributesOfItem(atPath: backup.appendingPathComponent("omniflow.db").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let again = await harness.run(["backup", backup.path])
        XCTAssertEqual(again.code, .usageError)
        XCTAssertTrue(again.error.contains("never overwrites"), again.error)
    }

    // MARK: - schedule

    func testScheduleSystemdUnitsAreValid() async throws {
        let units = harness.folder.appendingPathComponent("units")
        let result = await harness.run(["schedule", "systemd", "--output", units.path, "--executable", "/bin/true",
                                        "--working-directory", harness.folder.path, "--user", "root",
                                        "--environment-file", harness.folder.appendingPathComponent("omniflow.env").path])
        XCTAssertEqual(result.code, .success, result.error)
        let names = try FileManager.default.contentsOfDirectory(atPath: units.path).sorted()
        XCTAssertEqual(names, ["omniflow-intraday.service", "omniflow-intraday.timer", "omniflow-nightly.service",
                               "omniflow-nightly.timer"])
        let service = try INI(contentsOf: units.appendingPathComponent("omniflow-nightly.service"))
        XCTAssertEqual(service["Service", "Type"], "oneshot")
        XCTAssertEqual(service["Service", "SuccessExitStatus"], "3")
        XCTAssertEqual(service["Service", "ExecStart"], "/bin/true run --cycle nightly --config /etc/omniflow/omniflow.json --quiet")
        let timer = try INI(contentsOf: units.appendingPathComponent("omniflow-nightly.timer"))
        XCTAssertEqual(timer["Timer", "OnCalendar"], "*-*-* 02:30:00")
        XCTAssertEqual(timer["Timer", "Persistent"], "true")
        XCTAssertEqual(timer["Timer", "RandomizedDelaySec"], "15min")
        XCTAssertEqual(try INI(contentsOf: units.appendingPathComponent("omniflow-intraday.timer"))["Timer", "OnCalendar"], "*:0/5")

        // systemd's own checker, where the machine has it.
        guard let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first(where: FileManager.default.isExecutableFile) else {
            return
        }
        try Data("OMNIUM_CLIENT_SECRET=x\n".utf8).write(to: harness.folder.appendingPathComponent("omniflow.env"))
        for name in names {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: analyze)
            process.arguments = ["verify", units.appendingPathComponent(name).path]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = Pipe()
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // Only complaints about our own unit count; a container without a running systemd also
            // reports on the host's units, which are not ours to judge.
            let ours = message.split(separator: "\n").filter { $0.contains(name) || $0.contains("omniflow") }
            XCTAssertTrue(ours.isEmpty, "systemd-analyze verify \(name):\n\(message)")
        }
    }

    func testScheduleCronAndKubernetes() async throws {
        let cron = await harness.run(["schedule", "cron", "--nightly-at", "01:15", "--intraday-every", "10"])
        XCTAssertEqual(cron.code, .success, cron.error)
        // Job lines start with the minute field; comments and SHELL=/PATH= lines do not.
        let jobs = cron.output.split(separator: "\n").filter { $0.first?.isNumber == true || $0.first == "*" }
        XCTAssertEqual(jobs.count, 2, cron.output)
        XCTAssertEqual(jobs[0].split(separator: " ").prefix(5).joined(separator: " "), "15 1 * * *")
        XCTAssertEqual(jobs[1].split(separator: " ").prefix(5).joined(separator: " "), "*/10 * * * *")
        XCTAssertTrue(jobs[0].contains("run --cycle nightly"), cron.output)
        XCTAssertTrue(jobs[0].contains("[ $rc -eq 3 ] && rc=0"), cron.output)

        let bad = await harness.run(["schedule", "cron", "--nightly-at", "25:00"])
        XCTAssertEqual(bad.code, .usageError)

        let kube = await harness.run(["schedule", "kubernetes", "--name", "omniflow-acme", "--image", "example/omniflow:1"])
        XCTAssertEqual(kube.code, .success, kube.error)
        let documents = kube.output.components(separatedBy: "---\n")
        XCTAssertEqual(documents.count, 2)
        for (document, cycle) in zip(documents, ["nightly", "intraday"]) {
            XCTAssertTrue(document.contains("kind: CronJob"), document)
            XCTAssertTrue(document.contains("name: omniflow-acme-\(cycle)\n"), document)
            XCTAssertTrue(document.contains("concurrencyPolicy: Forbid"), document)
            XCTAssertTrue(document.contains("secretKeyRef:"), document)
            XCTAssertTrue(document.contains("claimName: omniflow-acme-staging"), document)
            XCTAssertFalse(document.contains("\t"), "YAML must be indented with spaces")
        }
        try assertParsesAsYAML(kube.output)
    }

    /// PyYAML, where python3 has it, reads the manifest as two CronJobs.
    private func assertParsesAsYAML(_ text: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sys
            try:
                import yaml
            except ImportError:
                sys.exit(0)
            docs = list(yaml.safe_load_all(sys.stdin))
            assert [d["kind"] for d in docs] == ["CronJob", "CronJob"], docs
            assert docs[0]["spec"]["concurrencyPolicy"] == "Forbid"
            c = docs[0]["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
            assert c["env"][2]["valueFrom"]["secretKeyRef"]["key"] == "client-secret"
            """]
        let input = Pipe()
        process.standardInput = input
        let errors = Pipe()
        process.standardError = errors
        guard (try? process.run()) != nil else { return }   // no python3: the string checks above stand
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, message)
    }
}

/// A minimal reader of systemd unit files: `[Section]` and `Key=Value` lines.
private struct INI {
    var values: [String: [String: String]] = [:]

    init(contentsOf url: URL) throws {
        var section = ""
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") { section = String(line.dropFirst().dropLast()); continue }
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[section, default: [:]][String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
    }

    subscript(section: String, key: String) -> String? { values[section]?[key] }
}

/// `run --cycle` on the fake services: the cycle reaches the request, and combinations are refused.
final class RunCycleCommandTests: XCTestCase {
    func testRunCycleReachesTheServicesAndExcludesOtherSelections() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let run = await harness.run(["run", "--cycle", "intraday", "--quiet"])
        XCTAssertEqual(run.code, .success, run.error)
        XCTAssertEqual(harness.services.calls.first, .run(RunSelectionRequest(cycle: .intraday)))
        let combined = await harness.run(["run", "--cycle", "nightly", "--only", "load.orders"])
        XCTAssertEqual(combined.code, .usageError)
        XCTAssertTrue(combined.error.contains("'--cycle' selects its own stages"), combined.error)
        let unknown = await harness.run(["run", "--cycle", "weekly"])
        XCTAssertEqual(unknown.code, .usageError)
    }
}

/// Read-only commands never create a control database (issue 7: "refuse a missing control database").
final class MissingControlDatabaseTests: XCTestCase {
    func testReadCommandsRefuseAMissingControlDatabaseWithoutCreatingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nocontrol-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = OmniflowConfiguration()
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        let services = PipelineServices()
        for call in [{ _ = try services.listRuns(configuration: configuration) },
                     { _ = try services.listQuarantine(configuration: configuration) },
                     { _ = try services.listQueues(configuration: configuration) }] as [() throws -> Void] {
            XCTAssertThrowsError(try call()) { error in
                XCTAssertEqual((error as? ServiceError)?.exitCode, .usageError, "\(error)")
                XCTAssertTrue("\(error)".contains("no control database"), "\(error)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("staging/omniflow.db").path))
    }
}

final class VersionFlagTests: XCTestCase {
    func testVersionFlagPrintsTheVersion() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let flag = await harness.run(["--version"])
        let command = await harness.run(["version"])
        XCTAssertEqual(flag.code, .success)
        XCTAssertEqual(flag.output, "omniflow \(Omniflow.version)\n")
        XCTAssertEqual(flag.output, command.output)
    }
}
