import Foundation
@testable import Pipeline
import XCTest

@testable import CLI

/// `omniflow init` writes a commented configuration that passes `omniflow config` as written.
final class InitCommandTests: XCTestCase {
    private var harness: CLIHarness!

    override func setUpWithError() throws {
        harness = try CLIHarness()
        harness.environment = [:]  // the file alone must pass
    }

    override func tearDown() {
        harness.cleanUp()
    }

    func testInitWritesACommentedFileThatPassesConfigAndIsNeverOverwrittenUnasked() async throws {
        let written = await harness.run(["init"])
        XCTAssertEqual(written.code, .success, written.error)
        XCTAssertTrue(written.output.contains("omniflow config --config omniflow.json"), written.output)
        let text = try String(contentsOf: harness.folder.appendingPathComponent("omniflow.json"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("// omniflow configuration"), text)

        let config = await harness.run(["config", "--config", "omniflow.json"])
        XCTAssertEqual(config.code, .success, config.error)
        XCTAssertTrue(config.output.contains("OMNIUM_BASE_URL = https://apitest.omnium.no"), config.output)
        XCTAssertTrue(config.output.contains("OMNIFLOW_MAX_ATTEMPTS = "), config.output)

        let again = await harness.run(["init"])
        XCTAssertEqual(again.code, .usageError)
        XCTAssertTrue(again.error.contains("omniflow.json exists; not overwritten"), again.error)
        XCTAssertEqual(try String(contentsOf: harness.folder.appendingPathComponent("omniflow.json"), encoding: .utf8), text)
        let forced = await harness.run(["init", "--force", "--quiet", "--output", "omniflow.json"])
        XCTAssertEqual(forced.code, .success, forced.error)
        XCTAssertEqual(forced.output, "")
    }

    func testEveryKeyAppearsOnceAndEachCommentedDefaultLoadsBackToTheDefault() throws {
        let text = StartingConfiguration.text(version: "test")
        for name in ConfigKey.names where name != "OMNIUM_CLIENT_SECRET" {
            XCTAssertEqual(text.components(separatedBy: "\"\(name)\": ").count - 1, 1, "\(name) once")
        }
        XCTAssertFalse(text.contains("\"OMNIUM_CLIENT_SECRET\""), "the secret is never in the file")

        // As written: the defaults, plus the test URL.
        let loader = ConfigurationLoader(environment: [:], currentDirectory: "/")
        var expected = OmniflowConfiguration()
        expected.omniumBaseURL = URL(string: "https://apitest.omnium.no")
        XCTAssertEqual(try loaded(text, loader).settings, expected.settings)

        // Every optional line uncommented: still valid JSON, and still exactly the defaults.
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasPrefix("  // \"") ? "  " + line.dropFirst(5) : String(line)
        }.joined(separator: "\n")
        XCTAssertNotEqual(uncommented, text)
        XCTAssertEqual(try loaded(uncommented, loader).settings, expected.settings)
    }

    private func loaded(_ text: String, _ loader: ConfigurationLoader) throws -> OmniflowConfiguration {
        var configuration = OmniflowConfiguration()
        _ = try loader.apply(fileBytes: Array(text.utf8), named: "omniflow.json", to: &configuration)
        return configuration
    }
}
