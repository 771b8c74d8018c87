import Foundation

// MARK: - ConfigKey

/// One configuration key: its name (the same in the JSON file and the environment) and how its
/// value is read into, and shown from, `OmniflowConfiguration`.
///
/// Why: one table drives loading, unknown-key hints and the redacted `description`, so a key can
/// never be loadable but invisible, or documented but ignored.
/// Spec: flow-integration.md §11.1 (Flow extension keys), §11.2 (connector settings).
public struct ConfigKey: Sendable {
    /// Where a key may come from.
    enum Sources: Sendable {
        /// The JSON file and the environment.
        case fileAndEnvironment
        /// The environment only: secrets.
        case environmentOnly
    }

    /// The key's name, e.g. `OMNIUM_CLIENT_ID` or `SyncCategoriesToFlow`.
    public let name: String
    let sources: Sources
    let assignJSON: @Sendable (inout OmniflowConfiguration, JSONNode) throws(ConfigValueProblem) -> Void
    let assignText: @Sendable (inout OmniflowConfiguration, String) throws(ConfigValueProblem) -> Void
    /// The current value for `description`; `nil` when unset.
    let render: @Sendable (OmniflowConfiguration) -> String?
    /// What a valid value looks like, for messages.
    let expected: String
    /// The smallest and largest accepted values, for keys with a range (numbers).
    var edges: [String] = []

    // MARK: - Factories

    static func field<Value>(
        _ name: String, _ keyPath: WritableKeyPath<OmniflowConfiguration, Value> & Sendable,
        _ type: ConfigValueType<Value>
    ) -> ConfigKey {
        ConfigKey(
            name: name, sources: .fileAndEnvironment,
            assignJSON: { configuration, node throws(ConfigValueProblem) in configuration[keyPath: keyPath] = try type.fromJSON(node) },
            assignText: { configuration, text throws(ConfigValueProblem) in configuration[keyPath: keyPath] = try type.fromText(text) },
            render: { type.render($0[keyPath: keyPath]) },
            expected: type.expected, edges: type.edges)
    }

    /// A key without a default; JSON `null` leaves it unset.
    static func optional<Value>(
        _ name: String, _ keyPath: WritableKeyPath<OmniflowConfiguration, Value?> & Sendable,
        _ type: ConfigValueType<Value>
    ) -> ConfigKey {
        ConfigKey(
            name: name, sources: .fileAndEnvironment,
            assignJSON: { configuration, node throws(ConfigValueProblem) in
                if case .null = node.value { configuration[keyPath: keyPath] = nil; return }
                configuration[keyPath: keyPath] = try type.fromJSON(node)
            },
            assignText: { configuration, text throws(ConfigValueProblem) in configuration[keyPath: keyPath] = try type.fromText(text) },
            render: { $0[keyPath: keyPath].map(type.render) },
            expected: type.expected)
    }

    // MARK: - Catalog

    /// Every key omniflow reads, in the order `description` lists them.
    public static var names: [String] { catalog.map(\.name) }

