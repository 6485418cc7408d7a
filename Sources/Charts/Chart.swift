/// How data values map to positions along an axis.
public enum ScaleKind: String, Hashable, Codable, Sendable {
    /// Equal differences, equal distances.
    case linear
    /// Equal ratios, equal distances (base 10); values must be positive.
    case log
}

/// One axis of a chart.
public struct Axis: Hashable, Codable, Sendable {
    /// The axis title, such as "Episode".
    public var label: String?
    /// Linear or logarithmic.
    public var scale: ScaleKind
    /// A fixed domain; `nil` fits the data and rounds to nice ticks.
    public var domain: ClosedRange<Double>?
    /// Whether larger values are drawn lower (y) or further left (x); grids count rows downward.
    public var isReversed: Bool
    /// Whether ticks, labels and the axis line are drawn.
    public var isHidden: Bool
    /// Named ticks (categories) in place of numeric ones: `(value, label)`.
    public var ticks: [AxisTick]?

    /// Creates an axis.
    public init(_ label: String? = nil, scale: ScaleKind = .linear, domain: ClosedRange<Double>? = nil, reversed: Bool = false, hidden: Bool = false, ticks: [AxisTick]? = nil) {
        self.ticks = ticks
        self.label = label
        self.scale = scale
        self.domain = domain
        isReversed = reversed
        isHidden = hidden
    }
}

/// A named tick on an axis.
public struct AxisTick: Hashable, Codable, Sendable {
    /// Where the tick is, in data units.
    public var value: Double
    /// Its label.
    public var label: String

    /// Creates a tick.
    public init(_ value: Double, _ label: String) {
        self.value = value
        self.label = label
    }

    /// Ticks at 0.5, 1.5, … labelled with `labels` (categories on unit-wide bands).
    public static func categories(_ labels: [String], start: Double = 0.5) -> [AxisTick] {
        labels.enumerated().map { AxisTick(start + Double($0.offset), $0.element) }
    }
}

/// Where a chart's legend goes. `automatic` picks a corner of the plot that covers no data and
/// falls back to the right of the plot.
public enum LegendPlacement: String, Hashable, Codable, Sendable {
    /// A data-free corner, else outside on the right.
    case automatic
    /// Outside, right of the plot.
    case right
    /// Outside, below the plot.
    case bottom
    /// No legend.
    case hidden
}

/// A declarative chart: marks plus scales, axes and a legend, laid out by ``ChartLayout``.
public struct Chart: Hashable, Codable, Sendable {
    /// The marks, drawn in order.
    public var marks: [Mark]
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// A title above the plot.
    public var title: String?
    /// Width and height of the whole chart in points.
    public var width: Double
    /// Height of the whole chart in points.
    public var height: Double
    /// Legend placement.
    public var legend: LegendPlacement
    /// Whether one data unit has the same length on both axes (maps, boards).
    public var equalAspect: Bool
    /// Whether light grid lines are drawn at the ticks.
    public var showsGrid: Bool
    /// A colour bar drawn right of the plot, for charts that colour by value.
    public var colorBar: ColorBar?
    /// Colours chosen for some series in place of the palette's (for instance shades of
    /// different lightness for stacked segments, which have no dash or marker to tell them apart).
    public var seriesColors: [String: Color] = [:]

    /// Creates a chart from a mark builder.
    public init(
        title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), width: Double = 430, height: Double = 250,
        legend: LegendPlacement = .automatic, equalAspect: Bool = false, showsGrid: Bool = true, colorBar: ColorBar? = nil,
        @MarkBuilder marks: () -> [Mark]
    ) {
        self.colorBar = colorBar
        self.marks = marks()
        self.x = x
        self.y = y
        self.title = title
        self.width = width
        self.height = height
        self.legend = legend
        self.equalAspect = equalAspect
        self.showsGrid = showsGrid
    }

    /// The series names in order of first appearance; this order assigns palette colours.
    public var seriesOrder: [String] {
        var seen = Set<String>()
        var order = [String]()
        for mark in marks {
            if let s = mark.series, seen.insert(s).inserted { order.append(s) }
        }
        return order
    }
}

/// Something a ``MarkBuilder`` accepts.
public protocol MarkConvertible {
    /// The marks this value stands for.
    var marks: [Mark] { get }
}

