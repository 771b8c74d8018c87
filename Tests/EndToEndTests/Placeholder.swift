// EndToEndTests: tests land here (one file per type under test).
import XCTest
