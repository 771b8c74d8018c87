/// GS1 barcode validation for product EANs/GTINs.
///
/// Flow scans barcodes at the till; a mistyped EAN in Omnium would either fail to scan or,
/// worse, match another product. Invalid barcodes are dropped (and reported) instead.
///
/// Spec: flow-integration.md §16 (barcodes not documented, decision ours); GS1 General
/// Specifications §7.9 (check digit).
public enum GTIN {
    /// `true` for an EAN-8, UPC-A (12), EAN-13 or GTIN-14 made of digits only whose last digit
    /// is the GS1 mod-10 check digit. Surrounding whitespace is not accepted; callers trim.
    public static func isValid(_ code: String) -> Bool {
        let digits = code.utf8.map { Int($0) - 48 }
        guard [8, 12, 13, 14].contains(digits.count),
              digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        // Weights 3,1,3,1… from the digit left of the check digit, moving left.
        var sum = 0
        for (offset, digit) in digits.dropLast().reversed().enumerated() {
            sum += digit * (offset.isMultiple(of: 2) ? 3 : 1)
        }
        return (10 - sum % 10) % 10 == digits[digits.count - 1]
    }
}
