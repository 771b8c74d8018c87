import XCTest

@testable import CLI

final class ProgressReporterTests: XCTestCase {
    func testSilentWhenNotInteractive() {
        let buffer = TextBuffer()
        let reporter = ProgressReporter(output: buffer, isInteractive: false)
        reporter.report(.stageStarted("extract.stores"))
        reporter.report(.stageAdvanced("extract.stores", completed: 1, total: 2))
        reporter.report(.stageFinished("extract.stores", status: .succeeded, rows: 2))
        reporter.report(.note("hello"))
        reporter.finish()
        XCTAssertEqual(buffer.text, "")
    }

    func testDrawsStatusLineAndPermanentLines() {
        let buffer = TextBuffer()
        let reporter = ProgressReporter(output: buffer, isInteractive: true, minimumRedrawInterval: .zero)
        reporter.report(.stageStarted("extract.products"))
        reporter.report(.stageAdvanced("extract.products", completed: 50, total: 200))
        reporter.report(.note("page 1 done"))
        reporter.report(.stageFinished("extract.products", status: .failed, rows: 50))
        reporter.finish()
        let clear = "\r\u{1B}[2K"
        XCTAssertEqual(buffer.text, [
            clear + "▸ extract.products …",
            clear + "▸ extract.products 50/200 (25%)",
            clear + "page 1 done\n" + "▸ extract.products 50/200 (25%)",
            clear + "✗ extract.products failed, 50 rows\n",
        ].joined())
    }

    /// Two stages running at once share the status line; the one still running stays on it.
    func testStagesRunningAtOnceShareTheStatusLine() {
        let buffer = TextBuffer()
        let reporter = ProgressReporter(output: buffer, isInteractive: true, minimumRedrawInterval: .zero)
        reporter.report(.stageStarted("extract.inventory"))
        reporter.report(.stageStarted("extract.products"))
        reporter.report(.stageAdvanced("extract.inventory", completed: 1000, total: nil))
        reporter.report(.stageFinished("extract.products", status: .succeeded, rows: 20))
        reporter.finish()
        let clear = "\r\u{1B}[2K"
        XCTAssertEqual(buffer.text, [
            clear + "▸ extract.inventory …",
            clear + "▸ extract.inventory …   ▸ extract.products …",
            clear + "▸ extract.inventory 1000   ▸ extract.products …",
            clear + "✓ extract.products succeeded, 20 rows\n" + "▸ extract.inventory 1000",
            clear,
        ].joined())
    }

    func testAdvancesAreThrottledButStartsAndEndsAreNot() {
        let buffer = TextBuffer()
        let reporter = ProgressReporter(output: buffer, isInteractive: true, minimumRedrawInterval: .seconds(3600))
        reporter.report(.stageStarted("load.products"))
        reporter.report(.stageAdvanced("load.products", completed: 1, total: nil))
        reporter.report(.stageAdvanced("load.products", completed: 2, total: nil))
        reporter.report(.stageFinished("load.products", status: .succeeded, rows: 2))
        XCTAssertFalse(buffer.text.contains("load.products 1"), buffer.text)
        XCTAssertFalse(buffer.text.contains("load.products 2"), buffer.text)
        XCTAssertTrue(buffer.text.hasSuffix("✓ load.products succeeded, 2 rows\n"), buffer.text)
    }
}
