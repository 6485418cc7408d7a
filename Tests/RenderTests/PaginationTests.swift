import Foundation
import Notebook
import Testing

@testable import Render

/// Page breaking as LaTeX does it: floats, no orphaned headings, no page of claims alone.
@Suite("Page breaking")
struct PaginationTests {
    private func block(_ height: Double, _ name: String) -> Piece {
        let piece = Piece(height: height) { _, _ in }
        piece.destinations = [name]
        return piece
    }

    private func paragraph(lines: Int, _ name: String) -> Piece {
        let piece = Piece(height: Double(lines) * 12, lines: (0..<lines).map { (Double($0) * 12, Double($0 + 1) * 12) }) { _, _, _ in }
        piece.destinations = [name]
        return piece
    }

    private func names(_ pages: [[Placement]]) -> [[String]] {
        pages.map { page in page.map { $0.piece.destinations[0] + ($0.lines.map { "[\($0.lowerBound)..<\($0.upperBound)]" } ?? "") } }
    }

    private let paginator = Paginator(top: 0, bottom: 100)

    @Test("a figure that does not fit floats to the top of the next page and the text after it fills this one")
    func floatsMoveOn() {
        let figure = block(60, "fig")
        figure.isFloat = true
        let pages = paginator.paginate([block(50, "a"), figure, block(30, "b"), block(30, "c")])
        #expect(names(pages) == [["a", "b"], ["fig", "c"]])
    }

    @Test("floats keep their order, and all are placed before the next chapter starts")
    func floatsKeepOrderAndStayInChapter() {
        let first = block(70, "fig1")
        let second = block(20, "fig2")
        first.isFloat = true
        second.isFloat = true
        let chapter = block(10, "chapter2")
        chapter.pageBreakBefore = true
        let pages = paginator.paginate([block(50, "a"), first, second, block(20, "b"), chapter])
        // fig2 would fit on page 1 but may not pass fig1.
        #expect(names(pages) == [["a", "b"], ["fig1", "fig2"], ["chapter2"]])
    }

    @Test("a heading is never the last thing on a page, even before a short paragraph or a float")
    func headingsStayWithText() {
        let heading = block(10, "heading")
        heading.keepWithNext = true
        let figure = block(80, "fig")
        figure.isFloat = true
        let pages = paginator.paginate([block(70, "a"), heading, figure, paragraph(lines: 3, "p")])
        #expect(names(pages).first == ["a"], "the heading moves on with the three-line paragraph it introduces")
    }

    @Test("a chapter never ends on a page of claims alone: the last lines before them come along")
    func claimsNotAlone() {
        let claim = block(30, "claim")
        claim.keepWithPrevious = true
        let chapter = block(10, "chapter2")
        chapter.pageBreakBefore = true
        let pages = paginator.paginate([block(20, "a"), paragraph(lines: 6, "p"), claim, chapter])
        #expect(names(pages) == [["a", "p[0..<4]"], ["p[4..<6]", "claim"], ["chapter2"]])
        // Mid-chapter, a claim may start a page: more text follows it there.
        let midChapter = paginator.paginate([block(20, "a"), paragraph(lines: 6, "p"), claim, block(20, "b")])
        #expect(names(midChapter) == [["a", "p"], ["claim", "b"]])
    }

    @Test("the contents fit one page at this book's size, and a longer contents breaks only at a chapter")
    func contentsPages() throws {
        func book(chapters: Int, sections: Int) throws -> BookTypesetter {
            let resolved = (1...chapters).map { c in
                ResolvedChapter(id: "c\(c)", number: c, title: "Chapter \(c)", blocks: (1...sections).map { s in
                    .heading(number: "\(c).\(s)", level: 1, title: [.text("A section heading of ordinary length")], id: nil)
                })
            }
            return try BookTypesetter(book: ResolvedBook(title: "T", subtitle: "S", author: "A", chapters: resolved, index: [:]))
        }
        let small = try book(chapters: 5, sections: 7)
        #expect(small.contentsPages(small.tableOfContents()).count == 1)
        let large = try book(chapters: 6, sections: 12)
        let pages = large.contentsPages(large.tableOfContents())
        #expect(pages.count > 1)
        #expect(pages.dropFirst().allSatisfy { $0.first?.level == 0 }, "every later page starts with a chapter")
    }

    @Test("the book PDF opens with its outline shown, by an incremental update readers accept")
    func opensWithOutline() throws {
        let chapter = ResolvedChapter(id: "c", number: 1, title: "Chapter", blocks: [.paragraph([.text("Text.")])])
        let pdf = try CairoRenderer().typeset(ResolvedBook(title: "T", subtitle: "S", author: "A", chapters: [chapter], index: [:]))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/PageMode /UseOutlines"))
        // The new cross-reference section points at the new catalog, byte for byte.
        let tail = text[text.range(of: "startxref", options: .backwards)!.upperBound...]
        let xref = Int(tail.split(whereSeparator: \.isWhitespace)[0])!
        #expect(Array(pdf[xref..<(xref + 4)]) == Array("xref".utf8))
        // Byte offsets: the PDF holds binary streams, so work on bytes, not characters.
        let section = String(decoding: pdf[xref...], as: UTF8.self).split(separator: "\n")
        let offset = Int(section[4].prefix(10))!
        #expect(String(decoding: pdf[offset..<(offset + 20)], as: UTF8.self).contains(" 0 obj"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("book.pdf")
        try Data(pdf).write(to: file)
        if let info = runTool("/usr/bin/pdfinfo", [file.path]).map({ String(decoding: $0, as: UTF8.self) }) {
            #expect(info.contains("Pages:"), "poppler reads the updated file: \(info)")
        }
    }
}
