import CHaru
import Foundation

/// A PDF being built with libharu on a pooled handle (``PDFEngine``) whose fonts are already loaded.
///
/// libharu reports errors through a C callback; the handle records the error code, its detail and the
/// operation, and every wrapper call checks it and throws `PDFError`, so no libharu failure passes
/// silently. Text is drawn in an embedded TrueType font (see ``ReceiptFonts``). Rendering is
/// deterministic: no creation date or random document id is written, so the same receipt renders to
/// the same bytes. Not Sendable: one document belongs to one task.
public final class PDFDocument {
    let engine: PDFEngine
    var handle: HPDF_Doc { engine.handle }
    /// How text is encoded for the embedded fonts.
    public let textEncoding: TextEncoding
    private let hasBoldFont: Bool
    private var regularFont: HPDF_Font?
    private var boldFont: HPDF_Font?
    /// The pages, to close their text objects before saving.
    private var pages: [PDFPage] = []

    /// The encoding of a document's text.
    ///
    /// Why two: with `utf8` libharu makes a CID font and maps all 65,536 code points through the font's
    /// cmap when the document is saved, which was a third of a till receipt's rendering time. Text that
    /// fits Windows-1252 (Norwegian receipts always do: æøå, €, –) uses a simple TrueType font instead.
    /// The choice depends only on the text, so rendering stays deterministic.
    public enum TextEncoding: String, Sendable {
        case windows1252 = "CP1252"
        case utf8 = "UTF-8"

        /// `windows1252` when every text fits it, else `utf8`.
        public static func narrowest(for texts: [String]) -> TextEncoding {
            texts.allSatisfy(Windows1252.fits) ? .windows1252 : .utf8
        }

        /// `text` as this encoding's bytes (not NUL-terminated).
        func bytes(_ text: some StringProtocol) -> [UInt8] {
            self == .utf8 ? Array(text.utf8) : (Windows1252.encode(text) ?? Array(text.utf8))
        }
    }

    /// Starts a document whose text is drawn in the TrueType font at `font` (and `boldFont` for bold,
    /// when given; otherwise bold is stroked), all text in `encoding`.
    ///
    /// libharu deflates the page content always. `deflateFonts: false` writes the font program of a
    /// simple (Windows-1252) font as it is: for a small subset, deflating ~9 KB of font per document
    /// was a third of a till receipt's CPU time to save ~2.5 KB. A UTF-8 (CID) font's streams (its
    /// 128 KB CIDToGIDMap among them) are always deflated.
    /// - Throws: `PDFError` naming `HPDF_LoadTTFontFromFile` and the path when a font cannot be loaded.
    public init(font: String, boldFont: String? = nil, encoding: TextEncoding = .utf8, deflateFonts: Bool = true) throws {
        engine = try PDFEngine.checkOut(fontPaths: [font] + (boldFont.map { [$0] } ?? []))
        textEncoding = encoding
        hasBoldFont = boldFont != nil
        try check(HPDF_NewDoc(handle), "HPDF_NewDoc")
        let compression = deflateFonts || encoding == .utf8 ? HPDF_COMP_ALL : HPDF_COMP_TEXT
        try check(HPDF_SetCompressionMode(handle, HPDF_UINT(compression)), "HPDF_SetCompressionMode")
    }

    deinit { PDFEngine.checkIn(engine) }

    /// Adds a page of the given size in points (1/72 inch) and returns it for drawing.
    public func addPage(width: Float, height: Float) throws -> PDFPage {
        guard let page = HPDF_AddPage(handle) else { throw lastError("HPDF_AddPage") }
        try check(HPDF_Page_SetWidth(page, width), "HPDF_Page_SetWidth")
        try check(HPDF_Page_SetHeight(page, height), "HPDF_Page_SetHeight")
        let pdfPage = PDFPage(document: self, handle: page, font: try font(bold: false), boldFont: hasBoldFont ? try font(bold: true) : nil)
        pages.append(pdfPage)
        return pdfPage
    }

    /// The width `text` takes at `size` in points, measured without a page (for layout before pagination).
    public func textWidth(_ text: some StringProtocol, size: Float, bold: Bool = false) throws -> Float {
        let font = try self.font(bold: bold && hasBoldFont)
        let bytes = textEncoding.bytes(text)
        let width = HPDF_Font_TextWidth(font, bytes, UInt32(bytes.count))
        return Float(width.width) * size / 1000
    }

    /// The document's regular or bold font object (made on first use; libharu embeds only fonts used).
    func font(bold: Bool) throws -> HPDF_Font {
        if let font = bold ? boldFont : regularFont { return font }
        guard let font = HPDF_GetFont(handle, engine.fontNames[bold ? 1 : 0], textEncoding.rawValue) else {
            throw lastError("HPDF_GetFont \(engine.fontNames[bold ? 1 : 0]) \(textEncoding.rawValue)")
        }
        if bold { boldFont = font } else { regularFont = font }
        return font
    }

