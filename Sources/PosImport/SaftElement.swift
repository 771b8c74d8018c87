// MARK: - SaftElement

/// The local names of the SAF-T Cash Register elements ``SaftReader`` reads, interned: the scanner
/// looks a tag's name up once (``SaftElementNames``) and the reader switches on these small integers
/// instead of comparing strings (a fifth of the reading time was string comparison and copying).
/// Every other name is `.other`, with its text still handed on for messages.
enum SaftElement: UInt8, CaseIterable {
    case other
    case auditfile, header, curCode, company, companyIdent, companyName, location, name, cashregister, registerID
    case basic, basicType, basicID, predefinedBasicID, article, artID, artDesc, employee, empID
    case cashtransaction, transID, transType, transAmntIn, transAmntEx, amntTp, transDate, transTime, receiptNum
    case custSupID, voidTransaction, trainingID, rounding, roundingAmnt
    case ctLine, lineID, lineType, artGroupID, qnt, lineAmntIn, lineAmntEx, vat, vatCode, vatPerc, vatAmnt, discount, dscAmnt
    case payment, paymentType, paidAmnt, paymentRefID
    case eventReport, reportID, reportDate, reportTotalCashSales, totalCashSaleAmnt, reportCashSaleVat, cashSaleAmnt
    case reportPayment, paymentAmnt

    /// The element's local name as it stands in the file (`other` has none of its own).
    var name: String { SaftElementNames.names[Int(rawValue)] }
}

// MARK: - SaftElementNames

/// An open-addressing table from a local name's UTF-8 bytes to its ``SaftElement``: a hash of the
/// bytes and one byte comparison, no `String` built. A class, so a lookup does not copy (and retain)
/// its three arrays.
final class SaftElementNames {
    static let names: [String] = SaftElement.allCases.map { $0 == .other ? "" : "\($0)" }
    private static let slotCount = 256

    /// Names back to back; slot `i` is empty (-1) or the index of an element.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let slots: [Int16]

    init() {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var slots = [Int16](repeating: -1, count: Self.slotCount)
        for element in SaftElement.allCases {
            starts.append(bytes.count)
            bytes.append(contentsOf: Self.names[Int(element.rawValue)].utf8)
            guard element != .other else { continue }
            let name = Array(Self.names[Int(element.rawValue)].utf8)
            var slot = name.withUnsafeBufferPointer { Self.hash($0) }
            while slots[slot] >= 0 { slot = (slot + 1) & (Self.slotCount - 1) }
            slots[slot] = Int16(element.rawValue)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
    }

    @inline(__always)
    private static func hash(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261   // FNV-1a
        var index = 0
        while index < name.count {   // an index loop: the buffer's iterator was not inlined
            hash = (hash ^ UInt32(name[index])) &* 16_777_619
            index += 1
        }
        return Int((hash ^ (hash >> 16)) & UInt32(slotCount - 1))
    }

    /// The element whose local name is `name`, or `.other`.
    func element(_ name: UnsafeBufferPointer<UInt8>) -> SaftElement {
        var slot = Self.hash(name)
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                while true {
                    let index = Int(slots[slot])
                    if index < 0 { return .other }
                    let start = starts[index]
                    if starts[index + 1] - start == name.count {
                        var equal = true
                        for k in 0..<name.count where bytes[start + k] != name[k] { equal = false; break }
                        if equal { return SaftElement(rawValue: UInt8(index))! }
                    }
                    slot = (slot + 1) & (Self.slotCount - 1)
                }
            }
        }
    }
}
