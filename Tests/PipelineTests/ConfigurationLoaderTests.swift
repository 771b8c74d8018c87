import Foundation
import XCTest

@testable import Pipeline

final class ConfigurationLoaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: - Helpers

    private func write(_ text: String, to name: String = "omniflow.json", mode: Int = 0o644) throws {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    private func load(_ file: String? = nil, environment: [String: String] = [:]) throws -> OmniflowConfiguration {
        try ConfigurationLoader(environment: environment, currentDirectory: folder.path).load(file: file)
    }

    func loadError(_ file: String? = nil, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try load(file, environment: environment)
            XCTFail("expected a ConfigError")
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            XCTFail("unexpected error \(error)")
            return nil
        }
    }

    // MARK: - Defaults and overlay

    func testDefaultsWithoutFileOrEnvironment() throws {
        let configuration = try load()
        XCTAssertNil(configuration.omniumBaseURL)
        XCTAssertNil(configuration.sourceFile)
        XCTAssertEqual(configuration.propertyPrefix, "flow")
        XCTAssertEqual(configuration.stagingRoot, "staging")
        XCTAssertEqual(configuration.flowStorePath, "staging/flow.db")
        XCTAssertEqual(configuration.tenantCountryCode, "NO")
        XCTAssertEqual(configuration.tenantCurrency, "NOK")
        XCTAssertEqual(configuration.colliDimensionUnit, .centimetre)
        XCTAssertEqual(configuration.businessTimeZone.identifier, "Europe/Oslo")
        XCTAssertFalse(configuration.isFlowStockMaster(storeID: "any"))
        XCTAssertEqual(configuration.fullReconciliationHours, 24)
    }

    func testFullReconciliationHoursFromEnvironmentAndRange() throws {
        XCTAssertEqual(try load(environment: ["OMNIFLOW_FULL_RECONCILIATION_HOURS": "0"]).fullReconciliationHours, 0)
        XCTAssertEqual(try load(environment: ["OMNIFLOW_FULL_RECONCILIATION_HOURS": "168"]).fullReconciliationHours, 168)
        XCTAssertNotNil(loadError(environment: ["OMNIFLOW_FULL_RECONCILIATION_HOURS": "-1"]))
    }

    func testConcurrentStagesFromEnvironmentAndRange() throws {
        XCTAssertEqual(try load(environment: [:]).concurrentStages, 2)
        XCTAssertEqual(try load(environment: ["OMNIFLOW_CONCURRENT_STAGES": "1"]).concurrentStages, 1)
        let zero = try XCTUnwrap(loadError(environment: ["OMNIFLOW_CONCURRENT_STAGES": "0"]))
        XCTAssertTrue("\(zero)".contains("OMNIFLOW_CONCURRENT_STAGES"), "\(zero)")
        XCTAssertNotNil(loadError(environment: ["OMNIFLOW_CONCURRENT_STAGES": "9"]))
        XCTAssertNotNil(loadError(environment: ["OMNIFLOW_CONCURRENT_STAGES": "two"]))
    }

    func testFileValuesAreTyped() throws {
        try write("""
            {
              "OMNIUM_BASE_URL": "https://api.omnium.test",
              "OMNIUM_CLIENT_ID": "client",
              "OMNIUM_CLICK_COLLECT_EXPIRY_DAYS": 5,
              "OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM": true,
              "OMNIUM_FLOW_STOCK_MASTER": {"store-1": true, "store-2": false},
              "SyncCategoriesToFlow": true,
              "MainPricesListUid": "main-prices",
              "OMNIFLOW_MARKET_IDS": ["NOR", "SWE"],
              "OMNIFLOW_STAGING_ROOT": "var/staging",
              "OMNIFLOW_REQUEST_TIMEOUT_SECONDS": 12.5,
              "OMNIFLOW_COLLI_DIMENSION_UNIT": "mm"
            }
            """)
        let configuration = try load()
        XCTAssertEqual(configuration.sourceFile, "omniflow.json")
        XCTAssertEqual(configuration.omniumBaseURL?.absoluteString, "https://api.omnium.test")
        XCTAssertEqual(configuration.clickCollectExpiryDays, 5)
        XCTAssertTrue(configuration.sendOrderReceiptToOmnium)
        XCTAssertTrue(configuration.isFlowStockMaster(storeID: "store-1"))
        XCTAssertFalse(configuration.isFlowStockMaster(storeID: "store-2"))
        XCTAssertTrue(configuration.syncCategoriesToFlow)
        XCTAssertEqual(configuration.mainPricesListUID, "main-prices")
        XCTAssertEqual(configuration.marketIDs, ["NOR", "SWE"])
        XCTAssertEqual(configuration.flowStorePath, "var/staging/flow.db", "the Flow store follows the staging root")
        XCTAssertEqual(configuration.requestTimeout, 12.5)
        XCTAssertEqual(configuration.colliDimensionUnit, .millimetre)
    }

    func testEnvironmentWinsOverFile() throws {
        try write(#"{"OMNIUM_CLIENT_ID": "from-file", "OMNIUM_PROPERTY_PREFIX": "x", "ExportDeliveryAsPo": false}"#, to: "custom.json")
        let configuration = try load("custom.json", environment: [
            "OMNIUM_CLIENT_ID": "from-env",
            "ExportDeliveryAsPo": "yes",
            "OMNIUM_FLOW_STOCK_MASTER": "s1=true,s2=false,s3",
            "OMNIFLOW_MARKET_IDS": "NOR, DNK",
            "OMNIFLOW_FLOW_STORE_PATH": "/data/flow.db",
            "UNRELATED_VARIABLE": "ignored",
        ])
        XCTAssertEqual(configuration.omniumClientID, "from-env")
        XCTAssertEqual(configuration.propertyPrefix, "x")
        XCTAssertTrue(configuration.exportDeliveryAsPo)
        XCTAssertEqual(configuration.flowStockMaster, ["s1": true, "s2": false, "s3": true])
        XCTAssertEqual(configuration.marketIDs, ["NOR", "DNK"])
        XCTAssertEqual(configuration.flowStorePath, "/data/flow.db")
    }

    // MARK: - Errors with positions

    func testMalformedJSONNamesLineAndColumn() throws {
        try write("{\n  \"OMNIUM_CLIENT_ID\": \"a\",\n  \"SyncCategoriesToFlow\" true\n}")
        let error = try XCTUnwrap(loadError())
        XCTAssertEqual(error.origin, .file("omniflow.json"))
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.column, 26)
        XCTAssertTrue(error.description.hasPrefix("omniflow.json:3:26: malformed JSON:"), error.description)
    }

    func testTrailingCommaIsMalformed() throws {
        try write("{\"OMNIUM_CLIENT_ID\": \"a\",}")
        let error = try XCTUnwrap(loadError())
        XCTAssertEqual(error.line, 1)
        XCTAssertEqual(error.column, 26)
    }

    func testUnknownKeySuggestsClosestKey() throws {
        try write("{\n  \"OMNIUM_CLIENT_IDD\": \"a\"\n}")
        let error = try XCTUnwrap(loadError())
        XCTAssertEqual(error.problem, .unknownKey("OMNIUM_CLIENT_IDD", suggestion: "OMNIUM_CLIENT_ID"))
        XCTAssertEqual(error.description, "omniflow.json:2:3: unknown key 'OMNIUM_CLIENT_IDD' (did you mean 'OMNIUM_CLIENT_ID'?)")
    }

    func testWrongTypeNamesKeyExpectationAndPosition() throws {
        try write("{\n  \"OMNIUM_CLICK_COLLECT_EXPIRY_DAYS\": \"three\"\n}")
        let error = try XCTUnwrap(loadError())
        XCTAssertEqual(error.description,
                       "omniflow.json:2:39: OMNIUM_CLICK_COLLECT_EXPIRY_DAYS must be a whole number, found string \"three\"")
    }

    func testWrongTypeInsideStockMasterPointsAtTheEntry() throws {
        try write("{\"OMNIUM_FLOW_STOCK_MASTER\": {\"s1\": true,\n \"s2\": \"yes\"}}")
        let error = try XCTUnwrap(loadError())
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 8)
    }

    func testInvalidValues() throws {
        try write(#"{"OMNIFLOW_BUSINESS_TIME_ZONE": "Mars/Olympus"}"#)
        XCTAssertEqual(loadError()?.problem, .invalidValue(key: "OMNIFLOW_BUSINESS_TIME_ZONE",
                                                          reason: "'Mars/Olympus' is not a known time zone (e.g. Europe/Oslo)"))
        try write(#"{"MainPricesListUid": "bad uid!"}"#)
        XCTAssertEqual(loadError()?.line, 1)
        try write(#"{"OMNIUM_BASE_URL": "ftp://example.com"}"#)
        XCTAssertNotNil(loadError())
    }

    func testDuplicateKeyIsRejected() throws {
        try write("{\"OMNIUM_CLIENT_ID\": \"a\",\n\"OMNIUM_CLIENT_ID\": \"b\"}")
        let error = try XCTUnwrap(loadError())
        XCTAssertEqual(error.problem, .duplicateKey("OMNIUM_CLIENT_ID"))
        XCTAssertEqual(error.line, 2)
    }

    func testTopLevelMustBeAnObject() throws {
        try write("[1, 2]")
        XCTAssertEqual(loadError()?.problem, .malformedJSON("the configuration must be a JSON object, found an array"))
    }

    func testWrongEnvironmentValueNamesTheVariable() throws {
        let error = try XCTUnwrap(loadError(environment: ["OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM": "maybe"]))
        XCTAssertEqual(error.description,
                       "environment variable OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM: OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM must be true or false, found 'maybe'")
    }

    func testMissingExplicitFile() throws {
        let error = try XCTUnwrap(loadError("nowhere.json"))
        XCTAssertEqual(error.description, "nowhere.json: cannot read the configuration file: no such file")
    }

    func testManagedTokenKeyIsRejected() throws {
        try write(#"{"OMNIUM_TOKEN": "abc"}"#)
        XCTAssertEqual(loadError()?.problem, .managedKey("OMNIUM_TOKEN"))
    }

    // MARK: - Required values

    func testMissingRequiredValuesAreListed() throws {
        try write(#"{"OMNIUM_CLIENT_ID": "client"}"#)
        let configuration = try load()
        XCTAssertThrowsError(try configuration.requireOmniumSettings()) { error in
            XCTAssertEqual((error as? ConfigError)?.description,
                           "omniflow.json: missing required values OMNIUM_BASE_URL, OMNIUM_CLIENT_SECRET, MainPricesListUid, "
                           + "DefaultVatCodeUid, DefaultProductGroupUid (set in the configuration file or the environment)")
        }
        var complete = configuration
        complete.omniumBaseURL = URL(string: "https://api.omnium.test")
        complete.omniumClientSecret = Secret("s")
        complete.mainPricesListUID = "p"
        complete.defaultVatCodeUID = "v"
        complete.defaultProductGroupUID = "g"
        XCTAssertNoThrow(try complete.requireOmniumSettings())
    }
}

// MARK: - Rules across keys

extension ConfigurationLoaderTests {
    func testRetryCeilingBelowBaseDelayIsRejected() {
        let error = loadError(environment: ["OMNIFLOW_RETRY_BASE_DELAY_SECONDS": "10", "OMNIFLOW_RETRY_MAX_DELAY_SECONDS": "2"])
        XCTAssertEqual(error?.description,
                       "configuration: OMNIFLOW_RETRY_MAX_DELAY_SECONDS: must be at least OMNIFLOW_RETRY_BASE_DELAY_SECONDS (10.0)")
    }
}
