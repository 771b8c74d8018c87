import CHaru
import Foundation

/// A PDF being built with libharu; owns the `HPDF_Doc` and frees it in `deinit`.
///
/// libharu reports errors through a C callback; this type installs one that records the error code,
/// its detail and the operation, and every wrapper call checks it and throws `PDFError`, so no
/// libharu failure passes silently. Text is UTF-8 through an embedded TrueType font (DejaVu Sans from
/// `fonts-dejavu-core` by default), so æøå and beyond print. Rendering is deterministic: no creation
/// date or random document id is written, so the same receipt renders to the same bytes.
/// Not Sendable: one document belongs to one task.
public final class PDFDocument {
    let handle: HPDF_Doc
    private let errors: ErrorBox
    private var fontName: String?
    private var boldFontName: String?
    /// How text is encoded for the embedded fonts; chosen with the first font.
    public private(set) var textEncoding: TextEncoding = .utf8

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
            texts.allSatisfy { $0.isEmpty || $0.data(using: .windowsCP1252) != nil } ? .windows1252 : .utf8
        }

        /// `text` as this encoding's bytes, NUL-terminated for libharu.
        func bytes(_ text: String) -> [CChar] {
            let data: Data? = self == .utf8 ? Data(text.utf8) : text.data(using: .windowsCP1252)
            return (data ?? Data(text.utf8)).map { CChar(bitPattern: $0) } + [0]
        }
    }

    /// Where the PDF's errors land; the C callback reaches it through `user_data`.
    final class ErrorBox {
        var code: HPDF_STATUS = 0
        var detail: HPDF_STATUS = 0
    }

    public init() throws {
        let box = ErrorBox()
        let pointer = Unmanaged.passUnretained(box).toOpaque()
        guard let doc = HPDF_New({ code, detail, userData in
            guard let userData else { return }
            let box = Unmanaged<PDFDocument.ErrorBox>.fromOpaque(userData).takeUnretainedValue()
            box.code = code
            box.detail = detail
        }, pointer) else {
            throw PDFError(code: 0, detail: 0, operation: "HPDF_New")
        }
        handle = doc
        errors = box
        try check(HPDF_SetCompressionMode(doc, UInt32(HPDF_COMP_ALL)), "HPDF_SetCompressionMode")
        try check(HPDF_UseUTFEncodings(doc), "HPDF_UseUTFEncodings")
    }

    deinit { HPDF_Free(handle) }

    /// Embeds a TrueType font and makes it the document's font; `encoding` applies to all its text.
    public func useFont(path: String, encoding: TextEncoding = .utf8) throws {
        textEncoding = encoding
        guard let name = HPDF_LoadTTFontFromFile(handle, path, HPDF_TRUE) else {
            throw lastError("HPDF_LoadTTFontFromFile \(path)")
        }
        fontName = String(cString: name)
    }

    /// Embeds a second TrueType font for bold text (headings, totals).
    public func useBoldFont(path: String) throws {
        guard let name = HPDF_LoadTTFontFromFile(handle, path, HPDF_TRUE) else {
            throw lastError("HPDF_LoadTTFontFromFile \(path)")
        }
        boldFontName = String(cString: name)
    }

    /// Adds a page of the given size in points (1/72 inch) and returns it for drawing.
    public func addPage(width: Float, height: Float) throws -> PDFPage {
        guard let page = HPDF_AddPage(handle) else { throw lastError("HPDF_AddPage") }
        try check(HPDF_Page_SetWidth(page, width), "HPDF_Page_SetWidth")
        try check(HPDF_Page_SetHeight(page, height), "HPDF_Page_SetHeight")
        let font = try self.font(bold: false)
        return PDFPage(document: self, handle: page, font: font, boldFont: boldFontName == nil ? nil : try self.font(bold: true))
    }

    /// The width `text` takes at `size` in points, measured without a page (for layout before pagination).
    public func textWidth(_ text: String, size: Float, bold: Bool = false) throws -> Float {
        let font = try self.font(bold: bold && boldFontName != nil)
        let bytes = textEncoding.bytes(text).dropLast().map { UInt8(bitPattern: $0) }
        let width = HPDF_Font_TextWidth(font, bytes, UInt32(bytes.count))
        return Float(width.width) * size / 1000
    }

    func font(bold: Bool) throws -> HPDF_Font {
        guard let name = bold ? boldFontName : fontName, let font = HPDF_GetFont(handle, name, textEncoding.rawValue) else {
            throw PDFError(code: 0, detail: 0, operation: "HPDF_GetFont: call useFont(path:) first")
        }
        return font
    }

    /// The finished document's bytes.
    public func data() throws -> Data {
        try check(HPDF_SaveToStream(handle), "HPDF_SaveToStream")
        var size = HPDF_GetStreamSize(handle)
        var bytes = [UInt8](repeating: 0, count: Int(size))
        try check(HPDF_ReadFromStream(handle, &bytes, &size), "HPDF_ReadFromStream", allowing: [HPDF_STATUS(HPDF_STREAM_EOF)])
        return Data(bytes.prefix(Int(size)))
    }

    // MARK: - Errors

    func check(_ status: HPDF_STATUS, _ operation: String, allowing: [HPDF_STATUS] = []) throws {
        guard status != HPDF_OK, !allowing.contains(status) else { errors.code = 0; return }
        throw lastError(operation, fallback: status)
    }

    func lastError(_ operation: String, fallback: HPDF_STATUS = 0) -> PDFError {
        let error = PDFError(code: UInt32(errors.code != 0 ? errors.code : fallback), detail: UInt32(errors.detail),
                             operation: operation)
        HPDF_ResetError(handle)
        errors.code = 0
        errors.detail = 0
        return error
    }
}

