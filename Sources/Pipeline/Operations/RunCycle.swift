import Foundation

// MARK: - RunCycle

/// A named selection of stages that an operator schedules: `nightly` (the whole batch, with full
/// reconciliation of prices and stock) and `intraday` (orders, the event inbox, queues and outbound
/// pushes, every few minutes). `omniflow run --cycle NAME`; the stages come from
/// `OMNIFLOW_CYCLE_NIGHTLY` / `OMNIFLOW_CYCLE_INTRADAY`.
///
/// Why patterns (`*`, `push.*`): stages are added as the integration grows; a pattern keeps a
/// cycle's meaning ("every push stage") without editing every installation's configuration.
public enum RunCycle: String, Sendable, CaseIterable, Codable {
    case nightly
    case intraday

    /// The stages a cycle runs when the configuration does not say.
    public var defaultStagePatterns: [String] {
        switch self {
        case .nightly: return ["*"]
        case .intraday:
            return ["extract.orders", "transform.orders", "extract.order_customers", "transform.order_customers",
                    "load.orders", "enqueue.*", "push.*", "queues.*"]
        }
    }

    /// Whether the cycle forces full reads of prices and stock (removals Omnium made are applied).
    public var forcesFullReconciliation: Bool { self == .nightly }

    /// The stage names, in `names`' order, that `patterns` select.
    /// - Throws: ``RunCycleError`` for an exact name that is no stage, or when nothing is selected.
    public func selectStages(patterns: [String], among names: [String]) throws -> [String] {
        for pattern in patterns where !pattern.contains("*") && !names.contains(pattern) {
            throw RunCycleError.unknownStage(cycle: rawValue, stage: pattern)
        }
        let selected = names.filter { name in patterns.contains { Self.matches(name, pattern: $0) } }
        guard !selected.isEmpty else { throw RunCycleError.selectsNothing(cycle: rawValue, patterns: patterns) }
        return selected
    }

    /// `*` matches any run of characters (dots included); everything else literally.
    static func matches(_ name: String, pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return name == pattern }
        var rest = Substring(name)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}

/// Why a cycle's stage list is unusable.
public enum RunCycleError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownStage(cycle: String, stage: String)
    case selectsNothing(cycle: String, patterns: [String])

    public var description: String {
        switch self {
        case let .unknownStage(cycle, stage):
            return "cycle '\(cycle)' names stage '\(stage)', which does not exist (see 'omniflow stages'); "
                + "fix OMNIFLOW_CYCLE_\(cycle.uppercased())"
        case let .selectsNothing(cycle, patterns):
            return "cycle '\(cycle)' selects no stage with \(patterns.joined(separator: ", ")); "
                + "fix OMNIFLOW_CYCLE_\(cycle.uppercased())"
        }
    }
}
