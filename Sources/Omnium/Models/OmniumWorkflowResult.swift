import Foundation

/// Result of a status update (`OmniumOrderWorkflowExecutionResult`): the order after the workflow and each step's outcome.
///
/// Spec: omnium-contract.md §10, omnium-api.md §5.6.
public struct OmniumWorkflowResult: Codable, Sendable, Equatable {
    public var isAborted: Bool?
    public var order: OmniumOrder?
    public var orderActionExecutionResults: [OmniumOrderActionExecutionResult]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        isAborted: Bool? = nil,
        order: OmniumOrder? = nil,
        orderActionExecutionResults: [OmniumOrderActionExecutionResult]? = nil
    ) {
        self.isAborted = isAborted
        self.order = order
        self.orderActionExecutionResults = orderActionExecutionResults
    }
}

/// The outcome of one workflow step.
///
/// Spec: omnium-contract.md §10.
public struct OmniumOrderActionExecutionResult: Codable, Sendable, Equatable {
    public var actionType: String?
    /// `Success` | `Warning` | `Error`
    public var actionStatus: String?
    public var errorReason: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        actionType: String? = nil,
        actionStatus: String? = nil,
        errorReason: String? = nil
    ) {
        self.actionType = actionType
        self.actionStatus = actionStatus
        self.errorReason = errorReason
    }
}

/// Omnium's own name for a workflow result.
public typealias OmniumOrderWorkflowExecutionResult = OmniumWorkflowResult
