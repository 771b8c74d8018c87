import FlowStore
import Foundation
import SQLite
import Staging

/// The storage layer on its own: how fast a run can stage and publish rows, and load stores.
enum StagingBenchmarks {
    static let all: [Benchmark] = [stageAndPublish]

    /// Extract-shaped writes: pages of 1,000 JSON rows appended to a pending dataset, then published.
    static let stageAndPublish = Benchmark(name: "staging.append-pages-and-publish", sizes: [10_000, 100_000],
                                           unit: "rows") { size, workspace in
        struct Row: Codable { let id: String; let name: String; let price: Int64 }
        let staging = try RunStaging(root: workspace, runID: "bench")
        try staging.beginPending("bench.rows")
        var start = 0
        while start < size {
            let page = (start..<min(size, start + 1_000)).map {
                Row(id: "SKU-\($0)", name: "Produkt \($0) æøå", price: Int64($0 * 100))
            }
            _ = try staging.appendPending("bench.rows", records: page, key: \.id)
            start += 1_000
        }
        return try staging.publishPending("bench.rows").rowCount
    }
}
