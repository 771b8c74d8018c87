import Pipeline

// MARK: - ClosestMatchHint

/// " (did you mean 'x'?)" or nothing.
enum ClosestMatchHint {
    static func text(for name: String, among names: [String]) -> String {
        ClosestMatch.find(name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
