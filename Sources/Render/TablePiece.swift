import CCairo
import CPangoCairo
import Notebook

/// A table set with booktabs rules: caption above, bold header, numbers right-aligned.
enum TablePiece {
    static func make(builder: PieceBuilder, id: String, number: String, caption: [Inline], data: TableData, width: Double) -> Piece {
        let text = builder.text
        let cairo = builder.cairo
        let index = builder.typesetter.book.index
        let captionPiece = builder.paragraph(caption, size: BookFonts.captionSize, width: width, prefix: "<b>Table \(number).</b> ", justify: false)
        func cell(_ source: String, bold: Bool) -> RichText {
            RichText(engine: text, inlines: InlineMarkdown.parse(source), index: index, style: bold ? "Bold" : "", size: BookFonts.captionSize, width: nil)
        }
        let header = data.header.map { cell($0, bold: true) }
        let rows = data.rows.map { $0.map { cell($0, bold: false) } }
        let numeric = data.header.indices.map(data.isNumeric(column:))
        let padding = 12.0
        var columnWidths = header.map { $0.size.width }
        for row in rows { for (i, c) in row.enumerated() { columnWidths[i] = max(columnWidths[i], c.size.width) } }
        let natural = columnWidths.reduce(0, +) + padding * Double(max(0, columnWidths.count - 1))
        let scale = natural > width ? width / natural : 1
        let tableWidth = min(natural, width)
        let rowHeight = (header.first?.size.height ?? 12) + 4
        let bodyHeight = rowHeight * Double(rows.count + 1) + 8
        let height = captionPiece.height + 6 + bodyHeight
        let piece = Piece(height: height) { x, y in
            captionPiece.draw(x, y, nil)
            let left = x + (width - tableWidth) / 2
            var cursor = y + captionPiece.height + 6
            func rule(_ weight: Double) {
                cairo_set_line_width(cairo, weight)
                cairo_move_to(cairo, left, cursor)
                cairo_line_to(cairo, left + tableWidth, cursor)
                cairo_stroke(cairo)
            }
            func drawRow(_ cells: [RichText], highlighted: (Int) -> Bool = { _ in false }) {
                var cx = left
                for (i, c) in cells.enumerated() {
                    let w = columnWidths[i] * scale
                    if highlighted(i) {
                        cairo_set_source_rgb(cairo, 1.0, 0.93, 0.7)
                        cairo_rectangle(cairo, cx - padding * scale / 2, cursor, w + padding * scale, rowHeight)
                        cairo_fill(cairo)
                        cairo_set_source_rgb(cairo, 0, 0, 0)
                    }
                    let dx = numeric[i] ? w - c.size.width : 0
                    c.draw(engine: text, cairo: cairo, x: cx + dx, y: cursor + 2)
                    cx += w + padding * scale
                }
                cursor += rowHeight
            }
            cairo_set_source_rgb(cairo, 0, 0, 0)
            rule(0.8)
            cursor += 2
            drawRow(header)
            rule(0.45)
            cursor += 2
            for (r, row) in rows.enumerated() { drawRow(row) { data.isHighlighted(row: r, column: $0) } }
            cursor += 2
            rule(0.8)
        }
        piece.destinations = [id]
        piece.spaceBefore = 8
        piece.spaceAfter = 14
        return piece
    }
}
