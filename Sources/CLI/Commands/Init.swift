import Foundation
import Pipeline

// MARK: - omniflow init

extension Omniflow {
    /// Writes a commented starting configuration.
    public struct Init: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "init",
                abstract: "Write a commented starting configuration file (omniflow.json).",
                discussion: """
                    Every key is in the file once with a line on what it does: the optional ones at \
                    their defaults and commented out, the ones a run against Omnium needs at the end, to \
                    fill in. The file passes 'omniflow config' as written. An existing file is never \
                    overwritten unless --force is given. The client secret never goes in the file.
                    """)
        }

        static let output = Option<String>("output", valueName: "path", help: "Where to write the file.",
                                           default: ConfigurationLoader.defaultFileName)
        static let force = Flag("force", help: "Overwrite the file if it exists.")

        public static var arguments: [ArgumentDefinition] {
            [output.definition, force.definition, GlobalOptions.quiet.definition]
        }

        public var path: String
        public var isForced: Bool
        public var isQuiet: Bool

        public init(_ values: ParsedValues) throws {
            path = try values.get(Self.output)
            isForced = values.get(Self.force)
            isQuiet = values.get(GlobalOptions.quiet)
        }

        public func validate(_ context: CommandContext) throws {
            guard !path.isEmpty else { throw CommandLineError.validation("'--output' must not be empty") }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: context.currentDirectory, isDirectory: true))
            if FileManager.default.fileExists(atPath: url.path), !isForced {
                throw CommandLineError.validation("\(path) exists; not overwritten (use --force to replace it)")
            }
            let text = StartingConfiguration.text(version: Omniflow.version)
            try AtomicFile.write(Data(text.utf8), to: url)
            if !isQuiet {
                context.standardOutput.write("""
                    Wrote \(path). Fill in the keys at its end, put the client secret in the environment \
                    (OMNIUM_CLIENT_SECRET) and check it with: omniflow config --config \(path)

                    """)
            }
            return .success
        }
    }
}
