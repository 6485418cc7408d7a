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
    /// A figure or table: when it does not fit where it stands, the text after it fills the
    /// page and it goes to the top of the next page, as LaTeX floats do.
    var isFloat = false
    /// Never start the last page of a chapter with this piece (claims): the end of what comes
    /// before moves with it, so no page holds claims alone.
    var keepWithPrevious = false
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
/// between lines leaving at least two lines on each side, figures and tables float to the top
/// of the next page when they do not fit (never past another float or a chapter's end), a
/// claim takes the last lines of the paragraph before it along, other blocks move whole.
struct Paginator {
    let top: Double
    let bottom: Double

    func paginate(_ pieces: [Piece]) -> [[Placement]] {
        var state = PageState(top: top, bottom: bottom)
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            if piece.pageBreakBefore {
                state.flushFloats()
                state.newPage()
            }
            if piece.isFloat {
                if state.deferred.isEmpty, state.fits(piece.height, spaceBefore: piece.spaceBefore) {
                    state.place(piece)
                } else {
                    state.deferred.append(piece)
                }
                index += 1
                continue
            }
            // Keep a heading with the first lines (or the whole) of the next piece that is not a
            // float (a float can move on).
            var needed = piece.height
            if piece.keepWithNext, let next = pieces[(index + 1)...].first(where: { !$0.isFloat }) {
                // A paragraph too short to split must come whole.
                needed += next.spaceBefore + (next.lines.count >= 4 ? next.height(of: 0..<2) : next.height)
            }
            if state.fits(needed, spaceBefore: piece.spaceBefore) {
                state.place(piece)
            } else if piece.keepWithPrevious, pieces[(index + 1)...].prefix(while: { !$0.pageBreakBefore }).allSatisfy(\.keepWithPrevious),
                state.carryLastLines() {
                // The chapter would end on a page of claims alone: take the end of the page along.
                state.place(piece)
            } else if piece.lines.count >= 4, !piece.keepWithNext, state.split(piece) {
                // Split across the page break, at least two lines on each side.
            } else {
                state.newPage()
                state.place(piece)
            }
            index += 1
        }
        state.flushFloats()
        return state.pages.filter { !$0.isEmpty }
    }
}

/// The pages laid out so far, the cursor on the last one and the floats waiting for a page.
private struct PageState {
    let top: Double
    let bottom: Double
    var pages: [[Placement]] = [[]]
    var y: Double
    var deferred = [Piece]()

    init(top: Double, bottom: Double) {
        self.top = top
        self.bottom = bottom
        y = top
    }

    var pageIsEmpty: Bool { pages[pages.count - 1].isEmpty }

    func fits(_ height: Double, spaceBefore: Double) -> Bool {
        pageIsEmpty || y + spaceBefore + height <= bottom
    }

    /// Places `piece` (or its `lines`) at the cursor.
    mutating func place(_ piece: Piece, lines: Range<Int>? = nil) {
        if !pageIsEmpty { y += piece.spaceBefore }
        pages[pages.count - 1].append(Placement(piece: piece, y: y, lines: lines))
        y += (lines.map { piece.height(of: $0) } ?? piece.height) + piece.spaceAfter
    }

    /// Starts a page, topped with the waiting floats that fit on it.
    mutating func newPage() {
        if !pageIsEmpty { pages.append([]) }
        y = top
        while let float = deferred.first, fits(float.height, spaceBefore: float.spaceBefore) {
            place(float)
            deferred.removeFirst()
        }
    }

    /// Puts every waiting float on pages of its own, before a chapter starts or the book ends.
    mutating func flushFloats() {
        while !deferred.isEmpty { newPage() }
    }

    /// Splits a paragraph across the page break: as many lines as fit here, at least two on
    /// each side; false when that is not possible.
    mutating func split(_ piece: Piece) -> Bool {
        let start = y + (pageIsEmpty ? 0 : piece.spaceBefore)
        var fit = 0
        while fit < piece.lines.count, start + piece.height(of: 0..<(fit + 1)) <= bottom { fit += 1 }
        fit = min(fit, piece.lines.count - 2)
        guard fit >= 2 else { return false }
        place(piece, lines: 0..<fit)
        newPage()
        place(piece, lines: fit..<piece.lines.count)
        return true
    }

    /// Moves the end of the page to the next page, so the piece that follows does not start a
    /// page alone: the claims (and headings or experiment lines) that end this page, with the last two lines of the paragraph
    /// before them if it has at least four here, else with that whole piece when something else
    /// stays behind. False (and nothing moved) when neither is possible.
    mutating func carryLastLines() -> Bool {
        var page = pages[pages.count - 1]
        var trailing = [Placement]()
        while let last = page.last, last.piece.keepWithPrevious || last.piece.keepWithNext {
            trailing.insert(last, at: 0)
            page.removeLast()
        }
        guard let anchor = page.last else { return false }
        let piece = anchor.piece
        let range = anchor.lines ?? 0..<piece.lines.count
        let carried: Range<Int>?
        if range.count >= 4 {
            page.removeLast()
            page.append(Placement(piece: piece, y: anchor.y, lines: range.lowerBound..<(range.upperBound - 2)))
            carried = (range.upperBound - 2)..<range.upperBound
        } else if page.count > 1 {
            page.removeLast()
            carried = anchor.lines
        } else {
            return false
        }
        // Headings and experiment lines just above the moved piece introduce it: they come along.
        var leading = [Placement]()
        if carried == anchor.lines {
            while page.count > 1, let last = page.last, last.piece.keepWithNext {
                leading.insert(last, at: 0)
                page.removeLast()
            }
        }
        pages[pages.count - 1] = page
        newPage()
        for placement in leading { place(placement.piece, lines: placement.lines) }
        place(piece, lines: carried)
        for placement in trailing { place(placement.piece, lines: placement.lines) }
        return true
    }
}
