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
        // Cells break only between words: a column is never narrower than its longest word.
        func cell(_ source: String, bold: Bool, width: Double?) -> RichText {
            RichText(engine: text, inlines: InlineMarkdown.parse(source), index: index, citationLabels: builder.typesetter.book.citationLabels, style: bold ? "Bold" : "",
                     size: BookFonts.captionSize, width: width, breakWords: false)
        }
        let numeric = data.header.indices.map(data.isNumeric(column:))
        let padding = 12.0
        let naturalHeader = data.header.map { cell($0, bold: true, width: nil) }
        let naturalRows = data.rows.map { $0.map { cell($0, bold: false, width: nil) } }
        var naturalWidths = naturalHeader.map(\.size.width)
        for row in naturalRows { for (i, c) in row.enumerated() { naturalWidths[i] = max(naturalWidths[i], c.size.width) } }
        // The longest word of a column: its cells laid out as narrow as Pango can without
        // breaking a word.
        var minimumWidths = data.header.map { cell($0, bold: true, width: 1).size.width }
        for row in data.rows { for (i, source) in row.enumerated() { minimumWidths[i] = max(minimumWidths[i], cell(source, bold: false, width: 1).size.width) } }
        let columnWidths = fittedWidths(naturalWidths, minimum: minimumWidths, into: width - padding * Double(max(0, naturalWidths.count - 1)))
        // Only the cells of the columns that had to narrow are laid out again, wrapped.
        let wrapping = zip(columnWidths, naturalWidths).map { $0 < $1 ? $0 : nil }
        func fitted(_ cells: [RichText], _ sources: [String], bold: Bool) -> [RichText] {
            cells.indices.map { i in wrapping[i].map { cell(sources[i], bold: bold, width: $0) } ?? cells[i] }
        }
        let header = fitted(naturalHeader, data.header, bold: true)
        let rows = zip(naturalRows, data.rows).map { fitted($0, $1, bold: false) }
        let tableWidth = columnWidths.reduce(0, +) + padding * Double(max(0, columnWidths.count - 1))
        let rowHeights = ([header] + rows).map { ($0.map(\.size.height).max() ?? 12) + 4 }
        let bodyHeight = rowHeights.reduce(0, +) + 8
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
            func drawRow(_ cells: [RichText], height: Double, highlighted: (Int) -> Bool = { _ in false }) {
                var cx = left
                for (i, c) in cells.enumerated() {
                    let w = columnWidths[i]
                    if highlighted(i) {
                        cairo_set_source_rgb(cairo, 1.0, 0.93, 0.7)
                        cairo_rectangle(cairo, cx - padding / 2, cursor, w + padding, height)
                        cairo_fill(cairo)
                        cairo_set_source_rgb(cairo, 0, 0, 0)
                    }
                    let dx = numeric[i] ? w - c.size.width : 0
                    c.draw(engine: text, cairo: cairo, x: cx + dx, y: cursor + 2)
                    cx += w + padding
                }
                cursor += height
            }
            cairo_set_source_rgb(cairo, 0, 0, 0)
            rule(0.8)
            cursor += 2
            drawRow(header, height: rowHeights[0])
            rule(0.45)
            cursor += 2
            for (r, row) in rows.enumerated() { drawRow(row, height: rowHeights[r + 1]) { data.isHighlighted(row: r, column: $0) } }
            cursor += 2
            rule(0.8)
        }
        piece.destinations = [id]
        piece.spaceBefore = 8
        piece.spaceAfter = 14
        return piece
    }

    /// Column widths that fit `available` points, as CSS's automatic table layout chooses them:
    /// the natural widths when they fit; else every column gets its minimum (its longest word)
    /// and the room left is shared in proportion to how much each column would need beyond its
    /// minimum. When even the minimums do not fit, the minimums are kept (no word is broken).
    static func fittedWidths(_ natural: [Double], minimum: [Double], into available: Double) -> [Double] {
        guard natural.reduce(0, +) > available else { return natural }
        let floor = zip(natural, minimum).map { min($0, $1) }
        let spare = available - floor.reduce(0, +)
        let wants = zip(natural, floor).map { $0 - $1 }
        let wanted = wants.reduce(0, +)
        guard spare > 0, wanted > 0 else { return floor }
        return zip(floor, wants).map { $0 + spare * $1 / wanted }
    }
}
