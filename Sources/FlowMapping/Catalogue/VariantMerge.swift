import Omnium

/// A variant as a full product: its own fields where it has them, its parent's otherwise.
///
/// Omnium variants "carry product fields" (omnium-contract.md §6) but often only the ones that
/// differ (size, EAN, price); the article's brand, texts and category live on the parent.
/// Status is the stricter of the two: an inactive or deleted parent makes every variant so.
enum VariantMerge {
    static func merge(_ variant: OmniumProduct, into parent: OmniumProduct) -> OmniumProduct {
        var merged = variant
        merged.id = variant.id ?? parent.id
        merged.productId = variant.productId ?? parent.productId
        merged.name = pick(variant.name, parent.name)
        merged.description = pick(variant.description, parent.description)
        merged.shortDescription = pick(variant.shortDescription, parent.shortDescription)
        merged.brand = pick(variant.brand, parent.brand)
        merged.color = pick(variant.color, parent.color)
        merged.size = pick(variant.size, parent.size)
        merged.unit = pick(variant.unit, parent.unit)
        merged.cost = variant.cost ?? parent.cost
        merged.costCurrency = variant.cost == nil ? parent.costCurrency : variant.costCurrency
        merged.mainCategoryId = pick(variant.mainCategoryId, parent.mainCategoryId)
        merged.mainCategoryName = variant.mainCategoryId?.isEmpty == false
            ? variant.mainCategoryName : parent.mainCategoryName
        merged.categories = pickList(variant.categories, parent.categories)
        merged.assortmentCodes = pickList(variant.assortmentCodes, parent.assortmentCodes)
        merged.marketIds = pickList(variant.marketIds, parent.marketIds)
        merged.prices = pickList(variant.prices, parent.prices)
        merged.weight = variant.weight ?? parent.weight
        merged.colli = pickList(variant.colli, parent.colli)
        merged.assets = pickList(variant.assets, parent.assets)
        merged.mainImageUrl = pick(variant.mainImageUrl, parent.mainImageUrl)
        merged.taxCategory = pick(variant.taxCategory, parent.taxCategory)
        merged.isActive = (variant.isActive ?? true) && (parent.isActive ?? true)
        let deleted = [variant.status, parent.status].contains { $0?.lowercased() == "deleted" }
        merged.status = deleted ? "Deleted" : (variant.status ?? parent.status)
        merged.modified = [variant.modified, parent.modified].compactMap { $0 }.max()
        merged.variants = nil
        // `ean`/`gtins` are the variant's own: a parent's barcode never identifies a size.
        return merged
    }

    private static func pick(_ own: String?, _ inherited: String?) -> String? {
        own?.trimmedNonBlank == nil ? inherited : own
    }

    private static func pickList<T>(_ own: [T]?, _ inherited: [T]?) -> [T]? {
        (own ?? []).isEmpty ? inherited : own
    }
}
