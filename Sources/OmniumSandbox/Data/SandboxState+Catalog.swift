import Foundation
import Omnium

/// Product, price and stock queries over the lazy catalogue. Each returns a `SandboxResultSet`
/// over a snapshot of the storage taken when the query ran; elements are built per page.
///
/// Spec: omnium-contract.md §6–§8 (filters; string filters case-insensitive; `false` = unset for
/// `isInStock`/`isWebWarehouse`/`isActive`; `lastModified` inclusive).
extension SandboxState {
    // MARK: - Products

    /// Products matching `request`, sorted by `sortOrder` (default `ModifiedAscending`).
    /// - Throws: `SandboxQueryError.badRequest` for an unknown sort order.
    public func products(matching request: OmniumProductSearchRequest) throws -> SandboxResultSet<OmniumProduct> {
        let (storage, ordered) = try productOrder(matching: request)
        return SandboxResultSet(count: ordered.count) { range in ordered[range].map { storage.product(at: $0) } }
    }

    /// The same matches as `products(matching:)` as answer records: a changed product is written from
    /// its override, a generated one comes from (or goes into) `recordCache`.
    func productAnswers(matching request: OmniumProductSearchRequest) throws -> SandboxResultSet<SandboxRecordAnswer> {
        let (storage, ordered) = try productOrder(matching: request)
        let cache = recordCache
        return SandboxResultSet(count: ordered.count) { range in
            var scratch = SandboxJSONBytes(capacity: 8_192)
            return ordered[range].map { index in
                if let changed = storage.productOverrides[index] { return .product(changed) }
                if let held = cache.product(index) { return .bytes(held) }
                let product = storage.generator.product(at: index)
                guard let bytes = SandboxRecordJSON.handWritten(product, SandboxRecordJSON.productWriter, scratch: &scratch) else {
                    return .product(product)
                }
                cache.keepProduct(index, bytes)
                return .bytes(bytes)
            }
        }
    }

    /// The storage snapshot and the matching product indices in answer order.
    private func productOrder(matching request: OmniumProductSearchRequest) throws -> (SandboxStorage, [Int]) {
        let sort = try SandboxSortOrder.parse(request.sortOrder, default: .modifiedAscending)
        return read { storage in
            let generator = storage.generator
            var candidates: [Int]
            if let ids = request.productIds.nonEmpty {
                candidates = Array(Set(ids.compactMap { generator.productIndex(forId: $0) })).sorted()
            } else {
                candidates = Array(0..<storage.productCount)
            }
            candidates = candidates.filter { index in
                let modified = storage.productModified(at: index)
                if let from = request.modifiedFrom, modified < from { return false }
                if let to = request.modifiedTo, modified > to { return false }
                return true
            }
            var markets = request.marketIds.orEmpty.map { $0.lowercased() }
            if let market = request.marketId.nonEmpty { markets.append(market.lowercased()) }
            let codes = Set(request.assortmentCodeIds.orEmpty.map { $0.lowercased() })
            if !markets.isEmpty || request.isActive == true || request.isSku != nil || !codes.isEmpty {
                candidates = candidates.filter { index in
                    let product = storage.product(at: index)
                    if request.isActive == true && product.isActive != true { return false }
                    if let isSku = request.isSku, (product.isSku ?? false) != isSku { return false }
                    if !markets.isEmpty && !(product.marketIds ?? []).contains(where: { markets.contains($0.lowercased()) }) {
                        return false
                    }
                    // Sandbox choice: any code with one of the ids, whatever its validity window.
                    if !codes.isEmpty && !(product.assortmentCodes ?? []).contains(where: {
                        codes.contains(($0.assortmentCodeId ?? "").lowercased())
                    }) {
                        return false
                    }
                    return true
                }
            }
            let ordered: [Int]
            switch sort {
            case .createdAscending, .createdDescending:
                let keyed = candidates.map { ($0, storage.product(at: $0).created ?? .distantPast) }
                ordered = keyed.sorted { sort == .createdAscending ? ($0.1, $0.0) < ($1.1, $1.0) : ($0.1, $0.0) > ($1.1, $1.0) }.map(\.0)
            default:
                let keyed = candidates.map { ($0, storage.productModified(at: $0)) }
                ordered = keyed.sorted { sort == .modifiedAscending ? ($0.1, $0.0) < ($1.1, $1.0) : ($0.1, $0.0) > ($1.1, $1.0) }.map(\.0)
            }
            return (storage, ordered)
        }
    }

    /// A product by document id, product id or SKU id; a SKU id gives its variant's parent product
    /// (Omnium returns the product for either).
    public func product(id: String) -> OmniumProduct? {
        read { storage in
            storage.generator.productIndex(forId: id).map { storage.product(at: $0) }
        }
    }

    // MARK: - Prices

    /// Prices matching `request`, in catalogue order.
    /// - Throws: `SandboxQueryError.badRequest` when no filter is set.
    public func prices(matching request: OmniumPriceSearchRequest) throws -> SandboxResultSet<OmniumPrice> {
        let (storage, found) = try priceKeys(matching: request, keepingAnswers: false)
        return SandboxResultSet(count: found.count) { range in
            var cache: (Int, [OmniumPrice])?
            return found[range].map { key in
                let index = Int(key >> 16)
                if cache?.0 != index { cache = (index, storage.prices(forProductAt: index)) }
                return cache!.1[Int(key & 0xffff)]
            }
        }
    }

