import Dispatch
import Foundation
import Pipeline

// MARK: - Omniflow

/// The `omniflow` command: the root of the command tree and the process entry point.
///
/// Why: `main()` is the only place that turns an error into a one-line message on standard error
/// and an exit status (`ExitCode`); every command just throws. `execute(_:context:)` is the same
/// path without touching the process, for tests.
/// Spec: DESIGN.md "Command line"; STYLE.md §2.
public struct Omniflow: ParsableCommand {
    /// Printed by `omniflow version`.
    public static let version = "0.1.0"

    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "omniflow",
            abstract: "Flow Retail POS ⇄ Omnium OMS integration, as a resumable batch ETL.",
            subcommands: [
                Run.self, Runs.self, Stage.self, Stages.self, Quarantine.self, Queues.self, Pos.self, Events.self, Receipts.self, Status.self, Watermarks.self,
                Schedule.self, Backup.self, Config.self, Init.self, Demo.self, Sandbox.self, Version.self, Help.self,
            ])
    }

    public init(_ values: ParsedValues) throws {}

    // MARK: - Entry points

    /// Runs the process: arguments from the command line, the production services; never returns.
    public static func main() {
        MallocSettings.apply()   // before any thread starts: resident memory follows what a run holds
        main(services: PipelineServices())
    }

    /// Runs the process with the given services; never returns.
    public static func main(services: any OmniflowServices) -> Never {
        signal(SIGPIPE, SIG_IGN)  // `omniflow runs | head` must end quietly, not by a signal
        InterruptSignals.install()
        let context = CommandContext.process(services: services)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let outcome = ExitCodeBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            outcome.code = await execute(arguments, context: context)
            done.signal()
        }
        done.wait()
        exit(outcome.code.rawValue)
    }

    /// Parses, validates and runs one command line; prints errors; returns the exit status.
    public static func execute(_ arguments: [String], context: CommandContext) async -> ExitCode {
        var context = context
        context.commandStack = [Omniflow.self]
        // `omniflow --version` as every command-line tool answers it (same as `omniflow version`).
        if arguments == ["--version"] {
            context.standardOutput.write("omniflow \(Omniflow.version)\n")
            return .success
        }
        do {
            switch try CommandParser(root: Omniflow.self).parse(arguments) {
            case .help(let stack):
                context.standardOutput.write(HelpGenerator(commandStack: stack).rendered())
                return .success
            case .command(let stack, let values):
                context.commandStack = stack
                // swift-format-ignore: NeverForceUnwrap
                let command = try stack.last!.init(values)
                try command.validate(context)
                return try await command.run(context)
            }
        } catch let failure as ParseFailure {
            context.commandStack = failure.stack
            return report(failure.error, context: context)
        } catch {
            return report(error, context: context)
        }
    }

    // MARK: - Error mapping

    /// The single error → message + status mapping.
    private static func report(_ error: any Error, context: CommandContext) -> ExitCode {
        let code = (error as? any ExitCodeProviding)?.exitCode ?? .runFailed
        var message = "\(context.commandPath): " + oneLine(String(describing: error))
        if error is CommandLineError {
            message += ". See '" + helpCommand(for: context.commandStack) + "'."
        }
        context.standardError.write("error: " + message + "\n")
        return code
    }

    private static func helpCommand(for stack: [any ParsableCommand.Type]) -> String {
        (["omniflow", "help"] + stack.dropFirst().map { $0.configuration.name }).joined(separator: " ")
    }

    private static func oneLine(_ text: String) -> String {
        RunLog.escapingControlCharacters(
            text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))
    }
}

// MARK: - ExitCodeBox

/// Carries the status out of the detached task that `main()` waits for.
private final class ExitCodeBox: @unchecked Sendable {
    var code: ExitCode = .runFailed
}
