import Foundation
import Pipeline

// MARK: - omniflow schedule

extension Omniflow {
    /// Prints scheduler definitions for the nightly and intraday cycles.
    public struct Schedule: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "schedule",
                abstract: "Print scheduler definitions for the nightly and intraday cycles (systemd, cron, Kubernetes).",
                discussion: """
                    Each flavour starts 'omniflow run --cycle nightly' once a night and 'omniflow run \
                    --cycle intraday' every few minutes, treats exit status 3 (another run holds the lock) \
                    as skipped rather than failed, and reads the Omnium secret from outside the definition. \
                    See docs/operations.md.
                    """,
                subcommands: [Systemd.self, Cron.self, Kubernetes.self])
        }

        public init(_ values: ParsedValues) throws {}

        public func run(_ context: CommandContext) async throws -> ExitCode {
            context.standardOutput.write(HelpGenerator(commandStack: [Omniflow.self, Schedule.self]).rendered())
            return .usageError
        }
    }
}

/// The options every flavour shares.
struct ScheduleOptions: ParsableArguments {
    static let executable = Option<String>("executable", valueName: "path", help: "The omniflow binary on the target machine.",
                                           default: ScheduleUnits.Options().executable)
    static let config = Option<String>("config-file", valueName: "path", help: "The configuration file on the target machine.",
                                       default: ScheduleUnits.Options().configFile)
    static let environmentFile = Option<String>("environment-file", valueName: "path",
                                                help: "File with OMNIUM_CLIENT_SECRET=… (mode 0600; systemd and cron).",
                                                default: ScheduleUnits.Options().environmentFile)
    static let workingDirectory = Option<String>("working-directory", valueName: "path",
                                                 help: "Folder holding the staging folder.",
                                                 default: ScheduleUnits.Options().workingDirectory)
    static let user = Option<String>("user", valueName: "name", help: "User the runs run as (systemd, cron).",
                                     default: ScheduleUnits.Options().user)
    static let nightlyAt = Option<String>("nightly-at", valueName: "HH:MM", help: "Local start time of the nightly cycle.",
                                          default: ScheduleUnits.Options().nightlyAt)
    static let intradayEvery = Option<Int>("intraday-every", valueName: "minutes", help: "Minutes between intraday starts (1–59).",
                                           default: ScheduleUnits.Options().intradayEveryMinutes)
    static let name = Option<String>("name", valueName: "name", help: "Prefix of unit and object names (one per tenant).",
                                     default: ScheduleUnits.Options().name)
    static let image = Option<String>("image", valueName: "image", help: "Container image (Kubernetes).",
                                      default: ScheduleUnits.Options().image)
    static let timeZone = Option<String>("time-zone", valueName: "zone", help: "Time zone of the schedule (Kubernetes).",
                                         default: ScheduleUnits.Options().timeZone)

    static var arguments: [ArgumentDefinition] {
        [executable, config, environmentFile, workingDirectory, user, nightlyAt, name, image, timeZone].map(\.definition)
            + [intradayEvery.definition]
    }

    var options: ScheduleUnits.Options

    init(_ values: ParsedValues) throws {
        options = ScheduleUnits.Options()
        options.executable = try values.get(Self.executable)
        options.configFile = try values.get(Self.config)
        options.environmentFile = try values.get(Self.environmentFile)
        options.workingDirectory = try values.get(Self.workingDirectory)
        options.user = try values.get(Self.user)
        options.nightlyAt = try values.get(Self.nightlyAt)
        options.intradayEveryMinutes = try values.get(Self.intradayEvery)
        options.name = try values.get(Self.name)
        options.image = try values.get(Self.image)
        options.timeZone = try values.get(Self.timeZone)
    }

    func units() throws -> ScheduleUnits {
        do { return try ScheduleUnits(options: options) } catch let error as ScheduleError {
            throw CommandLineError.validation(error.description)
        }
    }
}

extension Omniflow.Schedule {
    /// systemd service and timer units.
    public struct Systemd: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "systemd",
                abstract: "Print (or write with --output) systemd service and timer units for both cycles.",
                discussion: """
                    Install with: omniflow schedule systemd --output /etc/systemd/system, then \
                    systemctl daemon-reload && systemctl enable --now omniflow-nightly.timer omniflow-intraday.timer
                    """)
        }

        static let output = Option<String?>("output", valueName: "folder", help: "Write the unit files into this folder.")

        public static var arguments: [ArgumentDefinition] { ScheduleOptions.arguments + [output.definition] }

        var schedule: ScheduleOptions
        var output: String?

        public init(_ values: ParsedValues) throws {
            schedule = try ScheduleOptions(values)
            output = try values.get(Self.output)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let units = try schedule.units().systemdUnits()
            guard let output else {
                context.standardOutput.write(units.map { "# \($0.name)\n\($0.contents)" }.joined(separator: "\n"))
                return .success
            }
            let folder = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: context.currentDirectory, isDirectory: true))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for unit in units {
                let file = folder.appendingPathComponent(unit.name)
                try Data(unit.contents.utf8).write(to: file, options: .atomic)
                context.standardOutput.write("wrote \(file.standardizedFileURL.path)\n")
            }
            return .success
        }
    }

    /// A crontab.
    public struct Cron: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(name: "cron", abstract: "Print a crontab for both cycles.")
        }

        public static var arguments: [ArgumentDefinition] { ScheduleOptions.arguments }

        var schedule: ScheduleOptions

        public init(_ values: ParsedValues) throws {
            schedule = try ScheduleOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            context.standardOutput.write(try schedule.units().crontab())
            return .success
        }
    }

    /// Kubernetes CronJobs.
    public struct Kubernetes: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "kubernetes",
                abstract: "Print Kubernetes CronJob manifests for both cycles (one tenant).",
                discussion: """
                    Expects a PersistentVolumeClaim NAME-staging (the staging folder: control database, \
                    Flow store, run folders), a ConfigMap NAME-config holding omniflow.json, and a Secret \
                    NAME-omnium with the key client-secret. One omniflow per tenant: give each its --name.
                    """)
        }

        public static var arguments: [ArgumentDefinition] { ScheduleOptions.arguments }

        var schedule: ScheduleOptions

        public init(_ values: ParsedValues) throws {
            schedule = try ScheduleOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            context.standardOutput.write(try schedule.units().kubernetesManifest())
            return .success
        }
    }
}
