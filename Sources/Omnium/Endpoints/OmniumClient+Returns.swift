import Foundation

// MARK: - Returns

/// Returns against an Omnium order.
/// Spec: omnium-contract.md §10.
extension OmniumClient {
    /// `POST /api/Returns/{orderId}/Return`: create a return; `rmaNumber` (= Flow's return order
    /// uid) makes it unique — an existing one answers 409, after which the caller reads the order
    /// (`order(id:)`) and finds the return in `returnOrderForms`.
    public func createReturn(orderId: String, _ request: OmniumReturnRequestModel) async throws
        -> OmniumReturnOrderForm {
        // Only an explicit rmaNumber makes a repeat meet 409; without it Omnium generates one and a
        // repeat would create a second return.
        let hasRmaNumber = !(request.rmaNumber?.isEmpty ?? true)
        return try await send(try .json(.post, "/api/Returns/\(OmniumRequest.segment(orderId))/Return", body: request,
                                        repeatability: hasRmaNumber ? .conflictOnRepeat : .notRepeatable),
                       as: OmniumReturnOrderForm.self)
    }

    /// `POST /api/Returns/{orderId}/UpdateStatus` with `{status, returnId}`: advance a return.
    public func updateReturnStatus(orderId: String, _ patch: OmniumUpdateStatusPatch) async throws
        -> OmniumWorkflowResult {
        try await send(try .json(.post, "/api/Returns/\(OmniumRequest.segment(orderId))/UpdateStatus", body: patch),
                       as: OmniumWorkflowResult.self)
    }
}
