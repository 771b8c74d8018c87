import Foundation
import Omnium
@testable import OmniumSandbox
import XCTest

/// The client's fast record readers (``OmniumWireDecodable``, issue 8) on every catalogue record a seeded
/// sandbox answers with, in the sandbox's own serialisation (nulls written) and in the client's (nulls
/// omitted): they read exactly what `OmniumJSON.decoder` reads, and they do read them (a reader that
/// declined everything would be correct and useless).
final class WireReadersOnSandboxRecordsTests: XCTestCase {
    private let generator = SandboxDataGenerator(options: SandboxDataOptions(seed: 11, scale: .small, badEANCount: 3))

    private func assertReadAsTheDecoderReads<T: OmniumWireDecodable & Encodable & Equatable>(
        _ records: [T], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        var declined = 0
        for record in records {
            for json in [try SandboxResponseEncoder.encode(record), try OmniumJSON.encode(record)] {
                let decoded = try OmniumJSON.decoder.decode(T.self, from: json)
                guard let fast = T(wireJSON: json) else {
                    declined += 1
                    continue
                }
                XCTAssertEqual(fast, decoded, String(decoding: json, as: UTF8.self), file: file, line: line)
            }
        }
        XCTAssertFalse(records.isEmpty, file: file, line: line)
        XCTAssertEqual(declined, 0, "the fast reader declined \(declined) of \(2 * records.count) \(T.self) records",
                       file: file, line: line)
    }

    func testProductsReadAsTheDecoderReadsThem() throws {
        try assertReadAsTheDecoderReads((0..<generator.productCount).map(generator.product(at:)))
    }

    func testPricesAndStockReadAsTheDecoderReadsThem() throws {
        try assertReadAsTheDecoderReads((0..<generator.productCount).flatMap(generator.prices(forProductAt:)))
        try assertReadAsTheDecoderReads((0..<generator.productCount).flatMap(generator.inventory(forProductAt:)))
    }

    func testAMemberAModelKeepsAsUnknownIsLeftToTheDecoder() throws {
        var product = generator.product(at: 0)
        product.properties = [OmniumProperty(key: "k", value: "v", additionalMembers: ["origin": .string("ERP")])]
        let json = try OmniumJSON.encode(product)
        XCTAssertNil(OmniumProduct(wireJSON: json))
        XCTAssertEqual(try OmniumJSON.decoder.decode(OmniumProduct.self, from: json).properties?.first?.additionalMembers,
                       ["origin": .string("ERP")])
    }
}
