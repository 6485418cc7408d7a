/// A board position of tic-tac-toe or Connect Four, with optional move numbers and a probability
/// overlay (for instance the root visit distribution of a search).
public struct BoardView: Sendable {
    /// What occupies a cell.
    public enum Stone: String, Hashable, Sendable {
        /// Nothing.
        case empty
        /// The first player (X, or red in Connect Four).
        case first
        /// The second player (O, or yellow).
        case second
    }

    /// The two games' looks.
    public enum Style: Sendable {
        /// Crosses and noughts on a 3 x 3 grid.
        case ticTacToe
        /// Discs in a blue frame, row 0 at the bottom as the discs fall.
        case connectFour
    }

    /// Rows (top row first for tic-tac-toe; bottom row first for Connect Four).
    public var stones: [[Stone]]
    /// Optional labels per cell (move numbers), same shape as `stones`.
    public var labels: [[String?]]?
    /// Optional probabilities per cell for the overlay; for Connect Four they may be per column
    /// (one row), drawn above the board.
    public var overlay: [[Double?]]?
    /// The look.
    public var style: Style

    /// Creates a board view.
    public init(stones: [[Stone]], style: Style, labels: [[String?]]? = nil, overlay: [[Double?]]? = nil) {
        self.stones = stones
        self.style = style
        self.labels = labels
        self.overlay = overlay
    }

    /// The chart.
    public func chart(title: String? = nil, width: Double = 220) -> Chart {
        let rows = stones.count
        let columns = stones.first?.count ?? 0
        let columnOverlay = style == .connectFour && overlay?.count == 1
        let extraRows = columnOverlay ? 1.0 : 0
        let height = (width - 12) * (Double(rows) + extraRows) / Double(columns) + (title == nil ? 14 : 28)
        let red = Color(hex: 0xD55E00)
        let yellow = Color(hex: 0xF0E442)
        let frame = Color(hex: 0x0072B2)
        return Chart(
            title: title, x: Axis(domain: 0...Double(columns), hidden: true), y: Axis(domain: -extraRows...Double(rows), reversed: true, hidden: true),
            width: width, height: height, legend: .hidden, equalAspect: true, showsGrid: false
        ) {
            for r in 0..<rows {
                for c in 0..<columns {
                    // Connect Four rows count from the bottom; the chart's rows count from the top.
                    let y = Double(style == .connectFour ? rows - 1 - r : r)
                    let x = Double(c)
                    let centre = DataPoint(x: x + 0.5, y: y + 0.5)
                    let probability = columnOverlay ? nil : overlay?[r][c] ?? nil
                    switch style {
                    case .ticTacToe:
                        let shade: Color = probability.map { Palette.series(0).opacity(0.15 + 0.7 * $0) } ?? .white
                        RectangleMark(x: x...(x + 1), y: y...(y + 1), fill: .fixed(shade), stroke: Palette.ink)
                        if stones[r][c] == .first { TextMark("×", at: centre, size: 26, color: red) }
                        if stones[r][c] == .second { TextMark("○", at: centre, size: 24, color: frame) }
                    case .connectFour:
                        RectangleMark(x: x...(x + 1), y: y...(y + 1), fill: .fixed(frame))
                        let disc: Color = stones[r][c] == .first ? red : stones[r][c] == .second ? yellow : .white
                        DiscMark(at: centre, radius: (width - 12) / Double(columns) * 0.36, fill: disc, stroke: .gray(0.3))
                    }
                    if let label = labels?[r][c] {
                        TextMark(label, at: centre, size: 8, bold: true, color: style == .connectFour && stones[r][c] == .first ? .white : Palette.ink)
                    } else if let probability {
                        TextMark(Self.percent(probability), at: DataPoint(x: x + 0.5, y: y + 0.82), size: 7, color: Palette.ink)
                    }
                }
            }
            if columnOverlay, let row = overlay?.first {
                for (c, p) in row.enumerated() {
                    if let p {
                        let top = -0.9 * p
                        RectangleMark(x: (Double(c) + 0.2)...(Double(c) + 0.8), y: top...0, fill: .fixed(Palette.series(2)))
                        TextMark(Self.percent(p), at: DataPoint(x: Double(c) + 0.5, y: top - 0.12), size: 7)
                    }
                }
            }
        }
    }

    static func percent(_ p: Double) -> String {
        p >= 0.995 ? "100%" : p < 0.005 ? "0%" : "\(Int((p * 100).rounded()))%"
    }
}

