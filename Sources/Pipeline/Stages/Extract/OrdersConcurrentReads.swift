import Foundation

// MARK: - OrdersConcurrentReads

/// Reads by id (orders of due sync jobs, deliveries, customers) a few at a time.
///
/// Why: these are one `GET` per record, and a first run or a backlog can name thousands; one at a time
/// the run would wait on each round trip. The Omnium client still enforces Omnium's limits (20 in flight
/// per API user, the token bucket), so a small fixed width is enough and stays polite.
enum OrdersConcurrentReads {
    /// Requests in flight per stage.
    static let width = 8

    /// `body` for every item, at most ``width`` at once; results in the order of `items`.
    /// - Throws: the first error `body` throws (the others are cancelled).
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ body: @escaping @Sendable (Item) async throws -> Result
    ) async throws -> [Result] {
        if items.count <= 1 {
            var results: [Result] = []
            for item in items { results.append(try await body(item)) }
            return results
        }
        var results = [Result?](repeating: nil, count: items.count)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            func launch() {
                let index = next
                let item = items[index]
                group.addTask { (index, try await body(item)) }
                next += 1
            }
            while next < min(width, items.count) { launch() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < items.count { launch() }
            }
        }
        return results.map { $0! }
    }
}
