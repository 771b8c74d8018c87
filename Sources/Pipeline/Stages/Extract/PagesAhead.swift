import Foundation

// MARK: - PagesAhead

/// Reads a paged Omnium stream one page ahead: while the extract stages page N, page N+1 is already
/// being requested (issue 8: the extract never overlapped, so the second core idled while a page was
/// staged and wall time was client CPU plus sandbox CPU).
///
/// Why one page and not more: staging keeps pace with the network, and one request in flight per
/// stream is what the stream did before, so `OmniumRequestLimiter` (which every request goes through)
/// sees the same rate; memory stays at two pages. Pages come out in order; an error of the page read
/// ahead is thrown at the `next()` that would have returned it, after the page before it was staged
/// (and checkpointed), exactly as without read-ahead. Cancelling the consumer while it waits cancels the
/// read ahead; a loop left early drops the one request still in flight.
struct PagesAhead<Page: Sendable>: AsyncSequence {
    typealias Element = Page
    let base: AsyncThrowingStream<Page, Error>

    init(_ base: AsyncThrowingStream<Page, Error>) { self.base = base }

    func makeAsyncIterator() -> Iterator { Iterator(source: Source(base.makeAsyncIterator())) }

    struct Iterator: AsyncIteratorProtocol {
        let source: Source
        var ahead: Task<Page?, Error>?

        mutating func next() async throws -> Page? {
            let task = ahead ?? source.request()
            ahead = nil
            let page = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
            if page != nil { ahead = source.request() }
            return page
        }
    }

    /// The underlying iterator, advanced by one request task at a time (each starts only after the
    /// previous one finished), which is what makes the unchecked sendability sound.
    final class Source: @unchecked Sendable {
        private var iterator: AsyncThrowingStream<Page, Error>.AsyncIterator

        init(_ iterator: AsyncThrowingStream<Page, Error>.AsyncIterator) { self.iterator = iterator }

        func request() -> Task<Page?, Error> {
            Task { try await self.iterator.next() }
        }
    }
}
