import Foundation
import Omnium

/// Products by index: variants with sizes, EAN-13s, HTML descriptions, images, colli, cost,
/// assortment codes, VAT 25/15/12/0 %. Index `i` has `productId` `String(100001 + i)`; its SKUs are
/// `"{productId}-{size}"`, or the productId itself for a product without sizes (whose `skuId` is
/// left out for every 53rd index, to exercise Flow's `NoSku`).
extension SandboxDataGenerator {
    /// What the cheap parts of a product derive from (used by products, prices and stock alike).
    struct ProductPlan {
        var productId: String
        var category: (String, String, String, String, String, Int, [String])
        var brandIndex: Int
        var color: String
        var sizes: [String]
        /// Selling price in øre (NOK, incl. VAT).
        var priceHundredths: Int
        var skus: [String]
    }

    public var productCount: Int { options.scale.products }

    func plan(_ index: Int) -> ProductPlan {
        var random = rng("plan", index)
        let category = SandboxNames.categories[random.int(below: SandboxNames.categories.count)]
        let brandIndex = random.int(below: SandboxNames.brands.count)
        let color = random.pick(SandboxNames.colors)
        var sizes: [String] = []
        if !category.6.isEmpty {
            let count = random.int(in: 1...min(4, category.6.count))
            let start = random.int(below: category.6.count - count + 1)
            sizes = Array(category.6[start..<(start + count)])
        }
        var price = (random.int(in: 1...80) * 50 - 1) * 100
        if random.chance(0.2) { price -= 50 }
        if category.5 != 25 { price = (random.int(in: 3...40) * 10 - 1) * 100 + 90 }
        let productId = String(100_001 + index)
        let skus = sizes.isEmpty ? [productId] : sizes.map { "\(productId)-\($0)" }
        return ProductPlan(productId: productId, category: category, brandIndex: brandIndex, color: color,
                           sizes: sizes, priceHundredths: price, skus: skus)
    }

    /// The sellable SKUs of product `index`, without generating the product.
    public func skus(forProductAt index: Int) -> [String] { plan(index).skus }

    /// The product index of a product document id (`100001_no`), product id or SKU id; nil if none.
    public func productIndex(forId id: String) -> Int? {
        var text = Substring(id)
        if text.hasSuffix("_no") { text = text.dropLast(3) }
        // The part before the first "-", without `split`'s array: every stock write looks its SKU up here.
        let head = text.firstIndex(of: "-").map { text[..<$0] } ?? text
        guard head.count == 6, let number = Int(head), number > 100_000 else { return nil }
        let index = number - 100_001
        guard index < productCount else { return nil }
        if text == head { return index }
        return skus(forProductAt: index).contains(String(text)) ? index : nil
    }

    /// `modified` of an untouched generated product: increasing with the index, all before the epoch.
    public func baseModified(ofProductAt index: Int) -> Date {
        Date(timeIntervalSince1970: epoch.timeIntervalSince1970 - 3_600 - Double(productCount - index) * 37)
    }

    /// VAT percent of product `index`.
    public func taxRate(ofProductAt index: Int) -> Decimal { Decimal(plan(index).category.5) }

    /// The EAN-13 of SKU `variant` of product `index` (wrong check digit for `badEANProductIndices`).
    func ean(productAt index: Int, variant: Int) -> String {
        let body = "7042" + String(format: "%08d", index * 8 + variant)
        return SandboxCheckDigits.ean13(body: body, wrongCheckDigit: variant == 0 && badEANProductIndices.contains(index))
    }

    // MARK: - Categories and assortment codes

    /// The product's categories as Omnium sends them (contract §6): objects, the leaf marked
    /// `isMainCategory`, its parent after it; `id` is `{categoryId}_{language}`.
    func categories(of plan: ProductPlan) -> [OmniumProductCategory] {
        [
            OmniumProductCategory(categoryId: plan.category.0, id: plan.category.0 + "_no", name: plan.category.2,
                                  parentId: plan.category.1, isMainCategory: true, isHidden: false, language: "no",
                                  sortIndex: 1),
            OmniumProductCategory(categoryId: plan.category.1, id: plan.category.1 + "_no", name: plan.category.3,
                                  isMainCategory: false, isHidden: false, language: "no", sortIndex: 0),
        ]
    }

    /// The assortment code that the sandbox's data marks as "going out" (`UTGAAENDE`).
    public static let outgoingAssortmentCode = "UTGAAENDE"

