import FlowStore
import Foundation
import Omnium

/// Omnium products to Flow brands, product groups, products and images.
///
/// One Flow product per sellable SKU: a product document with `variants` becomes one Flow product
/// per variant (variant fields override the parent's, the parent itself is not sold), linked as
/// siblings through the parent's `productId`; a document without variants is one Flow product,
/// linked to its siblings through `parentId`. Language copies of one document (`shirt_no`,
/// `shirt_en`) collapse to the most recently modified one. Rules per field:
/// docs/mapping-catalogue.md.
///
/// Spec: flow-integration.md §3 (steps 2–6), §3.1 (field mapping), §3.2, §3.3, §15.
public enum ProductMapping {
    /// Maps one batch. Pure: `businessDate` picks the best valid price for `recommendedRetailPrice`
    /// when `usesPriceScheduledTask` is off, and decides which assortment codes are in force.
    public static func map(_ documents: [OmniumProduct], categories: [CatalogueCategory] = [],
                           settings: CatalogueMappingSettings, businessDate: Date) -> CatalogueProducts {
        var groups = ProductGroupResolver(categories: categories, settings: settings)
        var result = CatalogueProducts()
        var chosen: [String: (key: String, source: OmniumProduct, siblingGroupUid: String?)] = [:]
        var order: [String] = []

        // MARK: Flatten and deduplicate
        for sellable in sellables(of: documents) {
            let source = sellable.product
            guard let key = (source.skuId?.trimmedNonBlank ?? source.productId?.trimmedNonBlank) else {
                result.issues.append(issue(source, key: source.id ?? "?", "neither skuId nor productId is set"))
                continue
            }
            guard let uid = FlowUID.sanitize(key) else {
                result.issues.append(issue(source, key: key, "'\(key)' has no characters usable in a Flow UID"))
                continue
            }
            if let existing = chosen[uid] {
                if existing.key != key {
                    result.issues.append(issue(source, key: key,
                        "productUid '\(uid)' is already used by '\(existing.key)' (UIDs collide after sanitizing)"))
                } else if (source.modified ?? .distantPast) > (existing.source.modified ?? .distantPast) {
                    chosen[uid] = (key, source, sellable.siblingGroupUid)
                }
                continue
            }
            chosen[uid] = (key, source, sellable.siblingGroupUid)
            order.append(uid)
        }

        // MARK: Map fields
        var brandSpellings: [String: [String: Int]] = [:]
        for uid in order {
            guard let entry = chosen[uid] else { continue }
            let source = entry.source
            var cost: Int64?
            if let amount = source.cost {
                do { cost = try Money.hundredths(amount, field: "cost") } catch {
                    result.issues.append(issue(source, key: entry.key, error.description))
                    continue
                }
            }
            let (groupUid, groupProblem) = groups.groupUid(for: source)
            if let groupProblem {
                result.issues.append(issue(source, key: entry.key, groupProblem, field: "productGroupUid"))
            }
            let brandName = source.brand?.trimmedNonBlank
            let brandUid = brandName.flatMap(FlowUID.brand)
            if let brandName, let brandUid { brandSpellings[brandUid, default: [:]][brandName, default: 0] += 1 }
            let (barcodes, barcodeIssues) = validBarcodes(source, key: entry.key)
            result.issues += barcodeIssues
            let isActive = (source.isActive ?? true) && source.status?.lowercased() != "deleted"
            let physical = PhysicalMeasures(source, lengthUnit: settings.colliLengthUnit)
            result.issues += physical.refused.map { issue(source, key: entry.key, "\($0): dropped", field: $0.field) }
            let costCurrency = source.costCurrency?.trimmedNonBlank
            result.products.append(FlowProduct(
                productUid: uid,
                sku: source.skuId?.trimmedNonBlank ?? "NoSku",
                name: source.name?.trimmedNonBlank ?? entry.key,
                vatCodeUid: source.taxCategory.flatMap { settings.vatCodeUidByTaxCategory[$0] }
                    ?? settings.defaultVatCodeUid,
                productGroupUid: groupUid,
                siblingGroupUid: entry.siblingGroupUid,
                description: source.description.map(HTMLText.strip)?.trimmedNonBlank,
                shortDescription: source.shortDescription.map(HTMLText.strip)?.trimmedNonBlank,
                color: source.color?.trimmedNonBlank,
                size: source.size?.trimmedNonBlank,
                brandUid: brandUid,
                barcodes: barcodes,
                isActive: isActive,
                allowPurchase: isActive && !isNonPurchasable(source, settings: settings, at: businessDate),
                purchasePrice: cost,
                currencyPurchasePrice: costCurrency == nil ? nil : cost,
                currency: costCurrency,
                recommendedRetailPrice: settings.usesPriceScheduledTask
                    ? nil : bestValidPrice(source, uid: uid, settings: settings, businessDate: businessDate),
                weight: physical.weight, height: physical.height, width: physical.width, length: physical.length))
            result.images += ProductImages.images(of: source, productUid: uid)
        }

        result.brands = brandSpellings.keys.sorted().map { uid in
            // The spelling most products use; ties go to the alphabetically first, for stable rows.
            let spellings = brandSpellings[uid] ?? [:]
            let name = spellings.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key }
            return FlowBrand(brandUid: uid, name: name?.key ?? uid)
        }
        result.productGroups = groups.groups.keys.sorted().compactMap { groups.groups[$0] }
        return result
    }

    // MARK: - Variants

    private struct Sellable {
        var product: OmniumProduct
        var siblingGroupUid: String?
    }

    /// Each sellable SKU with its sibling group. Variants inherit every field they leave unset.
    private static func sellables(of documents: [OmniumProduct]) -> [Sellable] {
        documents.flatMap { document -> [Sellable] in
            guard let variants = document.variants, !variants.isEmpty else {
                return [Sellable(product: document, siblingGroupUid: document.parentId?.trimmedNonBlank
                    .flatMap(FlowUID.sanitize))]
            }
            let group = (document.productId?.trimmedNonBlank ?? document.id?.trimmedNonBlank).flatMap(FlowUID.sanitize)
            return variants.map { variant in
                Sellable(product: VariantMerge.merge(variant, into: document),
                         siblingGroupUid: variant.parentId?.trimmedNonBlank.flatMap(FlowUID.sanitize) ?? group)
            }
        }
    }

    // MARK: - Fields

    /// Whether a non-purchasable assortment code is in force on `date` (codes compared
    /// case-insensitively; a code outside its `validFrom`..<`validTo` window does not count).
    private static func isNonPurchasable(_ product: OmniumProduct, settings: CatalogueMappingSettings,
                                         at date: Date) -> Bool {
        guard !settings.nonPurchasableAssortmentCodes.isEmpty else { return false }
        let blocked = Set(settings.nonPurchasableAssortmentCodes.map { $0.lowercased() })
        return (product.assortmentCodes ?? []).contains { code in
            guard let id = code.assortmentCodeId?.trimmedNonBlank, blocked.contains(id.lowercased()) else { return false }
            return code.isValid(at: date)
        }
    }

    /// `ean` first, then `gtins`, trimmed and deduplicated; invalid ones dropped and reported.
    private static func validBarcodes(_ product: OmniumProduct, key: String) -> ([String], [MappingIssue]) {
        var barcodes: [String] = []
        var issues: [MappingIssue] = []
        for raw in [product.ean].compactMap({ $0 }) + (product.gtins ?? []) {
            guard let code = raw.trimmedNonBlank, !barcodes.contains(code) else { continue }
            if GTIN.isValid(code) {
                barcodes.append(code)
            } else {
                issues.append(issue(product, key: key,
                    "barcode '\(code)' is not a valid EAN-8/12/13/GTIN-14 (length or check digit)",
                    field: "barcode \(code)"))
            }
        }
        return (barcodes, issues)
    }

    /// "Best valid price": the main-market price in force on the business date (PriceTimeline).
    private static func bestValidPrice(_ product: OmniumProduct, uid: String, settings: CatalogueMappingSettings,
                                       businessDate: Date) -> Int64? {
        // A price out of range is not a candidate; the price extract quarantines it on its own.
        let candidates = (product.prices ?? []).compactMap { price -> PriceTimeline.Candidate? in
            guard price.storeId?.trimmedNonBlank == nil, price.customerId?.trimmedNonBlank == nil,
                  price.customerGroup?.trimmedNonBlank == nil,
                  settings.marketIds.isEmpty || price.marketId.map(settings.marketIds.contains) ?? true,
                  let amount = price.recommendedRetailPrice ?? price.unitPrice,
                  let hundredths = try? Money.hundredths(amount, field: "recommendedRetailPrice") else { return nil }
            return PriceTimeline.Candidate(validFrom: PriceMapping.date(price.validFrom),
                                           validUntil: PriceMapping.date(price.validUntil),
                                           amount: hundredths, originalAmount: nil,
                                           modified: price.modified)
        }
        return PriceTimeline.resolve(candidates, from: businessDate).first { segment in
            (segment.validFrom ?? .distantPast) <= businessDate
        }?.amount
    }

    /// A product issue: the record withheld, or with `field` only that field dropped (the product loads).
    static func issue(_ product: OmniumProduct, key: String, _ reason: String, field: String? = nil) -> MappingIssue {
        MappingIssue(entity: .product, recordKey: key, reason: reason,
                     outcome: field == nil ? .recordQuarantined : .fieldDropped, field: field,
                     sourcePayload: SourcePayload.json(product))
    }
}
