import CSHA256Blocks
import Foundation

// MARK: - SHA256

/// SHA-256 (FIPS 180-4), incremental.
///
/// Why hand-written: Foundation on Linux has no hashing and omniflow takes no package
/// dependencies (CryptoKit is Apple-only). Used for checksums of staged outputs, not for secrets;
/// verified against the FIPS test vectors in `SHA256Tests`. Where the CPU has the SHA instructions
/// (x86-64 SHA-NI), whole blocks go through them (`CSHA256Blocks`), several times faster; this portable
/// code is the fallback and the reference the tests compare them with.
///
/// Spec: https://csrc.nist.gov/publications/detail/fips/180/4/final
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
    /// The bytes of an unfinished block, in place: staging checksums hash every row on its own, and an
    /// array here (with the padding and result arrays) cost as many allocations as the hashing itself.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var byteCount: UInt64 = 0
    /// Whether whole blocks go through the CPU's SHA instructions (false: the portable rounds below).
    let usesHardware: Bool

    public init() {
        usesHardware = sha256HardwareAvailable
    }

    /// A hasher on the portable rounds whatever the CPU (tests compare the two).
    init(portable: Bool) {
        usesHardware = portable ? false : sha256HardwareAvailable
    }

    // MARK: - Feeding

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        byteCount &+= UInt64(buffer.count)
        var index = 0
        if pendingCount > 0 {
            let take = min(64 - pendingCount, buffer.count)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: offset).copyMemory(from: base, byteCount: take) }
            pendingCount += take
            index = take
            if pendingCount == 64 {
                let block = pending
                withUnsafeBytes(of: block) { compress($0) }
                pendingCount = 0
            }
        }
        let wholeBlocks = (buffer.count - index) / 64
        if wholeBlocks > 0 {
            compress(UnsafeRawBufferPointer(rebasing: buffer[index..<(index + 64 * wholeBlocks)]))
            index += 64 * wholeBlocks
        }
        if index < buffer.count {
            let rest = buffer.count - index
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: base.advanced(by: index), byteCount: rest) }
            pendingCount = rest
        }
    }

    // MARK: - Result

    /// The 32-byte digest. The hasher can keep being fed afterwards only by a copy taken before.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = byteCount &* 8
        // 0x80, zeros up to 56 mod 64, then the length in bits (big-endian): at most 72 bytes.
        let remainder = (pendingCount + 1) % 64
        let zeros = remainder <= 56 ? 56 - remainder : 120 - remainder
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 72) { padding in
            padding.initialize(repeating: 0)
            padding[0] = 0x80
            for index in 0..<8 { padding[1 + zeros + index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(56 - 8 * index)) }
            copy.update(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(padding)[0..<(1 + zeros + 8)]))
        }
        precondition(copy.pendingCount == 0, "SHA256 padding must end on a block boundary")
        let words = copy.state
        return [UInt8](unsafeUninitializedCapacity: 32) { bytes, count in
            for (index, word) in [words.0, words.1, words.2, words.3, words.4, words.5, words.6, words.7].enumerated() {
                for byte in 0..<4 { bytes[index * 4 + byte] = UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32(byte))) }
            }
            count = 32
        }
    }

    /// The digest as 64 lowercase hex digits.
    public func hexDigest() -> String {
        finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public static func hexDigest(of data: Data) -> String {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.hexDigest()
    }

    // MARK: - Compression

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Compresses the whole 64-byte blocks of `blocks`.
    private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        if usesHardware {
            withUnsafeMutableBytes(of: &state) { words in
                omniflow_sha256_hardware_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                                blocks.baseAddress!.assumingMemoryBound(to: UInt8.self), blocks.count / 64)
            }
            return
        }
        for offset in stride(from: 0, to: blocks.count, by: 64) {
            compressPortably(UnsafeRawBufferPointer(rebasing: blocks[offset..<(offset + 64)]))
        }
    }

    private mutating func compressPortably(_ block: UnsafeRawBufferPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                w[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16
                    | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
            }
            for i in 16..<64 {
                let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            Self.k.withUnsafeBufferPointer { k in
                for i in 0..<64 {
                    let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                    let choice = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
                    let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ majority
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                     state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
        }
    }

    @inline(__always)
    private func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}

/// Decided once per process: the CPU does not change under it.
private let sha256HardwareAvailable = omniflow_sha256_hardware_available() == 1
