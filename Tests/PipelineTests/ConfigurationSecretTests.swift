import Foundation
import XCTest

@testable import Pipeline

final class ConfigurationSecretTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func writeSecret(_ text: String, mode: Int) throws -> String {
        let url = folder.appendingPathComponent("secret.txt")
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url.path
    }

    func loader(_ environment: [String: String]) -> ConfigurationLoader {
        ConfigurationLoader(environment: environment, currentDirectory: folder.path)
    }

    func testSecretFromEnvironment() throws {
        let configuration = try loader(["OMNIUM_CLIENT_SECRET": "s3cr3t-value"]).load(file: nil)
        XCTAssertEqual(configuration.omniumClientSecret?.revealedValue, "s3cr3t-value")
    }

    func testSecretFromOwnerOnlyFile() throws {
        let path = try writeSecret("file-secret\n", mode: 0o600)
        let configuration = try loader(["OMNIUM_CLIENT_SECRET_FILE": path]).load(file: nil)
        XCTAssertEqual(configuration.omniumClientSecret?.revealedValue, "file-secret")
    }

    func testGroupReadableSecretFileIsRefused() throws {
        let path = try writeSecret("file-secret", mode: 0o640)
        XCTAssertThrowsError(try loader(["OMNIUM_CLIENT_SECRET_FILE": path]).load(file: nil)) { error in
            let configError = error as? ConfigError
            XCTAssertEqual(configError?.problem, .insecureSecretFile(path: path, mode: "0640"))
            XCTAssertFalse(String(describing: error).contains("file-secret"))
        }
    }

    func testWorldReadableSecretFileIsRefused() throws {
        let path = try writeSecret("file-secret", mode: 0o604)
        XCTAssertThrowsError(try loader(["OMNIUM_CLIENT_SECRET_FILE": path]).load(file: nil))
    }

    func testSecretInConfigurationFileIsRefusedWithPosition() throws {
        try Data("{\n \"OMNIUM_CLIENT_SECRET\": \"leaked\"\n}".utf8).write(to: folder.appendingPathComponent("omniflow.json"))
        XCTAssertThrowsError(try loader([:]).load(file: nil)) { error in
            let configError = error as? ConfigError
            XCTAssertEqual(configError?.problem, .secretInFile(key: "OMNIUM_CLIENT_SECRET"))
            XCTAssertEqual(configError?.line, 2)
            XCTAssertEqual(configError?.column, 2)
            XCTAssertFalse(String(describing: error).contains("leaked"))
        }
    }

    func testDescriptionRedactsTheSecret() throws {
        let configuration = try loader(["OMNIUM_CLIENT_SECRET": "s3cr3t-value", "OMNIUM_CLIENT_ID": "client"]).load(file: nil)
        let texts = [configuration.description, String(reflecting: configuration), "\(configuration)",
                     String(describing: configuration.omniumClientSecret as Any)]
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in texts + [dumped] {
            XCTAssertFalse(text.contains("s3cr3t-value"), text)
        }
        XCTAssertTrue(configuration.description.contains("OMNIUM_CLIENT_SECRET = <redacted>"))
        XCTAssertTrue(configuration.description.contains("OMNIUM_CLIENT_ID = client"))
        XCTAssertTrue(configuration.description.contains("OMNIUM_PROPERTY_PREFIX = flow"))
    }
}

// MARK: - Secret file named in the configuration file

extension ConfigurationSecretTests {
    func testInsecureSecretFileNamedInTheFileBlamesTheFile() throws {
        let path = try writeSecret("file-secret", mode: 0o644)
        try Data("{\"OMNIUM_CLIENT_SECRET_FILE\": \"\(path)\"}".utf8).write(to: folder.appendingPathComponent("omniflow.json"))
        XCTAssertThrowsError(try loader([:]).load(file: nil)) { error in
            XCTAssertEqual((error as? ConfigError)?.origin, .file("omniflow.json"))
        }
    }
}
