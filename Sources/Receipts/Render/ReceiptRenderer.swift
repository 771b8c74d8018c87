import Foundation

// MARK: - ReceiptRenderer

/// Renders a ``ReceiptDocument`` with a ``ReceiptTemplate`` to PDF bytes with libharu.
///
/// Layout: the template's lines, wrapped to the content width (words, then characters for a word
/// longer than a line), on a till roll whose length grows with the content, or on A4 pages with
/// `Side n av m` at the foot. A copy gets `KOPI` at the top of every page whatever the template says,
/// so a copy can never pass for the original. Deterministic: the same receipt and template give the
/// same bytes (libharu writes no date or random id).
public struct ReceiptRenderer: Sendable {
    /// The fonts, narrowest first: a receipt embeds the smallest one that has all its characters.
    public var fonts: ReceiptFonts
    /// A bold face to embed; nil draws bold by stroking the regular face (one embedded font).
    public var boldFontPath: String?
    public var timeZone: TimeZone

    /// `timeZone`: the business time zone of the configuration (`OMNIFLOW_BUSINESS_TIME_ZONE`), in which
    /// a receipt's date and time are printed; no default, so no caller can print another zone by mistake.
    public init(fonts: ReceiptFonts = .bundled, boldFontPath: String? = nil, timeZone: TimeZone) {
        self.fonts = fonts
        self.boldFontPath = boldFontPath
        self.timeZone = timeZone
    }

    public func render(_ receipt: ReceiptDocument, with template: ReceiptTemplate) throws -> Data {
        let layout = template.layout(receipt, timeZone: timeZone)
        // Page footers ("Side 2 av 3") and the copy mark are ASCII; the receipt's own text decides.
        let texts = layout.flatMap { line -> [String] in
            switch line {
            case .text(_, _, let text): return [text]
            case .columns(_, let cells): return cells
            case .rule, .space: return []
            }
        }
        let font = try fonts.choice(for: texts)
        // Only the small Windows-1252 subset goes undeflated (PDFDocument.init): a full font would not.
        let document = try PDFDocument(font: font.path, boldFont: boldFontPath, encoding: font.encoding,
                                       deflateFonts: font.path != fonts.windows1252 || boldFontPath != nil)
        let points = template.margin * 72 / 25.4
        let pageWidth: Float = { if case .roll(let width) = template.page { return width }; return 595.28 }()
        let contentWidth = pageWidth - 2 * points
        let size = template.fontSize
        // A copy's mark, laid out like any title; it heads the first page and every later one.
        let copyMark = receipt.isCopy
            ? try wrap([.text(alignment: .center, style: .title, text: "KOPI")], width: contentWidth, size: size, document: document)
            : []
        let rows = copyMark + (try wrap(layout, width: contentWidth, size: size, document: document))
        let lineHeight = size * 1.35

        switch template.page {
        case .roll:
            let height = max(2 * points + rows.reduce(0) { $0 + $1.height(lineHeight) }, 100)
            let page = try document.addPage(width: pageWidth, height: height)
            var y = height - points
            for row in rows {
                y -= row.height(lineHeight)
                try row.draw(on: page, x: points, y: y, width: contentWidth, size: size)
            }
        case .a4:
            let height: Float = 841.89
            let bottom = points + lineHeight * 2
            var pages = [try document.addPage(width: pageWidth, height: height)]
            var y = height - points
            for row in rows {
                if y - row.height(lineHeight) < bottom {
                    pages.append(try document.addPage(width: pageWidth, height: height))
                    y = height - points
                    for mark in copyMark {
                        y -= mark.height(lineHeight)
                        try mark.draw(on: pages[pages.count - 1], x: points, y: y, width: contentWidth, size: size)
                    }
                }
                y -= row.height(lineHeight)
                try row.draw(on: pages[pages.count - 1], x: points, y: y, width: contentWidth, size: size)
            }
            for (index, page) in pages.enumerated() {
                let footer = "Side \(index + 1) av \(pages.count)"
                let width = try document.textWidth(footer, size: size - 1)
                try page.text(footer, x: pageWidth - points - width, y: points, size: size - 1)
            }
        }
        return try document.data()
    }

    // MARK: - Rows

    /// One printed row after wrapping.
    enum Row {
        case text(x: Float, text: String, bold: Bool, scale: Float)
        case columns(cells: [(x: Float, text: String)], bold: Bool)
        case rule
        case space

