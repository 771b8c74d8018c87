import Pipeline

// MARK: - omniflow help

extension Omniflow {
    /// `omniflow help [command...]`: the same text as `--help` on that command.
    public struct Help: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(name: "help", abstract: "Show help for a command.")
        }

        static let words = PositionalList(valueName: "command", help: "The command, e.g. 'runs show'.")

        public static var arguments: [ArgumentDefinition] { [words.definition] }

        public var path: [String]

        public init(_ values: ParsedValues) throws {
            path = values.get(Self.words)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            // swift-format-ignore: NeverForceUnwrap
            var stack: [any ParsableCommand.Type] = [context.commandStack.first!]
            for word in path {
                // swift-format-ignore: NeverForceUnwrap
                let subcommands = stack.last!.configuration.subcommands
                guard let next = subcommands.first(where: { $0.configuration.name == word }) else {
                    let names = subcommands.map { $0.configuration.name }
                    throw CommandLineError.unknownCommand(
                        (stack.dropFirst().map { $0.configuration.name } + [word]).joined(separator: " "),
                        suggestion: ClosestMatch.find(word, among: names))
                }
                stack.append(next)
            }
            context.standardOutput.write(HelpGenerator(commandStack: stack).rendered())
            return .success
        }
    }
}
