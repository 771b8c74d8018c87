import Foundation

// MARK: - SaftScanBytes

/// A growable byte buffer for ``SaftXMLScanner``: the file's unconsumed bytes, an element's text, the
/// names of the open elements. A class around one allocation, so reading a byte or a range costs no
/// reference counting (a `[UInt8]` stored in the scanner was retained and released around every
/// slice and `withUnsafeBufferPointer`: an eighth of the import's time). Indices are checked as an
/// array's are; ranges come back as `UnsafeBufferPointer`s valid until the buffer next changes.
final class SaftScanBytes {
    // One thread uses a buffer and never overlaps accesses: no dynamic exclusivity checks.
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "index out of range")
        return base[index]
    }

    /// The bytes of `range` (indices of this buffer).
    @inline(__always)
    subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of range")
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// All bytes; indices are the buffer's.
    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Whether the bytes at `offset` equal `other` (short names: eight bytes at a time, then a loop, not
    /// a call to `memcmp`).
    @inline(__always)
    func bytes(at offset: Int, equal other: UnsafeBufferPointer<UInt8>) -> Bool {
        precondition(offset >= 0 && offset + other.count <= count, "range out of range")
        var index = 0
        if let start = other.baseAddress {
            while index + 8 <= other.count {
                let mine = UnsafeRawPointer(base + offset + index).loadUnaligned(as: UInt64.self)
                let theirs = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
                if mine != theirs { return false }
                index += 8
            }
        }
        while index < other.count {
            if base[offset + index] != other[index] { return false }
            index += 1
        }
        return true
    }

    /// The index of the first `byte` in `range`, or nil.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of range")
        var index = range.lowerBound
        while index < range.upperBound {
            if base[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { reserve(1) }
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { reserve(bytes.count) }   // the check inline, the growth not
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(_ data: Data) {
        data.withUnsafeBytes { append($0.bindMemory(to: UInt8.self)) }
    }

    /// Drops the first `n` bytes, moving the rest to the front.
    func removeFirst(_ n: Int) {
        precondition(n >= 0 && n <= count, "range out of range")
        guard n > 0 else { return }
        memmove(base, base + n, count - n)   // the regions overlap
        count -= n
    }

    func removeLast(_ n: Int) {
        precondition(n >= 0 && n <= count, "range out of range")
        count -= n
    }

    func removeAll() { count = 0 }
}