        func height(_ lineHeight: Float) -> Float {
            switch self {
            case .text(_, _, _, let scale): return lineHeight * scale
            case .columns: return lineHeight
            case .rule: return lineHeight * 0.6
            case .space: return lineHeight * 0.6
            }
        }

        func draw(on page: PDFPage, x: Float, y: Float, width: Float, size: Float) throws {
            switch self {
            case let .text(offset, text, bold, scale):
                try page.text(text, x: x + offset, y: y, size: size * scale, bold: bold)
            case let .columns(cells, bold):
                for cell in cells where !cell.text.isEmpty { try page.text(cell.text, x: x + cell.x, y: y, size: size, bold: bold) }
            case .rule:
                try page.line(x1: x, x2: x + width, y: y + size * 0.3)
            case .space:
                break
            }
        }
    }

    /// Wraps layout lines to rows of at most `width` points.
    func wrap(_ lines: [LayoutLine], width: Float, size: Float, document: PDFDocument) throws -> [Row] {
        var rows: [Row] = []
        for line in lines {
            switch line {
            case let .text(alignment, style, text):
                let scale: Float = style == .title ? 1.5 : 1
                let bold = style != .regular
                for piece in try Self.wrap(text, width: width, size: size * scale, bold: bold, document: document) {
                    let pieceWidth = try document.textWidth(piece, size: size * scale, bold: bold)
                    let x: Float
                    switch alignment {
                    case .left: x = 0
                    case .center: x = max(0, (width - pieceWidth) / 2)
                    case .right: x = max(0, width - pieceWidth)
                    }
                    rows.append(.text(x: x, text: piece, bold: bold, scale: scale))
                }
            case let .columns(style, cells):
                let bold = style != .regular
                // The first cell wraps in what the right-aligned cells leave; those take fixed shares.
                let share: Float = cells.count == 2 ? 0.3 : cells.count == 3 ? 0.22 : 0.18
                let rightWidth = width * share
                let firstWidth = width - rightWidth * Float(cells.count - 1)
                let first = try Self.wrap(cells[0], width: firstWidth - 4, size: size, bold: bold, document: document)
                var rightCells: [(x: Float, text: String)] = []
                for (index, cell) in cells.dropFirst().enumerated() {
                    let cellRight = firstWidth + rightWidth * Float(index + 1)
                    let cellWidth = try document.textWidth(cell, size: size, bold: bold)
                    rightCells.append((x: cellRight - cellWidth, text: cell))
                }
                for (index, piece) in first.enumerated() {
                    // Amounts sit on the last line of a wrapped name, as till printers do.
                    let isLast = index == first.count - 1
                    rows.append(.columns(cells: [(x: Float(0), text: piece)] + (isLast ? rightCells : []), bold: bold))
                }
                if first.isEmpty { rows.append(.columns(cells: rightCells, bold: bold)) }
            case .rule: rows.append(.rule)
            case .space: rows.append(.space)
            }
        }
        return rows
    }

    /// Words to lines of at most `width`; a word longer than a line is cut by characters.
    ///
    /// Widths add up (libharu applies no kerning), so each word is measured once and lines are summed,
    /// instead of measuring every candidate line: libharu looks each glyph up linearly, and measuring
    /// was a third of the rendering time.
    static func wrap(_ text: String, width: Float, size: Float, bold: Bool, document: PDFDocument) throws -> [String] {
        guard !text.isEmpty else { return [""] }
        // The common case: the whole text fits on one line.
        if try document.textWidth(text, size: size, bold: bold) <= width { return [text] }
        let space = try document.textWidth(" ", size: size, bold: bold)
        var lines: [String] = []
        var current = ""
        var currentWidth: Float = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = try document.textWidth(word, size: size, bold: bold)
            let candidateWidth = current.isEmpty ? wordWidth : currentWidth + space + wordWidth
            if candidateWidth <= width {
                if current.isEmpty { current = String(word) } else { current += " "; current += word }
                currentWidth = candidateWidth
                continue
            }
            if !current.isEmpty { lines.append(current) }
            if wordWidth <= width {
                current = String(word)
                currentWidth = wordWidth
                continue
            }
            // A word longer than a line: cut it by characters.
            current = ""
            currentWidth = 0
            for character in word {
                let characterWidth = try document.textWidth(String(character), size: size, bold: bold)
                if currentWidth + characterWidth > width, !current.isEmpty {
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                }
                current.append(character)
                currentWidth += characterWidth
            }
        }
        lines.append(current)
        return lines
    }
}