    /// The finished document's bytes.
    public func data() throws -> Data {
        for page in pages { try page.endText() }
        try check(HPDF_SaveToStream(handle), "HPDF_SaveToStream")
        var size = HPDF_GetStreamSize(handle)
        var data = Data(count: Int(size))
        let status = data.withUnsafeMutableBytes { HPDF_ReadFromStream(handle, $0.bindMemory(to: UInt8.self).baseAddress, &size) }
        try check(status, "HPDF_ReadFromStream", allowing: [HPDF_STATUS(HPDF_STREAM_EOF)])
        return data.prefix(Int(size))
    }

    // MARK: - Errors

    func check(_ status: HPDF_STATUS, _ operation: String, allowing: [HPDF_STATUS] = []) throws {
        guard status != HPDF_OK, !allowing.contains(status) else { engine.errors.code = 0; return }
        throw lastError(operation, fallback: status)
    }

    func lastError(_ operation: String, fallback: HPDF_STATUS = 0) -> PDFError {
        engine.failed = true
        return engine.takeError(operation, fallback: fallback)
    }
}

/// A page of a `PDFDocument`; draws text in the document's fonts.
///
/// Consecutive texts share one text object (`BT … ET`) and set the font, size and rendering mode
/// only when they change: a till receipt draws ~40 texts, and a text object and three state operators
/// for each made the page's content twice as long (written, then deflated, for every receipt).
/// The object is closed before a line is drawn and when the document is saved.
public final class PDFPage {
    unowned let document: PDFDocument
    let handle: HPDF_Page
    let font: HPDF_Font
    /// A bold face, when one was embedded; otherwise bold is drawn by stroking the regular glyphs'
    /// outlines as well as filling them (half the file size: one embedded font instead of two).
    let boldFont: HPDF_Font?
    /// The open text object's state; nil outside a text object.
    private var text: (font: HPDF_Font, size: Float, stroked: Bool)?
    private var lineWidth: Float = 1  // the PDF default

    init(document: PDFDocument, handle: HPDF_Page, font: HPDF_Font, boldFont: HPDF_Font?) {
        self.document = document
        self.handle = handle
        self.font = font
        self.boldFont = boldFont
    }

    /// Writes `text` with its baseline at (`x`, `y`) points from the bottom-left corner.
    public func text(_ text: String, x: Float, y: Float, size: Float, bold: Bool = false) throws {
        let fakeBold = bold && boldFont == nil
        let face = bold ? (boldFont ?? font) : font
        if self.text == nil { try document.check(HPDF_Page_BeginText(handle), "HPDF_Page_BeginText") }
        if self.text?.font != face || self.text?.size != size {
            try document.check(HPDF_Page_SetFontAndSize(handle, face, size), "HPDF_Page_SetFontAndSize")
        }
        if self.text?.stroked != fakeBold {
            try document.check(HPDF_Page_SetTextRenderingMode(handle, fakeBold ? HPDF_FILL_THEN_STROKE : HPDF_FILL),
                               "HPDF_Page_SetTextRenderingMode")
        }
        if fakeBold { try setLineWidth(size * 0.04) }
        self.text = (face, size, fakeBold)
        var bytes = document.textEncoding.bytes(text)
        bytes.append(0)
        let status = bytes.withUnsafeBufferPointer {
            HPDF_Page_TextOut(handle, x, y, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self))
        }
        try document.check(status, "HPDF_Page_TextOut")
    }

    /// A horizontal line from `x1` to `x2` at height `y`.
    public func line(x1: Float, x2: Float, y: Float, width: Float = 0.5) throws {
        try endText()
        try setLineWidth(width)
        try document.check(HPDF_Page_MoveTo(handle, x1, y), "HPDF_Page_MoveTo")
        try document.check(HPDF_Page_LineTo(handle, x2, y), "HPDF_Page_LineTo")
        try document.check(HPDF_Page_Stroke(handle), "HPDF_Page_Stroke")
    }

    /// The width `text` takes at `size` in the regular font, for right-aligning amounts.
    public func width(of text: String, size: Float) throws -> Float {
        try document.textWidth(text, size: size)
    }

    /// Closes the open text object, if any (before a line, and before the document is saved).
    func endText() throws {
        guard text != nil else { return }
        text = nil
        try document.check(HPDF_Page_EndText(handle), "HPDF_Page_EndText")
    }

    private func setLineWidth(_ width: Float) throws {
        guard width != lineWidth else { return }
        try document.check(HPDF_Page_SetLineWidth(handle, width), "HPDF_Page_SetLineWidth")
        lineWidth = width
    }
}

/// A libharu failure: its error code (see libharu's `hpdf_error.h`), detail and the call that failed.
public struct PDFError: Error, Equatable, CustomStringConvertible {
    public let code: UInt32
    public let detail: UInt32
    public let operation: String
    public var description: String {
        "libharu error 0x\(String(code, radix: 16, uppercase: true)) (detail \(detail)) in \(operation)"
    }
}