    /// The same matches as `prices(matching:)` as answer records: changed prices are written from their
    /// override, generated ones come from `recordCache` (kept there while the query looks at them).
    func priceAnswers(matching request: OmniumPriceSearchRequest) throws -> SandboxResultSet<SandboxRecordAnswer> {
        let (storage, found) = try priceKeys(matching: request, keepingAnswers: true)
        let recordCache = recordCache
        return SandboxResultSet(count: found.count) { range in
            var generated: (Int, [OmniumPrice])?
            return found[range].map { key in
                let index = Int(key >> 16), ordinal = Int(key & 0xffff)
                if let changed = storage.priceOverrides[index] { return .price(changed[ordinal]) }
                if let held = recordCache.price(index, ordinal: ordinal) { return .bytes(held) }
                if generated?.0 != index { generated = (index, storage.generator.prices(forProductAt: index)) }
                return .of(generated!.1[ordinal])
            }
        }
    }

    /// The storage snapshot and the matches as `index << 16 | ordinal`, in catalogue order; with
    /// `keepingAnswers`, the bytes of each generated product's prices go into `recordCache` as they are seen.
    private func priceKeys(matching request: OmniumPriceSearchRequest, keepingAnswers: Bool) throws
        -> (SandboxStorage, [Int64]) {
        let codes = request.productCodes.orEmpty.filter { !$0.isEmpty }
        guard !codes.isEmpty || request.marketId.nonEmpty != nil || request.customerId.nonEmpty != nil
              || request.customerGroupId.nonEmpty != nil || request.priceType.nonEmpty != nil
              || request.unit.nonEmpty != nil || request.lastModified != nil else {
            throw SandboxQueryError.badRequest("At least one search parameter must be set")
        }
        return read { storage in
            let generator = storage.generator
            let wanted = Set(codes.map { $0.lowercased() })
            let candidates = codes.isEmpty ? Array(0..<storage.productCount)
                : Array(Set(codes.compactMap { generator.productIndex(forId: $0) })).sorted()
            func matches(_ price: OmniumPrice) -> Bool {
                if !wanted.isEmpty && !wanted.contains((price.code ?? "").lowercased())
                    && !wanted.contains((price.productId ?? "").lowercased()) { return false }
                if let v = request.marketId.nonEmpty, v.caseInsensitiveCompare(price.marketId ?? "") != .orderedSame { return false }
                if let v = request.customerId.nonEmpty, v.caseInsensitiveCompare(price.customerId ?? "") != .orderedSame { return false }
                if let v = request.customerGroupId.nonEmpty, v.caseInsensitiveCompare(price.customerGroup ?? "") != .orderedSame { return false }
                if let v = request.priceType.nonEmpty, v.caseInsensitiveCompare(price.priceType ?? "") != .orderedSame { return false }
                if let v = request.unit.nonEmpty, v.caseInsensitiveCompare(price.unit ?? "") != .orderedSame { return false }
                if let from = request.lastModified, (price.modified ?? .distantPast) < from { return false }
                return true
            }
            var keys: [Int64] = []
            let recordCache = recordCache
            var scratch = SandboxJSONBytes(capacity: 1_024)
            for index in candidates {
                if let from = request.lastModified, storage.priceOverrides[index] == nil,
                   generator.baseModified(ofProductAt: index) < from { continue }
                let prices = storage.prices(forProductAt: index)
                let before = keys.count
                for (ordinal, price) in prices.enumerated() where matches(price) {
                    keys.append(Int64(index) << 16 | Int64(ordinal))
                }
                if keepingAnswers, keys.count > before, storage.priceOverrides[index] == nil,
                   !recordCache.hasPrices(index), recordCache.hasRoom {
                    let bytes = prices.map { SandboxRecordJSON.handWritten($0, SandboxRecordJSON.priceWriter, scratch: &scratch) }
                    if bytes.allSatisfy({ $0 != nil }) { recordCache.keepPrices(index, bytes.map { $0! }) }
                }
            }
            return (storage, keys)
        }
    }

    // MARK: - Inventory

    /// Stock records matching `request`, generated ones in catalogue order, then records created by writes.
    /// - Throws: `SandboxQueryError.badRequest` when no filter is set.
    public func inventory(matching request: OmniumInventorySearchRequest) throws -> SandboxResultSet<OmniumInventoryItem> {
        let matches = try stockMatches(matching: request, keepingAnswers: false)
        let (storage, found, added) = (matches.storage, matches.found, matches.added)
        let generator = storage.generator
        return SandboxResultSet(count: found.count + added.count) { range in
            var cache: (Int, [OmniumInventoryItem])?
            return range.map { position in
                if position >= found.count { return added[position - found.count] }
                let index = Int(found[position] >> 16)
                if cache?.0 != index { cache = (index, generator.inventory(forProductAt: index)) }
                let generated = cache!.1[Int(found[position] & 0xffff)]
                let key = SandboxInventoryKey(sku: generated.sku ?? "", warehouseCode: generated.warehouseCode ?? "")
                return storage.inventoryWritten[key] ?? generated
            }
        }
    }

