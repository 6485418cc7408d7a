/// Degeneracy of two-player games. A game is non-degenerate when no mixed strategy of either
/// player that uses k pure strategies has more than k pure best responses; then every
/// equilibrium has supports of equal size and support enumeration finds them all. A mix with
/// k + 1 best responses is pinned down by k of them, so the support pairs that enumeration
/// already solves find every such mix: the float screen flags a tie outside the pair, and exact
/// arithmetic confirms it here.
extension SupportEnumeration {
    /// The description of a confirmed degeneracy at a flagged support pair, or `nil`.
    static func confirmDegeneracy(_ game: Bimatrix, _ candidate: Candidate) -> String? {
        let rowMixes = candidate.kind == .rowMixTie
        // The mixing player's support and the opponent's payoffs, one row per opponent strategy.
        let support = rowMixes ? candidate.rows : candidate.columns
        let targets = rowMixes ? candidate.columns : candidate.rows
        let payoffs = rowMixes ? (0..<game.columns).map { j in game.column.map { $0[j] } } : game.row
        guard let mix = exactMix(targets.map { payoffs[$0] }, support: support) else { return nil }
        let value = mix[support.count]
        let replies = payoffs.map { line in zip(support, mix).reduce(Rational.zero) { $0 + line[$1.0] * $1.1 } }
        guard replies.allSatisfy({ $0 <= value }) else { return nil }
        let best = replies.indices.filter { replies[$0] == value }
        guard best.count > support.count else { return nil }
        let (mixer, mine, theirs) = rowMixes ? ("row", "r", "c") : ("column", "c", "r")
        let used = support.filter { !mix[support.firstIndex(of: $0)!].isZero }
        return "a \(mixer) mix on \(used.count) strateg\(used.count == 1 ? "y" : "ies") (\(used.map { "\(mine)\($0 + 1)" }.joined(separator: ", "))) "
            + "has \(best.count) pure best responses (\(best.map { "\(theirs)\($0 + 1)" }.joined(separator: ", ")))"
    }
}
