import Bibliography
import CCairo
import Charts
import Foundation
import Notebook
import Testing

@testable import Render

@Suite("Cairo rendering")
struct RenderTests {
    static let chart = Chart(title: "A chart", x: Axis("x"), y: Axis("y")) {
        LineMark(points: [DataPoint(x: 0, y: 1), DataPoint(x: 1, y: 3), DataPoint(x: 2, y: 2)], series: "line")
        RuleMark(.horizontal, at: 2, label: "two")
    }

    @Test("a figure renders to PNG, SVG and PDF, with the same bytes every time")
    func figureFormats() throws {
        let renderer = CairoRenderer()
        let first = try renderer.renderFigure(FigureSpec(Self.chart))
        #expect(first.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(String(decoding: first.svg.prefix(5), as: UTF8.self) == "<?xml")
        #expect(String(decoding: first.pdf.prefix(5), as: UTF8.self) == "%PDF-")
        // Other surfaces in between must not change the SVG ids or any other byte.
        _ = try renderer.renderFigure(FigureSpec(panels: [Self.chart, Self.chart], columns: 2))
        let second = try renderer.renderFigure(FigureSpec(Self.chart))
        #expect(first.png == second.png && first.svg == second.svg && first.pdf == second.pdf)
    }

    @Test("the PNG is drawn at twice the figure's point size")
    func pngScale() throws {
        let png = try CairoRenderer().png(ChartLayout.displayList(for: Self.chart), scale: 2)
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == Int(Self.chart.width * 2))
    }

    @Test("column widths come from content: no column below its longest word, the rest shared by need; a table that fits is left alone")
    func tableColumnWidths() {
        // Fits: natural widths.
        #expect(TablePiece.fittedWidths([40, 60], minimum: [30, 20], into: 200) == [40, 60])
        // Too wide: minimums first (150), then the 250 left shared by how much more each column
        // wants (0, 200 and 300 of 500).
        let fitted = TablePiece.fittedWidths([50, 300, 300], minimum: [50, 100, 0], into: 400)
        #expect(fitted == [50, 200, 150])
        #expect(abs(fitted.reduce(0, +) - 400) < 1e-9)
        // A long unbreakable word (an identifier) keeps its column wide however narrow the page.
        let narrow = TablePiece.fittedWidths([90, 10, 400, 250, 35], minimum: [90, 10, 60, 250, 35], into: 300)
        #expect(narrow == [90, 10, 60, 250, 35])
        // Scale invariance: the shares do not depend on the unit.
        let scaled = TablePiece.fittedWidths([500, 3000, 3000], minimum: [500, 1000, 0], into: 4000)
        #expect(zip(scaled, fitted).allSatisfy { abs($0 - 10 * $1) < 1e-9 })
    }

    @Test("a table cell breaks between words only: an identifier like Test_L3_R1 or a word like AlphaZero stays whole")
    func tableCellsKeepWords() throws {
        let engine = try TextEngine(cairo: cairo_create(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10)!)!)
        for word in ["Test_L3_R1", "AlphaZero", "prioritized"] {
            let whole = engine.layout(markup: word, font: "\(BookFonts.family) 9").size.width
            let squeezed = engine.layout(markup: word, font: "\(BookFonts.family) 9", width: 1, breakWords: false)
            #expect(squeezed.lineExtents.count == 1, "\(word) was broken")
            #expect(abs(squeezed.size.width - whole) < 0.5)
        }
    }

    @Test("LaTeX math becomes Pango markup with Unicode symbols and scripts")
    func mathMarkup() {
        let markup = MathMarkup.markup("\\hat{P}(s'|s,a) \\leq \\epsilon_1")
        #expect(markup.contains("≤"))
        #expect(markup.contains("ϵ"))
        #expect(markup.contains("baseline_shift=\"subscript\""))
        #expect(InlineMarkupBuilder.plainText(of: "<i>a</i> &amp; b") == "a & b")
    }

    @Test("the typeset book has its headings, captions and claims as extractable text, fonts embedded")
    func typesetBook() throws {
        let chapter = ResolvedChapter(id: "c", number: 1, title: "Chapter title", blocks: [
            .heading(number: "1.1", level: 1, title: [.text("Section heading")], id: "sec-h"),
            .paragraph([.text("Body text with a reference to "), .reference("fig-a"), .text(".")]),
            .figure(ResolvedFigure(id: "fig-a", number: "1.1", caption: [.text("A caption")], spec: FigureSpec(Self.chart), chapter: "c")),
            .claim(id: "clm-a", statement: [.text("A checked statement")], check: ClaimCheck(1, .atMost(2))),
        ])
        let index = [
            "fig-a": IndexEntry(id: "fig-a", chapter: "c", number: "1.1", label: "Figure 1.1"),
            "sec-h": IndexEntry(id: "sec-h", chapter: "c", number: "1.1", label: "Section 1.1"),
        ]
        let book = ResolvedBook(title: "Book title", subtitle: "Sub", author: "Author", chapters: [chapter], index: index)
        let pdf = try CairoRenderer().typeset(book)
        #expect(try CairoRenderer().typeset(book) == pdf)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("book.pdf")
        try Data(pdf).write(to: file)
        guard let text = runTool("/usr/bin/pdftotext", [file.path, "-"]).map({ String(decoding: $0, as: UTF8.self) }) else { return }
        for expected in ["Book title", "Contents", "Chapter title", "1.1", "Section heading", "Figure 1.1", "A caption", "A checked statement"] {
            #expect(text.contains(expected), "pdftotext lacks \(expected)")
        }
        if let fonts = runTool("/usr/bin/pdffonts", [file.path]).map({ String(decoding: $0, as: UTF8.self) }) {
            let rows = fonts.split(separator: "\n").dropFirst(2)
            #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" yes ") }, "\(fonts)")
        }
    }

    @Test("citations print author and year, link to a References chapter, and appear in the outline and contents")
    func references() throws {
        let bibliography = try Bibliography(bibtex: """
            @book{sutton2018, author = {Sutton, Richard S. and Barto, Andrew G.}, title = {Reinforcement Learning: An Introduction},
              publisher = {MIT Press}, year = {2018}, doi = {10.0000/example}}
            """)
        let chapter = ResolvedChapter(id: "c", number: 1, title: "Chapter title", blocks: [
            .paragraph(InlineMarkdown.parse("Planning pays [@sutton2018, p. 165].")),
        ])
        let book = ResolvedBook(title: "Book title", subtitle: "Sub", author: "Author", chapters: [chapter], index: [:], bibliography: bibliography)
        let pdf = try CairoRenderer().typeset(book)
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("ref-sutton2018"), "the citation's link destination is in the PDF")
        #expect(raw.contains("(References)"), "the outline has a References entry")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("book.pdf")
        try Data(pdf).write(to: file)
        guard let text = runTool("/usr/bin/pdftotext", [file.path, "-"]).map({ String(decoding: $0, as: UTF8.self) }) else { return }
        for expected in ["(Sutton and Barto 2018, p. 165)", "References", "Sutton, R. S., and A. G. Barto. 2018.", "doi.org/10.0000/example"] {
            #expect(text.contains(expected), "pdftotext lacks \(expected)")
        }
    }
}
