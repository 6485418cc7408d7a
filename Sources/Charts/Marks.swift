/// A point in data coordinates.
public struct DataPoint: Hashable, Codable, Sendable {
    /// Horizontal value.
    public var x: Double
    /// Vertical value.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// Where a mark's colour comes from: its series (palette by order of appearance) or a fixed colour.
public enum Paint: Hashable, Codable, Sendable {
    /// The colour assigned to the named series.
    case series(String)
    /// A fixed colour.
    case fixed(Color)
}

/// A polyline through points, one per series.
public struct LineMark: Hashable, Codable, Sendable {
    /// The points, in drawing order.
    public var points: [DataPoint]
    /// The series the line belongs to (shown in the legend).
    public var series: String
    /// Line width in points.
    public var width: Double
    /// Dash pattern in points, empty for solid; `nil` takes the series' own pattern
    /// (``SeriesStyle``), so lines stay apart without colour.
    public var dash: [Double]?

    /// Creates a line.
    public init(points: [DataPoint], series: String, width: Double = 1.5, dash: [Double]? = nil) {
        self.points = points
        self.series = series
        self.width = width
        self.dash = dash
    }
}

/// A band between a lower and an upper curve over shared x values, such as a confidence band.
public struct AreaMark: Hashable, Codable, Sendable {
    /// The x values.
    public var x: [Double]
    /// The lower edge at each x.
    public var lower: [Double]
    /// The upper edge at each x.
    public var upper: [Double]
    /// The series the band belongs to.
    public var series: String
    /// Fill opacity.
    public var opacity: Double

    /// Creates a band; the three arrays must have equal lengths.
    public init(x: [Double], lower: [Double], upper: [Double], series: String, opacity: Double = 0.22) {
        precondition(x.count == lower.count && x.count == upper.count, "AreaMark arrays differ in length")
        self.x = x
        self.lower = lower
        self.upper = upper
        self.series = series
        self.opacity = opacity
    }
}

/// A reference line across the whole plot, at a fixed x or y, with an optional label.
public struct RuleMark: Hashable, Codable, Sendable {
    /// Which axis the rule's value is on.
    public enum Orientation: String, Hashable, Codable, Sendable {
        /// A horizontal line at a y value.
        case horizontal
        /// A vertical line at an x value.
        case vertical
    }

    /// Horizontal or vertical.
    public var orientation: Orientation
    /// The y (horizontal) or x (vertical) value.
    public var value: Double
    /// A short label drawn at the end of the line.
    public var label: String?
    /// The line's colour.
    public var color: Color

    /// Creates a rule.
    public init(_ orientation: Orientation, at value: Double, label: String? = nil, color: Color = .gray(0.35)) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.color = color
    }
}

/// Dots at points, one series.
public struct PointMark: Hashable, Codable, Sendable {
    /// The points.
    public var points: [DataPoint]
    /// The series.
    public var series: String
    /// Dot radius in points.
    public var radius: Double
    /// The marker; `nil` takes the series' own shape (``SeriesStyle``).
    public var shape: MarkerShape?

    /// Creates dots.
    public init(points: [DataPoint], series: String, radius: Double = 2.5, shape: MarkerShape? = nil) {
        self.shape = shape
        self.points = points
        self.series = series
        self.radius = radius
    }
}

/// Vertical bars from a base to a value, with optional error bars.
public struct BarMark: Hashable, Codable, Sendable {
    /// Bar centre on the x axis.
    public var x: Double
    /// Bar width in x units.
    public var width: Double
    /// Where the bar starts (for stacks).
    public var base: Double
    /// Where the bar ends.
    public var value: Double
    /// An optional error interval drawn as a whisker.
    public var error: ClosedRange<Double>?
    /// The series (colour and legend).
    public var series: String

    /// Creates a bar.
    public init(x: Double, width: Double = 0.8, base: Double = 0, value: Double, error: ClosedRange<Double>? = nil, series: String) {
        self.x = x
        self.width = width
        self.base = base
        self.value = value
        self.error = error
        self.series = series
    }
}

/// An axis-aligned rectangle in data coordinates (grid cells, heat-map tiles).
public struct RectangleMark: Hashable, Codable, Sendable {
    /// Left, right, bottom and top in data units.
    public var xRange: ClosedRange<Double>
    /// Bottom and top in data units.
    public var yRange: ClosedRange<Double>
    /// Fill.
    public var fill: Paint
    /// Outline colour, if any.
    public var stroke: Color?

