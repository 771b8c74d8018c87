import Foundation

// MARK: - SAF-T Cash Register model

/// What the reader takes from a Norwegian SAF-T Cash Register file (schema v1.00), one transaction at
/// a time. Amounts stay as the file's decimal text until ``SaftAmount`` turns them into øre.
public struct SaftTransaction: Sendable, Equatable {
    public var line: Int
    public var registerID: String
    public var transID: String?
    public var transType: String?
    public var transAmntIn: String?
    public var transAmntEx: String?
    public var amntTp: String?
    public var empID: String?
    public var transDate: String?
    public var transTime: String?
    public var receiptNum: String?
    public var voidTransaction: Bool = false
    public var trainingID: Bool = false
    public var custSupID: String?
    public var roundingAmnt: String?
    public var lines: [SaftLine] = []
    public var payments: [SaftPayment] = []

    /// Empty again for the next transaction, keeping the arrays' storage (the reader fills one value in
    /// place per file: an allocation or two per transaction less when nothing kept the last one).
    mutating func reset(line: Int, registerID: String) {
        self.line = line
        self.registerID = registerID
        transID = nil; transType = nil; transAmntIn = nil; transAmntEx = nil; amntTp = nil; empID = nil
        transDate = nil; transTime = nil; receiptNum = nil; voidTransaction = false; trainingID = false
        custSupID = nil; roundingAmnt = nil
        lines.removeAll(keepingCapacity: true)
        payments.removeAll(keepingCapacity: true)
    }
}

/// One `ctLine`.
public struct SaftLine: Sendable, Equatable {
    public var lineID: String?
    public var lineType: String?
    public var artGroupID: String?
    public var artID: String?
    public var qnt: String?
    public var lineAmntIn: String?
    public var lineAmntEx: String?
    public var amntTp: String?
    public var vatCode: String?
    public var vatPerc: String?
    public var vatAmnt: String?
    public var discounts: [String] = []
}

/// One `payment` of a transaction.
public struct SaftPayment: Sendable, Equatable {
    public var paymentType: String?
    public var paidAmnt: String?
    public var paymentRefID: String?
}

/// A Z report (`event` with `eventReport`): the register's totals per VAT code and per payment type.
public struct SaftZReport: Sendable, Equatable {
    public var line: Int
    public var registerID: String
    public var reportID: String?
    public var reportDate: String?
    public var totalCashSale: String?
    /// vatCode → (cash sale amount incl. VAT, VAT amount).
    public var vat: [(code: String, perc: String?, sale: String?, vat: String?)] = []
    /// paymentType → amount.
    public var payments: [(type: String, amount: String?)] = []

    public static func == (lhs: SaftZReport, rhs: SaftZReport) -> Bool {
        lhs.line == rhs.line && lhs.registerID == rhs.registerID && lhs.reportID == rhs.reportID
    }
}

/// The file's master data, read before its transactions.
public struct SaftMasterData: Sendable, Equatable {
    public var companyIdent: String?
    public var companyName: String?
    public var currency: String?
    /// Locations in file order: name and their registers.
    public var locations: [String] = []
    /// artID → description.
    public var articles: [String: String] = [:]
    /// (basicType, basicID) → predefinedBasicID, e.g. ("11", "CASHSAL") → "11001".
    public var basics: [String: String] = [:]
    public var employees: [String: String] = [:]

    public func predefined(type: String, id: String) -> String? { basics["\(type)/\(id)"] }
}

// MARK: - SaftAmount

/// Decimal text of the file as whole øre or hundredths, exactly: `86.40` → 8640, `1234.560` → 123456,
/// `2` → 200. More precision than hundredths (`1.005`) is refused, never rounded.
public enum SaftAmount {
    public static func hundredths(_ text: String?) -> Int64? {
        guard let text else { return nil }
        // Fast path over the UTF-8 bytes (no Foundation, no allocation); text with anything but ASCII
        // (other Unicode white space) takes the general path below, with the same rules.
        let fast = text.utf8.withContiguousStorageIfAvailable { asciiHundredths($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { asciiHundredths($0) }
        if let fast { return fast }
        return generalHundredths(text)
    }

    /// `.some(value)` for all-ASCII text (value nil when it is not an amount); nil when not ASCII.
    static func asciiHundredths(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64?? {
        for byte in bytes where byte >= 0x80 { return nil }
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return .some(nil) }
        var negative = false
        if bytes[start] == UInt8(ascii: "-") { negative = true; start += 1 } else if bytes[start] == UInt8(ascii: "+") { start += 1 }
        var units: Int64 = 0
        var wholeDigits = 0
        var index = start
        while index < end, bytes[index] != UInt8(ascii: ".") {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return .some(nil) }
            wholeDigits += 1
            guard wholeDigits <= 15 else { return .some(nil) }
            units = units * 10 + Int64(digit)
            index += 1
        }
        guard wholeDigits > 0 else { return .some(nil) }
        var cents: Int64 = 0
        if index < end {   // the fraction after '.': trailing zeros beyond hundredths are dropped, more precision refused
            index += 1
            for k in index..<end where bytes[k] &- UInt8(ascii: "0") >= 10 { return .some(nil) }
            var fractionEnd = end
            while fractionEnd - index > 2, bytes[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 }
            guard fractionEnd - index <= 2 else { return .some(nil) }
            for k in index..<fractionEnd { cents = cents * 10 + Int64(bytes[k] - UInt8(ascii: "0")) }
            if fractionEnd - index == 1 { cents *= 10 }
        }
        let value = units * 100 + cents
        return .some(negative ? -value : value)
    }

    static func generalHundredths(_ text: String?) -> Int64? {
        guard var text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber)
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        guard fraction.count <= 2 else { return nil }
        fraction = fraction.padding(toLength: 2, withPad: "0", startingAt: 0)
        guard whole.count <= 15, let units = Int64(whole), let cents = Int64(fraction) else { return nil }
        let value = units * 100 + cents
        return negative ? -value : value
    }
}
