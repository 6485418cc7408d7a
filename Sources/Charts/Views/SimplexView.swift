/// The probability simplex of a three-action game as an equilateral triangle, with trajectories
/// (replicator dynamics, fictitious play) and marked points (equilibria).
public struct SimplexView: Sendable {
    /// A path of mixed strategies (each three probabilities summing to one).
    public struct Trajectory: Sendable {
        /// The series name (legend).
        public var name: String
        /// The strategies in order.
        public var points: [[Double]]

        /// Creates a trajectory.
        public init(name: String, points: [[Double]]) {
            self.name = name
            self.points = points
        }
    }

    /// Names of the three actions, at the bottom-left, bottom-right and top corners.
    public var actions: [String]
    /// The trajectories.
    public var trajectories: [Trajectory]
    /// Points to mark (equilibria), with a label each.
    public var marked: [(label: String, point: [Double])]

    /// Creates a simplex view.
    public init(actions: [String], trajectories: [Trajectory], marked: [(label: String, point: [Double])] = []) {
        precondition(actions.count == 3, "a simplex view needs three actions")
        self.actions = actions
        self.trajectories = trajectories
        self.marked = marked
    }

    /// Cartesian coordinates of a mixed strategy.
    public static func position(_ p: [Double]) -> DataPoint {
        let total = max(p.reduce(0, +), 1e-12)
        return DataPoint(x: (p[1] + 0.5 * p[2]) / total, y: 0.8660254037844386 * p[2] / total)
    }

    /// The chart.
    public func chart(title: String? = nil, width: Double = 300) -> Chart {
        let corners = [DataPoint(x: 0, y: 0), DataPoint(x: 1, y: 0), DataPoint(x: 0.5, y: 0.8660254037844386)]
        return Chart(
            title: title, x: Axis(domain: -0.12...1.12, hidden: true), y: Axis(domain: -0.1...0.96, hidden: true),
            width: width, height: width * 0.9, legend: trajectories.count > 1 ? .right : .hidden, equalAspect: true, showsGrid: false
        ) {
            // Light guide lines where an action's probability is 25%, 50% and 75%.
            for k in 1..<4 {
                let t = Double(k) / 4
                SegmentMark(from: Self.position([t, 1 - t, 0]), to: Self.position([t, 0, 1 - t]), color: .gray(0.88), width: 0.5)
                SegmentMark(from: Self.position([1 - t, t, 0]), to: Self.position([0, t, 1 - t]), color: .gray(0.88), width: 0.5)
                SegmentMark(from: Self.position([1 - t, 0, t]), to: Self.position([0, 1 - t, t]), color: .gray(0.88), width: 0.5)
            }
            for trajectory in trajectories {
                LineMark(points: trajectory.points.map(Self.position), series: trajectory.name, width: 1.1)
                if let first = trajectory.points.first {
                    PointMark(points: [Self.position(first)], series: trajectory.name, radius: 2.5)
                }
            }
            for (i, corner) in corners.enumerated() {
                let next = corners[(i + 1) % 3]
                SegmentMark(from: corner, to: next, color: Palette.ink, width: 1)
            }
            TextMark(actions[0], at: DataPoint(x: -0.05, y: -0.06), size: 9, bold: true)
            TextMark(actions[1], at: DataPoint(x: 1.05, y: -0.06), size: 9, bold: true)
            TextMark(actions[2], at: DataPoint(x: 0.5, y: 0.92), size: 9, bold: true)
            for mark in marked {
                DiscMark(at: Self.position(mark.point), radius: 3.5, fill: .white, stroke: Palette.ink)
                TextMark(mark.label, at: DataPoint(x: Self.position(mark.point).x + 0.08, y: Self.position(mark.point).y + 0.04), size: 8)
            }
        }
    }
}

