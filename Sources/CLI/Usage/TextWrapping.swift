// MARK: - Text wrapping

extension String {
    /// Wraps words to `width` columns; every line after the first is indented by `indent` spaces
    /// and the first line is assumed to start at column `indent` too (the caller places it).
    /// Paragraph breaks (`\n`) are kept.
    func wrapped(to width: Int, indent: Int = 0) -> String {
        let padding = String(repeating: " ", count: indent)
        return split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            var lines: [String] = []
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, indent + line.count + 1 + word.count > width {
                    lines.append(line)
                    line = String(word)
                } else {
                    line += line.isEmpty ? String(word) : " " + word
                }
            }
            lines.append(line)
            return lines.joined(separator: "\n" + padding)
        }.joined(separator: "\n" + padding)
    }
}
