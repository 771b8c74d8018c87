import Dispatch
import Foundation
import Pipeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - InterruptSignals

/// SIGINT (Ctrl-C) and SIGTERM (systemd stop, Kubernetes) end the process with 130 / 143, as shells
/// report them, after the run in progress, if any, is recorded failed (interrupted) with its stage,
/// and its lock released, so `--resume` finishes it.
///
/// Why not let the signal kill the process: the run would stay `running` in `omniflow runs` and the
/// manifest until the next run took its lock over. Why record and exit at once instead of waiting for
/// the stage: every stage already survives SIGKILL at any moment (uncommitted work rolls back), so
/// stopping now is as safe, and an operator pressing Ctrl-C wants the prompt back.
enum InterruptSignals {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for (number, name, code) in [(SIGINT, "SIGINT", ExitCode.interrupted), (SIGTERM, "SIGTERM", ExitCode.terminated)] {
            signal(number, SIG_IGN)   // delivered to the dispatch source instead of the default action
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if let runID = ActiveRun.shared.interrupt(signalName: name) {
                    StandardStream.error.write("omniflow: \(name): run \(runID) recorded failed (interrupted); "
                                               + "resume it with omniflow run --resume \(runID)\n")
                }
                exit(code.rawValue)
            }
            source.resume()
            sources.append(source)
        }
    }
}
