import Foundation
import Staging
import XCTest

/// A fresh folder per test, removed when the test ends.
func makeTemporaryDirectory(_ testCase: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("omniflow-staging-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// 2026-11-26T15:47:51Z, the start time used across these tests.
let testEpoch = Date(timeIntervalSince1970: 1_795_708_071)

/// A control store in a temp `staging` folder with a fixed clock.
func makeControlStore(_ testCase: XCTestCase, clock: FixedClock = FixedClock(testEpoch)) throws -> ControlStore {
    try ControlStore(root: makeTemporaryDirectory(testCase).appendingPathComponent("staging"), clock: clock)
}
