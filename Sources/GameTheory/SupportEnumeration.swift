import Dispatch
import Foundation

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
        let scale = max(1, (game.rowValues + game.columnValues).joined().map(abs).max()!)
        let tolerance = 1e-7 * scale
        let tasks = (1...min(m, n)).flatMap { size in combinations(m, size).map { (size: size, rows: $0) } }
        let columnSets = (0...min(m, n)).map { combinations(n, $0) }
        let lanes = max(1, min(workers, tasks.count))
        let candidates = LaneResults<[([Int], [Int])]>(lanes: lanes, initial: [])
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let size = min(m, n) + 1
            let matrix = UnsafeMutablePointer<Double>.allocate(capacity: size * size)
            let x = UnsafeMutablePointer<Double>.allocate(capacity: size)
            let y = UnsafeMutablePointer<Double>.allocate(capacity: size)
            defer { matrix.deallocate(); x.deallocate(); y.deallocate() }
            var found = [([Int], [Int])]()
            for task in stride(from: lane, to: tasks.count, by: lanes) {
                let (k, rows) = tasks[task]
                for columns in columnSets[k] {
                    // x on `rows` makes the column player indifferent across `columns`.
                    for (e, j) in columns.enumerated() {
                        for (u, i) in rows.enumerated() { matrix[e * (k + 1) + u] = game.columnValues[i][j] }
                        matrix[e * (k + 1) + k] = -1
                        x[e] = 0
                    }
                    for u in 0..<k { matrix[k * (k + 1) + u] = 1 }
                    matrix[k * (k + 1) + k] = 0
                    x[k] = 1
                    guard LinearSystems.solve(matrix, x, size: k + 1, singular: 1e-12 * scale) else { continue }
                    if (0..<k).contains(where: { x[$0] < -tolerance }) { continue }
                    // y on `columns` makes the row player indifferent across `rows`.
                    for (e, i) in rows.enumerated() {
                        for (u, j) in columns.enumerated() { matrix[e * (k + 1) + u] = game.rowValues[i][j] }
                        matrix[e * (k + 1) + k] = -1
                        y[e] = 0
                    }
                    for u in 0..<k { matrix[k * (k + 1) + u] = 1 }
                    matrix[k * (k + 1) + k] = 0
                    y[k] = 1
                    guard LinearSystems.solve(matrix, y, size: k + 1, singular: 1e-12 * scale) else { continue }
                    if (0..<k).contains(where: { y[$0] < -tolerance }) { continue }
                    if outsideBetter(game, rows: rows, columns: columns, x: x, y: y, tolerance: tolerance) { continue }
                    found.append((rows, columns))
                }
            }
            candidates.set(lane, found)
        }
        var equilibria = Set<MixedEquilibrium>()
        var degeneracy = pureDegeneracy(game)
        for (rows, columns) in candidates.values.joined() {
            guard let (equilibrium, witness) = decide(game, rows: rows, columns: columns) else { continue }
            equilibria.insert(equilibrium)
            if degeneracy == nil { degeneracy = witness }
        }
        return EquilibriumSet(equilibria: equilibria.sorted(), degeneracy: degeneracy, supportPairs: columnSets.indices.dropFirst().reduce(0) {
            $0 + columnSets[$1].count * combinations(m, $1).count
        })
    }

    /// Whether a pure strategy outside the supports earns more than the support does (screen).
    @inline(__always)
    private static func outsideBetter(_ game: Bimatrix, rows: [Int], columns: [Int], x: UnsafeMutablePointer<Double>,
                                      y: UnsafeMutablePointer<Double>, tolerance: Double) -> Bool {
        let k = rows.count
        let (u, v) = (y[k], x[k])
        var next = 0
        for i in 0..<game.rows {
            if next < k && rows[next] == i { next += 1; continue }
            var payoff = 0.0
            for (e, j) in columns.enumerated() { payoff += game.rowValues[i][j] * y[e] }
            if payoff > u + tolerance { return true }
        }
        next = 0
        for j in 0..<game.columns {
            if next < k && columns[next] == j { next += 1; continue }
            var payoff = 0.0
            for (e, i) in rows.enumerated() { payoff += game.columnValues[i][j] * x[e] }
            if payoff > v + tolerance { return true }
        }
        return false
    }

    /// The exact equilibrium on the support pair, if there is one, and a degeneracy it reveals.
    static func decide(_ game: Bimatrix, rows: [Int], columns: [Int]) -> (MixedEquilibrium, String?)? {
        let k = rows.count
        let ones = [Rational](repeating: .one, count: k) + [.zero]
        let rhs = [Rational](repeating: .zero, count: k) + [.one]
        let xSystem = columns.map { j in rows.map { game.column[$0][j] } + [-1] } + [ones]
        let ySystem = rows.map { i in columns.map { game.row[i][$0] } + [-1] } + [ones]
        guard let xs = LinearSystems.solve(xSystem, rhs), let ys = LinearSystems.solve(ySystem, rhs),
              xs.prefix(k).allSatisfy({ $0.sign >= 0 }), ys.prefix(k).allSatisfy({ $0.sign >= 0 }) else { return nil }
        var x = [Rational](repeating: .zero, count: game.rows)
        var y = [Rational](repeating: .zero, count: game.columns)
        for (e, i) in rows.enumerated() { x[i] = xs[e] }
        for (e, j) in columns.enumerated() { y[j] = ys[e] }
        let r = game.exactRowPayoffs(against: y)
        let c = game.exactColumnPayoffs(against: x)
        guard r.allSatisfy({ $0 <= ys[k] }), c.allSatisfy({ $0 <= xs[k] }) else { return nil }
        let equilibrium = MixedEquilibrium(row: x, column: y, rowPayoff: ys[k], columnPayoff: xs[k])
        let rowReplies = r.filter { $0 == ys[k] }.count
        let columnReplies = c.filter { $0 == xs[k] }.count
        let (support, _) = equilibrium.supports
        var witness: String?
        if columnReplies > support.count {
            witness = "the row strategy mix on \(support.count) strategies has \(columnReplies) pure best responses"
        } else if rowReplies > equilibrium.supports.column.count {
            witness = "the column strategy mix on \(equilibrium.supports.column.count) strategies has \(rowReplies) pure best responses"
        }
        return (equilibrium, witness)
    }

    /// A pure strategy with two or more pure best responses, if any (degeneracy at support size 1).
    static func pureDegeneracy(_ game: Bimatrix) -> String? {
        for i in 0..<game.rows {
            let best = game.column[i].max()!
            if game.column[i].filter({ $0 == best }).count > 1 { return "row strategy \(i + 1) has several pure best responses" }
        }
        for j in 0..<game.columns {
            let line = game.row.map { $0[j] }
            let best = line.max()!
            if line.filter({ $0 == best }).count > 1 { return "column strategy \(j + 1) has several pure best responses" }
        }
        return nil
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

/// One result per concurrent lane, each written by its own lane only.
final class LaneResults<Value>: @unchecked Sendable {
    private var slots: [Value]
    private let lock = NSLock()

    init(lanes: Int, initial: Value) { slots = [Value](repeating: initial, count: lanes) }

    func set(_ lane: Int, _ value: Value) {
        lock.lock()
        slots[lane] = value
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
