import Foundation
@testable import Pipeline
import XCTest

final class PagesAheadTests: XCTestCase {
    private struct Failed: Error {}

    /// The page after the one just handed out is requested before the consumer asks for it; pages come
    /// in order and an error surfaces at the position of the page that failed.
    func testTheNextPageIsRequestedWhileThisOneIsProcessed() async throws {
        let (requested, signal) = AsyncStream<Int>.makeStream()
        let counter = Counter()
        let pages = AsyncThrowingStream<[Int], Error>(unfolding: {
            let index = await counter.next()
            signal.yield(index)
            if index == 3 { throw Failed() }
            return [index]
        })
        var requests = requested.makeAsyncIterator()
        var iterator = PagesAhead(pages).makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first, [0])
        // Without read-ahead this would wait for ever: nobody has asked for page 1 yet.
        let firstRequest = await requests.next()
        let aheadRequest = await requests.next()
        XCTAssertEqual([firstRequest, aheadRequest], [0, 1])
        let second = try await iterator.next()
        XCTAssertEqual(second, [1])
        let third = try await iterator.next()
        XCTAssertEqual(third, [2])
        do {
            _ = try await iterator.next()
            XCTFail("the failing page must throw")
        } catch is Failed {}
    }

    func testAnEmptyStreamEnds() async throws {
        var iterator = PagesAhead(AsyncThrowingStream<[Int], Error> { $0.finish() }).makeAsyncIterator()
        let none = try await iterator.next()
        XCTAssertNil(none)
    }

    private actor Counter {
        var value = 0
        func next() -> Int { defer { value += 1 }; return value }
    }
}
