import CCairo
import CPangoCairo
import Notebook

extension BookTypesetter {
    /// The destination of the reference list.
    static let referencesDestination = "references"

    /// The book's reference list as pieces: an unnumbered chapter opening, then one paragraph per
    /// work, each a link destination for the citations of that work.
    func referenceListPieces() -> [Piece] {
        guard !book.references.isEmpty else { return [] }
        let builder = PieceBuilder(typesetter: self, chapter: ResolvedChapter(id: "references", number: 0, title: "References", blocks: []))
        let title = text.layout(markup: "<b>References</b>", font: "\(BookFonts.family) 24", width: page.textWidth)
        let opening = Piece(height: title.size.height) { x, y in
            self.text.draw(title, x: x, y: y)
        }
        opening.pageBreakBefore = true
        opening.spaceAfter = 20
        opening.keepWithNext = true
        opening.destinations = [Self.referencesDestination]
        opening.outline = ("References", 0, Self.referencesDestination)
        opening.runningTitle = "References"
        var pieces = [opening]
        for reference in book.references {
            let piece = builder.paragraph(reference.text, size: BookFonts.captionSize + 0.5, width: page.textWidth, justify: false)
            piece.destinations = [Citation.anchor(reference.key)]
            piece.spaceAfter = 6
            pieces.append(piece)
        }
        return pieces
    }
}
