import FlowStore
import Foundation
import Omnium

/// Places products in Flow product groups and collects the groups to create.
///
/// The rule (decided here; the spec names only the settings, §3.2):
/// - `SyncCategoriesToFlow` off, or no main category: `DefaultProductGroupUid`. The main category is
///   `mainCategoryId` (what flow-integration.md §3.1 maps), else the product's category object marked
///   `isMainCategory` (contract §6: `categories` are objects with `categoryId`, `parentId`, `name`).
/// - The tree is the extracted category tree where there is one, completed by the category objects
///   the product itself carries (their `parentId` links a leaf to its ancestors).
/// - The main category becomes a group (UID = sanitized category id), and so do its ancestors,
///   so Flow gets the same hierarchy Omnium has.
/// - With `ProductGroupRootId` set, only categories strictly **below** the root become groups;
///   the root itself is the container, so its children are Flow's top-level groups
///   (`parentUid = nil`). A product whose main category is the root or lies outside it (a
///   campaign or outlet tree, say) goes to the default group: that is the filter the setting exists
///   for, so it is not reported. A main category missing from the tree cannot be placed and goes
///   to the default group with a `fieldDropped` issue, so the gap in the extracted tree is visible.
/// - Without a root, the whole ancestry becomes groups; a category missing from the tree becomes
///   a top-level group named after `mainCategoryName`.
///
/// Spec: flow-integration.md §3.1 (`productGroupUid` ← `MainCategoryId`), §3.2.
struct ProductGroupResolver {
    private let settings: CatalogueMappingSettings
    private let categories: [String: CatalogueCategory]
    private(set) var groups: [String: FlowProductGroup] = [:]

    init(categories: [CatalogueCategory], settings: CatalogueMappingSettings) {
        self.settings = settings
        self.categories = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The main category of a product: `mainCategoryId`, else the category marked `isMainCategory`.
    static func mainCategory(of product: OmniumProduct) -> (id: String, name: String?)? {
        let own = (product.categories ?? []).compactMap { category -> (String, OmniumProductCategory)? in
            category.neutralId.map { ($0, category) }
        }
        if let id = product.mainCategoryId?.trimmedNonBlank {
            let name = product.mainCategoryName?.trimmedNonBlank
                ?? own.first { $0.0 == id }?.1.name?.trimmedNonBlank
            return (id, name)
        }
        guard let main = own.first(where: { $0.1.isMainCategory == true }) else { return nil }
        return (main.0, main.1.name?.trimmedNonBlank ?? product.mainCategoryName?.trimmedNonBlank)
    }

    /// The product's group UID, and a reason when the main category could not be used.
    mutating func groupUid(for product: OmniumProduct) -> (uid: String, problem: String?) {
        let fallback = settings.defaultProductGroupUid
        guard settings.syncCategoriesToFlow, let main = Self.mainCategory(of: product) else {
            return (fallback, nil)
        }
        let mainId = main.id
        let mainCategoryName = main.name
        var carried: [String: CatalogueCategory] = [:]
        for category in product.categories ?? [] {
            guard let id = category.neutralId, carried[id] == nil else { continue }
            carried[id] = CatalogueCategory(id: id, name: category.name?.trimmedNonBlank,
                                            parentId: category.parentId?.trimmedNonBlank)
        }
        var chain: [CatalogueCategory] = []   // main category first, then its ancestors
        var reachedRoot = false
        var seen: Set<String> = []
        var currentId: String? = mainId
        while let id = currentId, !seen.contains(id) {
            seen.insert(id)
            if id == settings.productGroupRootId { reachedRoot = true; break }
            guard let category = categories[id] ?? carried[id] else {
                if chain.isEmpty {
                    if let root = settings.productGroupRootId {
                        return (fallback, "main category '\(mainId)' is not in the category tree, so it cannot be "
                            + "placed below ProductGroupRootId '\(root)'")
                    }
                    chain.append(CatalogueCategory(id: id, name: mainCategoryName))
                }
                break
            }
            chain.append(category)
            currentId = category.parentId?.trimmedNonBlank
        }
        if settings.productGroupRootId != nil, !reachedRoot || chain.isEmpty {
            return (fallback, nil)
        }
        var uids: [String] = []
        for category in chain {
            guard let uid = FlowUID.sanitize(category.id) else {
                return (fallback, "category id '\(category.id)' has no characters usable in a Flow UID")
            }
            uids.append(uid)
        }
        for (index, category) in chain.enumerated() {
            let name = category.name?.trimmedNonBlank
                ?? (index == 0 ? mainCategoryName?.trimmedNonBlank : nil) ?? category.id
            let parent = index + 1 < uids.count ? uids[index + 1] : nil
            groups[uids[index]] = FlowProductGroup(productGroupUid: uids[index], name: name, parentUid: parent)
        }
        return (uids[0], nil)
    }
}

extension OmniumProductCategory {
    /// The language-neutral id: `categoryId`, else `id` (which Omnium calculates as `{categoryId}_{language}`)
    /// without its language suffix.
    var neutralId: String? {
        if let categoryId = categoryId?.trimmedNonBlank { return categoryId }
        guard let id = id?.trimmedNonBlank else { return nil }
        if let language = language?.trimmedNonBlank, id.hasSuffix("_" + language) {
            return String(id.dropLast(language.count + 1)).trimmedNonBlank
        }
        return id
    }
}

extension String {
    /// The text without surrounding whitespace, or `nil` when nothing is left (Omnium's
    /// `null`, `""` and `"  "` are all "unset").
    ///
    /// Native `Character` scanning, not NSString's `trimmingCharacters(in:)`: the mapping calls this on
    /// every field of every record, and the UTF-16 bridge was a measured share of a catalogue load.
    /// `Character.isWhitespace` is Unicode's White_Space, the same set as `.whitespacesAndNewlines`.
    var trimmedNonBlank: String? {
        // The usual case, by bytes: text that starts and ends with a visible ASCII character has nothing
        // to trim (a Character's whitespace is decided by its first scalar, and a cluster ending in an ASCII
        // byte other than LF starts with a scalar that is not whitespace).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return nil }
        if first == startIndex, index(after: last) == endIndex { return self }
        return String(self[first...last])
    }
}
