import Foundation

/// The part of an answer holding an `OmniumOrder` that a push needs: the stored order's `id` and
/// `status`, read from `PUT /api/Orders/PosOrders` or `GET /api/Orders/{id}`.
///
/// Why not the whole `OmniumOrder`: a POS push only writes the id back to Flow and checks the status;
/// decoding every member of the created order (lines, shipments, calculated totals) for each of
/// 10,000 orders was 13 % of the push's CPU. Other members of the body are ignored, as for any model.
public struct OmniumCreatedOrder: Decodable, Sendable, Hashable {
    public var id: String?
    public var status: String?

    public init(id: String? = nil, status: String? = nil) {
        self.id = id
        self.status = status
    }
}

extension OmniumCreatedOrder: OmniumWireDecodable {
    /// Reads `id` and `status` from the answer's bytes as `OmniumJSON.decoder` would (both optional, `null` =
    /// unset, other members skipped but checked to be well-formed JSON), or nil when not certain: an escape in
    /// either, a repeated one, anything malformed. The POS push reads this for each of its orders, and
    /// `JSONDecoder` scanning the whole stored order was 8 % of the client's CPU.
    public init?(wireJSON json: UnsafeBufferPointer<UInt8>) {
        var reader = OmniumWireReader(json)
        guard reader.beginObject() else { return nil }
        var order = OmniumCreatedOrder()
        var seen = (id: false, status: false)
        while let key = reader.nextKey() {
            if key.elementsEqual("id".utf8) {
                guard !seen.id, reader.read(&order.id) else { return nil }
                seen.id = true
            } else if key.elementsEqual("status".utf8) {
                guard !seen.status, reader.read(&order.status) else { return nil }
                seen.status = true
            } else {
                reader.skipValue()
            }
        }
        guard !reader.failed, reader.finish() else { return nil }
        self = order
    }
}
