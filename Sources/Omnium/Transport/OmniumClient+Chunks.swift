import Foundation

// MARK: - Batches

extension OmniumClient {
    /// Sends `items` in consecutive chunks of at most `size`, one request per chunk, in order.
    ///
    /// Used by the bulk upserts (`UpdateMany`, `AddOrUpdateMany`), which Omnium caps per request
    /// (inventory 1,000, customers 100; orders: 100 by client rule). Chunks go one after another:
    /// batch operations are limited to 4 concurrent per user anyway, and order keeps a failure easy
    /// to reason about. Every chunk is an upsert, so after a failure the whole call can be repeated.
    /// - Throws: the first failing chunk's `OmniumError`, with the chunk named in `detail`.
    public func sendInChunks<Item: Sendable>(
        _ items: [Item], size: Int, _ makeRequest: ([Item]) throws -> OmniumRequest
    ) async throws {
        precondition(size > 0, "chunk size must be positive")
        let count = (items.count + size - 1) / size
        for (index, start) in stride(from: 0, to: items.count, by: size).enumerated() {
            let chunk = Array(items[start ..< min(start + size, items.count)])
            do {
                try await send(try makeRequest(chunk))
            } catch var error as OmniumError {
                let place = "chunk \(index + 1) of \(count) (items \(start)..<\(start + chunk.count))"
                error.detail = error.detail.map { "\(place): \($0)" } ?? place
                throw error
            }
        }
    }
}
