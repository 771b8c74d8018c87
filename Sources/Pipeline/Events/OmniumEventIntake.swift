import Foundation
import Omnium
import Staging

// MARK: - OmniumEventIntake

/// Turns Omnium webhook events (omnium-contract.md §13, flow-integration.md §7.1) into inbox rows:
/// validates one event, stores it durably in the control database's inbox, deduplicated on its id.
///
/// Why store-and-answer only: Omnium retries a delivery three times within seconds, so the receiver must
/// answer fast and never call Omnium while answering; the next order extract processes the inbox (one
/// pending sync job per order, then a `GET` of the order). Dedupe on `id`; an older event without one is
/// keyed `<objectId>:<status>` (the contract's client rule).
public enum OmniumEventIntake {
    /// An event that cannot be stored, with the reason.
    public struct Malformed: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Parses one event body (a JSON object).
    /// - Throws: ``Malformed`` naming what is wrong (not JSON, not an object, no id and no object id …).
    public static func parse(_ body: Data, receivedAt: Date) throws -> InboxEvent {
        guard let object = try? JSONSerialization.jsonObject(with: body), object is [String: Any] else {
            throw Malformed(reason: "the body is not a JSON object")
        }
        let event: OmniumEvent
        do {
            event = try OmniumJSON.decoder.decode(OmniumEvent.self, from: body)
        } catch {
            throw Malformed(reason: "not an Omnium event: \(Self.describe(error))")
        }
        let objectId = event.objectId.flatMap { $0.isEmpty ? nil : $0 }
        let id: String
        if let given = event.id, !given.isEmpty {
            id = given
        } else if let objectId {
            id = "\(objectId):\(event.status ?? "")"
        } else {
            throw Malformed(reason: "the event has neither an id nor an objectId")
        }
        guard id.utf8.count <= 200 else { throw Malformed(reason: "the event id is longer than 200 bytes") }
        guard event.className.map({ !$0.isEmpty }) ?? false else { throw Malformed(reason: "the event has no className") }
        return InboxEvent(id: id, operationId: event.operationId, objectId: objectId, className: event.className,
                          subClassName: event.subClassName, category: event.category, market: event.market,
                          storeId: event.storeId, status: event.status, timestamp: event.timestamp,
                          receivedAt: receivedAt, payload: String(decoding: body, as: UTF8.self))
    }

    /// Parses and stores one event. - Returns: the event and whether it was new (false = a duplicate).
    /// - Throws: ``Malformed`` (nothing stored) or the control database's error.
    @discardableResult
    public static func receive(_ body: Data, control: ControlStore, at now: Date) throws -> (event: InboxEvent, isNew: Bool) {
        let event = try parse(body, receivedAt: now)
        return (event, try control.insertInboxEvent(event))
    }

    /// What `omniflow events ingest FILE` did.
    public struct IngestReport: Sendable, Codable, Equatable {
        public var stored = 0
        public var duplicates = 0
        /// `line N: reason` for each event that could not be stored.
        public var malformed: [String] = []
        public init() {}
    }

    /// Ingests a file of events: a JSON array of events, or JSON Lines (one event per line). A malformed
    /// event is reported with its line (or array position) and the others are stored.
    public static func ingest(_ data: Data, control: ControlStore, at now: Date) throws -> IngestReport {
        var report = IngestReport()
        func take(_ body: Data, _ place: String) throws {
            do {
                if try receive(body, control: control, at: now).isNew { report.stored += 1 } else { report.duplicates += 1 }
            } catch let error as Malformed {
                report.malformed.append("\(place): \(error.reason)")
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.drop(while: \.isWhitespace).first == "[" {
            guard let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
                throw Malformed(reason: "the file starts with '[' but is not a JSON array")
            }
            for (index, element) in array.enumerated() {
                let body = (try? JSONSerialization.data(withJSONObject: element)) ?? Data()
                try take(body, "event \(index + 1)")
            }
            return report
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            try take(Data(trimmed.utf8), "line \(index + 1)")
        }
        return report
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
