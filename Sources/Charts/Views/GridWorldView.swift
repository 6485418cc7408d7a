/// A grid world drawn as Sutton and Barto draw it: walls, start and goal, optionally a value heat
/// map with its colour bar, greedy-policy arrows and an agent marker. Row 0 is on top.
public struct GridWorldView: Sendable {
    /// A cell position, (row, column).
    public typealias Cell = (row: Int, column: Int)

    /// Rows.
    public var rows: Int
    /// Columns.
    public var columns: Int
    /// Wall cells, row by row (`rows * columns` entries).
    public var walls: [Bool]
    /// The start cell.
    public var start: Cell?
    /// The goal cell.
    public var goal: Cell?
    /// A value per cell to shade (nil: no heat map); `nil` entries stay white.
    public var values: [Double?]?
    /// A direction per cell as (column step, row step), e.g. (1, 0) for right; `nil` for none.
    public var arrows: [(dx: Double, dy: Double)?]?
    /// Where the agent stands.
    public var agent: Cell?
    /// The panel's title.
    public var title: String?
    /// The colour bar's title when values are shown.
    public var valueTitle: String
    /// The range of the colour scale; `nil` fits the values (give one to compare panels).
    public var valueDomain: ClosedRange<Double>?

    /// Creates a view; `walls`, `values` and `arrows` are row-major with one entry per cell.
    public init(rows: Int, columns: Int, walls: [Bool], start: Cell? = nil, goal: Cell? = nil, values: [Double?]? = nil,
                arrows: [(dx: Double, dy: Double)?]? = nil, agent: Cell? = nil, title: String? = nil, valueTitle: String = "value",
                valueDomain: ClosedRange<Double>? = nil) {
        self.valueDomain = valueDomain
        self.rows = rows
        self.columns = columns
        self.walls = walls
        self.start = start
        self.goal = goal
        self.values = values
        self.arrows = arrows
        self.agent = agent
        self.title = title
        self.valueTitle = valueTitle
    }

    /// The chart, `width` points wide.
    public func chart(width: Double = 300) -> Chart {
        let known = values?.compactMap { $0 } ?? []
        let scale = known.isEmpty ? nil : ColorScale.viridis(valueDomain ?? (known.min()!)...(max(known.max()!, known.min()! + 1e-9)))
        let plotWidth = width - (scale == nil ? 20 : 68)
        let height = plotWidth * Double(rows) / Double(columns) + (title == nil ? 16 : 30)
        return Chart(
            title: title, x: Axis(domain: 0...Double(columns), hidden: true), y: Axis(domain: 0...Double(rows), reversed: true, hidden: true),
            width: width, height: height, legend: .hidden, equalAspect: true, showsGrid: false,
            colorBar: scale.map { ColorBar(valueTitle, scale: $0) }
        ) {
            for index in 0..<(rows * columns) {
                let (r, c) = (index / columns, index % columns)
                let x = Double(c)
                let y = Double(r)
                let value = values?[index] ?? nil
                let fill: Color = walls[index] ? .gray(0.35) : value.flatMap { v in scale?.color(v) } ?? .white
                RectangleMark(x: x...(x + 1), y: y...(y + 1), fill: .fixed(fill), stroke: .gray(0.75))
                let ink = ColorScale.ink(on: fill)
                if let start, start == (r, c) { TextMark("S", at: DataPoint(x: x + 0.5, y: y + 0.5), size: 10, bold: true, color: ink) }
                if let goal, goal == (r, c) { TextMark("G", at: DataPoint(x: x + 0.5, y: y + 0.5), size: 10, bold: true, color: ink) }
                if let arrow = arrows?[index] ?? nil, !(start.map { $0 == (r, c) } ?? false), !(goal.map { $0 == (r, c) } ?? false) {
                    ArrowMark(at: DataPoint(x: x + 0.5, y: y + 0.5), dx: arrow.dx * 0.6, dy: arrow.dy * 0.6, color: scale == nil ? Palette.series(0) : ink)
                }
            }
            if let agent {
                PointMark(points: [DataPoint(x: Double(agent.column) + 0.5, y: Double(agent.row) + 0.5)], series: "agent", radius: 5)
            }
        }
    }
}
