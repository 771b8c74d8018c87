import Foundation
import Omnium

/// The Omnium record as JSON text for a quarantine row, so an operator sees exactly what came in.
enum SourcePayload {
    static func json<T: Encodable>(_ record: T) -> String? {
        let encoder = OmniumJSON.encoder
        encoder.outputFormatting.insert(.sortedKeys)
        guard let data = try? encoder.encode(record) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
