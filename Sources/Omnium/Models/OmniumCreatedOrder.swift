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
