// MARK: - SaftDepthStack

/// A stack of one value per open element, at most ``SaftXMLScanner/maxDepth`` deep (the scanner refuses
/// deeper nesting before anything is pushed), in one raw allocation.
///
/// Why not an `Array`: the scanner and the reader push and pop at every tag, and an array stored in a
/// class checked its uniqueness and capacity at each (about a fiftieth of the import); this checks only
/// the bounds, as an array's subscript does.
final class SaftDepthStack<Element: BitwiseCopyable> {
    let capacity: Int
    // One thread uses a stack and never overlaps accesses: no dynamic exclusivity checks.
    @exclusivity(unchecked) private(set) var count = 0
    private let base: UnsafeMutablePointer<Element>

    init(capacity: Int = SaftXMLScanner.maxDepth) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    @inline(__always)
    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "index out of range")
        return base[index]
    }

    @inline(__always)
    func append(_ element: Element) {
        precondition(count < capacity, "deeper than the stack's capacity")
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    func removeLast() {
        precondition(count > 0, "removeLast on an empty stack")
        count -= 1
    }
}
