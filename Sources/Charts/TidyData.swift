/// A figure's data as a tidy CSV table: one row per observation, with a header.
extension FigureSpec {
    /// The CSV text: `panel,mark,series,x,y,y_low,y_high,label`.
    public var tidyCSV: String {
        var rows = ["panel,mark,series,x,y,y_low,y_high,label"]
        func number(_ v: Double?) -> String {
            guard let v else { return "" }
            return v.isFinite ? "\(v)" : ""
        }
        func quoted(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        for (index, chart) in panels.enumerated() {
            let panel = quoted(chart.title ?? String(index + 1))
            func row(_ mark: String, _ series: String, _ x: Double?, _ y: Double?, _ low: Double? = nil, _ high: Double? = nil, _ label: String = "") {
                rows.append([panel, mark, quoted(series), number(x), number(y), number(low), number(high), quoted(label)].joined(separator: ","))
            }
            for mark in chart.marks {
                switch mark {
                case .line(let m): for p in m.points { row("line", m.series, p.x, p.y) }
                case .point(let m): for p in m.points { row("point", m.series, p.x, p.y) }
                case .area(let m): for i in m.x.indices { row("band", m.series, m.x[i], nil, m.lower[i], m.upper[i]) }
                case .rule(let m):
                    if m.orientation == .horizontal { row("rule", "", nil, m.value, nil, nil, m.label ?? "") } else { row("rule", "", m.value, nil, nil, nil, m.label ?? "") }
                case .bar(let m): row("bar", m.series, m.x, m.value, m.error?.lowerBound, m.error?.upperBound)
                case .rectangle(let m):
                    let series: String
                    switch m.fill {
                    case .series(let s): series = s
                    case .fixed(let c): series = c.description
                    }
                    row("cell", series, (m.xRange.lowerBound + m.xRange.upperBound) / 2, (m.yRange.lowerBound + m.yRange.upperBound) / 2)
                case .text(let m): row("text", "", m.at.x, m.at.y, nil, nil, m.text)
                case .arrow(let m): row("arrow", "", m.at.x, m.at.y, nil, nil, "\(m.dx) \(m.dy)")
                case .disc(let m): row("disc", m.fill.description, m.at.x, m.at.y)
                case .errorBar(let m): row("error", "", m.x, nil, m.interval.lowerBound, m.interval.upperBound)
                case .segment(let m):
                    row("segment-from", "", m.from.x, m.from.y)
                    row("segment-to", "", m.to.x, m.to.y)
                }
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
