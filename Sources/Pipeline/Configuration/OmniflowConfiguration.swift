import Foundation
import Omnium

// MARK: - OmniflowConfiguration

/// Everything a run needs to know about the tenant, Omnium and omniflow itself, typed.
///
/// Why: the Flow "Omnium" extension keys (flow-integration.md §11.1), the Omnium "FlowRetail
/// connector" settings (§11.2) and omniflow's own knobs are read once, checked once and then passed
/// as one `Sendable` value, so no stage parses strings or looks at the environment.
/// Load it with `ConfigurationLoader`; the key names are listed in `ConfigKey.catalog` and are the
/// same in the JSON file and the environment. `description` redacts the client secret.
/// Spec: flow-integration.md §11; DESIGN.md "Command line".
public struct OmniflowConfiguration: Sendable, Equatable {
    // MARK: - Omnium connection

    /// `OMNIUM_BASE_URL`, e.g. `https://api.omnium.no`. No default: the demo and the sandbox
    /// provide their own local URL; a real run must set it.
    public var omniumBaseURL: URL?
    /// `OMNIUM_CLIENT_ID`: OAuth2 client id (required for a run against Omnium).
    public var omniumClientID: String?
    /// `OMNIUM_CLIENT_SECRET`: from the environment, or read from `omniumClientSecretFile`.
    public var omniumClientSecret: Secret?
    /// `OMNIUM_CLIENT_SECRET_FILE`: a file holding the secret, readable by its owner only.
    public var omniumClientSecretFile: String?

    // MARK: - Flow extension keys (§11.1)

    /// `OMNIUM_DEFAULT_SHIPPING_METHOD_ID`: shipping method for orders sent to Omnium.
    public var defaultShippingMethodID: String?
    /// `OMNIUM_CLICK_COLLECT_ORDERHANDLING_UID`: Flow handling UID for Click & Collect orders.
    public var clickCollectOrderHandlingUID: String?
    /// `OMNIUM_ONLINE_ORDER_HANDLING_UID`: Flow handling UID for Online orders.
    public var onlineOrderHandlingUID: String?
    /// `OMNIUM_CLICK_COLLECT_EXPIRY_DAYS`: working days until the C&C pickup deadline.
    /// Flow documents no default; omniflow uses 3.
    public var clickCollectExpiryDays: Int = 3
    /// `OMNIUM_INCLUDE_MAIN_PACKAGE_IN_ORDER_ITEMS`: include a package's parent product as a line.
    public var includeMainPackageInOrderItems: Bool = false
    /// `OMNIUM_CUSTOMER_MARKET_GROUP_ID`: market group for customers created in Omnium.
    public var customerMarketGroupID: String?
    /// `OMNIUM_CUSTOMER_LOYALTY_ID_PROPERTY_KEY`: external-id key resolving loyalty ids (e.g. `Voyado`).
    public var customerLoyaltyIDPropertyKey: String?
    /// `OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM`: send receipt PDFs to Omnium as invoices.
    public var sendOrderReceiptToOmnium: Bool = false
    /// `OMNIUM_PROPERTY_PREFIX`: prefix of the read-write order properties omniflow owns.
    public var propertyPrefix: String = "flow"
    /// `OMNIUM_FLOW_STOCK_MASTER`: per store id, whether Flow is stock master (absent = `false`).
    public var flowStockMaster: [String: Bool] = [:]

    // MARK: - Omnium connector settings (§11.2)

    /// `SyncCategoriesToFlow`: export Omnium categories as Flow product groups.
    public var syncCategoriesToFlow: Bool = false
    /// `ProductGroupRootId`: root Omnium category of the product-group tree.
    public var productGroupRootID: String?
    /// `OMNIFLOW_NON_PURCHASABLE_ASSORTMENT_CODES`: Omnium assortment codes that make a product
    /// non-purchasable in Flow while the code is valid (flow-integration.md §3.1 `allowPurchase`).
    public var nonPurchasableAssortmentCodes: [String] = []
    /// `DefaultProductGroupUid`: Flow product group for products without a category.
    public var defaultProductGroupUID: String?
    /// `UseCostPriceListInInventoryExport`: take cost prices from the cost price list.
    public var useCostPriceListInInventoryExport: Bool = false
    /// `FlowWebWarehouse`: UID of the web/online warehouse in Flow.
    public var flowWebWarehouse: String?
    /// `ExportDeliveryAsPo`: export Omnium deliveries (not purchase orders) as Flow POs.
    public var exportDeliveryAsPo: Bool = false
    /// `StorePriceListsInFlow`: create a dedicated Flow price list per store.
    public var storePriceListsInFlow: Bool = false
    /// `UseMarketGroupFlowTenants`: group stores into Flow tenants by Omnium market group.
    public var useMarketGroupFlowTenants: Bool = false
    /// `MainPricesListUid`: the primary Flow price list (required for a run).
    public var mainPricesListUID: String?
    /// `DefaultVatCodeUid`: VAT code for products without one (required for a run).
    public var defaultVatCodeUID: String?
    /// `OrganizationUid`: fallback Flow organization UID.
    public var organizationUID: String?
    /// `PurchaseNumberSeriesUid`: Flow number series for purchase orders.
    public var purchaseNumberSeriesUID: String?
    /// `VoucherNumberSeriesUid`: Flow number series for vouchers.
    public var voucherNumberSeriesUID: String?