    static var catalog: [ConfigKey] {
        [
            // Omnium connection
            .optional("OMNIUM_BASE_URL", \.omniumBaseURL, .httpURL),
            .optional("OMNIUM_CLIENT_ID", \.omniumClientID, .string),
            ConfigKey(
                name: "OMNIUM_CLIENT_SECRET", sources: .environmentOnly,
                assignJSON: { _, node throws(ConfigValueProblem) in throw .init(kind: .invalid, message: "secret", offset: node.offset) },
                assignText: { configuration, text throws(ConfigValueProblem) in configuration.omniumClientSecret = Secret(text) },
                render: { $0.omniumClientSecret?.description },
                expected: "a secret"),
            .optional("OMNIUM_CLIENT_SECRET_FILE", \.omniumClientSecretFile, .string),
            // Flow extension keys (§11.1)
            .optional("OMNIUM_DEFAULT_SHIPPING_METHOD_ID", \.defaultShippingMethodID, .string),
            .optional("OMNIUM_CLICK_COLLECT_ORDERHANDLING_UID", \.clickCollectOrderHandlingUID, .flowUID),
            .optional("OMNIUM_ONLINE_ORDER_HANDLING_UID", \.onlineOrderHandlingUID, .flowUID),
            .field("OMNIUM_CLICK_COLLECT_EXPIRY_DAYS", \.clickCollectExpiryDays, .integer(0...365)),
            .field("OMNIUM_INCLUDE_MAIN_PACKAGE_IN_ORDER_ITEMS", \.includeMainPackageInOrderItems, .bool),
            .optional("OMNIUM_CUSTOMER_MARKET_GROUP_ID", \.customerMarketGroupID, .string),
            .optional("OMNIUM_CUSTOMER_LOYALTY_ID_PROPERTY_KEY", \.customerLoyaltyIDPropertyKey, .string),
            .field("OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM", \.sendOrderReceiptToOmnium, .bool),
            .field("OMNIUM_PROPERTY_PREFIX", \.propertyPrefix, .string),
            .field("OMNIUM_FLOW_STOCK_MASTER", \.flowStockMaster, .storeFlags),
            // Omnium connector settings (§11.2)
            .field("SyncCategoriesToFlow", \.syncCategoriesToFlow, .bool),
            .optional("ProductGroupRootId", \.productGroupRootID, .string),
            .optional("DefaultProductGroupUid", \.defaultProductGroupUID, .flowUID),
            .field("UseCostPriceListInInventoryExport", \.useCostPriceListInInventoryExport, .bool),
            .optional("FlowWebWarehouse", \.flowWebWarehouse, .flowUID),
            .field("ExportDeliveryAsPo", \.exportDeliveryAsPo, .bool),
            .field("StorePriceListsInFlow", \.storePriceListsInFlow, .bool),
            .field("UseMarketGroupFlowTenants", \.useMarketGroupFlowTenants, .bool),
            .optional("MainPricesListUid", \.mainPricesListUID, .flowUID),
            .optional("DefaultVatCodeUid", \.defaultVatCodeUID, .flowUID),
            .optional("OrganizationUid", \.organizationUID, .flowUID),
            .optional("PurchaseNumberSeriesUid", \.purchaseNumberSeriesUID, .flowUID),
            .optional("VoucherNumberSeriesUid", \.voucherNumberSeriesUID, .flowUID),
            // omniflow
            .field("OMNIFLOW_STAGING_ROOT", \.stagingRoot, .string),
            .field("OMNIFLOW_FLOW_STORE_PATH", \.flowStorePath, .string),
            .field("OMNIFLOW_MARKET_IDS", \.marketIDs, .stringList),
            .field("OMNIFLOW_NON_PURCHASABLE_ASSORTMENT_CODES", \.nonPurchasableAssortmentCodes, .stringList),
            .field("OMNIFLOW_TENANT_COUNTRY_CODE", \.tenantCountryCode, .code(letters: 2, standard: "ISO 3166 country")),
            .field("OMNIFLOW_TENANT_CURRENCY", \.tenantCurrency, .code(letters: 3, standard: "ISO 4217 currency")),
            .field("OMNIFLOW_COLLI_DIMENSION_UNIT", \.colliDimensionUnit, .dimensionUnit),
            .field("OMNIFLOW_REQUEST_TIMEOUT_SECONDS", \.requestTimeout, .number(in: 1...3_600, step: 0.001)),
            .field("OMNIFLOW_MAX_ATTEMPTS", \.maxAttempts, .integer(1...20)),
            .field("OMNIFLOW_RETRY_BASE_DELAY_SECONDS", \.retryBaseDelay, .number(in: 0.001...3_600, step: 0.001)),
            .field("OMNIFLOW_RETRY_MAX_DELAY_SECONDS", \.retryMaxDelay, .number(in: 0.001...86_400, step: 0.001)),
            // Tenths: the limiter refills whole tokens every 10 s.
            .field("OMNIFLOW_REQUESTS_PER_SECOND", \.requestsPerSecond, .number(in: 0.1...10_000, step: 0.1)),
            .field("OMNIFLOW_RATE_LIMIT_BURST", \.rateLimitBurst, .integer(1...1_000_000)),
            .field("OMNIFLOW_MAX_CONCURRENT_REQUESTS", \.maxConcurrentRequests, .integer(1...150)),
            .field("OMNIFLOW_MAX_CONCURRENT_BATCH_REQUESTS", \.maxConcurrentBatchRequests, .integer(1...20)),
            .field("OMNIFLOW_BUSINESS_TIME_ZONE", \.businessTimeZone, .timeZone),
            .field("OMNIFLOW_FULL_RECONCILIATION_HOURS", \.fullReconciliationHours, .integer(0...8_760)),
            .field("OMNIFLOW_CONCURRENT_STAGES", \.concurrentStages, .integer(1...8)),
            .field("OMNIFLOW_TEMPLATES_DIR", \.templatesDirectory, .string),
            // operations (docs/operations.md)
            .field("OMNIFLOW_CYCLE_NIGHTLY", \.nightlyCycleStages, .stringList),
            .field("OMNIFLOW_CYCLE_INTRADAY", \.intradayCycleStages, .stringList),
            .field("OMNIFLOW_STATUS_NIGHTLY_WARNING_HOURS", \.statusNightlyWarningHours, .integer(1...8_760)),
            .field("OMNIFLOW_STATUS_NIGHTLY_CRITICAL_HOURS", \.statusNightlyCriticalHours, .integer(1...8_760)),
            .field("OMNIFLOW_STATUS_INTRADAY_WARNING_MINUTES", \.statusIntradayWarningMinutes, .integer(1...525_600)),
            .field("OMNIFLOW_STATUS_INTRADAY_CRITICAL_MINUTES", \.statusIntradayCriticalMinutes, .integer(1...525_600)),
            .field("OMNIFLOW_STATUS_QUARANTINE_WARNING", \.statusQuarantineWarning, .integer(1...100_000_000)),
            .optional("OMNIFLOW_METRICS_FILE", \.metricsFile, .string),
            .field("OMNIFLOW_KEEP_RUNS", \.keepRuns, .integer(1...100_000)),
            .field("OMNIFLOW_LOG_FORMAT", \.logFormat, .logFormat),
        ]
    }

    /// Keys Flow manages itself; present in a file they are an error, not an unknown key.
    static let managedKeys: Set<String> = ["OMNIUM_TOKEN"]

    /// Environment variables with omniflow's prefixes that are read outside the configuration:
    /// the webhook receiver's secret (`omniflow events serve`) and the test suite's switch.
    static let otherEnvironmentVariables: Set<String> = ["OMNIFLOW_EVENTS_SECRET", "OMNIFLOW_LONG_TESTS"]
}
