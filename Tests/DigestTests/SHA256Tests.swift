import Foundation
@testable import Digest
import XCTest

final class SHA256Tests: XCTestCase {
    private func hex(_ text: String) -> String { SHA256.hexDigest(of: Data(text.utf8)) }

    func testFIPSVectors() {
        XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(hex(String(repeating: "a", count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testIncrementalUpdatesMatchOneShot() {
        let text = String(repeating: "Blåbær æøå 🧾 ", count: 37)
        for chunk in [1, 3, 63, 64, 65, 200] {
            var hasher = SHA256()
            let bytes = Array(text.utf8)
            stride(from: 0, to: bytes.count, by: chunk).forEach {
                hasher.update(Array(bytes[$0..<min($0 + chunk, bytes.count)]))
            }
            XCTAssertEqual(hasher.hexDigest(), hex(text), "chunk \(chunk)")
        }
    }

    func testPaddingBoundaries() {
        // 55, 56 and 64 bytes are where the length field does or does not fit the last block.
        XCTAssertEqual(hex(String(repeating: "a", count: 55)),
                       "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(hex(String(repeating: "a", count: 56)),
                       "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        XCTAssertEqual(hex(String(repeating: "a", count: 64)),
                       "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    /// The CPU's SHA instructions, where this machine has them, give the portable rounds' digests (on a CPU
    /// without them both hashers are the portable one and the test still checks the vectors above).
    func testHardwareBlocksMatchThePortableRounds() {
        XCTAssertFalse(SHA256(portable: true).usesHardware)
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8), cpu.contains(" sha_ni") {
            XCTAssertTrue(SHA256().usesHardware, "this CPU has SHA-NI")
        }
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...300) + [1_000, 4_096, 65_537, 1_000_003] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var hardware = SHA256(), portable = SHA256(portable: true)
            // Fed in uneven pieces, so whole blocks arrive both alone and several at a time.
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...300, using: &generator))
                hardware.update(Array(bytes[start..<end]))
                portable.update(Array(bytes[start..<end]))
                start = end
            }
            XCTAssertEqual(hardware.hexDigest(), portable.hexDigest(), "length \(length)")
        }
    }
}
