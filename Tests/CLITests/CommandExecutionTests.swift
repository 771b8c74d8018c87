import Foundation
import Pipeline
import OmniumSandbox
import Staging
import XCTest

@testable import CLI

/// Commands against a fake `OmniflowServices`: exit statuses, outputs, configuration handling.
final class CommandExecutionTests: XCTestCase {
    private var harness: CLIHarness!

    override func setUpWithError() throws {
        harness = try CLIHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    // MARK: - run

    func testSuccessfulRunPrintsSummaryAndExitsZero() async {
        let outcome = await harness.run(["run"])
        XCTAssertEqual(outcome.code, .success)
        XCTAssertEqual(outcome.error, "", "no progress drawn when standard error is not a terminal")
        XCTAssertEqual(outcome.output, """
            Run 20261126-0300-a1 succeeded in 12.5 s (started 2026-11-18 12:06:40)
            STAGE             STATUS     READ  WRITTEN  WITHHELD  DROPPED   TIME
            extract.stores    succeeded    12       12         0        0  0.4 s
            extract.products  succeeded   200      198         2        1  3.2 s
            Quarantine: 2 record(s) withheld (not loaded), 1 field(s) dropped from records that loaded; omniflow quarantine list
            Run folder: staging/runs/20261126-0300-a1

            """)
        XCTAssertEqual(harness.services.calls, [.run(RunSelectionRequest())])
        XCTAssertEqual(harness.services.configurations.first?.omniumClientSecret?.revealedValue, "top-secret")
    }

    func testASucceededRunThatLeftWorkInAQueueExitsZeroAndSaysWhat() async {
        harness.services.runReport.leftInQueues = [
            QueueBacklog(queue: "external_order_sync", pending: 2, dead: 1,
                         nextAttemptAt: Date(timeIntervalSince1970: 1_763_467_600)),
        ]
        let outcome = await harness.run(["run"])
        XCTAssertEqual(outcome.code, .success)
        XCTAssertTrue(outcome.output.contains(
            "Left in queue external_order_sync: 2 pending, next attempt 2025-11-18 13:06:40; "
                + "1 dead (omniflow queues retry external_order_sync)\n"), outcome.output)
    }

    func testFailedRunExitsOne() async {
        harness.services.runReport = FakeServices.report(status: .failed)
        let outcome = await harness.run(["run"])
        XCTAssertEqual(outcome.code, .runFailed)
        XCTAssertTrue(outcome.output.contains("extract.products failed: Omnium GET /api/Products/Scroll: 500"), outcome.output)
    }

    func testLockHeldExitsThree() async {
        harness.services.runError = ServiceError.lockHeld("run 20261126-0300-a1 (pid 4242) since 03:00")
        let outcome = await harness.run(["run"])
        XCTAssertEqual(outcome.code, .lockHeld)
        XCTAssertEqual(outcome.error, "error: omniflow run: another run holds the lock: run 20261126-0300-a1 (pid 4242) since 03:00\n")
    }

    func testPipelineErrorsMayChooseTheirExitCode() async {
        struct LockBusy: ExitCodeProviding, CustomStringConvertible {
            var exitCode: ExitCode { .lockHeld }
            var description: String { "run lock held by\nanother process" }
        }
        harness.services.runError = LockBusy()
        let outcome = await harness.run(["run"])
        XCTAssertEqual(outcome.code, .lockHeld)
        XCTAssertEqual(outcome.error, "error: omniflow run: run lock held by another process\n", "messages are one line")
    }

    func testOtherErrorsExitOne() async {
        struct Boom: Error, CustomStringConvertible { var description: String { "disk full" } }
        harness.services.runError = Boom()
        let outcome = await harness.run(["run"])
        XCTAssertEqual(outcome.code, .runFailed)
        XCTAssertEqual(outcome.error, "error: omniflow run: disk full\n")
    }

    func testRunJSONDecodes() async throws {
        let outcome = await harness.run(["run", "--json"])
        XCTAssertEqual(outcome.code, .success)
        let report = try OutputJSON.decoder().decode(RunReport.self, from: Data(outcome.output.utf8))
        XCTAssertEqual(report, harness.services.runReport)
    }

    func testProgressIsDrawnOnATerminalOnly() async {
        let terminal = await harness.run(["run", "--json"], terminal: true)
        XCTAssertTrue(terminal.error.contains("✓ extract.stores succeeded, 12 rows"), terminal.error)
        let quiet = await harness.run(["run", "--quiet"], terminal: true)
        XCTAssertEqual(quiet.error, "")
    }

    // MARK: - Configuration errors

    func testConfigurationErrorExitsTwoWithFileLineAndColumn() async throws {
        try harness.write("{\n  \"OMNIUM_CLIENT_ID\": \"a\",\n  \"SyncCategoriesToFlow\": yes\n}", to: "omniflow.json")
        let outcome = await harness.run(["run"])
        XCTAssertEqual(outcome.code, .usageError)
        XCTAssertEqual(outcome.error, "error: omniflow run: omniflow.json:3:27: malformed JSON: unexpected character 'y', expected a value\n")
        XCTAssertEqual(harness.services.calls, [])
    }

    func testUnknownKeyInExplicitConfigFile() async throws {
        try harness.write("{\"OMNIUM_PROPERTY_PREFX\": \"x\"}", to: "prod.json")
        let outcome = await harness.run(["runs", "--config", "prod.json"])
        XCTAssertEqual(outcome.code, .usageError)
        XCTAssertEqual(outcome.error,
                       "error: omniflow runs: prod.json:1:2: unknown key 'OMNIUM_PROPERTY_PREFX' (did you mean 'OMNIUM_PROPERTY_PREFIX'?)\n")
    }

    func testMissingRequiredSettingsExitTwoWithoutLeakingTheSecret() async {
        var harness = self.harness!
        harness.environment["OMNIUM_CLIENT_ID"] = nil
        harness.environment["MainPricesListUid"] = nil
        let outcome = await harness.run(["run"])
        XCTAssertEqual(outcome.code, .usageError)
        XCTAssertEqual(outcome.error, "error: omniflow run: configuration: missing required values OMNIUM_CLIENT_ID, MainPricesListUid "
                       + "(set in the configuration file or the environment)\n")
        XCTAssertFalse(outcome.error.contains("top-secret"))
    }

    // MARK: - runs, runs show, quarantine list

    func testRunsJSONAndTable() async throws {
        let started = Date(timeIntervalSince1970: 1_795_000_000)
        harness.services.runs = [
            RunListing(runID: "r2", status: .failed, startedAt: started, finishedAt: started.addingTimeInterval(75), stageCount: 9,
                       failedStage: "load.products"),
            RunListing(runID: "r1", status: .running, startedAt: started, finishedAt: nil, stageCount: 3),
        ]
        let json = await harness.run(["runs", "--json"])
        XCTAssertEqual(try OutputJSON.decoder().decode([RunListing].self, from: Data(json.output.utf8)), harness.services.runs)
        let table = await harness.run(["runs"])
        XCTAssertEqual(table.output, """
            RUN  STATUS   STARTED                DURATION  STAGES  FAILED STAGE
            r2   failed   2026-11-18 12:06:40  1 min 15 s       9  load.products
            r1   running  2026-11-18 12:06:40           –       3

            """)
    }

    func testRunsShowJSONAndUnknownRun() async throws {
        let unknown = await harness.run(["runs", "show", "nope"])
        XCTAssertEqual(unknown.code, .usageError)
        XCTAssertEqual(unknown.error, "error: omniflow runs show: no run with id 'nope'\n")

        let entry = QuarantineListing(id: 7, runID: "r1", stage: "transform.products", recordKey: "product:SKU-1",
                                      reason: "price missing", quarantinedAt: Date(timeIntervalSince1970: 1_795_000_000))
        harness.services.detail = RunDetail(run: FakeServices.report(status: .failed),
                                            stageErrors: [StageFailure(stage: "extract.products", message: "500")], quarantine: [entry])
        let json = await harness.run(["runs", "show", "20261126-0300-a1", "--json"])
        XCTAssertEqual(json.code, .success)
        XCTAssertEqual(try OutputJSON.decoder().decode(RunDetail.self, from: Data(json.output.utf8)), harness.services.detail)
        let text = await harness.run(["runs", "show", "20261126-0300-a1"])
        XCTAssertTrue(text.output.contains("Errors:\n  extract.products: 500\n"), text.output)
        XCTAssertTrue(text.output.contains("product:SKU-1"), text.output)
    }

    func testRunsShowAndTheRunSummaryPrintChecksWithEachFailedFigure() async throws {
        let check = StageCheck(name: "z_report", summary: "Z report against the transactions", isBlocking: true,
                               comparisons: [.init(key: "oslo-1 2026-12-03 vat 25 sale", expected: "100.00", actual: "99.00"),
                                             .init(key: "oslo-1 2026-12-03 payment cash", expected: "5.00", actual: "5.00")])
        var report = FakeServices.report(status: .failed)
        report.stages[1].failedChecks = [check.verdict]
        harness.services.detail = RunDetail(run: report, stageErrors: [], quarantine: [],
                                            checks: [StageChecks(stage: "import.pos_journal", checks: [check])])
        let text = await harness.run(["runs", "show", "20261126-0300-a1"])
        XCTAssertTrue(text.output.contains("""
            Checks:
              import.pos_journal: z_report FAILED: 1 of 2 figures match — Z report against the transactions
                oslo-1 2026-12-03 vat 25 sale: expected 100.00, actual 99.00

            """), text.output)
        XCTAssertTrue(text.output.contains("extract.products check z_report FAILED: 1 of 2 figures match"), text.output)
    }

    func testQuarantineListIsTheDefault() async throws {
        harness.services.quarantine = [
            QuarantineListing(id: 1, runID: "r1", stage: "transform.orders", recordKey: "order:OC-1", reason: "unknown store",
                              quarantinedAt: Date(timeIntervalSince1970: 1_795_000_000))
        ]
        let json = await harness.run(["quarantine", "--json"])
        XCTAssertEqual(try OutputJSON.decoder().decode([QuarantineListing].self, from: Data(json.output.utf8)), harness.services.quarantine)
        let explicit = await harness.run(["quarantine", "list"])
        XCTAssertTrue(explicit.output.contains("order:OC-1"), explicit.output)
        let dropped = await harness.run(["quarantine", "list", "--kind", "field_dropped"])
        XCTAssertEqual(dropped.output, "No quarantined records.\n", "the one issue is a withheld record")
        let bad = await harness.run(["quarantine", "list", "--kind", "dropped"])
        XCTAssertEqual(bad.code, .usageError)
        XCTAssertEqual(harness.services.calls, [.listQuarantine, .listQuarantine, .listQuarantine])
    }

    func testQuarantineShowPrintsTheSourcePayloadAndRefusesAnUnknownId() async throws {
        let issue = QuarantineListing(id: 12, kind: .fieldDropped, runID: "r1", stage: "transform.products",
                                      recordKey: "product SKU-2", field: "barcode 1234567890123",
                                      reason: "barcode '1234567890123' fails the check digit",
                                      quarantinedAt: Date(timeIntervalSince1970: 1_795_000_000))
        harness.services.quarantineDetail = QuarantineDetail(
            issue: issue, firstSeen: Date(timeIntervalSince1970: 1_794_000_000), attempts: 3,
            sourcePayload: #"{"skuId":"SKU-2","name":"Lue\u001b[31m","ean":"1234567890123"}"#)
        let text = await harness.run(["quarantine", "show", "12"])
        XCTAssertEqual(text.code, .success, text.error)
        XCTAssertTrue(text.output.contains("Quarantine issue 12: product SKU-2, field dropped (the record loaded without it)"),
                      text.output)
        XCTAssertTrue(text.output.contains("Field:       barcode 1234567890123\n"), text.output)
        XCTAssertTrue(text.output.contains("3 attempt(s)"), text.output)
        XCTAssertTrue(text.output.contains("Source payload:\n{\n"), text.output)
        XCTAssertTrue(text.output.contains(#""skuId" : "SKU-2""#), text.output)
        XCTAssertFalse(text.output.contains("\u{1B}"), "no raw ESC from the payload reaches the terminal")

        let json = await harness.run(["quarantine", "show", "12", "--json"])
        XCTAssertEqual(try OutputJSON.decoder().decode(QuarantineDetail.self, from: Data(json.output.utf8)),
                       harness.services.quarantineDetail)

        let unknown = await harness.run(["quarantine", "show", "13"])
        XCTAssertEqual(unknown.code, .usageError)
        XCTAssertTrue(unknown.error.contains("no quarantine issue with id 13"), unknown.error)
        XCTAssertEqual(harness.services.calls, [.showQuarantine(12), .showQuarantine(12), .showQuarantine(13)])
    }

    // MARK: - demo, sandbox, version

    func testDemoOptionsAndJSON() async throws {
        let outcome = await harness.run(["demo", "--dir", "out", "--seed", "7", "--products", "50", "--json"])
        XCTAssertEqual(outcome.code, .success, outcome.error)
        XCTAssertEqual(harness.services.calls, [.demo(DemoOptions(directory: "out", seed: 7, products: 50))])
        let report = try OutputJSON.decoder().decode(DemoReport.self, from: Data(outcome.output.utf8))
        XCTAssertEqual(report.flowStorePath, "out/flow.db")
        let defaults = await harness.run(["demo", "--quiet"])
        XCTAssertEqual(defaults.output, "")
        XCTAssertEqual(harness.services.calls.last, .demo(DemoOptions(directory: "demo", seed: 42, products: 200)))
    }

    func testSandboxServeOptions() async {
        _ = await harness.run(["sandbox", "serve", "--port", "0", "--scale", "medium", "--faults", "hostile"])
        _ = await harness.run(["sandbox", "serve", "--scale", "large", "--products", "10", "--bad-eans", "0"])
        let unknown = await harness.run(["sandbox", "serve", "--faults", "chaos"])
        XCTAssertEqual(unknown.code, .usageError, "an unknown profile is refused with the list of profiles")
        XCTAssertTrue(unknown.error.contains("hostile"), unknown.error)
        var large = SandboxScale.large
        large.products = 10
        XCTAssertEqual(harness.services.calls, [
            .serveSandbox(SandboxServeOptions(port: 0, seed: 42, scale: .medium, faultProfile: "hostile", badEANCount: 3)),
            .serveSandbox(SandboxServeOptions(port: 8089, seed: 42, scale: large, faultProfile: "none", badEANCount: 0)),
        ])
    }

    func testSandboxServeScaleAndWebhookOptions() async {
        let tiny = await harness.run(["sandbox", "serve", "--scale", "tiny", "--seed", "7"])
        XCTAssertEqual(tiny.code, .success, tiny.error)
        let webhook = await harness.run(["sandbox", "serve", "--webhook-url", "http://127.0.0.1:9000/hook",
                                         "--webhook-header", "X-Api-Key: abc: def"])
        XCTAssertEqual(webhook.code, .success, webhook.error)
        XCTAssertEqual(harness.services.calls, [
            .serveSandbox(SandboxServeOptions(port: 8089, seed: 7, scale: .tiny, faultProfile: "none", badEANCount: 3)),
            .serveSandbox(SandboxServeOptions(port: 8089, seed: 42, scale: .small, faultProfile: "none", badEANCount: 3,
                                              webhookURL: URL(string: "http://127.0.0.1:9000/hook"), webhookHeader: "X-Api-Key: abc: def")),
        ])
        XCTAssertEqual(SandboxServeOptions.header("X-Api-Key: abc: def")?.name, "X-Api-Key")
        XCTAssertEqual(SandboxServeOptions.header("X-Api-Key: abc: def")?.value, "abc: def")
        for (arguments, message) in [
            (["--webhook-header", "X-Key: 1"], "'--webhook-header' needs '--webhook-url'"),
            (["--webhook-url", "http://h/x", "--webhook-header", "no colon"], "must look like 'Name: value'"),
            (["--webhook-url", "ftp://h/x"], "'--webhook-url' must be an http(s) URL"),
            (["--bad-eans", "-1"], "'--bad-eans' must not be negative"),
        ] {
            let outcome = await harness.run(["sandbox", "serve"] + arguments)
            XCTAssertEqual(outcome.code, .usageError, arguments.joined(separator: " "))
            XCTAssertTrue(outcome.error.contains(message), outcome.error)
        }
        XCTAssertEqual(harness.services.calls.count, 2, "invalid options never reach the service")
    }

    func testSandboxDumpSignsInAsTheDemoUserOrTheGivenClient() async throws {
        let text = await harness.run(["sandbox", "dump", "--url", "http://127.0.0.1:8089"])
        XCTAssertEqual(text.code, .success, text.error)
        XCTAssertTrue(text.output.hasPrefix("Sandbox dump (seed 42, 200 products), 0 webhook events\n"), text.output)
        XCTAssertTrue(text.output.contains("  Orders created:     0\n"), text.output)
        let json = await harness.run(["sandbox", "dump", "--url", "http://127.0.0.1:8089", "--client-id", "api-user", "--json"])
        XCTAssertEqual(json.code, .success, json.error)
        let decoded = try OutputJSON.decoder().decode(SandboxDump.self, from: Data(json.output.utf8))
        XCTAssertEqual(decoded, harness.services.dump)
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:8089"))
        XCTAssertEqual(harness.services.calls, [
            .dumpSandbox(SandboxTarget(baseURL: url, clientId: "omniflow-demo", clientSecret: Secret("omniflow-demo-secret"))),
            .dumpSandbox(SandboxTarget(baseURL: url, clientId: "api-user", clientSecret: Secret("top-secret"))),
        ])
        XCTAssertFalse(json.output.contains("top-secret"))
    }

    func testSandboxDumpSummaryListsIds() {
        var dump = SandboxDump(takenAt: Date(timeIntervalSince1970: 0), seed: 1, scale: .tiny)
        dump.posOrderIds = (1...3).map { "POS-\($0)" }
        dump.invoiceFiles = [SandboxDumpInvoiceFile(invoiceId: "I-1", fileName: "I-1.pdf", size: 10)]
        let text = Omniflow.Sandbox.Dump.summary(dump, idLimit: 2)
        XCTAssertTrue(text.contains("  POS orders:         3\n      POS-1\n      POS-2\n      … 1 more (--json lists all)\n"), text)
        XCTAssertTrue(text.contains("      I-1: I-1.pdf (10 bytes)\n"), text)
    }

    func testSandboxMutateOptionsAndOutput() async throws {
        let text = await harness.run(["sandbox", "mutate", "--url", "http://127.0.0.1:8089", "--fraction", "0.05"])
        XCTAssertEqual(text.code, .success, text.error)
        XCTAssertEqual(text.output, """
            Mutation round 1 (fraction 0.05): 2 products, 1 price sets, 1 stock records, 1 orders changed; 1 webhook events
              products: 100001, 100007
              prices:   100003
              orders:   O-1

            """)
        let json = await harness.run(["sandbox", "mutate", "--url", "http://127.0.0.1:8089", "--json"])
        let report = try OutputJSON.decoder().decode(SandboxMutationReport.self, from: Data(json.output.utf8))
        XCTAssertEqual(report.fraction, 0.01, "default fraction")
        for (arguments, message) in [
            (["--url", "http://h", "--fraction", "2"], "'--fraction' must be between 0 and 1"),
            (["--url", "http://h", "--fraction", "x"], "invalid value 'x' for '--fraction': expected a number"),
            (["--fraction", "0.1"], "'--url' is required"),
            (["--url", "localhost:8089"], "'--url' must be an http(s) URL"),
        ] {
            let outcome = await harness.run(["sandbox", "mutate"] + arguments)
            XCTAssertEqual(outcome.code, .usageError, arguments.joined(separator: " "))
            XCTAssertTrue(outcome.error.contains(message), outcome.error)
        }
        var noSecret = harness!
        noSecret.environment["OMNIUM_CLIENT_SECRET"] = nil
        let missing = await noSecret.run(["sandbox", "dump", "--url", "http://h", "--client-id", "x"])
        XCTAssertEqual(missing.code, .usageError)
        XCTAssertTrue(missing.error.contains("OMNIUM_CLIENT_SECRET"), missing.error)
        XCTAssertEqual(harness.services.calls.count, 2)
    }

    func testVersion() async {
        let outcome = await harness.run(["version"])
        XCTAssertEqual(outcome.output, "omniflow \(Omniflow.version)\n")
        XCTAssertEqual(outcome.code, .success)
    }
}

// MARK: - config, run lock

extension CommandExecutionTests {
    func testConfigPrintsEffectiveValuesWithoutTheSecret() async throws {
        try harness.write(#"{"OMNIUM_PROPERTY_PREFIX": "px"}"#, to: "omniflow.json")
        let text = await harness.run(["config"])
        XCTAssertEqual(text.code, .success, text.error)
        XCTAssertTrue(text.output.hasPrefix("# from omniflow.json and the environment\n"), text.output)
        XCTAssertTrue(text.output.contains("OMNIUM_PROPERTY_PREFIX = px\n"), text.output)
        XCTAssertTrue(text.output.contains("OMNIUM_CLIENT_SECRET = <redacted>\n"), text.output)
        XCTAssertFalse(text.output.contains("top-secret"))
        let json = await harness.run(["config", "--json"])
        let settings = try OutputJSON.decoder().decode([ConfigurationSetting].self, from: Data(json.output.utf8))
        XCTAssertEqual(settings.first { $0.key == "OMNIUM_CLIENT_SECRET" }?.value, "<redacted>")
        XCTAssertEqual(settings.first { $0.key == "OMNIUM_CLICK_COLLECT_ORDERHANDLING_UID" }, ConfigurationSetting(key: "OMNIUM_CLICK_COLLECT_ORDERHANDLING_UID", value: nil))
    }

    func testRunLockErrorFromStagingExitsThree() async {
        let holder = RunLockHolder(runID: "r-night", pid: 4242, host: "etl-1", acquiredAt: Date(timeIntervalSince1970: 0),
                                   heartbeatAt: Date(timeIntervalSince1970: 0))
        harness.services.runError = RunLockError.held(by: holder)
        let outcome = await harness.run(["run"])
        XCTAssertEqual(outcome.code, .lockHeld)
        XCTAssertTrue(outcome.error.hasPrefix("error: omniflow run: Another run holds the lock: run r-night (pid 4242 on etl-1"), outcome.error)
    }
}
