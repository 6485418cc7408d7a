/// One unbreakable (or line-breakable) block of the typeset book, measured and ready to draw.
final class Piece {
    /// Height in points.
    let height: Double
    /// Space above, dropped at the top of a page.
    var spaceBefore = 0.0
    /// Space below.
    var spaceAfter = 0.0
    /// Never end a page right after this piece (headings).
    var keepWithNext = false
    /// Start a new page (chapters).
    var pageBreakBefore = false
    /// Named destinations at the piece's top.
    var destinations: [String] = []
    /// A PDF outline entry for the piece: title, level (0 chapter), destination.
    var outline: (title: String, level: Int, destination: String)?
    /// A chapter title that becomes the running header from this piece on.
    var runningTitle: String?
    /// A paragraph's layout and line extents, when the piece may break between lines.
    let lines: [(top: Double, bottom: Double)]
    /// Draws the piece (or the slice of lines `range` of it) with its top-left corner at (x, y).
    let draw: (_ x: Double, _ y: Double, _ lines: Range<Int>?) -> Void

    /// A block that does not break.
    init(height: Double, draw: @escaping (Double, Double) -> Void) {
        self.height = height
        self.lines = []
        self.draw = { x, y, _ in draw(x, y) }
    }

    /// A paragraph that may break between its lines.
    init(height: Double, lines: [(top: Double, bottom: Double)], draw: @escaping (Double, Double, Range<Int>?) -> Void) {
        self.height = height
        self.lines = lines
        self.draw = draw
    }

    /// The height of lines `range`.
    func height(of range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        return lines[range.upperBound - 1].bottom - lines[range.lowerBound].top
    }
}

/// Where a piece (or some of its lines) goes.
struct Placement {
    let piece: Piece
    let y: Double
    let lines: Range<Int>?
}

/// Breaks a sequence of pieces into pages: headings stay with what follows, paragraphs break
/// between lines leaving at least two lines on each side, other blocks move whole.
struct Paginator {
    let top: Double
    let bottom: Double

    func paginate(_ pieces: [Piece]) -> [[Placement]] {
        var pages: [[Placement]] = [[]]
        var y = top
        func newPage() {
            if !pages[pages.count - 1].isEmpty { pages.append([]) }
            y = top
        }
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            if piece.pageBreakBefore { newPage() }
            let before = pages[pages.count - 1].isEmpty ? 0 : piece.spaceBefore
            // Keep a heading with the first lines (or the whole) of the next piece.
            var needed = piece.height
            if piece.keepWithNext, index + 1 < pieces.count {
                let next = pieces[index + 1]
                needed += next.spaceBefore + (next.lines.count >= 2 ? next.height(of: 0..<2) : next.height)
            }
            if y + before + needed > bottom, !pages[pages.count - 1].isEmpty {
                if piece.lines.count >= 4, !piece.keepWithNext {
                    // Split the paragraph: as many lines as fit, at least two on each side.
                    let start = y + before
                    var fit = 0
                    while fit < piece.lines.count, start + piece.height(of: 0..<(fit + 1)) <= bottom { fit += 1 }
                    fit = min(fit, piece.lines.count - 2)
                    if fit >= 2 {
                        pages[pages.count - 1].append(Placement(piece: piece, y: start, lines: 0..<fit))
                        newPage()
                        pages[pages.count - 1].append(Placement(piece: piece, y: y, lines: fit..<piece.lines.count))
                        y += piece.height(of: fit..<piece.lines.count) + piece.spaceAfter
                        index += 1
                        continue
                    }
                }
                newPage()
                pages[pages.count - 1].append(Placement(piece: piece, y: y, lines: nil))
                y += piece.height + piece.spaceAfter
            } else {
                y += before
                pages[pages.count - 1].append(Placement(piece: piece, y: y, lines: nil))
                y += piece.height + piece.spaceAfter
            }
            index += 1
        }
        return pages
    }
}
