import Foundation

// MARK: - ScheduleUnits

/// Scheduler definitions for the two cycles, printed by `omniflow schedule systemd|cron|kubernetes`
/// for an operator to install: systemd service and timer units, a crontab, or Kubernetes CronJobs.
///
/// Rules every flavour keeps (docs/operations.md "Scheduling"):
/// - one run at a time is omniflow's own run lock; a start that finds the lock held exits 3 and is
///   "skipped", not failed (systemd `SuccessExitStatus=3`; cron and Kubernetes through a shell that
///   turns 3 into 0), so monitoring only sees real failures;
/// - a missed nightly start (machine off) runs at the next boot (`Persistent=true`), and starts are
///   spread (`RandomizedDelaySec`) so many tenants on one host do not hit Omnium at the same second;
/// - the secret comes from an environment file (systemd, cron) or a Kubernetes Secret, never from
///   the unit or the manifest itself.
public struct ScheduleUnits: Sendable {
    /// Where things are on the target machine.
    public struct Options: Sendable {
        public var executable: String = "/usr/local/bin/omniflow"
        public var configFile: String = "/etc/omniflow/omniflow.json"
        public var environmentFile: String = "/etc/omniflow/omniflow.env"
        public var workingDirectory: String = "/var/lib/omniflow"
        public var user: String = "omniflow"
        /// The nightly start, local time `HH:MM`.
        public var nightlyAt: String = "02:30"
        /// Minutes between intraday starts (1…59).
        public var intradayEveryMinutes: Int = 5
        /// Kubernetes only.
        public var image: String = "registry.example.com/omniflow:latest"
        /// Default: the configuration's default business time zone.
        public var timeZone: String = OmniflowConfiguration.defaultBusinessTimeZone.identifier
        /// Unit and object names get this prefix, e.g. one per tenant: `omniflow-acme`.
        public var name: String = "omniflow"

        public init() {}

        /// `(hour, minute)` of ``nightlyAt``, nil when it is not `HH:MM`.
        var nightlyTime: (hour: Int, minute: Int)? {
            let parts = nightlyAt.split(separator: ":")
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
                  (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            return (hour, minute)
        }

        /// Refuses values the schedulers would misread.
        public func validate() throws {
            guard nightlyTime != nil else {
                throw ScheduleError("--nightly-at '\(nightlyAt)' is not a time HH:MM (00:00–23:59)")
            }
            guard (1...59).contains(intradayEveryMinutes) else {
                throw ScheduleError("--intraday-every \(intradayEveryMinutes) is not 1–59 minutes")
            }
            for (option, path) in [("--executable", executable), ("--config", configFile),
                                   ("--environment-file", environmentFile), ("--working-directory", workingDirectory)] {
                guard path.hasPrefix("/") else { throw ScheduleError("\(option) '\(path)' must be an absolute path") }
                guard !path.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\\" || $0.isNewline }) else {
                    throw ScheduleError("\(option) '\(path)' holds a space, quote or backslash; choose a plain path")
                }
            }
            let safe = { (text: String) in !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }
            guard safe(name), name.first?.isLetter == true, name.count <= 40 else {
                throw ScheduleError("--name '\(name)' must be letters, digits and '-', starting with a letter, at most 40")
            }
            guard safe(user.replacingOccurrences(of: "_", with: "-")) else { throw ScheduleError("--user '\(user)' is not a user name") }
            guard TimeZone(identifier: timeZone) != nil else { throw ScheduleError("--time-zone '\(timeZone)' is not a known time zone") }
        }
    }

    public var options: Options

    public init(options: Options) throws {
        try options.validate()
        self.options = options
    }

    /// The command line a scheduler starts for `cycle`.
    func arguments(_ cycle: RunCycle) -> [String] {
        ["run", "--cycle", cycle.rawValue, "--config", options.configFile, "--quiet"]
    }

    // MARK: - systemd

    /// `(file name, contents)` of a service and a timer per cycle.
    public func systemdUnits() -> [(name: String, contents: String)] {
        RunCycle.allCases.flatMap { cycle -> [(name: String, contents: String)] in
            let unit = "\(options.name)-\(cycle.rawValue)"
            // swift-format-ignore: NeverForceUnwrap
            let time = options.nightlyTime!
            let calendar = cycle == .nightly
                ? String(format: "*-*-* %02d:%02d:00", time.hour, time.minute)
                : "*:0/\(options.intradayEveryMinutes)"
            let service = """
                [Unit]
                Description=omniflow \(cycle.rawValue) cycle (Flow Retail POS and Omnium OMS)
                Wants=network-online.target
                After=network-online.target

                [Service]
                Type=oneshot
                User=\(options.user)
                WorkingDirectory=\(options.workingDirectory)
                EnvironmentFile=\(options.environmentFile)
                ExecStart=\(([options.executable] + arguments(cycle)).joined(separator: " "))
                # Exit 3: another run holds omniflow's run lock; this start is skipped, not failed.
                SuccessExitStatus=3
                TimeoutStartSec=\(cycle == .nightly ? "6h" : "30min")
                UMask=0077
                Nice=5

                """
            let timer = """
                [Unit]
                Description=Start the omniflow \(cycle.rawValue) cycle

                [Timer]
                OnCalendar=\(calendar)
                Persistent=true
                RandomizedDelaySec=\(cycle == .nightly ? "15min" : "30s")
                AccuracySec=\(cycle == .nightly ? "1min" : "5s")
                Unit=\(unit).service

                [Install]
                WantedBy=timers.target

                """
            return [("\(unit).service", service), ("\(unit).timer", timer)]
        }
    }