/// A page of a `PDFDocument`; draws text in the document's fonts.
public struct PDFPage {
    let document: PDFDocument
    let handle: HPDF_Page
    let font: HPDF_Font
    /// A bold face, when one was embedded; otherwise bold is drawn by stroking the regular glyphs'
    /// outlines as well as filling them (half the file size: one embedded font instead of two).
    let boldFont: HPDF_Font?

    /// Writes `text` with its baseline at (`x`, `y`) points from the bottom-left corner.
    public func text(_ text: String, x: Float, y: Float, size: Float, bold: Bool = false) throws {
        try document.check(HPDF_Page_BeginText(handle), "HPDF_Page_BeginText")
        let fakeBold = bold && boldFont == nil
        try document.check(HPDF_Page_SetFontAndSize(handle, bold ? (boldFont ?? font) : font, size), "HPDF_Page_SetFontAndSize")
        try document.check(HPDF_Page_SetTextRenderingMode(handle, fakeBold ? HPDF_FILL_THEN_STROKE : HPDF_FILL),
                           "HPDF_Page_SetTextRenderingMode")
        if fakeBold { try document.check(HPDF_Page_SetLineWidth(handle, size * 0.04), "HPDF_Page_SetLineWidth") }
        try document.check(HPDF_Page_TextOut(handle, x, y, document.textEncoding.bytes(text)), "HPDF_Page_TextOut")
        try document.check(HPDF_Page_EndText(handle), "HPDF_Page_EndText")
    }

    /// A horizontal line from `x1` to `x2` at height `y`.
    public func line(x1: Float, x2: Float, y: Float, width: Float = 0.5) throws {
        try document.check(HPDF_Page_SetLineWidth(handle, width), "HPDF_Page_SetLineWidth")
        try document.check(HPDF_Page_MoveTo(handle, x1, y), "HPDF_Page_MoveTo")
        try document.check(HPDF_Page_LineTo(handle, x2, y), "HPDF_Page_LineTo")
        try document.check(HPDF_Page_Stroke(handle), "HPDF_Page_Stroke")
    }

    /// The width `text` takes at `size`, for right-aligning amounts.
    public func width(of text: String, size: Float) throws -> Float {
        try document.check(HPDF_Page_SetFontAndSize(handle, font, size), "HPDF_Page_SetFontAndSize")
        return HPDF_Page_TextWidth(handle, text)
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
