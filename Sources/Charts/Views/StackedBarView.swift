/// Stacked bars per category (for instance win / draw / loss fractions per opponent), each
/// segment with an optional confidence interval drawn at its top.
public struct StackedBarView: Sendable {
    /// One segment of a bar.
    public struct Segment: Sendable {
        /// The series (win, draw, loss).
        public var series: String
        /// Its height.
        public var value: Double
        /// A confidence interval for the segment's value (e.g. for a win rate), drawn at its top.
        public var interval: ClosedRange<Double>?

        /// Creates a segment.
        public init(_ series: String, _ value: Double, interval: ClosedRange<Double>? = nil) {
            self.series = series
            self.value = value
            self.interval = interval
        }
    }

    /// Category labels, left to right.
    public var categories: [String]
    /// The segments of each category's bar, bottom to top.
    public var bars: [[Segment]]
    /// The y axis title.
    public var yTitle: String

    /// Creates the view.
    public init(categories: [String], bars: [[Segment]], yTitle: String) {
        precondition(categories.count == bars.count, "one bar per category")
        self.categories = categories
        self.bars = bars
        self.yTitle = yTitle
    }

    /// Segment colours bottom to top, far apart in lightness so that the stack reads in grey
    /// print too: dark blue, light grey, orange.
    public static let segmentColors = [Color(hex: 0x0072B2), Color.gray(0.84), Color(hex: 0xE69F00)]

    /// The chart.
    public func chart(title: String? = nil, width: Double = 420, height: Double = 240) -> Chart {
        let top = bars.map { $0.reduce(0) { $0 + $1.value } }.max() ?? 1
        var seriesInOrder = [String]()
        for segment in bars.joined() where !seriesInOrder.contains(segment.series) { seriesInOrder.append(segment.series) }
        var chart = Chart(
            title: title, x: Axis(domain: 0.4...(Double(categories.count) + 0.6), ticks: AxisTick.categories(categories, start: 1)), y: Axis(yTitle, domain: 0...top),
            width: width, height: height, legend: .right
        ) {
            for (i, bar) in bars.enumerated() {
                let x = Double(i + 1)
                let bases = bar.indices.map { k in bar[..<k].reduce(0) { $0 + $1.value } }
                for (segment, base) in zip(bar, bases) {
                    BarMark(x: x, width: 0.6, base: base, value: base + segment.value, series: segment.series)
                }
            }
            // Whiskers after all bars so that no segment hides them; an interval is of the
            // segment's own value, so it is drawn shifted by the segment's base.
            for (i, bar) in bars.enumerated() {
                let bases = bar.indices.map { k in bar[..<k].reduce(0) { $0 + $1.value } }
                for (segment, base) in zip(bar, bases) {
                    if let interval = segment.interval {
                        ErrorBarMark(x: Double(i + 1), interval: (base + interval.lowerBound)...(base + interval.upperBound))
                    }
                }
            }
        }
        if seriesInOrder.count <= Self.segmentColors.count {
            chart.seriesColors = Dictionary(uniqueKeysWithValues: zip(seriesInOrder, Self.segmentColors))
        }
        return chart
    }
}