    // MARK: - cron

    /// A crontab for the user that owns the staging folder.
    public func crontab() -> String {
        // swift-format-ignore: NeverForceUnwrap
        let time = options.nightlyTime!
        func line(_ cycle: RunCycle, _ when: String) -> String {
            // Exit 3 (run lock held) counts as skipped; any other failure reaches cron's MAILTO.
            "\(when) cd \(options.workingDirectory) && set -a && . \(options.environmentFile) && set +a && "
                + "\(([options.executable] + arguments(cycle)).joined(separator: " ")); "
                + "rc=$?; [ $rc -eq 3 ] && rc=0; exit $rc"
        }
        return """
            # omniflow cycles for \(options.name): install with 'crontab -u \(options.user) FILE'.
            # Times are the machine's local time; the secret comes from \(options.environmentFile) (mode 0600).
            SHELL=/bin/sh
            PATH=/usr/local/bin:/usr/bin:/bin
            \(line(.nightly, "\(time.minute) \(time.hour) * * *"))
            \(line(.intraday, "*/\(options.intradayEveryMinutes) * * * *"))

            """
    }

    // MARK: - Kubernetes

    /// One CronJob per cycle (a YAML stream), sharing the staging volume, the configuration map and
    /// the Secret that holds `OMNIUM_CLIENT_SECRET`.
    public func kubernetesManifest() -> String {
        // swift-format-ignore: NeverForceUnwrap
        let time = options.nightlyTime!
        return RunCycle.allCases.map { cycle -> String in
            let schedule = cycle == .nightly ? "\(time.minute) \(time.hour) * * *" : "*/\(options.intradayEveryMinutes) * * * *"
            let command = ([options.executable] + arguments(cycle)).joined(separator: " ")
            return """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: \(options.name)-\(cycle.rawValue)
                  labels:
                    app.kubernetes.io/name: omniflow
                    app.kubernetes.io/instance: \(options.name)
                    omniflow/cycle: \(cycle.rawValue)
                spec:
                  schedule: "\(schedule)"
                  timeZone: "\(options.timeZone)"
                  # One run at a time per cycle; omniflow's run lock (on the shared volume) keeps the two cycles apart.
                  concurrencyPolicy: Forbid
                  startingDeadlineSeconds: \(cycle == .nightly ? 3600 : 120)
                  successfulJobsHistoryLimit: 3
                  failedJobsHistoryLimit: 5
                  jobTemplate:
                    spec:
                      # A failed run is resumed by the next start ('omniflow run --resume' by hand), not retried blindly.
                      backoffLimit: 0
                      activeDeadlineSeconds: \(cycle == .nightly ? 21600 : 1800)
                      template:
                        metadata:
                          labels:
                            app.kubernetes.io/name: omniflow
                            omniflow/cycle: \(cycle.rawValue)
                        spec:
                          restartPolicy: Never
                          securityContext:
                            runAsNonRoot: true
                            runAsUser: 10001
                            fsGroup: 10001
                          containers:
                            - name: omniflow
                              image: \(options.image)
                              # Exit 3 (run lock held by the other cycle) counts as skipped, not failed.
                              command: ["/bin/sh", "-c", "\(command); rc=$?; [ $rc -eq 3 ] && rc=0; exit $rc"]
                              workingDir: \(options.workingDirectory)
                              env:
                                - name: OMNIFLOW_STAGING_ROOT
                                  value: \(options.workingDirectory)/staging
                                - name: OMNIFLOW_FLOW_STORE_PATH
                                  value: \(options.workingDirectory)/staging/flow.db
                                - name: OMNIUM_CLIENT_SECRET
                                  valueFrom:
                                    secretKeyRef:
                                      name: \(options.name)-omnium
                                      key: client-secret
                              volumeMounts:
                                - name: staging
                                  mountPath: \(options.workingDirectory)
                                - name: config
                                  mountPath: \((options.configFile as NSString).deletingLastPathComponent)
                                  readOnly: true
                          volumes:
                            - name: staging
                              persistentVolumeClaim:
                                claimName: \(options.name)-staging
                            - name: config
                              configMap:
                                name: \(options.name)-config

                """
        }.joined(separator: "---\n")
    }
}

/// An option of `omniflow schedule` that the scheduler would misread.
public struct ScheduleError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
