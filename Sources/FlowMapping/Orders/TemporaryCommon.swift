import Foundation

// Stand-ins for the shared helpers of Sources/FlowMapping/Common (written by the catalogue branch).
// Same names and shapes, so switching is deleting this file. TODO(orders): delete after `git merge main`.

// MARK: - MappingIssue

/// Why a record could not be mapped; it goes to quarantine with its key.
struct MappingIssue: Error, Hashable, Sendable, CustomStringConvertible {
    var recordKey: String
    var reason: String
    init(recordKey: String, reason: String) {
        self.recordKey = recordKey
        self.reason = reason
    }
    var description: String { "\(recordKey): \(reason)" }
}

// MARK: - FlowUID

enum FlowUID {
    static func sanitize(_ raw: String) -> String {
        String(raw.unicodeScalars.map { scalar -> Character in
            let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-"
            return ok ? Character(scalar) : "_"
        })
    }
}

// MARK: - Money

enum Money {
    /// Hundredths, midpoint away from zero.
    static func hundredths(_ amount: Decimal) -> Int64 {
        var scaled = amount * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}
