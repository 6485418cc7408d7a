import Dispatch
import Foundation
import Synchronization

/// A support pair that survived the floating-point screen, and what it may show.
struct Candidate {
    enum Kind { case equilibrium, rowMixTie, columnMixTie }
    var rows: [Int]
    var columns: [Int]
    var kind: Kind
}

/// All equilibria found for a game, and whether the game showed itself degenerate.
public struct EquilibriumSet: Hashable, Sendable {
    /// The equilibria, sorted (see `MixedEquilibrium`), each checked exactly.
    public var equilibria: [MixedEquilibrium]
    /// Why the game is degenerate, when a witness was found: a mixed strategy with more pure best
    /// responses than the size of its support. `nil` when none was found.
    public var degeneracy: String?
    /// Support pairs examined.
    public var supportPairs: Int

    /// Whether a degeneracy was found. Support enumeration finds every equilibrium of a
    /// non-degenerate game; in a degenerate one, equilibria can form continua, and the list holds
    /// only those that equal-size supports pin down.
    public var isDegenerate: Bool { degeneracy != nil }
}

/// Support enumeration for two-player games: for every pair of supports of equal size, solve the
/// indifference equations and keep the solutions that are probability vectors with no better
/// pure reply outside the support. Doubles screen the support pairs (with a generous tolerance);
/// exact rational arithmetic decides every pair that survives the screen, so the answer is exact.
public enum SupportEnumeration {
    /// Every equilibrium of `game` (all of them when it is non-degenerate), on `workers` threads.
    public static func solve(_ game: Bimatrix, workers: Int = 1) -> EquilibriumSet {
        let (m, n) = (game.rows, game.columns)
        // The screen works on each player's payoffs mapped into (0, 1] by a positive affine map,
        // which changes no equilibrium, so its tolerances mean the same at every payoff scale.
        let rowValues = unitScaled(game.row)
        let columnValues = unitScaled(game.column)
        let tolerance = 1e-7
        let tasks = (1...min(m, n)).flatMap { size in combinations(m, size).map { (size: size, rows: $0) } }
        let columnSets = (0...min(m, n)).map { combinations(n, $0) }
        let lanes = max(1, min(workers, tasks.count))
        let candidates = Mutex([[Candidate]](repeating: [], count: lanes))
        let columnByTarget = (0..<n).map { j in (0..<m).map { columnValues[$0][j] } }
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let x = IndifferenceSolver(capacity: min(m, n) + 1, singular: 1e-6)
            let y = IndifferenceSolver(capacity: min(m, n) + 1, singular: 1e-6)
            defer { x.deallocate(); y.deallocate() }
            var found = [Candidate]()
            for task in stride(from: lane, to: tasks.count, by: lanes) {
                let (k, rows) = tasks[task]
                for columns in columnSets[k] {
                    // x on `rows` makes the column player indifferent across `columns`, and y the reverse.
                    // A near-singular system is left to exact arithmetic rather than trusted.
                    guard x.solve(columnByTarget, targets: columns, support: rows) else {
                        found.append(Candidate(rows: rows, columns: columns, kind: .equilibrium))
                        continue
                    }
                    guard !x.hasNegative(k, tolerance: tolerance) else { continue }
                    let xReplies = compareOutside(columnByTarget, x, targets: columns, support: rows, tolerance: tolerance)
                    if xReplies == .tied { found.append(Candidate(rows: rows, columns: columns, kind: .rowMixTie)) }
                    guard y.solve(rowValues, targets: rows, support: columns) else {
                        found.append(Candidate(rows: rows, columns: columns, kind: .equilibrium))
                        continue
                    }
                    guard !y.hasNegative(k, tolerance: tolerance) else { continue }
                    let yReplies = compareOutside(rowValues, y, targets: rows, support: columns, tolerance: tolerance)
                    if yReplies == .tied { found.append(Candidate(rows: rows, columns: columns, kind: .columnMixTie)) }
                    if xReplies != .better && yReplies != .better { found.append(Candidate(rows: rows, columns: columns, kind: .equilibrium)) }
                }
            }
            candidates.withLock { $0[lane] = found }
        }
        var equilibria = Set<MixedEquilibrium>()
        var degeneracy: String?
        for candidate in candidates.withLock({ $0 }).joined() {
            switch candidate.kind {
            case .equilibrium:
                if let equilibrium = decide(game, rows: candidate.rows, columns: candidate.columns) { equilibria.insert(equilibrium) }
            case .rowMixTie, .columnMixTie:
                if degeneracy == nil { degeneracy = confirmDegeneracy(game, candidate) }
            }
        }
        return EquilibriumSet(equilibria: equilibria.sorted(), degeneracy: degeneracy, supportPairs: tasks.reduce(0) { $0 + columnSets[$1.size].count })
    }

    /// `matrix` under the positive affine map of `VertexEnumeration.positiveIntegers`, divided by
    /// its largest entry: doubles in (0, 1].
    static func unitScaled(_ matrix: [[Rational]]) -> [[Double]] {
        let integers = VertexEnumeration.positiveIntegers(matrix)
        let largest = Rational(integers.joined().max()!)
        return integers.map { $0.map { (Rational($0) / largest).doubleValue } }
    }

    /// How the opponent's strategies outside `targets` fare against the solved mix.
    enum OutsideReplies { case worse, tied, better }

    /// Whether some strategy outside `targets` earns the opponent more against the solved mix than
    /// the targets do, or (failing that) as much (screen, within `tolerance`).
    @inline(__always)
    static func compareOutside(_ payoffs: [[Double]], _ solver: IndifferenceSolver, targets: [Int], support: [Int], tolerance: Double) -> OutsideReplies {
        let value = solver.solution[support.count]
        var next = 0
        var tied = false
        for t in payoffs.indices {
            if next < targets.count && targets[next] == t { next += 1; continue }
            let payoff = solver.payoff(payoffs, target: t, support: support)
            if payoff > value + tolerance { return .better }
            if payoff >= value - tolerance { tied = true }
        }
        return tied ? .tied : .worse
    }

    /// The exact equilibrium on the support pair, if there is one.
    static func decide(_ game: Bimatrix, rows: [Int], columns: [Int]) -> MixedEquilibrium? {
        let k = rows.count
        let columnByTarget = columns.map { j in game.column.map { $0[j] } }
        guard let xs = exactMix(columnByTarget, support: rows), let ys = exactMix(rows.map { game.row[$0] }, support: columns)
        else { return nil }
        var x = [Rational](repeating: .zero, count: game.rows)
        var y = [Rational](repeating: .zero, count: game.columns)
        for (e, i) in rows.enumerated() { x[i] = xs[e] }
        for (e, j) in columns.enumerated() { y[j] = ys[e] }
        guard game.exactRowPayoffs(against: y).allSatisfy({ $0 <= ys[k] }), game.exactColumnPayoffs(against: x).allSatisfy({ $0 <= xs[k] })
        else { return nil }
        return MixedEquilibrium(row: x, column: y, rowPayoff: ys[k], columnPayoff: xs[k])
    }

    /// The exact mix on `support` (then the opponent's value) that makes every row of `payoffs`
    /// (the opponent's payoffs, one row per target strategy, indexed by our strategy) equal, if it
    /// is unique and a probability vector.
    static func exactMix(_ payoffs: [[Rational]], support: [Int]) -> [Rational]? {
        let k = support.count
        let system = payoffs.map { line in support.map { line[$0] } + [-1] } + [[Rational](repeating: .one, count: k) + [.zero]]
        guard let solution = LinearSystems.solve(system, [Rational](repeating: .zero, count: k) + [.one]),
              solution.prefix(k).allSatisfy({ $0.sign >= 0 }) else { return nil }
        return solution
    }

    /// All `size`-element subsets of 0..<count, in lexicographic order.
    static func combinations(_ count: Int, _ size: Int) -> [[Int]] {
        guard size <= count else { return [] }
        guard size > 0 else { return [[]] }
        var result = [[Int]]()
        var current = Array(0..<size)
        while true {
            result.append(current)
            var position = size - 1
            while position >= 0 && current[position] == count - size + position { position -= 1 }
            if position < 0 { return result }
            current[position] += 1
            for later in (position + 1)..<size { current[later] = current[later - 1] + 1 }
        }
    }
}
