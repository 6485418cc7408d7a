import Foundation

/// A heat map over two parameters (for instance exploration constant by budget): one tile per
/// pair, coloured by value and annotated with the value, with a colour bar.
public struct HeatMapView: Sendable {
    /// Labels of the columns (x), left to right.
    public var columns: [String]
    /// Labels of the rows (y), top to bottom.
    public var rows: [String]
    /// Values, `values[row][column]`; `nil` tiles stay blank.
    public var values: [[Double?]]
    /// Axis titles.
    public var xTitle: String
    /// Axis titles.
    public var yTitle: String
    /// The colour bar's title.
    public var valueTitle: String
    /// How each value is printed in its tile.
    public var format: @Sendable (Double) -> String
    /// Tiles to outline (row, column), such as the best one.
    public var outlined: [(row: Int, column: Int)]

    /// Creates a heat map.
    public init(columns: [String], rows: [String], values: [[Double?]], xTitle: String, yTitle: String, valueTitle: String,
                outlined: [(row: Int, column: Int)] = [], format: @escaping @Sendable (Double) -> String = { String(format: "%.2f", $0) }) {
        precondition(values.count == rows.count && values.allSatisfy { $0.count == columns.count }, "heat map values must be rows x columns")
        self.columns = columns
        self.rows = rows
        self.values = values
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.valueTitle = valueTitle
        self.outlined = outlined
        self.format = format
    }

    /// The chart.
    public func chart(title: String? = nil, width: Double = 420, height: Double = 260) -> Chart {
        let known = values.flatMap { $0 }.compactMap { $0 }
        let scale = ColorScale.viridis((known.min() ?? 0)...max(known.max() ?? 1, (known.min() ?? 0) + 1e-9))
        return Chart(
            title: title, x: Axis(xTitle, domain: 0...Double(columns.count), ticks: AxisTick.categories(columns)),
            y: Axis(yTitle, domain: 0...Double(rows.count), reversed: true, ticks: AxisTick.categories(rows)), width: width, height: height,
            legend: .hidden, showsGrid: false, colorBar: ColorBar(valueTitle, scale: scale)
        ) {
            for (r, row) in values.enumerated() {
                for (c, value) in row.enumerated() {
                    let fill = value.map(scale.color) ?? .white
                    let isOutlined = outlined.contains { $0 == (r, c) }
                    RectangleMark(x: Double(c)...Double(c + 1), y: Double(r)...Double(r + 1), fill: .fixed(fill), stroke: isOutlined ? Palette.ink : .white)
                    if let value {
                        TextMark(format(value), at: DataPoint(x: Double(c) + 0.5, y: Double(r) + 0.5), size: 7.5, bold: isOutlined, color: ColorScale.ink(on: fill))
                    }
                }
            }
        }
    }
}
