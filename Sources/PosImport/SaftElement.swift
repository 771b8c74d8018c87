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
/// name's length and three of its bytes, then one byte comparison, no `String` built.
///
/// Why this shape: every start tag is looked up (about 37 a transaction). The table lives in one raw
/// allocation (slots of element, start and length side by side) and the hash reads three bytes instead
/// of all of them; a lookup was a twentieth of the import (FNV over every byte, three arrays checked
/// per access). Any hash is correct here: the name is always compared in full.
final class SaftElementNames {
    static let names: [String] = SaftElement.allCases.map { $0 == .other ? "" : "\($0)" }
    private static let slotCount = 256

    /// A slot: the element (`other` = empty) and where its name's bytes are in `bytes`.
    private struct Slot {
        var element: SaftElement = .other
        var length: UInt8 = 0
        var start: UInt16 = 0
    }

    private let bytes: UnsafeMutablePointer<UInt8>
    private let slots: UnsafeMutablePointer<Slot>

    init() {
        var all: [UInt8] = []
        var table = [Slot](repeating: Slot(), count: Self.slotCount)
        for element in SaftElement.allCases where element != .other {
            let name = Array(Self.names[Int(element.rawValue)].utf8)
            var slot = name.withUnsafeBufferPointer { Self.hash($0) }
            while table[slot].element != .other { slot = (slot + 1) & (Self.slotCount - 1) }
            table[slot] = Slot(element: element, length: UInt8(name.count), start: UInt16(all.count))
            all.append(contentsOf: name)
        }
        bytes = .allocate(capacity: max(all.count, 1))
        bytes.initialize(from: all, count: all.count)
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(from: table, count: Self.slotCount)
    }

    deinit {
        bytes.deallocate()
        slots.deallocate()
    }

    @inline(__always)
    private static func hash(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        let count = name.count
        guard count > 0 else { return 0 }
        let mixed = count &* 31 &+ Int(name[0]) &* 7 &+ Int(name[count >> 1]) &* 13 &+ Int(name[count - 1]) &* 3
        return mixed & (slotCount - 1)
    }

    /// The element whose local name is `name`, or `.other`.
    @inline(__always)
    func element(_ name: UnsafeBufferPointer<UInt8>) -> SaftElement {
        // Names longer than any SAF-T name the reader knows cannot match (lengths fit a byte).
        guard name.count <= 255, let source = name.baseAddress else { return .other }
        var slot = Self.hash(name)
        while true {
            let entry = slots[slot]
            if entry.element == .other { return .other }
            if Int(entry.length) == name.count {
                let start = bytes + Int(entry.start)
                var index = 0
                while index < name.count, start[index] == source[index] { index += 1 }
                if index == name.count { return entry.element }
            }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
    }
}
