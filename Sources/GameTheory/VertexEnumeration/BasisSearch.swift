/// Depth-first search over the lexicographically feasible bases of a polytope, reporting each
/// vertex once by its labels (the variables that are zero there). Every vertex of the polytope
/// has such a basis, and the bases form a connected graph under single pivots (they are the
/// vertices of a perturbed simple polytope), so the search sees every vertex. It keeps one
/// tableau, pivoting forward into a new basis and back on the way out.
struct BasisSearch {
    private let tableau: PolytopeTableau
    private let labelOfVariable: [Int]
    private var basisSet: BitSet128
    private(set) var visited = Set<BitSet128>()
    private var seenVertices = Set<BitSet128>()

    /// A search of `tableau` from its slack basis; `labelOfVariable` maps variables to labels.
    init(_ tableau: PolytopeTableau, labelOfVariable: [Int]) {
        self.tableau = tableau
        self.labelOfVariable = labelOfVariable
        basisSet = BitSet128(tableau.basis)
    }

    /// Number of bases visited so far.
    var bases: Int { visited.count }

    /// Runs until every basis is visited (returns true) or `shouldStop` says so (checked after
    /// every new basis with the number of bases visited; returns false). `vertex` gets each
    /// vertex's labels and the tableau at one of its bases.
    mutating func run(shouldStop: (Int) -> Bool, vertex: (BitSet128, PolytopeTableau) -> Void) -> Bool {
        struct Frame { var next: Int; let row: Int; let variable: Int }
        visited.insert(basisSet)
        report(vertex)
        var stack = [Frame(next: 0, row: -1, variable: -1)]
        let variables = tableau.variables
        while var frame = stack.last {
            var moved = false
            while frame.next < variables {
                let entering = frame.next
                frame.next += 1
                guard !basisSet.contains(entering), let row = tableau.leavingRow(entering: entering) else { continue }
                let leaving = tableau.basis[row]
                var next = basisSet
                next.remove(leaving)
                next.insert(entering)
                guard visited.insert(next).inserted else { continue }
                stack[stack.count - 1] = frame
                tableau.pivot(row: row, entering: entering)
                basisSet = next
                report(vertex)
                stack.append(Frame(next: 0, row: row, variable: leaving))
                moved = true
                break
            }
            if moved {
                if shouldStop(visited.count) { return false }
                continue
            }
            stack.removeLast()
            if frame.row >= 0 {
                basisSet.remove(tableau.basis[frame.row])
                basisSet.insert(frame.variable)
                tableau.pivot(row: frame.row, entering: frame.variable)
            }
        }
        return true
    }

    private mutating func report(_ vertex: (BitSet128, PolytopeTableau) -> Void) {
        var labels = BitSet128()
        for variable in 0..<tableau.variables where !basisSet.contains(variable) { labels.insert(labelOfVariable[variable]) }
        for row in 0..<tableau.constraints where tableau.isZero(row: row) { labels.insert(labelOfVariable[tableau.basis[row]]) }
        if seenVertices.insert(labels).inserted { vertex(labels, tableau) }
    }
}
