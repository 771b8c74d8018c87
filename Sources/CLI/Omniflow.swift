/// The `omniflow` command line: parses arguments, runs a command, maps errors to exit codes.
public enum Omniflow {
    public static func main() {
        print("omniflow")
    }
}
