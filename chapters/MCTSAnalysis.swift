import Charts
import Games

// Helpers that only read results for the `mcts` chapter's figures, tables and claims: they are
// not part of any experiment's cache key, so editing them reruns nothing.

/// Wilson's 95% interval for a proportion of `successes` in `trials`.
func wilson(_ successes: Int, _ trials: Int) -> ClosedRange<Double> {
    let z = 1.96
    let n = Double(trials)
    let p = Double(successes) / n
    let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / (1 + z * z / n)
    return max(0, centre - half)...min(1, centre + half)
}

/// 10, 100, 1k, 10k.
func shortCount(_ n: Int) -> String { n >= 1000 ? "\(n / 1000)k" : "\(n)" }

func counts(_ results: [Double]) -> (wins: Int, draws: Int, losses: Int) {
    (results.filter { $0 > 0 }.count, results.filter { $0 == 0 }.count, results.filter { $0 < 0 }.count)
}

extension ConnectFourLab {
    /// The stones of a position as `BoardView` rows, bottom row first.
    static func stones(_ position: ConnectFour) -> [[BoardView.Stone]] {
        let firstStones = position.moveCount % 2 == 0 ? position.position : position.position ^ position.mask
        return (0..<ConnectFour.height).map { row in
            (0..<ConnectFour.width).map { column in
                let bit = UInt64(1) << UInt64(column * (ConnectFour.height + 1) + row)
                if position.mask & bit == 0 { return .empty }
                return firstStones & bit != 0 ? .first : .second
            }
        }
    }
}
