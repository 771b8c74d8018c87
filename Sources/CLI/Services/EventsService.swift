import Foundation
import HTTPServer
import Pipeline
import Staging

// MARK: - EventsService

/// What `omniflow events` does: the webhook receiver's server and file ingestion, both into the
/// control database's inbox.
struct EventsService {
    var configuration: OmniflowConfiguration

    /// A started receiver; `stop()` ends it.
    final class Receiver: Sendable {
        let server: HTTPServer
        let port: UInt16
        init(server: HTTPServer, port: UInt16) {
            self.server = server
            self.port = port
        }
        func stop() { server.stop() }
    }

    func openControl() throws -> ControlStore {
        try ControlStore(root: URL(fileURLWithPath: configuration.stagingRoot))
    }

    /// Starts the receiver on 127.0.0.1:`port` (0 = any free port).
    func startReceiver(port: UInt16, header: String, secret: String) throws -> Receiver {
        let receiver = EventReceiver(control: try openControl(), headerName: header, secret: secret)
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: port, limits: EventReceiver.limits),
                                responder: receiver)
        return Receiver(server: server, port: try server.start())
    }

    /// - Throws: `ServiceError.invalidRequest` when the file cannot be read or is not events.
    func ingest(file: URL) throws -> OmniumEventIntake.IngestReport {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ServiceError.invalidRequest("cannot read \(file.path): \(error.localizedDescription)")
        }
        let control = try openControl()
        do {
            return try OmniumEventIntake.ingest(data, control: control, at: control.clock.now)
        } catch let error as OmniumEventIntake.Malformed {
            throw ServiceError.invalidRequest("\(file.path): \(error.reason)")
        }
    }
}