    /// Creates a rectangle.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, fill: Paint, stroke: Color? = nil) {
        xRange = x
        yRange = y
        self.fill = fill
        self.stroke = stroke
    }
}

/// A short text centred at a point.
public struct TextMark: Hashable, Codable, Sendable {
    /// Where the text is centred.
    public var at: DataPoint
    /// The text.
    public var text: String
    /// Font size in points.
    public var size: Double
    /// Bold or not.
    public var bold: Bool
    /// Colour.
    public var color: Color
    /// Whether a white box is drawn behind the text so lines under it do not cross it.
    public var halo: Bool

    /// Creates a text label.
    public init(_ text: String, at: DataPoint, size: Double = 9, bold: Bool = false, color: Color = Palette.ink, halo: Bool = false) {
        self.halo = halo
        self.text = text
        self.at = at
        self.size = size
        self.bold = bold
        self.color = color
    }
}

/// An arrow centred at a point, pointing along a direction, with a length in data units.
public struct ArrowMark: Hashable, Codable, Sendable {
    /// The arrow's centre.
    public var at: DataPoint
    /// The direction and length, in data units.
    public var dx: Double
    /// The vertical component of direction and length, in data units.
    public var dy: Double
    /// Colour.
    public var color: Color

    /// Creates an arrow.
    public init(at: DataPoint, dx: Double, dy: Double, color: Color = Palette.ink) {
        self.at = at
        self.dx = dx
        self.dy = dy
        self.color = color
    }
}

/// A disc of a fixed colour and a radius in points, centred at a point (board stones, tree nodes).
public struct DiscMark: Hashable, Codable, Sendable {
    /// The centre.
    public var at: DataPoint
    /// Radius in points.
    public var radius: Double
    /// Fill colour.
    public var fill: Color
    /// Outline colour, if any.
    public var stroke: Color?

    /// Creates a disc.
    public init(at: DataPoint, radius: Double, fill: Color, stroke: Color? = nil) {
        self.at = at
        self.radius = radius
        self.fill = fill
        self.stroke = stroke
    }
}

/// A straight segment in a fixed colour that belongs to no series (frames, tree edges).
public struct SegmentMark: Hashable, Codable, Sendable {
    /// One end.
    public var from: DataPoint
    /// The other end.
    public var to: DataPoint
    /// Colour.
    public var color: Color
    /// Width in points.
    public var width: Double

    /// Creates a segment.
    public init(from: DataPoint, to: DataPoint, color: Color = Palette.ink, width: Double = 1) {
        self.from = from
        self.to = to
        self.color = color
        self.width = width
    }
}

/// A vertical error bar (whisker with caps) over an interval at x.
public struct ErrorBarMark: Hashable, Codable, Sendable {
    /// Where, on the x axis.
    public var x: Double
    /// The interval.
    public var interval: ClosedRange<Double>
    /// Cap width in x units.
    public var capWidth: Double

    /// Creates an error bar.
    public init(x: Double, interval: ClosedRange<Double>, capWidth: Double = 0.25) {
        self.x = x
        self.interval = interval
        self.capWidth = capWidth
    }
}

/// Any mark a chart can hold.
public enum Mark: Hashable, Codable, Sendable {
    /// A line.
    case line(LineMark)
    /// A band.
    case area(AreaMark)
    /// A reference line.
    case rule(RuleMark)
    /// Dots.
    case point(PointMark)
    /// A bar.
    case bar(BarMark)
    /// A rectangle.
    case rectangle(RectangleMark)
    /// A text label.
    case text(TextMark)
    /// An arrow.
    case arrow(ArrowMark)
    /// A disc.
    case disc(DiscMark)
    /// A plain segment.
    case segment(SegmentMark)
    /// An error bar.
    case errorBar(ErrorBarMark)

    /// The series the mark draws, if it belongs to one.
    public var series: String? {
        switch self {
        case .line(let m): m.series
        case .area(let m): m.series
        case .point(let m): m.series
        case .bar(let m): m.series
        case .rectangle(let m): if case .series(let s) = m.fill { s } else { nil }
        case .rule, .text, .arrow, .disc, .segment, .errorBar: nil
        }
    }
}
