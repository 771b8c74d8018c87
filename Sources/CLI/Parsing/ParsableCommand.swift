// MARK: - ParsableArguments

/// A group of declared arguments that builds itself from parsed values and checks itself.
///
/// Why: shared groups (`GlobalOptions`, `RunSelection`) are declared once and composed into
/// commands; `validate` runs after parsing and before any I/O, so a bad stage name never opens a
/// database.
/// Spec: STYLE.md §2; swift-argument-parser `Parsable Types/ParsableArguments.swift`.
public protocol ParsableArguments: Sendable {
    /// The declarations, in the order help lists them.
    static var arguments: [ArgumentDefinition] { get }
    /// - Throws: `CommandLineError` when a value does not convert.
    init(_ values: ParsedValues) throws
    /// Checks that need no I/O (stage names, option combinations).
    /// - Throws: `CommandLineError.validation` (exit 2).
    func validate(_ context: CommandContext) throws
}

extension ParsableArguments {
    public static var arguments: [ArgumentDefinition] { [] }
    public func validate(_ context: CommandContext) throws {}
}

// MARK: - ParsableCommand

/// An `omniflow` command: a type with a static configuration, declared arguments and a `run`.
///
/// Why: commands are types so the tree can be walked (help, uniqueness tests) and each command
/// is one small file. `run` returns the exit status for outcomes that are not errors (a run that
/// finished with a failed stage); errors are mapped by `Omniflow.main()` alone.
/// Spec: swift-argument-parser `Parsable Types/ParsableCommand.swift`.
public protocol ParsableCommand: ParsableArguments {
    static var configuration: CommandConfiguration { get }
    func run(_ context: CommandContext) async throws -> ExitCode
}

extension ParsableCommand {
    /// Commands that only group subcommands print their help.
    public func run(_ context: CommandContext) async throws -> ExitCode {
        context.standardOutput.write(HelpGenerator(commandStack: context.commandStack).rendered())
        return .success
    }
}

// MARK: - CommandConfiguration

/// A command's name, texts and subcommands.
public struct CommandConfiguration: Sendable {
    /// The word typed to reach the command (`show` in `omniflow runs show`).
    public var name: String
    /// One sentence: the help's OVERVIEW and the parent's subcommand list.
    public var abstract: String
    /// Paragraphs after the abstract in the command's own help.
    public var discussion: String
    public var subcommands: [any ParsableCommand.Type]
    /// Chosen when no subcommand word is given (`quarantine` → `quarantine list`).
    public var defaultSubcommand: (any ParsableCommand.Type)?

    public init(
        name: String, abstract: String, discussion: String = "",
        subcommands: [any ParsableCommand.Type] = [], defaultSubcommand: (any ParsableCommand.Type)? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
    }
}

// MARK: - Built-in help flag

/// `-h, --help`, accepted by every command and listed last in every help.
enum HelpFlag {
    static let flag = Flag("help", short: "h", help: "Show help information.")
}
