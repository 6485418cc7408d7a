import Foundation

/// Makes a PDF open with its outline (bookmarks) panel shown, which Cairo cannot request: an
/// incremental update, as PDF editors write them, appends a new version of the document
/// catalog with `/PageMode /UseOutlines` and a cross-reference section for it. The original
/// bytes stay untouched in front, so the result is as reproducible as Cairo's output.
enum PDFOutlineView {
    /// Why the PDF could not be updated.
    struct Failure: Error, CustomStringConvertible {
        let reason: String
        var description: String { "cannot set the PDF to open with its outline: \(reason)" }
    }

    /// `pdf` with an appended catalog that shows the outline panel on opening.
    static func openingWithOutline(_ pdf: [UInt8]) throws -> [UInt8] {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let trailerRange = text.range(of: "trailer", options: .backwards),
            let startRange = text.range(of: "startxref", options: .backwards)
        else { throw Failure(reason: "no trailer") }
        let trailer = String(text[trailerRange.upperBound..<startRange.lowerBound])
        let previous = text[startRange.upperBound...].split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
        guard let root = reference(named: "Root", in: trailer), let size = integer(named: "Size", in: trailer), let previous
        else { throw Failure(reason: "the trailer lacks /Root, /Size or startxref") }
        guard let objectStart = text.range(of: "\n\(root) 0 obj\n"),
            let objectEnd = text.range(of: "endobj", range: objectStart.upperBound..<text.endIndex)
        else { throw Failure(reason: "catalog object \(root) not found") }
        var catalog = String(text[objectStart.upperBound..<objectEnd.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard catalog.hasSuffix(">>"), catalog.contains("/Type /Catalog") else { throw Failure(reason: "object \(root) is not a catalog dictionary") }
        if catalog.contains("/PageMode") { return pdf }
        catalog.removeLast(2)
        catalog += "   /PageMode /UseOutlines\n>>"

        var update = "\n\(root) 0 obj\n\(catalog)\nendobj\n"
        let objectOffset = pdf.count + 1
        let xrefOffset = pdf.count + update.utf8.count
        update += "xref\n0 1\n0000000000 65535 f \n\(root) 1\n\(String(format: "%010d", objectOffset)) 00000 n \n"
        var newTrailer = "trailer\n<< /Size \(size)\n   /Root \(root) 0 R\n"
        if let info = reference(named: "Info", in: trailer) { newTrailer += "   /Info \(info) 0 R\n" }
        if let id = trailer.range(of: #"/ID\s*\[[^\]]*\]"#, options: .regularExpression) { newTrailer += "   \(trailer[id])\n" }
        newTrailer += "   /Prev \(previous)\n>>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        return pdf + Array((update + newTrailer).utf8)
    }

    private static func reference(named name: String, in dictionary: String) -> Int? {
        guard let range = dictionary.range(of: #"/\#(name)\s+(\d+)\s+0\s+R"#, options: .regularExpression) else { return nil }
        return Int(dictionary[range].split(whereSeparator: \.isWhitespace)[1])
    }

    private static func integer(named name: String, in dictionary: String) -> Int? {
        guard let range = dictionary.range(of: #"/\#(name)\s+(\d+)"#, options: .regularExpression) else { return nil }
        return Int(dictionary[range].split(whereSeparator: \.isWhitespace)[1])
    }
}