extension LineMark: MarkConvertible { public var marks: [Mark] { [.line(self)] } }
extension AreaMark: MarkConvertible { public var marks: [Mark] { [.area(self)] } }
extension RuleMark: MarkConvertible { public var marks: [Mark] { [.rule(self)] } }
extension PointMark: MarkConvertible { public var marks: [Mark] { [.point(self)] } }
extension BarMark: MarkConvertible { public var marks: [Mark] { [.bar(self)] } }
extension RectangleMark: MarkConvertible { public var marks: [Mark] { [.rectangle(self)] } }
extension TextMark: MarkConvertible { public var marks: [Mark] { [.text(self)] } }
extension ArrowMark: MarkConvertible { public var marks: [Mark] { [.arrow(self)] } }
extension DiscMark: MarkConvertible { public var marks: [Mark] { [.disc(self)] } }
extension SegmentMark: MarkConvertible { public var marks: [Mark] { [.segment(self)] } }
extension ErrorBarMark: MarkConvertible { public var marks: [Mark] { [.errorBar(self)] } }
extension Mark: MarkConvertible { public var marks: [Mark] { [self] } }
extension Array: MarkConvertible where Element: MarkConvertible {
    public var marks: [Mark] { flatMap(\.marks) }
}

/// Builds a chart's marks from statements, `if`, and `for` loops.
@resultBuilder
public enum MarkBuilder {
    /// Joins the statements of a block.
    public static func buildBlock(_ parts: [Mark]...) -> [Mark] { parts.flatMap { $0 } }
    /// Turns one statement into marks.
    public static func buildExpression(_ value: some MarkConvertible) -> [Mark] { value.marks }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [Mark]?) -> [Mark] { part ?? [] }
    /// The first branch of an `if`/`else`.
    public static func buildEither(first: [Mark]) -> [Mark] { first }
    /// The second branch of an `if`/`else`.
    public static func buildEither(second: [Mark]) -> [Mark] { second }
    /// A `for` loop.
    public static func buildArray(_ parts: [[Mark]]) -> [Mark] { parts.flatMap { $0 } }
}

/// A figure: one chart or several panels side by side (small multiples), laid out in a grid.
public struct FigureSpec: Hashable, Codable, Sendable {
    /// The panels, row by row.
    public var panels: [Chart]
    /// Panels per row.
    public var columns: Int
    /// Whether one legend below the panels explains the series of all of them, in place of a
    /// legend in each panel.
    public var sharesLegend: Bool

    /// A figure of one chart.
    public init(_ chart: Chart) {
        panels = [chart]
        columns = 1
        sharesLegend = false
    }

    /// A figure of several panels, `columns` per row; with `sharedLegend` one legend below the
    /// panels explains them all. A series has the same colour, dash and marker in every panel.
    public init(panels: [Chart], columns: Int, sharedLegend: Bool = false) {
        precondition(!panels.isEmpty && columns > 0, "a figure needs a panel and a positive column count")
        self.panels = panels
        self.columns = columns
        sharesLegend = sharedLegend
    }

    /// The series of all panels in order of first appearance (panel by panel); this order
    /// assigns their styles, so a series looks the same in every panel.
    public var seriesOrder: [String] {
        var seen = Set<String>()
        return panels.flatMap(\.seriesOrder).filter { seen.insert($0).inserted }
    }

    /// All panels' marks in one chart, for the shared legend.
    var mergedChart: Chart {
        var chart = panels[0]
        chart.marks = panels.flatMap(\.marks)
        chart.seriesColors = panels.reduce(into: [:]) { colors, panel in colors.merge(panel.seriesColors) { first, _ in first } }
        return chart
    }

    /// The widest a figure is printed, in points: the text width of the typeset book (A4 with
    /// one-inch margins). Figures are laid out at this size, never scaled, so their text has the
    /// same size in every figure and in the PNG, SVG and PDF files.
    public static let maximumWidth = 451.0

    /// The figure with every row of panels wider than `width` narrowed to it, each panel keeping
    /// its share of the row and its height (text sizes are fixed, so the plots get narrower).
    public func fitted(toWidth width: Double) -> FigureSpec {
        var fitted = self
        var start = 0
        while start < panels.count {
            let end = min(panels.count, start + columns)
            let rowWidth = panels[start..<end].reduce(0) { $0 + $1.width }
            if rowWidth > width {
                for index in start..<end {
                    fitted.panels[index].width *= width / rowWidth
                    // A map or board keeps its shape, so its height shrinks with its width.
                    if panels[index].equalAspect { fitted.panels[index].height *= width / rowWidth }
                }
            }
            start = end
        }
        return fitted
    }

    /// The figure's size in points.
    public var size: (width: Double, height: Double) {
        let rows = (panels.count + columns - 1) / columns
        var width = 0.0
        var height = 0.0
        for row in 0..<rows {
            let slice = panels[(row * columns)..<min(panels.count, (row + 1) * columns)]
            width = max(width, slice.reduce(0) { $0 + $1.width })
            height += slice.map(\.height).max() ?? 0
        }
        return (width, height)
    }
}
