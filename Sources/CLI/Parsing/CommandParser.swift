import Pipeline

// MARK: - CommandParser

/// Turns the words after `omniflow` into a command and its values, or a help request.
///
/// Why: one small, predictable grammar for every command: subcommand words first, then options
/// (`--name value`, `--name=value`, `-q`, flags), positionals, and `--` to end options. `-h`/`--help`
/// anywhere (before `--`) asks for the help of the command reached so far.
/// - Throws: `CommandLineError` (exit 2).
/// Spec: swift-argument-parser `Parsing/CommandParser.swift`.
struct CommandParser {
    enum Result {
        case command(stack: [any ParsableCommand.Type], values: ParsedValues)
        case help(stack: [any ParsableCommand.Type])
    }

    let root: any ParsableCommand.Type

    func parse(_ arguments: [String]) throws -> Result {
        var stack: [any ParsableCommand.Type] = [root]
        var index = 0
        // Subcommand words come first.
        while index < arguments.count, let current = stack.last, !current.configuration.subcommands.isEmpty {
            let word = arguments[index]
            if word.hasPrefix("-") { break }
            guard let next = current.configuration.subcommands.first(where: { $0.configuration.name == word }) else {
                if current.arguments.contains(where: { $0.kind == .positional }) { break }
                let names = current.configuration.subcommands.map { $0.configuration.name }
                throw ParseFailure(stack: stack, error: .unknownCommand(word, suggestion: ClosestMatch.find(word, among: names)))
            }
            stack.append(next)
            index += 1
        }
        let rest = Array(arguments[index...])
        let beforeTerminator = rest.prefix { $0 != "--" }
        if beforeTerminator.contains("--help") || beforeTerminator.contains("-h") {
            return .help(stack: stack)
        }
        if let current = stack.last, let fallback = current.configuration.defaultSubcommand {
            stack.append(fallback)
        }
        // swift-format-ignore: NeverForceUnwrap
        let command = stack.last!
        do {
            return .command(stack: stack, values: try parseValues(rest, definitions: command.arguments))
        } catch let error as CommandLineError {
            throw ParseFailure(stack: stack, error: error)
        }
    }

    // MARK: - Options and positionals

    private func parseValues(_ words: [String], definitions: [ArgumentDefinition]) throws -> ParsedValues {
        var raw: [String: [String]] = [:]
        let positionals = definitions.filter { $0.kind == .positional }
        var positionalIndex = 0
        var isOptionsEnded = false
        var index = 0

        func store(_ definition: ArgumentDefinition, _ value: String, as name: String) throws {
            if raw[definition.key] != nil, !definition.isRepeating { throw CommandLineError.duplicateOption(name) }
            raw[definition.key, default: []].append(value)
        }

        func takeValue(for definition: ArgumentDefinition, named name: String, inline: String?) throws -> String {
            if let inline { return inline }
            guard index + 1 < words.count, !looksLikeOption(words[index + 1]) else {
                throw CommandLineError.missingValue(option: "\(name) <\(definition.valueName)>")
            }
            index += 1
            return words[index]
        }

        while index < words.count {
            let word = words[index]
            if !isOptionsEnded, word == "--" {
                isOptionsEnded = true
            } else if !isOptionsEnded, word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                let inline = parts.count == 2 ? String(parts[1]) : nil
                guard let definition = definitions.first(where: { $0.longName == name }) else {
                    let longNames = definitions.compactMap { $0.longName.map { "--\($0)" } } + ["--help"]
                    throw CommandLineError.unknownOption("--\(name)", suggestion: ClosestMatch.find("--\(name)", among: longNames))
                }
                if definition.kind == .flag {
                    guard inline == nil else { throw CommandLineError.flagWithValue(flag: "--\(name)") }
                    raw[definition.key] = ["true"]
                } else {
                    try store(definition, try takeValue(for: definition, named: "--\(name)", inline: inline), as: "--\(name)")
                }
            } else if !isOptionsEnded, looksLikeOption(word) {
                // One short flag or option, or a cluster of short flags (`-qh`).
                for (offset, character) in word.dropFirst().enumerated() {
                    guard let definition = definitions.first(where: { $0.shortName == character }) else {
                        throw CommandLineError.unknownOption("-\(character)", suggestion: nil)
                    }
                    if definition.kind == .flag {
                        raw[definition.key] = ["true"]
                    } else {
                        guard offset == word.count - 2 else { throw CommandLineError.missingValue(option: "-\(character)") }
                        try store(definition, try takeValue(for: definition, named: "-\(character)", inline: nil), as: "-\(character)")
                    }
                }
            } else {
                guard positionalIndex < positionals.count else { throw CommandLineError.unexpectedArgument(word) }
                let definition = positionals[positionalIndex]
                raw[definition.key, default: []].append(word)
                if !definition.isRepeating { positionalIndex += 1 }
            }
            index += 1
        }
        if let missing = positionals.first(where: { $0.isRequired && raw[$0.key] == nil }) {
            throw CommandLineError.missingArgument(missing.displayName)
        }
        return ParsedValues(raw: raw)
    }

    /// `-x`, `--x`; not `-` alone and not a negative number.
    private func looksLikeOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        return Double(word) == nil
    }
}

// MARK: - ParseFailure

/// A `CommandLineError` with the commands reached, so the message can point at the right help.
struct ParseFailure: Error {
    var stack: [any ParsableCommand.Type]
    var error: CommandLineError
}
