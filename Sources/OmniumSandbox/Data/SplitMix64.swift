import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, well-mixed 64-bit generator.
///
/// Why our own: `SystemRandomNumberGenerator` is not seedable, and the sandbox promises the same
/// data for the same seed on every machine and Swift version. Each generated entity gets its own
/// stream (`SplitMix64(seed:stream:index:)`), so entity N is the same whether or not entities
/// 0..<N were generated, which lets large catalogues be generated lazily by index.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A stream for one entity: the seed, a stream name and an index mixed into one state.
    public init(seed: UInt64, stream: String, index: Int = 0) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a of the stream name
        for byte in stream.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        var mixer = SplitMix64(seed: seed ^ hash)
        state = mixer.next() &+ UInt64(bitPattern: Int64(index)) &* 0x9e37_79b9_7f4a_7c15
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    // MARK: - Conveniences (deterministic: no use of the standard library's random APIs)

    /// A value in `0..<bound` (bound > 0).
    public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next() % UInt64(bound))
    }

    /// A value in the closed range.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// True with the given probability (0...1).
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }
}
