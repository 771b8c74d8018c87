import Foundation

/// Check digits of the identifiers the generator makes: GTIN/EAN-13 and Norwegian
/// organisation numbers (MOD11, weights 3 2 7 6 5 4 3 2).
public enum SandboxCheckDigits {
    /// The EAN-13 check digit of 12 digits.
    public static func ean13CheckDigit(_ twelveDigits: String) -> Int {
        let digits = twelveDigits.compactMap(\.wholeNumberValue)
        precondition(digits.count == 12, "EAN-13 needs 12 digits before the check digit")
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        return (10 - sum % 10) % 10
    }

    /// True when a 13-digit text carries a correct check digit.
    public static func isValidEAN13(_ text: String) -> Bool {
        guard text.count == 13, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return false }
        return ean13CheckDigit(String(text.prefix(12))) == text.last?.wholeNumberValue
    }

    /// An EAN-13 from a 12-digit body; `wrongCheckDigit` makes a deliberately invalid one.
    public static func ean13(body: String, wrongCheckDigit: Bool = false) -> String {
        let check = ean13CheckDigit(body)
        return body + String(wrongCheckDigit ? (check + 1) % 10 : check)
    }

    /// A valid 9-digit Norwegian organisation number from an 8-digit body, or nil when the body
    /// has no valid check digit (MOD11 remainder 1).
    public static func organizationNumber(body: String) -> String? {
        let digits = body.compactMap(\.wholeNumberValue)
        guard digits.count == 8 else { return nil }
        let weights = [3, 2, 7, 6, 5, 4, 3, 2]
        let remainder = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        if remainder == 1 { return nil }
        return body + String(remainder == 0 ? 0 : 11 - remainder)
    }

    /// True for a valid Norwegian organisation number.
    public static func isValidOrganizationNumber(_ text: String) -> Bool {
        text.count == 9 && organizationNumber(body: String(text.prefix(8))) == text
    }
}
