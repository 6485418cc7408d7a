/// The vertices of both best-response polytopes found so far, indexed so that each new vertex
/// finds its completely labelled partners on the other side without scanning them all: a
/// vertex with exactly as many labels as its polytope's dimension (every vertex of a
/// non-degenerate game) is looked up by its label set, the others are scanned.
struct LabelMatcher {
    /// The dimension of each side's polytope: m for the row player's, n for the column player's.
    let dimensions: [Int]
    /// Each side's vertices (origin excluded), by label set, in the order found.
    private(set) var labels: [[BitSet128]] = [[], []]
    /// The first degenerate vertex of each side, if any.
    private(set) var degenerate: [(side: Int, labels: BitSet128)?] = [nil, nil]
    /// Completely labelled pairs (row vertex, column vertex), in the order found.
    private(set) var pairs: [(Int, Int)] = []
    private var simple: [[BitSet128: Int]] = [[:], [:]]
    private var crowded: [[Int]] = [[], []]
    private let everyLabel: BitSet128
    private let origins: [BitSet128]

    init(dimensions: [Int]) {
        self.dimensions = dimensions
        let (m, n) = (dimensions[0], dimensions[1])
        everyLabel = BitSet128(0..<(m + n))
        origins = [BitSet128(0..<m), BitSet128(m..<(m + n))]
    }

    /// Vertices found on each side, the origin included.
    var vertexCounts: [Int] { labels.map { $0.count + 1 } }

    /// Records a vertex of `side` and every equilibrium it completes.
    mutating func add(_ vertexLabels: BitSet128, side: Int) {
        guard vertexLabels != origins[side] else { return }
        let index = labels[side].count
        labels[side].append(vertexLabels)
        if vertexLabels.count == dimensions[side] {
            simple[side][vertexLabels] = index
        } else {
            crowded[side].append(index)
            if degenerate[side] == nil { degenerate[side] = (side, vertexLabels) }
        }
        let other = 1 - side
        let needed = everyLabel.subtracting(vertexLabels)
        var partners = [Int]()
        if needed.count < dimensions[other] {
            partners = labels[other].indices.filter { labels[other][$0].isSuperset(of: needed) }
        } else {
            if needed.count == dimensions[other], let exact = simple[other][needed] { partners.append(exact) }
            partners += crowded[other].filter { labels[other][$0].isSuperset(of: needed) }
        }
        for partner in partners { pairs.append(side == 0 ? (index, partner) : (partner, index)) }
    }
}
