import Foundation

/// The top levels of a search tree: nodes sized by visit count and labelled with visits and mean
/// value, edges as wide as their share of the root's visits, edge labels naming the move.
public struct SearchTreeView: Sendable {
    /// One node of the tree.
    public struct Node: Sendable {
        /// The move that leads here (empty at the root).
        public var move: String
        /// Visit count N.
        public var visits: Int
        /// Mean value Q, from the point of view of the player who moved here.
        public var value: Double
        /// Children.
        public var children: [Node]

        /// Creates a node.
        public init(move: String, visits: Int, value: Double, children: [Node] = []) {
            self.move = move
            self.visits = visits
            self.value = value
            self.children = children
        }
    }

    /// The root.
    public var root: Node
    /// Levels below the root to draw.
    public var depth: Int
    /// The most visited children drawn per node.
    public var breadth: Int

    /// Creates a view of `root`, `depth` levels deep, keeping the `breadth` most visited children of each node.
    public init(root: Node, depth: Int = 2, breadth: Int = 4) {
        self.root = root
        self.depth = depth
        self.breadth = breadth
    }

    private struct Placed {
        let node: Node
        let x: Double
        let level: Int
        let parent: Int?
    }

    private func place() -> [Placed] {
        var placed = [Placed]()
        var nextLeaf = 0.0
        @discardableResult
        func visit(_ node: Node, level: Int, parent: Int?) -> Int {
            let index = placed.count
            placed.append(Placed(node: node, x: 0, level: level, parent: parent))
            let kids = level < depth ? Array(node.children.sorted { $0.visits > $1.visits }.prefix(breadth)) : []
            var xs = [Double]()
            for child in kids {
                let childIndex = visit(child, level: level + 1, parent: index)
                xs.append(placed[childIndex].x)
            }
            let x: Double
            if xs.isEmpty {
                x = nextLeaf
                nextLeaf += 1
            } else {
                x = (xs.min()! + xs.max()!) / 2
            }
            placed[index] = Placed(node: node, x: x, level: level, parent: parent)
            return index
        }
        visit(root, level: 0, parent: nil)
        return placed
    }

    /// The colours of mean values, from −1 (orange, bad for the player who moved) through grey
    /// to +1 (blue, good for them).
    public static let valueScale = ColorScale(stops: [Color(hex: 0xD55E00), .gray(0.92), Color(hex: 0x0072B2)], domain: -1...1)

    /// The chart: edges leave a node below its labels, so they never cross them, and a colour
    /// key explains the node colours.
    public func chart(title: String? = nil, width: Double = 440, height: Double = 250) -> Chart {
        let placed = place()
        let rootVisits = Double(max(root.visits, 1))
        let leaves = (placed.map(\.x).max() ?? 0) + 1
        // Node labels sit between 0.2 and 0.5 of a level below the node's centre.
        let labelBottom = 0.5
        return Chart(
            title: title, x: Axis(domain: -0.6...(leaves - 0.4), hidden: true), y: Axis(domain: -0.45...(Double(depth) + 0.55), reversed: true, hidden: true),
            width: width, height: height, legend: .hidden, showsGrid: false,
            colorBar: ColorBar("Q (mover)", scale: Self.valueScale)
        ) {
            for item in placed {
                if let parent = item.parent {
                    let from = placed[parent]
                    let start = DataPoint(x: from.x, y: Double(from.level) + labelBottom)
                    let end = DataPoint(x: item.x, y: Double(item.level))
                    SegmentMark(from: start, to: end, color: .gray(0.45), width: 0.6 + 7 * Double(item.node.visits) / rootVisits)
                    TextMark(item.node.move, at: DataPoint(x: start.x + (end.x - start.x) * 0.5, y: start.y + (end.y - start.y) * 0.5), size: 7.5, bold: true, halo: true)
                }
            }
            for item in placed {
                let radius = 4 + 9 * (Double(item.node.visits) / rootVisits).squareRoot()
                DiscMark(at: DataPoint(x: item.x, y: Double(item.level)), radius: radius, fill: Self.valueScale.color(item.node.value), stroke: Palette.ink)
                TextMark("N=\(item.node.visits)", at: DataPoint(x: item.x, y: Double(item.level) + 0.28), size: 7, halo: true)
                TextMark("Q=" + NumberText.fixed(item.node.value, decimals: 2), at: DataPoint(x: item.x, y: Double(item.level) + 0.42), size: 7, halo: true)
            }
        }
    }
}
