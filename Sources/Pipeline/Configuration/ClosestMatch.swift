// MARK: - ClosestMatch

/// Finds the valid name a user most likely meant, for "did you mean …?" hints.
///
/// Why: a misspelt configuration key or command-line flag is the most common mistake; naming the
/// closest valid spelling turns an error into its fix. Used by `ConfigurationLoader` and the CLI.
public enum ClosestMatch {
    /// The candidate with the smallest case-insensitive edit distance to `name`, if it is close
    /// enough to be a plausible typo (at most a third of the name's length, and at least 2).
    public static func find(_ name: String, among candidates: [String]) -> String? {
        let needle = Array(name.lowercased())
        let limit = max(2, needle.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(needle, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance (insertions, deletions, substitutions), two rows of memory.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
