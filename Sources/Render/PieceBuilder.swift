import CCairo
import CPangoCairo
import Charts
import Foundation
import Notebook

/// Measures a chapter's blocks into ``Piece``s for the paginator.
struct PieceBuilder {
    let typesetter: BookTypesetter
    let chapter: ResolvedChapter

    var width: Double { typesetter.page.textWidth }
    var text: TextEngine { typesetter.text }
    var cairo: OpaquePointer { typesetter.cairo }

    static func headingDestination(id: String?, number: String, chapter: String) -> String {
        id ?? "sec-\(chapter)-" + number.replacingOccurrences(of: ".", with: "-")
    }

    func pieces() -> [Piece] {
        var pieces = [chapterOpening()]
        for block in chapter.blocks { pieces += self.pieces(for: block, width: width) }
        return pieces
    }

    func chapterOpening() -> Piece {
        let label = text.layout(markup: "<span letter_spacing=\"1200\">CHAPTER \(chapter.number)</span>", font: "\(BookFonts.family) 11")
        let title = text.layout(markup: "<b>\(PangoMarkup.escape(chapter.title))</b>", font: "\(BookFonts.family) 24", width: width)
        let height = label.size.height + 10 + title.size.height
        let piece = Piece(height: height) { x, y in
            cairo_set_source_rgb(self.cairo, 0.35, 0.35, 0.35)
            self.text.draw(label, x: x, y: y)
            cairo_set_source_rgb(self.cairo, 0, 0, 0)
            self.text.draw(title, x: x, y: y + label.size.height + 10)
        }
        piece.pageBreakBefore = true
        piece.spaceAfter = 26
        piece.keepWithNext = true
        piece.destinations = ["chapter-\(chapter.id)"]
        piece.outline = ("\(chapter.number)  \(chapter.title)", 0, "chapter-\(chapter.id)")
        piece.runningTitle = "\(chapter.number)  \(chapter.title)"
        return piece
    }

    func paragraph(_ inlines: [Inline], style: String = "", size: Double = BookFonts.bodySize, width: Double, prefix: String = "", justify: Bool = true) -> Piece {
        let rich = RichText(
            engine: text, inlines: inlines, index: typesetter.book.index, citationLabels: typesetter.book.citationLabels, style: style, size: size, width: width,
            justify: justify, spacing: BookFonts.bodyLeading, prefix: prefix)
        let extents = rich.lineExtents
        let typesetter = self.typesetter
        let cairo = self.cairo
        let text = self.text
        return Piece(height: rich.size.height, lines: extents) { x, y, range in
            guard let range, range != 0..<extents.count else {
                rich.draw(engine: text, cairo: cairo, x: x, y: y)
                typesetter.addLinks(rich.links, layout: rich.layout, x: x, y: y)
                return
            }
            let top = extents[range.lowerBound].top
            let bottom = extents[range.upperBound - 1].bottom
            cairo_save(cairo)
            cairo_rectangle(cairo, x - 2, y, width + 4, bottom - top)
            cairo_clip(cairo)
            rich.draw(engine: text, cairo: cairo, x: x, y: y - top)
            cairo_restore(cairo)
            typesetter.addLinks(rich.links, layout: rich.layout, x: x, y: y - top, visible: top...bottom)
        }
    }

