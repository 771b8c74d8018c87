// swift-tools-version:6.0
// omniflow: the Flow Retail POS <-> Omnium OMS integration, a batch ETL.
// No Swift package dependencies by design (see README "Constraints"): Foundation,
// SQLite (libsqlite3-dev) and libharu (libhpdf-dev) only.
import PackageDescription

let package = Package(
    name: "omniflow",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "omniflow", targets: ["omniflow"]),
        .executable(name: "omniflow-bench", targets: ["omniflow-bench"]),
    ],
    targets: [
        // MARK: - C libraries
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CHaru", providers: [.apt(["libhpdf-dev"])]),

        // MARK: - Storage
        .target(name: "CivilCalendar"),
        .target(name: "SQLite", dependencies: ["CSQLite", "CivilCalendar"]),
        // SHA-256 blocks with the CPU's SHA instructions where it has them (a small C file, no library).
        .target(name: "CSHA256Blocks"),
        .target(name: "Digest", dependencies: ["CSHA256Blocks"]),
        .target(name: "Staging", dependencies: ["SQLite", "Digest"]),
        .target(name: "FlowStore", dependencies: ["SQLite"]),

        // MARK: - Omnium
        .target(name: "Omnium", dependencies: ["CivilCalendar"]),
        .target(name: "HTTPServer"),
        .target(name: "OmniumSandbox", dependencies: ["HTTPServer", "Omnium", "CivilCalendar"]),

        // MARK: - Integration
        .target(name: "FlowMapping", dependencies: ["Omnium", "FlowStore", "Digest", "CivilCalendar"]),
        // The receipt fonts (subsets of DejaVu Sans, Sources/Receipts/Fonts/README.md) ship with the module.
        .target(name: "Receipts", dependencies: ["CHaru"],
                exclude: ["Fonts/README.md", "Fonts/make-subsets.py"],
                resources: [.copy("Fonts/ReceiptSansCP1252.ttf"), .copy("Fonts/ReceiptSansExtended.ttf"), .copy("Fonts/LICENSE")]),
        .target(name: "PosImport", dependencies: ["FlowStore", "FlowMapping"]),
        .target(name: "Pipeline",
                dependencies: ["SQLite", "Digest", "Staging", "FlowStore", "Omnium", "FlowMapping", "Receipts", "PosImport"]),

        // MARK: - Command line
        .target(name: "CLI", dependencies: ["Pipeline", "OmniumSandbox", "HTTPServer", "Staging", "FlowStore", "Omnium", "Receipts"]),
        .executableTarget(name: "omniflow", dependencies: ["CLI"]),
        .executableTarget(name: "omniflow-bench",
                          dependencies: ["CLI", "Pipeline", "OmniumSandbox", "Omnium", "SQLite", "HTTPServer", "FlowStore",
                                         "Receipts", "PosImport"]),

        // MARK: - Tests
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest"]),
        .testTarget(name: "CivilCalendarTests", dependencies: ["CivilCalendar"]),
        .testTarget(name: "StagingTests", dependencies: ["Staging", "SQLite", "Digest"]),
        .testTarget(name: "FlowStoreTests", dependencies: ["FlowStore", "SQLite"]),
        .testTarget(name: "OmniumTests", dependencies: ["Omnium"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "OmniumSandboxTests", dependencies: ["OmniumSandbox", "Omnium", "HTTPServer"]),
        .testTarget(name: "FlowMappingTests", dependencies: ["FlowMapping", "Omnium", "FlowStore", "SQLite"]),
        .testTarget(name: "ReceiptsTests", dependencies: ["Receipts"]),
        .testTarget(name: "PosImportTests", dependencies: ["PosImport", "FlowStore", "FlowMapping", "SQLite"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Staging", "FlowStore", "SQLite"]),
        .testTarget(name: "CLITests", dependencies: ["CLI", "Pipeline", "Staging", "OmniumSandbox"]),
        .testTarget(name: "EndToEndTests",
                    dependencies: ["omniflow", "CLI", "Pipeline", "OmniumSandbox", "Omnium", "FlowStore", "Staging", "SQLite"]),
    ]
)
