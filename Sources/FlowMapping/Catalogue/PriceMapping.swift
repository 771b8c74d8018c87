import FlowStore
import Foundation
import Omnium

/// Omnium prices (`/api/Prices/Search` or a product's `prices`) to Flow price lists and periods.
///
/// Which list a price goes to:
/// - market prices (no `storeId`) → `MainPricesListUid`;
/// - store prices → the store's own list (`FlowPriceList.storePriceListUid`) when
///   `StorePriceListsInFlow` is on; skipped otherwise. A store list carries only the store's
///   exceptions: for everything else the store sells at the main list's price;
/// - `cost` → `costPriceListUid` when configured (market prices only; excluding VAT).
///
/// Not mapped, counted in `skipped`: customer and customer-group prices (Flow prices customers
/// itself), quantity-break prices (`minQuantity > 1`), prices of markets or market groups outside
/// the tenant. Quarantined with an issue: no SKU, no amount, another currency, a negative
/// amount, a tax-excluded price without `taxRate`, a period that ends before it starts.
/// Tax-excluded selling prices are converted to Flow's VAT-inclusive sales price with `taxRate`.
/// A record with `priceType` `CostPrice` is a cost price only (its `cost`, else its `unitPrice`).
/// Overlaps and campaigns are resolved by `PriceTimeline` (docs/mapping-catalogue.md).
///
/// The input must hold **every** price of each SKU it names (after a delta, re-read the changed
/// SKUs' prices by `productCodes`): the load replaces each (list, product) with what is mapped here.
///
/// Spec: flow-integration.md §4, §10 (`StorePriceListsInFlow`), §15; omnium-contract.md §7.
public enum PriceMapping {
    public static func map(_ prices: [OmniumPrice], settings: CatalogueMappingSettings,
                           businessDate: Date) -> CataloguePrices {
        var result = CataloguePrices()
        var lists: [String: FlowPriceList] = [:]
        var candidates: [FlowPriceKey: [PriceTimeline.Candidate]] = [:]
        var isCostList: Set<FlowPriceKey> = []

        for price in prices {
            let key = price.code?.trimmedNonBlank ?? price.productId?.trimmedNonBlank ?? "?"
            if let reason = skipReason(price, settings: settings) {
                result.skipped[reason, default: 0] += 1
                continue
            }
            guard let sku = price.code?.trimmedNonBlank else {
                result.issues.append(issue(price, key: key, "price has no code (SKU)")); continue
            }
            guard let productUid = FlowUID.sanitize(sku) else {
                result.issues.append(issue(price, key: key, "'\(sku)' has no characters usable in a Flow UID")); continue
            }
            if let currency = price.currencyCode?.trimmedNonBlank,
               currency.uppercased() != settings.currency.uppercased() {
                result.issues.append(issue(price, key: key,
                    "currency \(currency) is not the tenant currency \(settings.currency)")); continue
            }
            let validFrom = date(price.validFrom), validUntil = date(price.validUntil)
            if let validFrom, let validUntil, validUntil <= validFrom {
                result.issues.append(issue(price, key: key, "validUntil is not after validFrom")); continue
            }
            if price.unitPrice == nil, price.cost == nil {
                result.issues.append(issue(price, key: key, "price has neither unitPrice nor cost")); continue
            }

            // MARK: Selling price
            // A cost-price record (`priceType` CostPrice, e.g. from a cost price list) carries the cost in
            // `unitPrice` too: it is never a selling price.
            let isCostRecord = price.priceType?.trimmedNonBlank?.caseInsensitiveCompare("CostPrice") == .orderedSame
            let storeId = price.storeId?.trimmedNonBlank
            if isCostRecord {
                if settings.costPriceListUid == nil { result.skipped["cost price (no cost price list)", default: 0] += 1 }
            } else if price.unitPrice != nil, storeId != nil, !settings.storePriceListsInFlow {
                result.skipped["store price (StorePriceListsInFlow off)", default: 0] += 1
            } else if let unitPrice = price.unitPrice {
                let storeUid = storeId.flatMap(FlowUID.sanitize)
                switch sellingAmounts(price, unitPrice: unitPrice) {
                case .success where storeId != nil && storeUid == nil:
                    result.issues.append(issue(price, key: key, "storeId has no characters usable in a Flow UID"))
                case .failure(let error):
                    result.issues.append(issue(price, key: key, error.reason))
                case .success(let amounts):
                    let list = storeUid.map { storeList($0, storeId: storeId ?? $0, settings: settings) }
                        ?? FlowPriceList(priceListUid: settings.mainPricesListUid,
                                         name: settings.mainPricesListName, currency: settings.currency)
                    lists[list.priceListUid] = list
                    candidates[FlowPriceKey(priceListUid: list.priceListUid, productUid: productUid), default: []]
                        .append(PriceTimeline.Candidate(validFrom: validFrom, validUntil: validUntil,
                                                        amount: amounts.amount, originalAmount: amounts.original,
                                                        modified: price.modified))
                }
            }

            // MARK: Cost price
            if let cost = price.cost ?? (isCostRecord ? price.unitPrice : nil), !cost.isNaN,
               let costListUid = settings.costPriceListUid {
                if storeId != nil {
                    result.skipped["store cost price", default: 0] += 1
                } else if cost < 0 {
                    result.issues.append(issue(price, key: key, "cost is negative"))
                } else if let amount = try? Money.hundredths(cost, field: "cost") {
                    lists[costListUid] = FlowPriceList(priceListUid: costListUid, name: "Cost prices",
                                                       currency: settings.currency)
                    let costKey = FlowPriceKey(priceListUid: costListUid, productUid: productUid)
                    isCostList.insert(costKey)
                    candidates[costKey, default: []].append(PriceTimeline.Candidate(
                        validFrom: validFrom, validUntil: validUntil, amount: amount,
                        originalAmount: nil, modified: price.modified))
                } else {
                    result.issues.append(issue(price, key: key, "cost \(cost) is outside ±\(Money.largestAmount)"))
                }
            }
        }

        // MARK: Resolve
        for key in candidates.keys.sorted() {
            result.replacedKeys.append(key)
            for segment in PriceTimeline.resolve(candidates[key] ?? [], from: businessDate) {
                let isCampaign = segment.isCampaign && !isCostList.contains(key)
                result.prices.append(FlowPrice(priceListUid: key.priceListUid, productUid: key.productUid,
                                               price: segment.amount, isCampaign: isCampaign,
                                               originalPrice: isCampaign ? segment.originalAmount : nil,
                                               validFrom: segment.validFrom, validTo: segment.validTo))
            }
        }
        result.priceLists = lists.keys.sorted().compactMap { lists[$0] }
        return result
    }