    func pieces(for block: ResolvedBlock, width: Double) -> [Piece] {
        switch block {
        case .heading(let number, let level, let title, let id):
            let size = level == 1 ? 14.0 : 12.0
            let piece = paragraph(title, style: "Bold", size: size, width: width, prefix: "\(number)\u{2003}", justify: false)
            let destination = Self.headingDestination(id: id, number: number, chapter: chapter.id)
            piece.destinations = [destination]
            piece.outline = ("\(number)  \(typesetter.plain(title))", level, destination)
            piece.keepWithNext = true
            piece.spaceBefore = level == 1 ? 18 : 12
            piece.spaceAfter = 7
            return [piece]
        case .paragraph(let inlines):
            let piece = paragraph(inlines, width: width)
            piece.spaceAfter = 8
            return [piece]
        case .equation(let latex, let number, let id):
            let box = MathTypesetter(engine: text, size: 11.5).box(latex: latex, display: true)
            let tag = number.map { text.layout(markup: "(\($0))", font: BookFonts.body) }
            let painter = MathPainter(cairo: cairo, engine: text)
            let scale = min(1, (width - 70) / max(box.width, 1))
            let piece = Piece(height: (box.ascent + box.descent) * scale) { x, y in
                let baseline = y + box.ascent * scale
                cairo_save(self.cairo)
                cairo_translate(self.cairo, x + (width - box.width * scale) / 2, baseline)
                cairo_scale(self.cairo, scale, scale)
                painter.draw(box, x: 0, y: 0)
                cairo_restore(self.cairo)
                if let tag { self.text.draw(tag, x: x + width - tag.size.width, y: baseline - tag.baseline) }
            }
            piece.spaceBefore = 8
            piece.spaceAfter = 12
            piece.destinations = id.map { [$0] } ?? []
            return [piece]
        case .experiment(let experiment):
            let piece = paragraph([.text("Experiment "), .code(experiment.id), .text(": \(experiment.summary).")], style: "Italic", size: 8.5, width: width, justify: false)
            piece.spaceAfter = 8
            // The line introduces the results that follow it.
            piece.keepWithNext = true
            return [piece]
        case .figure(let figure):
            return [figurePiece(figure, width: width)]
        case .table(let id, let number, let caption, let data):
            let piece = TablePiece.make(builder: self, id: id, number: number, caption: caption, data: data, width: width)
            piece.isFloat = true
            return [piece]
        case .claim(_, let statement, let check):
            let color = check.passed ? "#1B7837" : "#B2182B"
            let verdict = check.passed ? "Claim checked." : "Claim FAILED."
            let body = paragraph(statement, size: BookFonts.captionSize, width: width - 14, prefix: "<span foreground=\"\(color)\"><b>\(verdict)</b></span> ", justify: false)
            let detail = text.layout(markup: "<span foreground=\"#555555\">\(PangoMarkup.raisingSuperscripts(check.summary, size: 8.5))</span>", font: "\(BookFonts.family) 8.5", width: width - 14)
            let height = body.height + 2 + detail.size.height + 8
            let piece = Piece(height: height) { x, y in
                cairo_set_source_rgb(self.cairo, check.passed ? 0.11 : 0.7, check.passed ? 0.47 : 0.09, check.passed ? 0.17 : 0.17)
                cairo_rectangle(self.cairo, x, y, 2.2, height)
                cairo_fill(self.cairo)
                cairo_set_source_rgb(self.cairo, 0, 0, 0)
                body.draw(x + 10, y + 4, nil)
                self.text.draw(detail, x: x + 10, y: y + 4 + body.height + 2)
            }
            // A claim checks the text before it: never alone at the top of a page.
            piece.keepWithPrevious = true
            piece.spaceBefore = 2
            piece.spaceAfter = 10
            return [piece]
        case .callout(let kind, let title, let content):
            // An aside: it floats like a figure rather than leave a hole where it does not fit.
            let piece = calloutPiece(kind: kind, title: title, content: content, width: width)
            piece.isFloat = true
            return [piece]
        }
    }

    func figurePiece(_ figure: ResolvedFigure, width: Double) -> Piece {
        let list = ChartLayout.displayList(for: figure.spec)
        let scale = min(1, width / list.width)
        let captionPiece = paragraph(figure.caption, size: BookFonts.captionSize, width: width, prefix: "<b>Figure \(figure.number).</b> ", justify: false)
        let figureHeight = list.height * scale
        let piece = Piece(height: figureHeight + 8 + captionPiece.height) { x, y in
            cairo_save(self.cairo)
            cairo_translate(self.cairo, x + (width - list.width * scale) / 2, y)
            cairo_scale(self.cairo, scale, scale)
            DisplayListPainter(cairo: self.cairo, text: self.text).draw(list)
            cairo_restore(self.cairo)
            captionPiece.draw(x, y + figureHeight + 8, nil)
        }
        piece.destinations = [figure.id]
        piece.isFloat = true
        piece.spaceBefore = 8
        piece.spaceAfter = 14
        return piece
    }

    func calloutPiece(kind: Callout.Kind, title: String?, content: [ResolvedBlock], width: Double) -> Piece {
        let inner = width - 24
        var parts = [Piece]()
        let label: String
        switch kind {
        case .note: label = "Note"
        case .tip: label = "Tip"
        case .warning: label = "Warning"
        }
        let heading = paragraph([.strong([.text(title.map { "\(label): \($0)" } ?? label)])], width: inner, justify: false)
        parts.append(heading)
        for block in content { parts += pieces(for: block, width: inner) }
        let height = parts.enumerated().reduce(0.0) { total, item in total + item.element.height + (item.offset < parts.count - 1 ? max(item.element.spaceAfter, 4) : 0) } + 20
        let tint: (Double, Double, Double) = kind == .warning ? (0.99, 0.94, 0.90) : kind == .tip ? (0.92, 0.97, 0.93) : (0.93, 0.95, 0.99)
        let piece = Piece(height: height) { x, y in
            cairo_set_source_rgb(self.cairo, tint.0, tint.1, tint.2)
            cairo_rectangle(self.cairo, x, y, width, height)
            cairo_fill(self.cairo)
            cairo_set_source_rgb(self.cairo, tint.0 * 0.55, tint.1 * 0.55, tint.2 * 0.6)
            cairo_rectangle(self.cairo, x, y, 3, height)
            cairo_fill(self.cairo)
            cairo_set_source_rgb(self.cairo, 0, 0, 0)
            var cursor = y + 10
            for part in parts {
                part.draw(x + 14, cursor, nil)
                cursor += part.height + max(part.spaceAfter, 4)
            }
        }
        piece.spaceBefore = 6
        piece.spaceAfter = 12
        return piece
    }
}
