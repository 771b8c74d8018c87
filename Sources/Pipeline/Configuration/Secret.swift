// MARK: - Secret

/// A credential that must never reach a log, a terminal or an error message.
///
/// Why: `OmniflowConfiguration` is printed in diagnostics and captured in errors; wrapping the
/// value makes every accidental `print`, `dump` or string interpolation show `<redacted>`.
/// Only code that really sends the credential (the Omnium token request) calls `revealedValue`.
/// Spec: DESIGN.md "Command line" (secrets never printed or logged).
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The credential itself. Read it only where it is sent.
    public let revealedValue: String

    public init(_ value: String) {
        self.revealedValue = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
