import CCairo
import CPangoCairo
import Charts
import Foundation
import Notebook

/// Typesets a ``ResolvedBook`` as an A4 PDF: title page, table of contents with page numbers,
/// numbered chapters and sections, vector figures, tables, equations, checked claims, running
/// headers, page numbers, clickable references and a PDF outline.
final class BookTypesetter {
    let book: ResolvedBook
    let page = PageGeometry()
    private let sink = ByteSink()
    private let surface: OpaquePointer
    let cairo: OpaquePointer
    let text: TextEngine

    init(book: ResolvedBook) throws {
        self.book = book
        surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.pointer, page.width, page.height)!
        CairoRenderer.pinMetadata(surface, title: book.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, book.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, book.subtitle)
        cairo = cairo_create(surface)!
        text = try TextEngine(cairo: cairo)
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// The PDF's bytes.
    func typeset() throws -> [UInt8] {
        let pieces = book.chapters.flatMap { PieceBuilder(typesetter: self, chapter: $0).pieces() } + referenceListPieces()
        let pages = Paginator(top: page.textTop, bottom: page.textBottom).paginate(pieces)

        // Page numbers of destinations, for the table of contents.
        let contents = contentsPages(tableOfContents())
        let firstBodyPage = 2 + contents.count
        var destinationPage = [String: Int]()
        for (offset, placements) in pages.enumerated() {
            for placement in placements where placement.lines?.lowerBound ?? 0 == 0 {
                for name in placement.piece.destinations { destinationPage[name] = firstBodyPage + offset }
            }
        }

        drawTitlePage()
        cairo_show_page(cairo)
        drawTableOfContents(contents, pages: destinationPage, firstPage: 2)

        var runningTitle = ""
        var outlineParents = [Int: Int32]()
        for (offset, placements) in pages.enumerated() {
            let number = firstBodyPage + offset
            var startsChapter = false
            for placement in placements {
                let piece = placement.piece
                let isFirstSlice = placement.lines?.lowerBound ?? 0 == 0
                if isFirstSlice, let title = piece.runningTitle {
                    runningTitle = title
                    startsChapter = true
                }
                if isFirstSlice {
                    for name in piece.destinations {
                        cairo_tag_begin(cairo, CAIRO_TAG_DEST, "name='\(name)' x=0 y=\(max(0, placement.y - 14))")
                        cairo_tag_end(cairo, CAIRO_TAG_DEST)
                    }
                    if let outline = piece.outline {
                        let parent = outline.level == 0 ? Int32(CAIRO_PDF_OUTLINE_ROOT) : (outlineParents[outline.level - 1] ?? Int32(CAIRO_PDF_OUTLINE_ROOT))
                        let id = cairo_pdf_surface_add_outline(
                            surface, parent, outline.title, "dest='\(outline.destination)'",
                            // Chapters open, so the outline shows one level of sections.
                            outline.level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0))
                        outlineParents[outline.level] = id
                    }
                }
                piece.draw(page.left, placement.y, placement.lines)
            }
            drawFurniture(pageNumber: number, header: startsChapter ? nil : runningTitle)
            cairo_show_page(cairo)
        }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo("PDF", String(cString: cairo_status_to_string(status))) }
        return try PDFOutlineView.openingWithOutline(sink.bytes)
    }

    // MARK: Title page and contents

    func drawTitlePage() {
        let title = text.layout(markup: "<b>\(PangoMarkup.escape(book.title))</b>", font: "\(BookFonts.family) 30", width: page.textWidth, alignment: PANGO_ALIGN_CENTER)
        text.draw(title, x: page.left, y: 250)
        let subtitle = text.layout(markup: "<i>\(PangoMarkup.escape(book.subtitle))</i>", font: "\(BookFonts.family) 14", width: page.textWidth, alignment: PANGO_ALIGN_CENTER)
        text.draw(subtitle, x: page.left, y: 250 + title.size.height + 18)
        let author = text.layout(markup: PangoMarkup.escape(book.author), font: "\(BookFonts.family) 12", width: page.textWidth, alignment: PANGO_ALIGN_CENTER)
        text.draw(author, x: page.left, y: 250 + title.size.height + subtitle.size.height + 48)
        let note = text.layout(
            markup: "Every number, figure and table in this book was produced by the run that typeset it; every claim was checked against that run.",
            font: BookFonts.furniture, width: page.textWidth, alignment: PANGO_ALIGN_CENTER)
        text.draw(note, x: page.left, y: page.textBottom - note.size.height)
    }

    struct TOCEntry {
        let level: Int
        let number: String
        let title: String
        let destination: String
    }

    func tableOfContents() -> [TOCEntry] {
        var entries = [TOCEntry]()
        for chapter in book.chapters {
            entries.append(TOCEntry(level: 0, number: "\(chapter.number)", title: chapter.title, destination: "chapter-\(chapter.id)"))
            for case .heading(let number, let level, let title, let id) in chapter.blocks where level == 1 {
                entries.append(TOCEntry(level: 1, number: number, title: plain(title), destination: PieceBuilder.headingDestination(id: id, number: number, chapter: chapter.id)))
            }
        }
        if !book.references.isEmpty {
            entries.append(TOCEntry(level: 0, number: "", title: "References", destination: Self.referencesDestination))
        }
        return entries
    }

    /// The contents' fonts and spacing: chapters bold with a little space above, sections in
    /// the body font.
    private func contentsFont(_ entry: TOCEntry) -> String {
        entry.level == 0 ? "\(BookFonts.family) Bold 10.5" : "\(BookFonts.family) 10"
    }

    private static let contentsHeadingHeight = 40.0
    private static let chapterGap = 5.0
    private static let entryGap = 2.5

    private func contentsLabel(_ entry: TOCEntry) -> Layout {
        let indent = entry.level == 0 ? 0.0 : 22.0
        return text.layout(markup: PangoMarkup.escape(entry.number.isEmpty ? entry.title : "\(entry.number)  \(entry.title)"), font: contentsFont(entry), width: page.textWidth - indent - 40)
    }

    private func contentsHeight(_ entry: TOCEntry) -> Double {
        (entry.level == 0 ? Self.chapterGap : 0) + max(contentsLabel(entry).size.height, 12) + Self.entryGap
    }

    /// The contents split into pages: as many entries as fit, a new page only at a chapter
    /// (unless one chapter's entries alone are longer than a page).
    func contentsPages(_ entries: [TOCEntry]) -> [[TOCEntry]] {
        var chapters = [[TOCEntry]]()
        for entry in entries {
            if entry.level == 0 || chapters.isEmpty { chapters.append([entry]) } else { chapters[chapters.count - 1].append(entry) }
        }
        var pages: [[TOCEntry]] = [[]]
        var used = Self.contentsHeadingHeight
        for chapter in chapters {
            let height = chapter.reduce(0) { $0 + contentsHeight($1) }
            if used + height > page.textHeight, !pages[pages.count - 1].isEmpty {
                pages.append([])
                used = 0
            }
            for entry in chapter {
                let entryHeight = contentsHeight(entry)
                if used + entryHeight > page.textHeight, !pages[pages.count - 1].isEmpty {
                    pages.append([])
                    used = 0
                }
                pages[pages.count - 1].append(entry)
                used += entryHeight
            }
        }
        return pages
    }

    /// The contents, one page per group, with dot leaders to the page numbers (the dots on a
    /// common grid, so they line up from entry to entry).
    func drawTableOfContents(_ contentPages: [[TOCEntry]], pages: [String: Int], firstPage: Int) {
        for (offset, entries) in contentPages.enumerated() {
            let pageNumber = firstPage + offset
            var y = page.textTop
            if offset == 0 {
                text.draw(text.layout(markup: "<b>Contents</b>", font: "\(BookFonts.family) 20"), x: page.left, y: y)
                y += Self.contentsHeadingHeight
            }
            for entry in entries {
                let indent = entry.level == 0 ? 0.0 : 22.0
                if entry.level == 0 { y += Self.chapterGap }
                let label = contentsLabel(entry)
                text.draw(label, x: page.left + indent, y: y)
                let number = text.layout(markup: pages[entry.destination].map(String.init) ?? "", font: contentsFont(entry))
                let numberX = page.left + page.textWidth - number.size.width
                text.draw(number, x: numberX, y: y)
                // Leaders on the last line of the label, from its end to the number.
                let lastLine = label.lineExtents.last ?? (top: 0, bottom: label.size.height)
                let baseline = y + lastLine.bottom - 3.2
                let spacing = 4.5
                var dotX = (((page.left + indent + label.lastLineWidth + 5) - page.left) / spacing).rounded(.up) * spacing + page.left
                cairo_set_source_rgb(cairo, 0.35, 0.35, 0.35)
                while dotX < numberX - 5 {
                    cairo_arc(cairo, dotX, baseline, 0.5, 0, 2 * Double.pi)
                    cairo_fill(cairo)
                    dotX += spacing
                }
                cairo_set_source_rgb(cairo, 0, 0, 0)
                let rect = "rect=[\(page.left) \(y) \(page.textWidth) \(label.size.height)]"
                cairo_tag_begin(cairo, CAIRO_TAG_LINK, "dest='\(entry.destination)' \(rect)")
                cairo_tag_end(cairo, CAIRO_TAG_LINK)
                y += max(label.size.height, 12) + Self.entryGap
            }
            drawFurniture(pageNumber: pageNumber, header: offset == 0 ? nil : "Contents")
            cairo_show_page(cairo)
        }
    }

    func drawFurniture(pageNumber: Int, header: String?) {
        cairo_set_source_rgb(cairo, 0.3, 0.3, 0.3)
        let number = text.layout(markup: "\(pageNumber)", font: BookFonts.small)
        text.draw(number, x: (page.width - number.size.width) / 2, y: page.height - 46)
        if let header {
            let layout = text.layout(markup: PangoMarkup.escape(header), font: BookFonts.furniture)
            text.draw(layout, x: page.width - page.right - layout.size.width, y: 44)
            cairo_set_line_width(cairo, 0.4)
            cairo_move_to(cairo, page.left, 58)
            cairo_line_to(cairo, page.width - page.right, 58)
            cairo_stroke(cairo)
        }
        cairo_set_source_rgb(cairo, 0, 0, 0)
    }

    func plain(_ inlines: [Inline]) -> String {
        InlineMarkupBuilder.plainText(of: InlineMarkupBuilder.build(inlines, index: book.index, citationLabels: book.citationLabels).markup)
    }

    /// Puts clickable rectangles over the links of a layout drawn at (x, y), limited to the
    /// vertical band `visible` of the layout (for paragraph slices).
    func addLinks(_ links: [InlineMarkupBuilder.LinkSpan], layout: Layout, x: Double, y: Double, visible: ClosedRange<Double>? = nil) {
        for link in links {
            for rect in layout.rectangles(fromByte: link.start, toByte: link.end) {
                if let visible, !visible.contains(rect.y + rect.height / 2) { continue }
                let target: String
                switch link.target {
                case .destination(let name): target = "dest='\(name)'"
                case .uri(let uri): target = "uri='\(uri.replacingOccurrences(of: "'", with: "%27"))'"
                }
                cairo_tag_begin(cairo, CAIRO_TAG_LINK, "\(target) rect=[\(x + rect.x) \(y + rect.y) \(rect.width) \(rect.height)]")
                cairo_tag_end(cairo, CAIRO_TAG_LINK)
            }
        }
    }
}