    /// Assortment codes of product `index` (contract §6: objects with optional validity windows).
    /// Every product has `STANDARD`; every 11th also `OUTLET`. `UTGAAENDE` comes four ways, so a
    /// rule that honours the windows can be checked against the data: for ever (index % 17 == 5),
    /// since 30 days before the epoch with no end (index % 19 == 4), from 30 days after the epoch
    /// (index % 23 == 9: not yet in force), and until 10 days before the epoch (index % 29 == 11: over).
    public func assortmentCodes(ofProductAt index: Int) -> [OmniumAssortmentCode] {
        var codes = [OmniumAssortmentCode(assortmentCodeId: "STANDARD")]
        if index % 11 == 0 { codes.append(OmniumAssortmentCode(assortmentCodeId: "OUTLET")) }
        let outgoing = Self.outgoingAssortmentCode
        if index % 17 == 5 {
            codes = [OmniumAssortmentCode(assortmentCodeId: outgoing)]
        } else if index % 19 == 4 {
            codes.append(OmniumAssortmentCode(assortmentCodeId: outgoing, validFrom: date(daysBeforeEpoch: 30)))
        } else if index % 23 == 9 {
            codes.append(OmniumAssortmentCode(assortmentCodeId: outgoing, validFrom: date(daysBeforeEpoch: -30)))
        } else if index % 29 == 11 {
            codes.append(OmniumAssortmentCode(assortmentCodeId: outgoing, validFrom: date(daysBeforeEpoch: 90),
                                              validTo: date(daysBeforeEpoch: 10)))
        }
        return codes
    }

    // MARK: - Product

    public func product(at index: Int) -> OmniumProduct {
        let plan = plan(index)
        var random = rng("product", index)
        let brand = SandboxNames.brands[plan.brandIndex]
        let name = "\(brand) \(random.pick(SandboxNames.adjectives)) \(plan.category.4)"
        let modified = baseModified(ofProductAt: index)
        let created = date(daysBeforeEpoch: Double(400 + random.int(below: 300)))
        let weightGrams = plan.category.5 == 12 ? 0 : random.int(in: 80...2_400)
        let isDeleted = index % 97 == 13
        var product = OmniumProduct()
        product.id = plan.productId + "_no"
        product.productId = plan.productId
        product.name = name
        product.description = index % 3 == 0 ? random.pick(SandboxNames.descriptions) : "\(name) i fargen \(plan.color.lowercased())."
        product.shortDescription = index % 2 == 0 ? "\(plan.category.2) fra \(brand)" : nil
        product.brand = brand
        product.color = plan.color
        product.unit = "stk"
        let costHundredths = plan.priceHundredths * 2 / 5
        product.cost = Self.money(costHundredths)
        product.costCurrency = index % 10 == 9 ? nil : "NOK"
        product.categories = categories(of: plan)
        product.mainCategoryId = plan.category.0
        product.mainCategoryName = plan.category.2
        product.marketIds = index % 3 == 0 ? ["NOR", "SWE"] : ["NOR"]
        product.assortmentCodes = assortmentCodes(ofProductAt: index)
        product.isActive = !isDeleted && index % 23 != 7
        product.status = isDeleted ? "Deleted" : "Published"
        product.weight = weightGrams == 0 ? nil : Self.decimal(weightGrams, scale: 3)
        if weightGrams > 0 {
            product.colli = [OmniumColli(weight: Self.decimal(weightGrams + 50, scale: 3), height: Decimal(random.int(in: 2...30)),
                                         width: Decimal(random.int(in: 10...40)), length: Decimal(random.int(in: 15...60)),
                                         volume: nil)]
        }
        if index % 29 != 3 {
            let images = random.int(in: 1...3)
            product.assets = (0..<images).map { n in
                OmniumAsset(assetId: "\(plan.productId)-img\(n + 1)", fileName: "\(plan.productId)-\(n + 1).jpg",
                            url: "https://cdn.sportshuset.example/products/\(plan.productId)/\(n + 1).jpg",
                            contentType: "image/jpeg", isMainImage: n == 0, sortOrder: n)
            }
            product.mainImageUrl = product.assets?.first?.url
        }
        product.taxCategory = "vat\(plan.category.5)"
        let supplier = SandboxNames.suppliers[plan.brandIndex % SandboxNames.suppliers.count]
        product.supplierId = supplier.0
        product.properties = [OmniumProperty(key: "material", value: random.pick(["Merinoull", "Polyester", "Bomull", "Gore-Tex", "Papir"]),
                                             keyGroup: "Spesifikasjon", valueType: "String")]
        product.externalIds = [OmniumExternalId(id: "ERP-\(plan.productId)", providerName: "ERP")]
        product.tags = index % 5 == 0 ? ["kampanje"] : nil
        product.created = created
        product.modified = modified
        if plan.sizes.isEmpty {
            // Now and then a single product without `skuId` (Flow's `NoSku` rule).
            product.skuId = index % 53 == 17 ? nil : plan.productId
            product.isSku = true
            product.ean = ean(productAt: index, variant: 0)
            product.gtins = [product.ean!]
        } else {
            product.isSku = false
            product.variants = plan.sizes.enumerated().map { v, size in
                var variant = OmniumProduct()
                let sku = plan.skus[v]
                variant.id = sku + "_no"
                variant.productId = plan.productId
                variant.skuId = sku
                variant.parentId = plan.productId
                variant.isSku = true
                variant.name = name
                variant.size = size
                variant.color = plan.color
                variant.ean = ean(productAt: index, variant: v)
                variant.gtins = [variant.ean!]
                variant.unit = "stk"
                variant.cost = product.cost
                variant.costCurrency = product.costCurrency
                variant.isActive = product.isActive
                variant.marketIds = product.marketIds
                variant.weight = product.weight
                variant.created = created
                variant.modified = modified
                return variant
            }
        }
        return product
    }
}