    // MARK: - Rules

    private static func skipReason(_ price: OmniumPrice, settings: CatalogueMappingSettings) -> String? {
        if price.customerId?.trimmedNonBlank != nil || price.customerGroup?.trimmedNonBlank != nil {
            return "customer price"
        }
        if let minQuantity = price.minQuantity, minQuantity > 1 { return "quantity-break price" }
        if let market = price.marketId?.trimmedNonBlank, !settings.marketIds.isEmpty,
           !settings.marketIds.contains(market) {
            return "other market"
        }
        if let group = price.marketGroupId?.trimmedNonBlank, !settings.marketGroupIds.isEmpty,
           !settings.marketGroupIds.contains(group) {
            return "other market group"
        }
        // With every market selected (no OMNIFLOW_MARKET_IDS), a market priced in another currency is
        // another country's market, not a broken price: skipped and counted, not quarantined. A price
        // naming no market in a foreign currency is still an error.
        if settings.marketIds.isEmpty, let market = price.marketId?.trimmedNonBlank,
           let currency = price.currencyCode?.trimmedNonBlank,
           currency.uppercased() != settings.currency.uppercased() {
            return "other market \(market) in \(currency.uppercased()) (set OMNIFLOW_MARKET_IDS to choose markets)"
        }
        return nil
    }

    private struct Amounts {
        var amount: Int64
        var original: Int64?
    }

    private static func sellingAmounts(_ price: OmniumPrice, unitPrice: Decimal) -> Result<Amounts, ReasonError> {
        guard !unitPrice.isNaN, unitPrice >= 0 else { return .failure(ReasonError("unitPrice is negative")) }
        var factor: Decimal = 1
        if price.isTaxExcluded == true {
            guard let rate = price.taxRate, !rate.isNaN, rate >= 0 else {
                return .failure(ReasonError("price is tax-excluded but has no taxRate"))
            }
            factor = 1 + rate / 100
        }
        do throws(ValueOutOfRange) {
            let amount = try Money.hundredths(unitPrice * factor, field: "unitPrice")
            var original: Int64?
            if let value = price.originalUnitPrice, !value.isNaN, value > 0 {
                original = try Money.hundredths(value * factor, field: "originalUnitPrice")
            }
            return .success(Amounts(amount: amount, original: original))
        } catch {
            return .failure(ReasonError(error.description))
        }
    }

    private static func storeList(_ storeUid: String, storeId: String, settings: CatalogueMappingSettings) -> FlowPriceList {
        FlowPriceList(priceListUid: FlowPriceList.storePriceListUid(storeUid: storeUid),
                      name: "\(storeId) prices", currency: settings.currency, storeUid: storeUid)
    }

    /// Omnium's unset date (`0001-01-01`, .NET `DateTime.MinValue`) and anything before 1900
    /// mean "no date".
    static func date(_ value: Date?) -> Date? {
        guard let value, value > earliestRealDate else { return nil }
        return value
    }

    private static let earliestRealDate = Date(timeIntervalSince1970: -2_208_988_800)   // 1900-01-01

    private static func issue(_ price: OmniumPrice, key: String, _ reason: String) -> MappingIssue {
        MappingIssue(entity: .price, recordKey: key, reason: reason, sourcePayload: SourcePayload.json(price))
    }

    private struct ReasonError: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
