import Foundation

// MARK: - StartingConfiguration

/// The commented configuration file `omniflow init` writes: every key of ``ConfigKey/catalog`` once,
/// with a line on what it does.
///
/// Why generated from the catalog: a key added later appears in `init` with its default without anyone
/// remembering to; each default is written as the JSON literal that loads back to exactly that default
/// (checked here, not assumed), so uncommenting a line never changes behaviour by itself.
///
/// Layout: the optional keys come first, commented out with their defaults and a trailing comma; the
/// keys a run needs come last, active, with `null` (or the test URL) to fill in. Uncommenting any
/// optional line therefore leaves valid JSON, and the file as written passes `omniflow config`.
public enum StartingConfiguration {
    /// Keys written active, in this order: what a run against Omnium cannot do without
    /// (``OmniflowConfiguration/requireOmniumRun()`` lists the same, plus the secret).
    static let requiredKeys = ["OMNIUM_BASE_URL", "OMNIUM_CLIENT_ID", "MainPricesListUid", "DefaultVatCodeUid",
                               "DefaultProductGroupUid"]

    /// The file's text.
    public static func text(version: String) -> String {
        let defaults = OmniflowConfiguration()
        let catalog = ConfigKey.catalog.filter { $0.sources == .fileAndEnvironment }
        var lines = [
            "// omniflow configuration, written by `omniflow init` (omniflow \(version)).",
            "// Keys are the same in the environment, which wins over this file. `//` starts a comment.",
            "// The client secret never goes here: set OMNIUM_CLIENT_SECRET in the environment, or name a file",
            "// readable by its owner alone in OMNIUM_CLIENT_SECRET_FILE.",
            "// Check the result with `omniflow config --config <this file>`; every key: README.md \"Configuration\".",
            "{",
            "  // Optional settings, at their defaults. Remove the `//` of a line to change it.",
        ]
        for key in catalog where !requiredKeys.contains(key.name) {
            if let help = help[key.name] { lines.append("  // \(key.name): \(help)") }
            lines.append("  // \"\(key.name)\": \(jsonLiteral(key, defaults)),")
        }
        lines.append("")
        lines.append("  // Needed before a run against Omnium (`omniflow demo` needs none of them).")
        let required = requiredKeys.compactMap { name in catalog.first { $0.name == name } }
        for (index, key) in required.enumerated() {
            if let help = help[key.name] { lines.append("  // \(help)") }
            let value = key.name == "OMNIUM_BASE_URL" ? "\"https://apitest.omnium.no\"" : "null"
            lines.append("  \"\(key.name)\": \(value)" + (index == required.count - 1 ? "" : ","))
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON text that loads back to the key's default: the rendered text itself (numbers, booleans,
    /// `[]`, `{}`), else as a string, else a list of strings; `null` for an unset optional key.
    static func jsonLiteral(_ key: ConfigKey, _ defaults: OmniflowConfiguration) -> String {
        guard let rendered = key.render(defaults) else { return "null" }
        let quoted = String(decoding: (try? JSONEncoder().encode(rendered)) ?? Data("\"\"".utf8), as: UTF8.self)
        let list = "[" + rendered.split(separator: ",").map { part in
            String(decoding: (try? JSONEncoder().encode(String(part))) ?? Data(), as: UTF8.self)
        }.joined(separator: ", ") + "]"
        for candidate in [rendered, quoted, list] {
            var parser = ConfigJSONParser(bytes: Array(candidate.utf8))
            guard let node = try? parser.parseDocument() else { continue }
            var loaded = defaults
            do { try key.assignJSON(&loaded, node) } catch { continue }
            if key.render(loaded) == rendered { return candidate.replacingOccurrences(of: "\\/", with: "/") }
        }
        return "null"
    }

    /// One line per key on what it is for (README.md "Configuration" has the table).
    static let help: [String: String] = [
        "OMNIUM_BASE_URL": "Omnium's API: https://api.omnium.no in production, https://apitest.omnium.no to test.",
        "OMNIUM_CLIENT_ID": "the Omnium API user (its secret: OMNIUM_CLIENT_SECRET in the environment).",
        "OMNIUM_CLIENT_SECRET_FILE": "a file holding the client secret, readable by its owner alone.",
        "MainPricesListUid": "the main sales price list in Flow.",
        "DefaultVatCodeUid": "the VAT code in Flow for products without one.",
        "DefaultProductGroupUid": "the Flow product group for products without a category.",
        "OMNIUM_DEFAULT_SHIPPING_METHOD_ID": "shipping method of orders sent to Omnium.",
        "OMNIUM_CLICK_COLLECT_ORDERHANDLING_UID": "Flow handling task for Click & Collect orders.",
        "OMNIUM_ONLINE_ORDER_HANDLING_UID": "Flow handling task for Online orders.",
        "OMNIUM_CLICK_COLLECT_EXPIRY_DAYS": "working days until a Click & Collect pickup deadline.",
        "OMNIUM_INCLUDE_MAIN_PACKAGE_IN_ORDER_ITEMS": "a package's parent product as an order line.",
        "OMNIUM_CUSTOMER_MARKET_GROUP_ID": "market group of customers created in Omnium.",
        "OMNIUM_CUSTOMER_LOYALTY_ID_PROPERTY_KEY": "external-id key resolving loyalty ids (e.g. Voyado).",
        "OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM": "send receipt PDFs to Omnium as invoices.",
        "OMNIUM_PROPERTY_PREFIX": "prefix of the order properties omniflow owns.",
        "OMNIUM_FLOW_STOCK_MASTER": "per store id, true where Flow is stock master, e.g. {\"oslo\": true}.",
        "SyncCategoriesToFlow": "Omnium categories become Flow product groups.",
        "ProductGroupRootId": "root Omnium category of the product-group tree.",
        "UseCostPriceListInInventoryExport": "cost prices from the cost price list.",
        "FlowWebWarehouse": "the web warehouse in Flow.",
        "ExportDeliveryAsPo": "Omnium deliveries (not purchase orders) become Flow purchase orders.",
        "StorePriceListsInFlow": "a Flow price list per store.",
        "UseMarketGroupFlowTenants": "stores grouped into Flow tenants by Omnium market group.",
        "OrganizationUid": "Flow organization for stores without an organization number.",
        "PurchaseNumberSeriesUid": "number series a new Flow store gets for purchase orders.",
        "VoucherNumberSeriesUid": "number series a new Flow store gets for vouchers.",
        "OMNIFLOW_STAGING_ROOT": "control database and run folders.",
        "OMNIFLOW_FLOW_STORE_PATH": "the Flow store (SQLite); default <staging root>/flow.db.",
        "OMNIFLOW_MARKET_IDS": "Omnium markets to work on (prices of other markets are skipped); [] = all.",
        "OMNIFLOW_NON_PURCHASABLE_ASSORTMENT_CODES": "assortment codes that make a product non-purchasable.",
        "OMNIFLOW_TENANT_COUNTRY_CODE": "the Flow tenant's country (ISO 3166 alpha-2).",
        "OMNIFLOW_TENANT_CURRENCY": "the Flow tenant's currency (ISO 4217).",
        "OMNIFLOW_COLLI_DIMENSION_UNIT": "unit of Omnium product dimensions: mm, cm or m.",
        "OMNIFLOW_REQUEST_TIMEOUT_SECONDS": "timeout of one request to Omnium.",
        "OMNIFLOW_MAX_ATTEMPTS": "attempts per request, the first included.",
        "OMNIFLOW_RETRY_BASE_DELAY_SECONDS": "first retry delay, doubled per retry.",
        "OMNIFLOW_RETRY_MAX_DELAY_SECONDS": "longest retry delay (a Retry-After still wins).",
        "OMNIFLOW_REQUESTS_PER_SECOND": "sustained request rate towards Omnium.",
        "OMNIFLOW_RATE_LIMIT_BURST": "requests that may go at once before the rate applies.",
        "OMNIFLOW_MAX_CONCURRENT_REQUESTS": "requests in flight at once.",
        "OMNIFLOW_MAX_CONCURRENT_BATCH_REQUESTS": "batch (…Many) requests in flight at once.",
        "OMNIFLOW_BUSINESS_TIME_ZONE": "time zone of business dates, pickup deadlines and receipts.",
        "OMNIFLOW_FULL_RECONCILIATION_HOURS": "hours between full reads of prices and stock (0 = every run).",
        "OMNIFLOW_CONCURRENT_STAGES": "stages of a run that may run at once (1 = one at a time).",
        "OMNIFLOW_TEMPLATES_DIR": "receipt templates.",
        "OMNIFLOW_CYCLE_NIGHTLY": "stages of `run --cycle nightly` (names or * patterns).",
        "OMNIFLOW_CYCLE_INTRADAY": "stages of `run --cycle intraday`.",
        "OMNIFLOW_STATUS_NIGHTLY_WARNING_HOURS": "`omniflow status` warns when the last good nightly run is older.",
        "OMNIFLOW_STATUS_NIGHTLY_CRITICAL_HOURS": "… and is critical.",
        "OMNIFLOW_STATUS_INTRADAY_WARNING_MINUTES": "the same for the intraday cycle, in minutes.",
        "OMNIFLOW_STATUS_INTRADAY_CRITICAL_MINUTES": "… and critical.",
        "OMNIFLOW_STATUS_QUARANTINE_WARNING": "`omniflow status` warns at this many withheld records.",
        "OMNIFLOW_KEEP_RUNS": "run folders kept after each run, besides resumable runs (omniflow runs prune).",
        "OMNIFLOW_METRICS_FILE": "Prometheus text file written after each run; default <staging root>/metrics/omniflow.prom.",
        "OMNIFLOW_LOG_FORMAT": "run.log as text or json (JSON Lines).",
    ]
}
