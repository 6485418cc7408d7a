/// The words a reader sees when pointing at a mark in the web edition: the series and the values
/// it draws, in the axes' own terms (a category's name rather than its position). Drawing ignores
/// them; only the SVG writer puts them in, as each path's `<title>`.
struct MarkTooltip {
    /// The x axis title, the y axis title and the names of categorical x ticks.
    let xLabel: String?
    let yLabel: String?
    let xCategories: [Double: String]

    init(chart: Chart) {
        xLabel = chart.x.label
        yLabel = chart.y.label
        xCategories = Dictionary((chart.x.ticks ?? []).map { ($0.value, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// A value as the tooltip prints it: four significant digits, no trailing zeros.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e9 { return NumberText.fixed(value, decimals: 0) }
        var text = NumberText.significant(value, digits: 4)
        if text.contains("."), !text.contains("e"), !text.contains("×") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    func x(_ value: Double) -> String { xCategories[value] ?? Self.number(value) }

    /// "x label x, y label y".
    func point(_ p: DataPoint) -> String {
        "\(xLabel.map { $0 + " " } ?? "x = ")\(x(p.x)): \(Self.number(p.y))\(yLabel.map { " (" + $0 + ")" } ?? "")"
    }

    /// A line or a set of points: every point when there are few, else the range and extremes.
    func points(_ points: [DataPoint], series: String) -> String {
        let name = series.isEmpty ? "" : series + "\n"
        guard points.count > 12, let low = points.min(by: { $0.y < $1.y }), let high = points.max(by: { $0.y < $1.y }),
            let first = points.first, let last = points.last else {
            return name + points.map(point).joined(separator: "\n")
        }
        return name + "\(points.count) points\nfirst \(point(first))\nlast \(point(last))\nlowest \(point(low))\nhighest \(point(high))"
    }

    func bar(_ m: BarMark) -> String {
        var text = (m.series.isEmpty ? "" : m.series + "\n") + point(DataPoint(x: m.x, y: m.value))
        if let error = m.error { text += "\ninterval \(Self.number(error.lowerBound)) to \(Self.number(error.upperBound))" }
        return text
    }

    func band(_ m: AreaMark) -> String {
        guard let first = m.x.first, let last = m.x.last else { return m.series }
        let widest = m.x.indices.max { m.upper[$0] - m.lower[$0] < m.upper[$1] - m.lower[$1] } ?? 0
        return (m.series.isEmpty ? "" : m.series + ", ") + "band over \(xLabel ?? "x") \(x(first)) to \(x(last)); widest at \(x(m.x[widest])): \(Self.number(m.lower[widest])) to \(Self.number(m.upper[widest]))"
    }

    func rule(_ m: RuleMark) -> String {
        (m.label.map { $0 + ": " } ?? "") + (m.orientation == .horizontal ? "\(yLabel ?? "y") = \(Self.number(m.value))" : "\(xLabel ?? "x") = \(x(m.value))")
    }
}
