import XCTest

@testable import CLI

final class HelpGeneratorTests: XCTestCase {
    func testHelpRunSnapshot() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let outcome = await harness.run(["help", "run"])
        XCTAssertEqual(outcome.code, .success)
        XCTAssertEqual(outcome.error, "")
        XCTAssertEqual(outcome.output, """
            OVERVIEW: Run the batch: extract, transform and load, stage by stage.

            Stages run in dependency order and are recorded in the control database. A
            failed stage stops the stages that depend on it; invalid records are
            quarantined, not dropped. Only one run at a time: if another run holds the lock,
            omniflow exits with status 3.

            USAGE: omniflow run [--config <path>] [--json] [--quiet] [--resume <run-id>]
                   [--from <stage>] [--only <stages>] [--cycle <name>]

            OPTIONS:
              --config <path>         Configuration file. Without it, omniflow.json is read
                                      if present.
              --json                  Print the result as JSON on standard output.
              -q, --quiet             Print nothing but errors; no progress display.
              --resume <run-id>       Continue this run, skipping stages whose outputs are
                                      complete.
              --from <stage>          Run this stage and every stage after it.
              --only <stages>         Run only these stages (comma-separated, or repeat the
                                      option).
              --cycle <name>          Run a named cycle: the stages OMNIFLOW_CYCLE_<NAME>
                                      selects (docs/operations.md). (values: nightly,
                                      intraday)
              -h, --help              Show help information.

            """)
    }

    func testRootHelpListsSubcommands() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let outcome = await harness.run([])
        XCTAssertEqual(outcome.code, .success)
        XCTAssertEqual(outcome.output, """
            OVERVIEW: Flow Retail POS ⇄ Omnium OMS integration, as a resumable batch ETL.

            USAGE: omniflow <subcommand>

            OPTIONS:
              -h, --help              Show help information.

            SUBCOMMANDS:
              run                     Run the batch: extract, transform and load, stage by
                                      stage.
              runs                    List recorded runs, newest first.
              stage                   Run one stage by its name, as a run of its own.
              stages                  List the stages in run order, with the datasets each
                                      reads and writes.
              quarantine              Inspect records withheld and fields dropped by the
                                      stages.
              queues                  Show the sync queues: pending, running, done and dead
                                      jobs per queue.
              pos                     POS activity in the Flow store: simulate a day (and
                                      import journals).
              events                  Receive Omnium webhook events into the inbox (serve an
                                      endpoint, or ingest a file).
              receipts                Render receipts to PDF from the templates, list and
                                      regenerate them.
              status                  Check the installation's health for monitoring
                                      (Nagios-style exit codes).
              watermarks              List each stream's watermark (changed-since mark) and
                                      its last full read.
              schedule                Print scheduler definitions for the nightly and
                                      intraday cycles (systemd, cron, Kubernetes).
              backup                  Copy the Flow store and the control database into a
                                      folder (online, consistent).
              config                  Check and print the effective configuration (file,
                                      then environment).
              init                    Write a commented starting configuration file
                                      (omniflow.json).
              demo                    Run the whole integration against a local Omnium
                                      sandbox with generated data.
              sandbox                 A local, Omnium-compatible server for demos and tests.
              version                 Print omniflow's version.
              help                    Show help for a command.

              See 'omniflow help <subcommand>' for detailed help.

            """)
    }

    func testDefaultsAndAllowedValuesAreShown() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let outcome = await harness.run(["sandbox", "serve", "-h"])
        XCTAssertTrue(outcome.output.contains("USAGE: omniflow sandbox serve [--port <port>] [--seed <seed>] [--scale <scale>]"), outcome.output)
        XCTAssertTrue(outcome.output.contains("(default: 8089)"), outcome.output)
        XCTAssertTrue(outcome.output.contains("""
              --scale <scale>         How much data to generate. (values: tiny, small,
                                      medium, large; default: small)
            """), outcome.output)
        XCTAssertTrue(outcome.output.contains("[--bad-eans <count>]"), outcome.output)
        XCTAssertTrue(outcome.output.contains("[--webhook-url <url>] [--webhook-header <header>]"), outcome.output)
        let sandbox = await harness.run(["help", "sandbox"])
        XCTAssertTrue(sandbox.output.contains("""
              serve                   Serve the Omnium sandbox on 127.0.0.1 until stopped
                                      (Ctrl-C).
              dump                    Show what was written to a running sandbox (orders,
                                      returns, stock, customers, invoices).
              mutate                  Change a fraction of a running sandbox's products,
                                      prices, stock and orders.
            """), sandbox.output)
        let dump = await harness.run(["sandbox", "dump", "--help"])
        XCTAssertTrue(dump.output.contains("USAGE: omniflow sandbox dump --url <base-url> [--client-id <id>] [--json]"), dump.output)
        let mutate = await harness.run(["sandbox", "mutate", "--help"])
        XCTAssertTrue(mutate.output.contains("USAGE: omniflow sandbox mutate --url <base-url> [--client-id <id>] [--fraction\n"),
                      mutate.output)
        XCTAssertTrue(mutate.output.contains("(default:\n                          0.01)"), mutate.output)
        let quarantine = await harness.run(["quarantine", "--help"])
        XCTAssertTrue(quarantine.output.contains("list (default)"), quarantine.output)
        let runs = await harness.run(["help", "runs"])
        XCTAssertTrue(runs.output.contains("See 'omniflow help runs <subcommand>' for detailed help."), runs.output)
    }

    func testWrapping() {
        XCTAssertEqual("aaa bbb ccc".wrapped(to: 7), "aaa bbb\nccc")
        XCTAssertEqual("aaa bbb ccc".wrapped(to: 9, indent: 2), "aaa bbb\n  ccc")
    }
}
