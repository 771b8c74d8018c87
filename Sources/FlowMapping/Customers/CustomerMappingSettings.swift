// MARK: - CustomerMappingSettings

/// Flow's extension settings for customers coming from Omnium. Spec: flow-integration.md §6, §11.1.
public struct CustomerMappingSettings: Hashable, Sendable {
    /// `OMNIUM_CUSTOMER_LOYALTY_ID_PROPERTY_KEY`: the `providerName` of the Omnium external id (or the
    /// key of the Omnium property) holding the loyalty id, e.g. `"Voyado"`. Nil: `customerNumber`.
    public var loyaltyIdPropertyKey: String?

    public init(loyaltyIdPropertyKey: String? = nil) {
        self.loyaltyIdPropertyKey = loyaltyIdPropertyKey
    }
}
