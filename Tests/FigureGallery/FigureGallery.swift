import Charts
import Foundation

/// One example of every figure kind the chapters use, shared by the snapshot tests (display
/// lists as text) and the rendering tests (PNG, SVG, PDF bytes).
public enum FigureGallery {
    /// The examples by name.
    public static let all: [(name: String, figure: FigureSpec)] = [
        ("learning-curves", FigureSpec(learningCurves)),
        ("facets", facets),
        ("grid-world", FigureSpec(gridWorld)),
        ("heat-map", FigureSpec(heatMap)),
        ("tic-tac-toe", FigureSpec(ticTacToe)),
        ("connect-four", FigureSpec(connectFour)),
        ("search-tree", FigureSpec(searchTree)),
        ("simplex", FigureSpec(simplex)),
        ("stacked-bars", FigureSpec(stackedBars)),
    ]

    static let learningCurves = Chart(title: "Learning", x: Axis("Episode"), y: Axis("Steps", scale: .log), width: 300, height: 200) {
        AreaMark(x: [1, 2, 3, 4], lower: [300, 80, 30, 16], upper: [600, 150, 50, 20], series: "n = 0")
        LineMark(points: [DataPoint(x: 1, y: 450), DataPoint(x: 2, y: 110), DataPoint(x: 3, y: 40), DataPoint(x: 4, y: 18)], series: "n = 0")
        LineMark(points: [DataPoint(x: 1, y: 40), DataPoint(x: 2, y: 17), DataPoint(x: 3, y: 16), DataPoint(x: 4, y: 16)], series: "n = 50")
        RuleMark(.horizontal, at: 14, label: "shortest")
    }

    static let facets = FigureSpec.facets((1...3).map { k in
        Chart(title: "k = \(k)", x: Axis("Budget", scale: .log), y: Axis("Win rate"), width: 200, height: 160, legend: .hidden) {
            LineMark(points: [10.0, 100, 1000].map { DataPoint(x: $0, y: min(1, log10($0) * 0.3 / Double(k))) }, series: "MCTS")
            RuleMark(.horizontal, at: 0.5)
        }
    }, columns: 3)

    static let gridWorld: Chart = {
        let rows = 4
        let columns = 5
        let walls = (0..<(rows * columns)).map { $0 == 7 || $0 == 12 }
        let values: [Double?] = (0..<(rows * columns)).map { walls[$0] ? nil : pow(0.9, Double(abs($0 / columns) + abs(4 - $0 % columns))) }
        let arrows: [(dx: Double, dy: Double)?] = (0..<(rows * columns)).map { walls[$0] ? nil : ($0 / columns > 0 ? (0.0, -1.0) : (1.0, 0.0)) }
        return GridWorldView(
            rows: rows, columns: columns, walls: walls, start: (3, 0), goal: (0, 4), values: values, arrows: arrows,
            agent: (2, 1), title: "Values and greedy policy", valueTitle: "V(s)"
        ).chart(width: 320)
    }()

    static let heatMap = HeatMapView(
        columns: ["10", "100", "1k"], rows: ["0.5", "1", "2"],
        values: [[0.1, 0.4, 0.7], [0.2, 0.6, 0.9], [0.15, 0.5, nil]],
        xTitle: "Simulations", yTitle: "c", valueTitle: "win rate", outlined: [(1, 2)]
    ).chart(title: "Strength", width: 320, height: 200)

    static let ticTacToe = BoardView(
        stones: [[.first, .empty, .second], [.empty, .first, .empty], [.empty, .empty, .empty]], style: .ticTacToe,
        overlay: [[nil, 0.05, nil], [0.1, nil, 0.05], [0.1, 0.1, 0.6]]
    ).chart(title: "Root visits", width: 180)

    static let connectFour = BoardView(
        stones: [[.first, .second, .first, .first, .empty, .empty, .second]] + Array(repeating: Array(repeating: BoardView.Stone.empty, count: 7), count: 5),
        style: .connectFour, labels: [["1", "2", "3", "5", nil, nil, "4"]] + Array(repeating: Array(repeating: nil, count: 7), count: 5),
        overlay: [[0.05, 0.1, 0.1, 0.5, 0.15, 0.05, 0.05]]
    ).chart(title: "Connect Four", width: 240)

    static let searchTree = SearchTreeView(root: .init(move: "", visits: 100, value: 0.1, children: [
        .init(move: "a", visits: 60, value: 0.3, children: [.init(move: "c", visits: 40, value: 0.2), .init(move: "d", visits: 19, value: -0.1)]),
        .init(move: "b", visits: 30, value: -0.2, children: [.init(move: "e", visits: 29, value: -0.3)]),
        .init(move: "f", visits: 9, value: -0.6),
    ]), depth: 2, breadth: 3).chart(title: "Search tree", width: 320, height: 200)

    static let simplex = SimplexView(
        actions: ["Rock", "Paper", "Scissors"],
        trajectories: [.init(name: "replicator", points: (0..<60).map { t in
            let a = Double(t) * 0.2
            let r = 0.25 * exp(-Double(t) / 80)
            return [1.0 / 3 + r * cos(a), 1.0 / 3 + r * cos(a + 2.094), 1.0 / 3 + r * cos(a + 4.189)]
        })],
        marked: [("Nash", [1.0 / 3, 1.0 / 3, 1.0 / 3])]
    ).chart(title: "Rock-paper-scissors", width: 260)

    static let stackedBars = StackedBarView(
        categories: ["random", "UCT 100", "solver"],
        bars: [
            [.init("win", 0.9, interval: 0.85...0.94), .init("draw", 0.08), .init("loss", 0.02)],
            [.init("win", 0.5, interval: 0.4...0.6), .init("draw", 0.3), .init("loss", 0.2)],
            [.init("win", 0, interval: 0...0.03), .init("draw", 0.7), .init("loss", 0.3)],
        ],
        yTitle: "Fraction of games"
    ).chart(title: "Results", width: 320, height: 200)
}
