// MARK: - HelpGenerator

/// Renders a command's help and usage line from its declarations.
///
/// Why: help is derived, never written by hand, so it always lists exactly what the parser accepts.
/// The layout follows swift-argument-parser (OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS, a
/// 26-column label, 80 columns) so it reads like other Swift tools. The width is fixed so help is
/// the same on every terminal and snapshots are stable.
/// Spec: swift-argument-parser `Usage/HelpGenerator.swift`, `Usage/UsageGenerator.swift`.
struct HelpGenerator {
    static let screenWidth = 80
    static let labelColumn = 26
    static let indent = 2

    let commandStack: [any ParsableCommand.Type]

    private var command: any ParsableCommand.Type {
        // swift-format-ignore: NeverForceUnwrap
        commandStack.last!
    }

    private var commandPath: String {
        commandStack.map { $0.configuration.name }.joined(separator: " ")
    }

    // MARK: - Usage

    /// `omniflow run [--config <path>] … [--only <stages>]`.
    var usage: String {
        var parts = [commandPath]
        let definitions = command.arguments
        parts += definitions.filter { $0.kind != .positional }.map(\.usageSynopsis)
        parts += definitions.filter { $0.kind == .positional }.map(\.usageSynopsis)
        let configuration = command.configuration
        if !configuration.subcommands.isEmpty {
            parts.append(configuration.defaultSubcommand == nil && definitions.isEmpty ? "<subcommand>" : "[<subcommand>]")
        }
        return parts.joined(separator: " ")
    }

    // MARK: - Help

    func rendered() -> String {
        let configuration = command.configuration
        var text = ""
        var overview = configuration.abstract
        if !configuration.discussion.isEmpty { overview += "\n\n" + configuration.discussion }
        if !overview.isEmpty {
            text += ("OVERVIEW: " + overview).wrapped(to: Self.screenWidth) + "\n\n"
        }
        text += "USAGE: " + usage.wrapped(to: Self.screenWidth, indent: 7) + "\n\n"

        let definitions = command.arguments
        var sections: [String] = []
        let positionals = definitions.filter { $0.kind == .positional }
        if !positionals.isEmpty {
            sections.append(section("ARGUMENTS", positionals.map { ($0.helpLabel, describe($0)) }))
        }
        let options = definitions.filter { $0.kind != .positional } + [HelpFlag.flag.definition]
        sections.append(section("OPTIONS", options.map { ($0.helpLabel, describe($0)) }))
        if !configuration.subcommands.isEmpty {
            let rows = configuration.subcommands.map { sub -> (String, String) in
                let isDefault = configuration.defaultSubcommand.map { $0 == sub } ?? false
                return (sub.configuration.name + (isDefault ? " (default)" : ""), sub.configuration.abstract)
            }
            var subcommands = section("SUBCOMMANDS", rows)
            let helpPath = ([commandStack[0].configuration.name, "help"] + commandStack.dropFirst().map { $0.configuration.name })
                .joined(separator: " ")
            subcommands += "\n  See '\(helpPath) <subcommand>' for detailed help.\n"
            sections.append(subcommands)
        }
        text += sections.joined(separator: "\n")
        return text
    }

    private func describe(_ definition: ArgumentDefinition) -> String {
        var notes: [String] = []
        if !definition.allowedValues.isEmpty { notes.append("values: " + definition.allowedValues.joined(separator: ", ")) }
        if let value = definition.defaultDescription { notes.append("default: " + value) }
        guard !notes.isEmpty else { return definition.help }
        return definition.help + " (" + notes.joined(separator: "; ") + ")"
    }

    private func section(_ title: String, _ rows: [(label: String, text: String)]) -> String {
        var text = title + ":\n"
        for row in rows {
            let label = String(repeating: " ", count: Self.indent) + row.label
            let body = row.text.wrapped(to: Self.screenWidth, indent: Self.labelColumn)
            if row.text.isEmpty {
                text += label + "\n"
            } else if label.count < Self.labelColumn {
                text += label + String(repeating: " ", count: Self.labelColumn - label.count) + body + "\n"
            } else {
                text += label + "\n" + String(repeating: " ", count: Self.labelColumn) + body + "\n"
            }
        }
        return text
    }
}
