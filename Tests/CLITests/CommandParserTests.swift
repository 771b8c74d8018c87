import XCTest

@testable import CLI

/// Command lines that cannot run: exit status 2, one line on standard error, nothing started.
final class CommandParserTests: XCTestCase {
    private var harness: CLIHarness!

    override func setUpWithError() throws {
        harness = try CLIHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private func assertUsageError(_ arguments: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) async {
        let outcome = await harness.run(arguments)
        XCTAssertEqual(outcome.code, .usageError, file: file, line: line)
        XCTAssertEqual(outcome.error, expected + "\n", file: file, line: line)
        XCTAssertEqual(outcome.output, "", file: file, line: line)
        XCTAssertEqual(harness.services.calls, [], "nothing may start on a usage error", file: file, line: line)
    }

    func testUnknownCommandSuggestsClosest() async {
        await assertUsageError(["rnu"], "error: omniflow: unknown command 'rnu' (did you mean 'run'?). See 'omniflow help'.")
        await assertUsageError(["runs", "shwo", "1"], "error: omniflow runs: unknown command 'shwo' (did you mean 'show'?). See 'omniflow help runs'.")
    }

    func testUnknownOptionSuggestsClosest() async {
        await assertUsageError(["run", "--jsn"], "error: omniflow run: unknown option '--jsn' (did you mean '--json'?). See 'omniflow help run'.")
        await assertUsageError(["run", "-x"], "error: omniflow run: unknown option '-x'. See 'omniflow help run'.")
    }

    func testMissingAndMalformedValues() async {
        await assertUsageError(["run", "--from"], "error: omniflow run: missing value for '--from <stage>'. See 'omniflow help run'.")
        await assertUsageError(["run", "--from", "--json"], "error: omniflow run: missing value for '--from <stage>'. See 'omniflow help run'.")
        await assertUsageError(["sandbox", "serve", "--port", "99999"],
                               "error: omniflow sandbox serve: invalid value '99999' for '--port': expected a whole number from 0 to 65535. See 'omniflow help sandbox serve'.")
        await assertUsageError(["sandbox", "serve", "--scale", "huge"],
                               "error: omniflow sandbox serve: invalid value 'huge' for '--scale': expected one of tiny, small, medium, large. See 'omniflow help sandbox serve'.")
        await assertUsageError(["run", "--json=yes"], "error: omniflow run: '--json' is a flag and takes no value. See 'omniflow help run'.")
        await assertUsageError(["run", "--from", "extract.stores", "--from=load.products"],
                               "error: omniflow run: '--from' given more than once. See 'omniflow help run'.")
    }

    func testPositionals() async {
        await assertUsageError(["runs", "show"], "error: omniflow runs show: missing expected argument '<run-id>'. See 'omniflow help runs show'.")
        await assertUsageError(["version", "extra"], "error: omniflow version: unexpected argument 'extra'. See 'omniflow help version'.")
        await assertUsageError(["runs", "show", "../etc"],
                               "error: omniflow runs show: invalid run id '../etc' for '<run-id>': letters, digits, '-', '_' and '.' only. See 'omniflow help runs show'.")
    }

    func testUnknownStagesNameTheValidOnes() async {
        let valid = "valid stages: extract.stores, extract.products, transform.products, load.products"
        await assertUsageError(["run", "--only", "extract.stores,nonexistent"],
                               "error: omniflow run: unknown stage 'nonexistent' for '--only'; \(valid). See 'omniflow help run'.")
        await assertUsageError(["run", "--from", "extract.product"],
                               "error: omniflow run: unknown stage 'extract.product' for '--from' (did you mean 'extract.products'?); \(valid). See 'omniflow help run'.")
        await assertUsageError(["stage", "load"], "error: omniflow stage: unknown stage 'load' for '<name>'; \(valid). See 'omniflow help stage'.")
        await assertUsageError(["run", "--from", "extract.stores", "--only", "load.products"],
                               "error: omniflow run: '--from' and '--only' cannot be combined; use one of them. See 'omniflow help run'.")
    }

    func testOptionSyntaxes() async {
        let outcome = await harness.run(["run", "--only=extract.stores", "--only", "load.products, extract.products", "-q", "--resume", "r-1"])
        XCTAssertEqual(outcome.code, .success, outcome.error)
        XCTAssertEqual(harness.services.calls, [
            .run(RunSelectionRequest(resumeRunID: "r-1", onlyStages: ["extract.stores", "load.products", "extract.products"]))
        ])
        XCTAssertEqual(outcome.output, "", "--quiet prints nothing on success")
    }

    func testDoubleDashEndsOptions() async {
        let outcome = await harness.run(["stage", "--", "extract.stores"])
        XCTAssertEqual(outcome.code, .success, outcome.error)
        XCTAssertEqual(harness.services.calls, [.runStage("extract.stores")])
    }

    func testHelpWinsOverOtherErrors() async {
        let outcome = await harness.run(["run", "--bogus", "-h"])
        XCTAssertEqual(outcome.code, .success)
        XCTAssertTrue(outcome.output.hasPrefix("OVERVIEW: Run the batch"))
    }

    func testHelpForUnknownCommand() async {
        await assertUsageError(["help", "runs", "shw"], "error: omniflow help: unknown command 'runs shw' (did you mean 'show'?). See 'omniflow help help'.")
    }
}
