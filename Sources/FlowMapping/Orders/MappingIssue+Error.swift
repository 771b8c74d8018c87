// MARK: - MappingIssue as an error

/// Lets the per-record order, purchase-order and customer mappings use typed throws
/// (`throws(MappingIssue)`): one record in, one record or one issue out.
extension MappingIssue: Error {}
