import Foundation

/// Elo ratings fitted to the results of a round-robin by maximum likelihood under the
/// Bradley–Terry model (Hunter's minorisation–maximisation iterations), a draw counting as half a
/// win for each side. Every pair gets one virtual draw, so that a player who lost every game still
/// has a finite rating. Ratings are anchored so that the first player is 0.
public enum EloRatings {
    /// `scores[i][j]`: player i's points (wins + draws / 2) against j; `games[i][j]`: games between
    /// them (symmetric).
    public static func fit(scores: [[Double]], games: [[Double]], iterations: Int = 2000) -> [Double] {
        let n = scores.count
        precondition(games.count == n && scores.allSatisfy { $0.count == n } && games.allSatisfy { $0.count == n }, "ragged result tables")
        var strength = [Double](repeating: 1, count: n)
        for _ in 0..<iterations {
            var next = strength
            for i in 0..<n {
                var points = 0.0
                var denominator = 0.0
                for j in 0..<n where j != i && games[i][j] > 0 {
                    points += scores[i][j] + 0.5
                    denominator += (games[i][j] + 1) / (strength[i] + strength[j])
                }
                if denominator > 0 { next[i] = points / denominator }
            }
            // Normalise to keep the numbers in range (ratings are relative).
            let mean = next.reduce(0, +) / Double(n)
            strength = next.map { $0 / mean }
        }
        return strength.map { 400 * log10($0 / strength[0]) }
    }

    /// The probability that a player rated `a` scores against one rated `b`.
    public static func expectedScore(_ a: Double, against b: Double) -> Double {
        1 / (1 + pow(10, (b - a) / 400))
    }
}