    // MARK: - omniflow

    /// `OMNIFLOW_STAGING_ROOT`: control database and run folders (default `staging`).
    public var stagingRoot: String = "staging"
    /// `OMNIFLOW_FLOW_STORE_PATH`: Flow's side, `flow.db`. Default `<staging root>/flow.db`:
    /// the Flow store stands in for Flow's back office and lives with the other local state.
    public var flowStorePath: String = "staging/flow.db"
    /// `OMNIFLOW_MARKET_IDS`: Omnium markets to work on; empty means every market.
    public var marketIDs: [String] = []
    /// `OMNIFLOW_TENANT_COUNTRY_CODE`: ISO 3166 alpha-2 country of the Flow tenant.
    public var tenantCountryCode: String = "NO"
    /// `OMNIFLOW_TENANT_CURRENCY`: ISO 4217 currency of the Flow tenant.
    public var tenantCurrency: String = "NOK"
    /// `OMNIFLOW_COLLI_DIMENSION_UNIT`: unit of Omnium product dimensions (Flow stores millimetres).
    public var colliDimensionUnit: DimensionUnit = .centimetre
    /// `OMNIFLOW_REQUEST_TIMEOUT_SECONDS`: per-request timeout towards Omnium.
    /// 60 s as the Omnium client's default; the defaults below are read from the client's types.
    public var requestTimeout: Double = 60
    /// `OMNIFLOW_MAX_ATTEMPTS`: attempts per request, the first included (429, 5xx, network errors).
    public var maxAttempts: Int = OmniumRetryPolicy().maxAttempts
    /// `OMNIFLOW_RETRY_BASE_DELAY_SECONDS`: first backoff delay, doubled per retry.
    public var retryBaseDelay: Double = OmniumRetryPolicy().baseDelay.configurationSeconds
    /// `OMNIFLOW_RETRY_MAX_DELAY_SECONDS`: backoff ceiling (a 429's `Retry-After` still wins).
    public var retryMaxDelay: Double = OmniumRetryPolicy().maxDelay.configurationSeconds
    /// `OMNIFLOW_REQUESTS_PER_SECOND`: sustained request rate (Omnium refills 1,000 tokens per 10 s).
    public var requestsPerSecond: Double = Double(OmniumLimiterSettings().refillAmount) / OmniumLimiterSettings().refillInterval
    /// `OMNIFLOW_RATE_LIMIT_BURST`: requests that may go at once before the rate applies (Omnium: 12,000).
    public var rateLimitBurst: Int = OmniumLimiterSettings().bucketCapacity
    /// `OMNIFLOW_MAX_CONCURRENT_REQUESTS`: in-flight requests (Omnium allows 20 per API user).
    public var maxConcurrentRequests: Int = OmniumLimiterSettings().maxConcurrentRequests
    /// `OMNIFLOW_MAX_CONCURRENT_BATCH_REQUESTS`: in-flight `…Many` batch requests (Omnium: 4).
    public var maxConcurrentBatchRequests: Int = OmniumLimiterSettings().maxConcurrentBatchRequests
    /// `OMNIFLOW_BUSINESS_TIME_ZONE`: business dates, pickup deadlines and receipts.
    public var businessTimeZone: TimeZone = OmniflowConfiguration.defaultBusinessTimeZone
    /// Europe/Oslo, the one place the default zone is named (the tz database is part of the platform).
    public static let defaultBusinessTimeZone: TimeZone = {
        guard let zone = TimeZone(identifier: "Europe/Oslo") else {
            preconditionFailure("time zone Europe/Oslo is missing from this platform's tz database")
        }
        return zone
    }()
    /// `OMNIFLOW_FULL_RECONCILIATION_HOURS`: how old the last full read of prices and stock may get before
    /// the next run reads them whole again and removes what Omnium no longer has (a delta never sees a
    /// deletion); 0 = every run. See docs/mapping-catalogue.md "Full reconciliation".
    public var fullReconciliationHours: Int = 24
    /// `OMNIFLOW_CONCURRENT_STAGES`: how many stages of a run may run at once (`StageConcurrency`: only the
    /// catalogue's stages run beside others); 1 = one at a time, in plan order.
    public var concurrentStages: Int = 2

    /// `OMNIFLOW_TEMPLATES_DIR`: the receipt templates (`receipt-80mm.tmpl`, `invoice-a4.tmpl`).
    public var templatesDirectory: String = "templates"

    // MARK: - Operations (docs/operations.md)

