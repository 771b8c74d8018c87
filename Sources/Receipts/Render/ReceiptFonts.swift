import Foundation

/// The TrueType fonts receipts are drawn with, and which one a receipt's text gets.
///
/// Why three: libharu 2.3.0 cannot subset a font; it embeds every glyph slot's metrics and the whole
/// cmap, post and name tables of the font in each PDF and deflates them per document. The full DejaVu
/// Sans (6,253 glyphs) made a till receipt ~59 KB and most of its rendering time. So the renderer
/// embeds subsets of DejaVu Sans made by `Sources/Receipts/Fonts/make-subsets.py` (README.md there):
/// - `windows1252`: the 231 glyphs of Windows-1252, drawn as a simple font; every Norwegian receipt;
/// - `extended`: broad Latin, Greek and Cyrillic with punctuation, for text beyond Windows-1252 (UTF-8);
/// - `full`: DejaVu Sans from `fonts-dejavu-core`, for any text the extended subset lacks a glyph for.
/// The narrowest font that has every character of the text is chosen, so a subset never drops or
/// replaces a character; the choice depends only on the text, so rendering stays deterministic.
public struct ReceiptFonts: Sendable {
    /// The Windows-1252 subset; nil draws such text with `extended` or `full`.
    public var windows1252: String?
    /// The broad subset; nil draws text beyond Windows-1252 with `full`.
    public var extended: String?
    /// A font with every glyph the receipts may need (DejaVu Sans).
    public var full: String

    public static let systemDejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    public init(windows1252: String?, extended: String?, full: String = systemDejaVuSans) {
        self.windows1252 = windows1252
        self.extended = extended
        self.full = full
    }

    /// The subsets shipped as resources of the Receipts module, with the system's DejaVu Sans as the
    /// full font. A subset missing from the installation is nil (text falls back to the full font;
    /// `ReceiptFontsTests` fails the build when the package does not ship them).
    public static let bundled = ReceiptFonts(windows1252: bundledFont("ReceiptSansCP1252.ttf"),
                                             extended: bundledFont("ReceiptSansExtended.ttf"))

    /// Only the full font (every receipt embeds all of DejaVu Sans: large, slow; for comparisons).
    public static let fullOnly = ReceiptFonts(windows1252: nil, extended: nil)

    /// The font and encoding for a document whose texts are `texts`.
    /// - Throws: `FontCoverage.Failure` when a subset's file cannot be read.
    public func choice(for texts: [String]) throws -> (path: String, encoding: PDFDocument.TextEncoding) {
        let fits = texts.allSatisfy(Windows1252.fits)
        // The Windows-1252 subset holds that whole repertoire (checked once, when its cmap is read).
        if fits, let windows1252, try Self.coversWindows1252(windows1252) { return (windows1252, .windows1252) }
        if let extended, try texts.allSatisfy(Self.coverage(of: extended).covers) { return (extended, fits ? .windows1252 : .utf8) }
        return (full, fits ? .windows1252 : .utf8)
    }

    // MARK: - Coverage, read once per font file

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var coverage: [String: FontCoverage] = [:]
    }
    private static let cache = Cache()

    static func coverage(of path: String) throws -> FontCoverage {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let known = cache.coverage[path] { return known }
        let coverage = try FontCoverage(contentsOf: path)
        cache.coverage[path] = coverage
        return coverage
    }

    /// Every character Windows-1252 can encode (bytes 0x20–0xFF but DEL and its five unassigned bytes).
    static let windows1252Repertoire: [UInt32] = Array(0x20...0x7E) + Array(0xA0...0xFF) + Windows1252.extraSigns.keys.sorted()

    static func coversWindows1252(_ path: String) throws -> Bool {
        let coverage = try coverage(of: path)
        return windows1252Repertoire.allSatisfy(coverage.contains)
    }

    /// A font among the Receipts module's resources: SwiftPM copies them to `omniflow_Receipts.resources`
    /// next to the executable (and next to the test bundle). Not `Bundle.module`: it stops the process
    /// when the folder is missing, where a receipt can still be drawn with the full font.
    static func bundledFont(_ name: String) -> String? {
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        for folder in folders {
            let path = folder.appendingPathComponent("omniflow_Receipts.resources").appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }
}
