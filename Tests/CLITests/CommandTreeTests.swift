import XCTest

@testable import CLI

/// Walks the whole command tree: names, help and declarations must be sound everywhere.
final class CommandTreeTests: XCTestCase {
    private func allStacks(from stack: [any ParsableCommand.Type] = [Omniflow.self]) -> [[any ParsableCommand.Type]] {
        // swift-format-ignore: NeverForceUnwrap
        [stack] + stack.last!.configuration.subcommands.flatMap { allStacks(from: stack + [$0]) }
    }

    func testTreeHasTheDocumentedCommands() {
        let paths = allStacks().map { $0.map { $0.configuration.name }.joined(separator: " ") }
        XCTAssertEqual(paths, [
            "omniflow", "omniflow run", "omniflow runs", "omniflow runs show", "omniflow runs prune", "omniflow stage", "omniflow stages", "omniflow quarantine",
            "omniflow quarantine list", "omniflow quarantine show", "omniflow queues", "omniflow queues show", "omniflow queues retry", "omniflow queues work",
            "omniflow pos", "omniflow pos simulate", "omniflow pos import", "omniflow events", "omniflow events serve", "omniflow events ingest",
            "omniflow receipts", "omniflow receipts render", "omniflow receipts list", "omniflow receipts regenerate", "omniflow status", "omniflow watermarks", "omniflow watermarks set", "omniflow schedule", "omniflow schedule systemd",
            "omniflow schedule cron", "omniflow schedule kubernetes", "omniflow backup", "omniflow config", "omniflow init", "omniflow demo", "omniflow sandbox", "omniflow sandbox serve",
            "omniflow sandbox dump", "omniflow sandbox mutate", "omniflow version", "omniflow help",
        ])
    }

    func testSubcommandNamesAreUniqueKebabCase() {
        for stack in allStacks() {
            // swift-format-ignore: NeverForceUnwrap
            let names = stack.last!.configuration.subcommands.map { $0.configuration.name }
            XCTAssertEqual(Set(names).count, names.count, "duplicate subcommand under \(stack.map { $0.configuration.name })")
            for name in names { XCTAssertTrue(isKebabCase(name), name) }
        }
    }

    func testEveryCommandHasHelpAndUniqueOptionNames() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        for stack in allStacks() {
            // swift-format-ignore: NeverForceUnwrap
            let command = stack.last!
            let path = stack.dropFirst().map { $0.configuration.name }
            XCTAssertFalse(command.configuration.abstract.isEmpty, "\(path) has no abstract")
            // A `\\` at a line's end in a multi-line literal prints a backslash instead of joining the lines.
            XCTAssertFalse(command.configuration.discussion.contains("\\"), "stray backslash in the help of \(path)")
            let definitions = command.arguments + [HelpFlag.flag.definition]
            let longNames = definitions.compactMap(\.longName)
            XCTAssertEqual(Set(longNames).count, longNames.count, "duplicate option in \(path)")
            let shortNames = definitions.compactMap(\.shortName)
            XCTAssertEqual(Set(shortNames).count, shortNames.count, "duplicate short option in \(path)")
            for definition in definitions {
                XCTAssertFalse(definition.help.isEmpty, "\(definition.displayName) in \(path) has no help")
                if let long = definition.longName { XCTAssertTrue(isKebabCase(long), long) }
            }
            let viaFlag = await harness.run(path + ["--help"])
            let viaCommand = await harness.run(["help"] + path)
            XCTAssertEqual(viaFlag.code, .success)
            XCTAssertEqual(viaCommand.code, .success)
            XCTAssertEqual(viaFlag.output, viaCommand.output, "help differs for \(path)")
            XCTAssertTrue(viaFlag.output.contains("USAGE: omniflow"), viaFlag.output)
            for definition in definitions {
                XCTAssertTrue(viaFlag.output.contains(definition.helpLabel), "\(definition.helpLabel) missing from help of \(path)")
            }
            for line in viaFlag.output.split(separator: "\n") where !line.hasPrefix("USAGE:") {
                XCTAssertLessThanOrEqual(line.count, HelpGenerator.screenWidth, "too wide in help of \(path): \(line)")
            }
        }
    }

    private func isKebabCase(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } && !name.hasPrefix("-")
    }
}
