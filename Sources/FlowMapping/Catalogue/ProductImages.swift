import FlowStore
import Omnium

/// A product's images from its Omnium `assets` and `mainImageUrl`.
///
/// Exactly one image is main: the asset flagged `isMainImage`, else the one at `mainImageUrl`,
/// else the first. The main image sorts first, the rest by Omnium `sortOrder` (unset last), then
/// as listed; `sortOrder` is renumbered 0, 1, 2… Assets whose `contentType` says they are not
/// images (PDF data sheets) are left out; duplicate URLs count once.
///
/// Spec: flow-integration.md §3 step 6 (image export); omnium-contract.md §6 (`assets`).
enum ProductImages {
    static func images(of product: OmniumProduct, productUid: String) -> [FlowProductImage] {
        struct Candidate {
            var url: String
            var fileName: String?
            var sortOrder: Int?
            var flaggedMain: Bool
            var position: Int
        }
        var candidates: [Candidate] = []
        var seen: Set<String> = []
        for (position, asset) in (product.assets ?? []).enumerated() {
            if let type = asset.contentType?.lowercased(), !type.isEmpty, !type.hasPrefix("image/") { continue }
            guard let url = (asset.url?.trimmedNonBlank ?? asset.externalUrl?.trimmedNonBlank),
                  seen.insert(url).inserted else { continue }
            candidates.append(Candidate(url: url, fileName: asset.fileName?.trimmedNonBlank,
                                        sortOrder: asset.sortOrder, flaggedMain: asset.isMainImage == true,
                                        position: position))
        }
        let mainUrl = product.mainImageUrl?.trimmedNonBlank
        if let mainUrl, seen.insert(mainUrl).inserted {
            candidates.append(Candidate(url: mainUrl, fileName: nil, sortOrder: nil, flaggedMain: false,
                                        position: candidates.count))
        }
        guard !candidates.isEmpty else { return [] }
        let mainIndex = candidates.firstIndex { $0.flaggedMain }
            ?? candidates.firstIndex { $0.url == mainUrl }
            ?? 0
        let main = candidates.remove(at: mainIndex)
        candidates.sort { lhs, rhs in
            let lhsOrder = lhs.sortOrder ?? .max, rhsOrder = rhs.sortOrder ?? .max
            return lhsOrder != rhsOrder ? lhsOrder < rhsOrder : lhs.position < rhs.position
        }
        return ([main] + candidates).enumerated().map { index, candidate in
            FlowProductImage(productUid: productUid, url: candidate.url, fileName: candidate.fileName,
                             sortOrder: index, isMain: index == 0)
        }
    }
}
