/// Maximal Nash subsets from the compatible pairs of extreme strategies: the maximal bicliques of
/// the bipartite graph whose edges are the extreme equilibria. They are found as the closed sets
/// of a Galois connection: every maximal biclique's column side is an intersection of the
/// neighbourhoods of some row vertices, and its row side is every row vertex adjacent to all of it.
enum NashSubsets {
    /// One maximal biclique: row vertices, column vertices, and the positions of its edges.
    struct Biclique {
        var rows: [Int]
        var columns: [Int]
        var pairs: [Int]
    }

    /// The maximal bicliques of the graph with edges `pairs` (each `[row, column]`).
    static func maximal(pairs: [[Int]]) -> [Biclique] {
        var neighbours = [Int: Set<Int>]()
        for pair in pairs { neighbours[pair[0], default: []].insert(pair[1]) }
        let rowVertices = neighbours.keys.sorted()
        // Close the family of neighbourhoods under intersection (nonempty sets only).
        var closed = Set(rowVertices.map { neighbours[$0]! })
        var frontier = Array(closed)
        while let set = frontier.popLast() {
            for row in rowVertices {
                let meet = set.intersection(neighbours[row]!)
                if !meet.isEmpty, closed.insert(meet).inserted { frontier.append(meet) }
            }
        }
        let edgeIndex = Dictionary(pairs.enumerated().map { ([$1[0], $1[1]], $0) }, uniquingKeysWith: { first, _ in first })
        return closed.map { columns in
            let rows = rowVertices.filter { neighbours[$0]!.isSuperset(of: columns) }
            let sortedColumns = columns.sorted()
            let edges = rows.flatMap { row in sortedColumns.map { edgeIndex[[row, $0]]! } }
            return Biclique(rows: rows, columns: sortedColumns, pairs: edges.sorted())
        }.sorted { ($0.rows, $0.columns).0.lexicographicallyPrecedes($1.rows) || ($0.rows == $1.rows && $0.columns.lexicographicallyPrecedes($1.columns)) }
    }
}
