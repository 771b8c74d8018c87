/// UIDs of the Flow price lists omniflow creates.
///
/// With `StorePriceListsInFlow` each Flow store gets its own sales price list; its UID is derived from
/// the store UID so that the stores export (which sets the store's `salesPriceUid` on create) and the
/// prices export (which fills the list) agree without sharing state.
public enum FlowPriceListUID {
    public static func store(_ storeUid: String) -> String { "store_\(storeUid)" }
}
