extension FigureSpec {
    /// Small multiples that share their axes: every panel gets the same x and y domains (the
    /// union of their data, rounded to nice ticks), and only the first column keeps the y title.
    public static func facets(_ panels: [Chart], columns: Int) -> FigureSpec {
        guard let first = panels.first else { return FigureSpec(panels: panels, columns: columns) }
        func union(_ axis: KeyPath<DataPoint, Double>, kind: ScaleKind) -> ClosedRange<Double> {
            let extents = panels.map { ChartLayout.dataExtent($0, axis: axis) }
            let low = extents.map(\.lowerBound).min()!
            let high = extents.map(\.upperBound).max()!
            return Scale.niceDomain(low...high, kind: kind)
        }
        let x = first.x.domain ?? union(\.x, kind: first.x.scale)
        let y = first.y.domain ?? union(\.y, kind: first.y.scale)
        let shared = panels.enumerated().map { index, panel -> Chart in
            var chart = panel
            chart.x.domain = x
            chart.y.domain = y
            if index % columns != 0 { chart.y.label = nil }
            return chart
        }
        return FigureSpec(panels: shared, columns: columns)
    }
}