    /// `OMNIFLOW_CYCLE_NIGHTLY`: the stages of `run --cycle nightly` (names or `*` patterns; all
    /// stages by default). A nightly run also reads prices and stock in full (reconciliation).
    public var nightlyCycleStages: [String] = RunCycle.nightly.defaultStagePatterns
    /// `OMNIFLOW_CYCLE_INTRADAY`: the stages of `run --cycle intraday` (orders, inbox, queues, pushes).
    public var intradayCycleStages: [String] = RunCycle.intraday.defaultStagePatterns
    /// `OMNIFLOW_STATUS_NIGHTLY_WARNING_HOURS` / `…_CRITICAL_HOURS`: age of the last successful
    /// nightly run at which `omniflow status` warns / is critical.
    public var statusNightlyWarningHours: Int = 26
    public var statusNightlyCriticalHours: Int = 50
    /// `OMNIFLOW_STATUS_INTRADAY_WARNING_MINUTES` / `…_CRITICAL_MINUTES`: the same for the intraday cycle
    /// (checked once an intraday run has been recorded).
    public var statusIntradayWarningMinutes: Int = 30
    public var statusIntradayCriticalMinutes: Int = 120
    /// `OMNIFLOW_STATUS_QUARANTINE_WARNING`: open quarantined records at which `omniflow status` warns.
    public var statusQuarantineWarning: Int = 100
    /// `OMNIFLOW_KEEP_RUNS`: run folders kept after each run (besides resumable runs and the latest
    /// success of each stage; `RunRetention`).
    public var keepRuns: Int = 30
    /// `OMNIFLOW_METRICS_FILE`: Prometheus text file written after every run (node_exporter's textfile
    /// collector); default `<staging root>/metrics/omniflow.prom`.
    public var metricsFile: String?
    /// `OMNIFLOW_LOG_FORMAT`: `text` (key=value lines) or `json` (JSON Lines) for `run.log`.
    public var logFormat: RunLogFormat = .text

    // MARK: - Provenance

    /// The configuration file the values came from, if any (for messages).
    public var sourceFile: String?

    /// All defaults; no Omnium URL or credentials. Used by the demo and tests, which set what they need.
    public init() {}

    // MARK: - Queries

    /// The stage patterns of a named cycle.
    public func stagePatterns(of cycle: RunCycle) -> [String] {
        switch cycle {
        case .nightly: return nightlyCycleStages
        case .intraday: return intradayCycleStages
        }
    }

    /// Where the metrics text file goes.
    public var metricsFileURL: URL {
        URL(fileURLWithPath: metricsFile ?? (stagingRoot as NSString).appendingPathComponent("metrics/omniflow.prom"))
    }

    /// Whether Flow is stock master for `storeID` (`OMNIUM_FLOW_STOCK_MASTER`, default `false`).
    public func isFlowStockMaster(storeID: String) -> Bool {
        flowStockMaster[storeID] ?? false
    }

    /// Throws `ConfigError.missingRequired` naming every value a run against Omnium needs but lacks:
    /// `OMNIUM_BASE_URL`, `OMNIUM_CLIENT_ID`, `OMNIUM_CLIENT_SECRET`, `MainPricesListUid`,
    /// `DefaultVatCodeUid`, `DefaultProductGroupUid`.
    public func requireOmniumSettings() throws {
        var missing: [String] = []
        if omniumBaseURL == nil { missing.append("OMNIUM_BASE_URL") }
        if omniumClientID == nil { missing.append("OMNIUM_CLIENT_ID") }
        if omniumClientSecret == nil { missing.append("OMNIUM_CLIENT_SECRET") }
        if mainPricesListUID == nil { missing.append("MainPricesListUid") }
        if defaultVatCodeUID == nil { missing.append("DefaultVatCodeUid") }
        if defaultProductGroupUID == nil { missing.append("DefaultProductGroupUid") }
        guard missing.isEmpty else {
            let origin: ConfigError.Origin = sourceFile.map { .file($0) } ?? .configuration
            throw ConfigError(origin: origin, problem: .missingRequired(missing))
        }
    }
}

// MARK: - DimensionUnit

/// The unit a length arrives in; Flow stores millimetres (flow-integration.md §15).
public enum DimensionUnit: String, Sendable, CaseIterable {
    case millimetre = "mm"
    case centimetre = "cm"
    case metre = "m"

    /// How many millimetres one unit is.
    public var millimetres: Int {
        switch self {
        case .millimetre: return 1
        case .centimetre: return 10
        case .metre: return 1000
        }
    }
}

// MARK: - Description

extension OmniflowConfiguration: CustomStringConvertible {
    /// Every key with its effective value as text (`nil` when unset), in catalog order; the
    /// secret shows as `<redacted>`. For `omniflow config` and diagnostics.
    public var settings: [ConfigurationSetting] {
        ConfigKey.catalog.map { ConfigurationSetting(key: $0.name, value: $0.render(self)) }
    }

    /// One `KEY = value` line per key, in catalog order; the secret shows as `<redacted>`.
    public var description: String {
        settings.map { "\($0.key) = \($0.value ?? "(not set)")" }.joined(separator: "\n")
    }
}

// MARK: - ConfigurationSetting

/// One key and its effective value, as shown to an operator (secrets redacted).
public struct ConfigurationSetting: Sendable, Equatable, Codable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}
