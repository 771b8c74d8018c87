/// Every benchmark `make bench` runs, in order. Add new ones here.
enum BenchmarkRegistry {
    static let all: [Benchmark] = StagingBenchmarks.all + CatalogueBenchmarks.all + OmniumExtractBenchmarks.all
        + OutboundPushBenchmarks.all + ReceiptsAndImportBenchmarks.all
}
