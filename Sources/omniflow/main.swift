import CLI

// Thin entry point: everything, including the mapping of errors to exit codes, lives in CLI.
Omniflow.main()
