import BigInt
import Dispatch
import Synchronization

/// Extreme equilibria of two-player games by vertex enumeration (Mangasarian 1964; Avis,
/// Rosenberg, Savani and von Stengel 2010). With both payoff matrices made positive integers by
/// a positive affine map of each player's payoffs (which changes no equilibrium),
///
///     P = {x >= 0 : Bᵀx <= 1},  Q = {y >= 0 : A y <= 1},
///
/// label `i` marks `x_i = 0` or row `i` of `A y <= 1` binding, label `m + j` marks `y_j = 0` or
/// column `j` of `Bᵀx <= 1` binding. A pair of vertices other than the origins whose labels
/// cover all `m + n` is an extreme equilibrium once each side is scaled to sum to one. Both
/// polytopes are enumerated exactly (integer pivoting, lexicographic rule), at the same time on
/// two threads, and each new vertex is matched against the other side's vertices found so far,
/// so an early stop still returns only true equilibria. Complete for degenerate games too.
public enum VertexEnumeration {
    /// Every extreme equilibrium of `game` and its maximal Nash subsets, unless `limits` stop
    /// the run first (then `stop` says why). `progress` is called about every half second.
    public static func solve(_ game: Bimatrix, workers: Int = 2, limits: EnumerationLimits = EnumerationLimits(),
                             progress: (@Sendable (EnumerationProgress) -> Void)? = nil) -> ExtremeEquilibria {
        let (m, n) = (game.rows, game.columns)
        precondition(m + n <= 128, "vertex enumeration handles games with at most 128 strategies in all")
        let a = positiveIntegers(game.row)
        let b = positiveIntegers(game.column)
        let bTransposed = (0..<n).map { j in (0..<m).map { b[$0][j] } }
        // P: coordinates x_i carry label i, slacks of Bᵀx <= 1 carry m + j.
        // Q: coordinates y_j carry label m + j, slacks of A y <= 1 carry i.
        let sides = [Polytope(matrix: bTransposed, labelOfVariable: Array(0..<(m + n))),
                     Polytope(matrix: a, labelOfVariable: Array(m..<(m + n)) + Array(0..<m))]
        let shared = Mutex(LabelMatcher(dimensions: [m, n]))
        let start = ContinuousClock.now
        let totalBases = Atomic<Int>(0)
        let stopped = Mutex<EnumerationStop?>(nil)
        let lastReport = Mutex(start)
        let basisCounts = Mutex([0, 0])

        @Sendable func shouldStop(side: Int, bases: Int) -> Bool {
            if bases % 64 != 0 { return false }
            basisCounts.withLock { $0[side] = bases }
            let total = totalBases.add(64, ordering: .relaxed).newValue
            let elapsed = ContinuousClock.now - start
            var reason: EnumerationStop?
            if limits.isCancelled() { reason = .cancelled } else if total >= limits.maxBases { reason = .basisLimit(limits.maxBases) } else if let seconds = limits.seconds,
                elapsed > .seconds(seconds) { reason = .timeout(seconds: seconds) }
            if let reason {
                stopped.withLock { if $0 == nil { $0 = reason } }
                return true
            }
            if stopped.withLock({ $0 != nil }) { return true }
            if let progress, lastReport.withLock({ last in
                guard ContinuousClock.now - last > .milliseconds(500) else { return false }
                last = ContinuousClock.now
                return true
            }) {
                let counts = basisCounts.withLock { $0 }
                let (vertices, equilibria) = shared.withLock { ($0.vertexCounts, $0.pairs.count) }
                progress(EnumerationProgress(bases: counts, vertices: vertices, equilibria: equilibria, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            }
            return false
        }

        @Sendable func enumerate(_ side: Int) {
            var search = BasisSearch(PolytopeTableau(sides[side].matrix), labelOfVariable: sides[side].labelOfVariable)
            _ = search.run(shouldStop: { shouldStop(side: side, bases: $0) }) { labels, _ in
                shared.withLock { $0.add(labels, side: side) }
            }
            basisCounts.withLock { $0[side] = search.bases }
        }
        if workers >= 2 {
            DispatchQueue.concurrentPerform(iterations: 2) { enumerate($0) }
        } else {
            enumerate(0)
            if stopped.withLock({ $0 == nil }) { enumerate(1) }
        }

        let matcher = shared.withLock { $0 }
        var mixes = [[Int: [Rational]]](repeating: [:], count: 2)
        func mix(_ side: Int, _ index: Int) -> [Rational] {
            if let known = mixes[side][index] { return known }
            let found = sides[side].normalisedPoint(labels: matcher.labels[side][index], dimensions: [m, n], side: side)
            mixes[side][index] = found
            return found
        }
        var byProfile = [MixedEquilibrium: [Int]]()
        var pairs = [(p: Int, q: Int)]()
        for (p, q) in matcher.pairs {
            let (x, y) = (mix(0, p), mix(1, q))
            precondition(game.isEquilibrium(x, y), "vertex enumeration matched a pair that is not an equilibrium")
            byProfile[game.equilibrium(x, y), default: []].append(pairs.count)
            pairs.append((p, q))
        }
        let equilibria = byProfile.keys.sorted()
        let position = Dictionary(uniqueKeysWithValues: equilibria.enumerated().map { ($1, $0) })
        let subsets = NashSubsets.maximal(pairs: pairs.map { [$0.p, $0.q] }).map { subset -> NashSubset in
            let members = subset.pairs.map { position[game.equilibrium(mix(0, pairs[$0].p), mix(1, pairs[$0].q))]! }
            return NashSubset(row: subset.rows.map { mix(0, $0) }.sorted(by: lexicographicallyFirst),
                              column: subset.columns.map { mix(1, $0) }.sorted(by: lexicographicallyFirst),
                              equilibria: Array(Set(members)).sorted())
        }.sorted { $0.equilibria.lexicographicallyPrecedes($1.equilibria) }
        let degeneracy = matcher.degenerate.compactMap { $0 }.first.map { describeDegeneracy(side: $0.side, labels: $0.labels, m: m, n: n) }
        return ExtremeEquilibria(equilibria: equilibria, subsets: subsets, degeneracy: degeneracy, stop: stopped.withLock { $0 },
                                 vertices: matcher.vertexCounts, bases: basisCounts.withLock { $0 })
    }

    /// Larger probabilities on earlier strategies first, as `MixedEquilibrium` orders.
    private static func lexicographicallyFirst(_ a: [Rational], _ b: [Rational]) -> Bool {
        for (p, q) in zip(a, b) where p != q { return p > q }
        return false
    }

    /// `matrix` mapped to positive integers by `(v - min) / g + 1`, `g` the greatest common
    /// divisor of the differences: a positive affine map, so payoffs at any scale give the same
    /// integers.
    static func positiveIntegers(_ matrix: [[Rational]]) -> [[BigInt]] {
        let low = matrix.joined().min()!
        let differences = matrix.map { $0.map { $0 - low } }
        let denominators = differences.joined().reduce(BigInt(1)) { lcm($0, $1.denominator) }
        let numerators = differences.map { $0.map { $0.numerator * (denominators / $0.denominator) } }
        let divisor = numerators.joined().reduce(BigInt(0)) { $0.greatestCommonDivisor(with: $1) }
        return numerators.map { $0.map { divisor.isZero ? 1 : $0 / divisor + 1 } }
    }

    private static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt { a / a.greatestCommonDivisor(with: b) * b }

    private static func describeDegeneracy(side: Int, labels: BitSet128, m: Int, n: Int) -> String {
        // Row side: the support is the rows without their label, the best responses the columns with theirs.
        let (mixer, mine, theirs) = side == 0 ? ("row", "r", "c") : ("column", "c", "r")
        let support = side == 0 ? (0..<m).filter { !labels.contains($0) } : (0..<n).filter { !labels.contains(m + $0) }
        let best = side == 0 ? (0..<n).filter { labels.contains(m + $0) } : (0..<m).filter { labels.contains($0) }
        return "a \(mixer) mix on \(support.count) strateg\(support.count == 1 ? "y" : "ies") (\(support.map { "\(mine)\($0 + 1)" }.joined(separator: ", "))) "
            + "has \(best.count) pure best responses (\(best.map { "\(theirs)\($0 + 1)" }.joined(separator: ", ")))"
    }
}

/// One best-response polytope `{z >= 0 : matrix z <= 1}` and the label of each variable.
private struct Polytope {
    let matrix: [[BigInt]]
    let labelOfVariable: [Int]

    /// The vertex with `labels`, scaled to sum to one: its tight constraints, solved exactly.
    func normalisedPoint(labels: BitSet128, dimensions: [Int], side: Int) -> [Rational] {
        let dimension = matrix[0].count
        let support = (0..<dimension).filter { !labels.contains(labelOfVariable[$0]) }
        let tight = matrix.indices.filter { labels.contains(labelOfVariable[dimension + $0]) }
        let system = tight.map { row in support.map { Rational(matrix[row][$0]) } }
        guard let values = LinearSystems.solveUnique(system, [Rational](repeating: .one, count: tight.count), unknowns: support.count) else {
            preconditionFailure("a vertex's tight constraints determine it")
        }
        let total = values.reduce(Rational.zero, +)
        var point = [Rational](repeating: .zero, count: dimension)
        for (k, coordinate) in support.enumerated() { point[coordinate] = values[k] / total }
        return point
    }
}