    /// The same matches as `inventory(matching:)` as answer records: written records from the
    /// storage, generated ones from `recordCache` (kept there while the query looks at them).
    func inventoryAnswers(matching request: OmniumInventorySearchRequest) throws -> SandboxResultSet<SandboxRecordAnswer> {
        let matches = try stockMatches(matching: request, keepingAnswers: true)
        let (storage, found, added, written) = (matches.storage, matches.found, matches.added, matches.written)
        let recordCache = recordCache
        return SandboxResultSet(count: found.count + added.count) { range in
            var generated: (Int, [OmniumInventoryItem])?
            return range.map { position in
                if position >= found.count { return .stock(added[position - found.count]) }
                if let item = written[position] { return .stock(item) }
                let index = Int(found[position] >> 16), ordinal = Int(found[position] & 0xffff)
                if let held = recordCache.stockItem(index, ordinal: ordinal) { return .bytes(held) }
                if generated?.0 != index { generated = (index, storage.generator.inventory(forProductAt: index)) }
                return .of(generated!.1[ordinal])
            }
        }
    }

    /// What a stock query matched: generated positions (`index << 16 | ordinal`, in catalogue order),
    /// the written record of those that have one (by position in `found`), and records created by
    /// writes. With `keepingAnswers`, each matched generated record's bytes go into `recordCache`.
    private func stockMatches(matching request: OmniumInventorySearchRequest, keepingAnswers: Bool) throws
        -> (storage: SandboxStorage, found: [Int64], written: [Int: OmniumInventoryItem], added: [OmniumInventoryItem]) {
        let codes = request.productCodes.orEmpty.filter { !$0.isEmpty }
        let warehouses = Set(request.warehouseCodes.orEmpty.map { $0.lowercased() })
        guard !codes.isEmpty || !warehouses.isEmpty || request.isWebWarehouse == true || request.marketId.nonEmpty != nil
              || request.marketGroupId.nonEmpty != nil || request.lastModified != nil || request.isInStock == true else {
            throw SandboxQueryError.badRequest("At least one search parameter must be set")
        }
        return read { storage in
            let generator = storage.generator
            let wanted = Set(codes.map { $0.lowercased() })
            let storesById = Dictionary(storage.stores.all.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            func matches(_ item: OmniumInventoryItem) -> Bool {
                let code = (item.warehouseCode ?? "").lowercased()
                if !wanted.isEmpty && !wanted.contains((item.sku ?? "").lowercased()) { return false }
                if !warehouses.isEmpty && !warehouses.contains(code) { return false }
                if request.isWebWarehouse == true && storesById[code]?.isWebWarehouse != true { return false }
                if let market = request.marketId.nonEmpty,
                   !(storesById[code]?.availableOnMarkets ?? []).contains(where: { $0.caseInsensitiveCompare(market) == .orderedSame }) {
                    return false
                }
                if let from = request.lastModified, (item.modified ?? .distantPast) < from { return false }
                if request.isInStock == true && (item.inventory ?? 0) - (item.reservedInventory ?? 0) <= 0 { return false }
                return true
            }
            let candidates = codes.isEmpty ? Array(0..<storage.productCount)
                : Array(Set(codes.compactMap { generator.productIndex(forId: $0) })).sorted()
            var keys: [Int64] = []
            var written: [Int: OmniumInventoryItem] = [:]
            let recordCache = recordCache
            var keeping = keepingAnswers && recordCache.hasRoom
            var scratch = SandboxJSONBytes(capacity: 1_024)
            let writtenProducts = Set(storage.inventoryWritten.keys.compactMap { generator.productIndex(forId: $0.sku) })
            for index in candidates {
                if let from = request.lastModified, !writtenProducts.contains(index),
                   generator.baseModified(ofProductAt: index) < from { continue }
                let items = generator.inventory(forProductAt: index)
                for (ordinal, generated) in items.enumerated() {
                    let key = SandboxInventoryKey(sku: generated.sku ?? "", warehouseCode: generated.warehouseCode ?? "")
                    let stored = writtenProducts.contains(index) ? storage.inventoryWritten[key] : nil
                    guard matches(stored ?? generated) else { continue }
                    if let stored {
                        written[keys.count] = stored
                    } else if keeping, !recordCache.holdsStockItem(index, ordinal: ordinal),
                              let bytes = SandboxRecordJSON.handWritten(generated, SandboxRecordJSON.inventoryWriter,
                                                                        scratch: &scratch) {
                        recordCache.keepStockItem(index, ordinal: ordinal, count: items.count, bytes)
                        if ordinal == 0 { keeping = recordCache.hasRoom }
                    }
                    keys.append(Int64(index) << 16 | Int64(ordinal))
                }
            }
            let added = storage.inventoryAddedKeys.compactMap { storage.inventoryWritten[$0] }.filter(matches)
            return (storage, keys, written, added)
        }
    }
}
