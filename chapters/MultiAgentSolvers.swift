import Charts
import Foundation
import GameTheory
import Notebook

private let degenerateStudy = Experiment("exp-ma-degenerate", parameters: [3, 4, 5], replicates: 1) { size, generator in
    MultiAgentLab.degenerateStudy(size: size, using: &generator)
}

private let solverTime = Experiment("exp-ma-solver-time", parameters: [8, 10, 12, 16], replicates: 1, cost: .timing) { size, generator in
    MultiAgentLab.solverTiming(size: size, using: &generator)
}

/// The yardsticks' median seconds on random games of the same kind (payoffs −99..99, written by
/// `benchmarks nash-games`), measured in one run on a 2-core machine of the kind the report runs
/// on: lrsnash 7.1 (lrslib with GMP), pygambit 16.7.0's `enummixed_solve` exact and in floating
/// point. nil: not run, since pygambit's times grow about tenfold with every two strategies.
private let peerSeconds: [Int: (lrsnash: Double, gambitExact: Double?, gambitFloat: Double?)] = [
    8: (0.0137, 1.30, 0.0332),
    10: (0.0630, 14.3, 0.471),
    12: (0.421, nil, 15.1),
    16: (13.5, nil, nil),
]

private func seconds(_ value: Double?) -> String {
    guard let value else { return "n/a" }
    // Two significant digits throughout: the peers' times were measured to about that.
    return NumberText.significant(value, digits: 2) + " s"
}

let multiAgentSolverSection = Section("Every equilibrium, degenerate games included", id: "sec-ma-solvers") {
    Prose("""
        The equilibria in this chapter come from vertex enumeration \
        [@mangasarian1964equilibrium; @avis2010enumeration]. Make every payoff positive (adding a \
        constant to a player's payoffs changes no equilibrium) and give each player a polytope: \
        $P = \\{x \\ge 0 : B^\\top x \\le 1\\}$ for the row player and $Q = \\{y \\ge 0 : A y \\le 1\\}$ \
        for the column player. A point of $P$ carries label $i$ when $x_i = 0$ and label $m + j$ \
        when column $j$'s constraint binds, that is when $j$ is a best reply to $x$; points of $Q$ \
        are labelled the same way. A vertex of $P$ and a vertex of $Q$, neither the origin, whose \
        labels together cover all $m + n$ strategies form an equilibrium once each is scaled to \
        sum to one: every strategy is either unused or a best reply. Every extreme equilibrium is \
        such a pair. The library walks over every vertex of both polytopes by exact integer \
        pivoting, in 128-bit integers while the numbers fit and in arbitrary precision after, \
        with the lexicographic pivoting rule that lrs uses [@avis2000lrs] so that a degenerate \
        vertex, shared by many bases, neither stalls nor hides the search. Extreme equilibria \
        that share vertices can be mixed: the maximal sets of row and column vertices that are \
        all pairwise compatible, the maximal Nash subsets, are blocks of equilibria, and every \
        equilibrium of the game lies in one of them.
        """)
    Prose("""
        Support enumeration, the method the library used before, solves the indifference \
        equations of every pair of equal-size supports. That is enough when the game is \
        non-degenerate, but in a degenerate game an extreme equilibrium may have supports of \
        different sizes, and support enumeration then misses it. Games whose payoffs are only 0 \
        and 1 are degenerate almost always; @tbl-ma-degenerate solves 200 random ones of each \
        size both ways. (The repository's tests also compare vertex enumeration with lrsnash, \
        an independent implementation, on random 0/1 and small-range games up to 6 x 7.)
        """)
    degenerateStudy
    Table("tbl-ma-degenerate", caption: "Random n x n games with payoffs 0 or 1 (200 per size): extreme equilibria found by vertex enumeration and by support enumeration over equal-size supports, and the maximal Nash subsets (means per game).") { results in
        let rows = try results[degenerateStudy].points.map { point -> [String] in
            let study = point.replicates[0]
            let games = Double(study.extreme.count)
            let missed = zip(study.extreme, study.supportFound).filter { $0 > $1 }.count
            return ["\(study.size) x \(study.size)", "\(study.extreme.count)", "\(study.degenerate.filter { $0 }.count)",
                    String(format: "%.2f", Double(study.extreme.reduce(0, +)) / games), String(format: "%.2f", Double(study.supportFound.reduce(0, +)) / games),
                    "\(missed)", String(format: "%.2f", Double(study.subsets.reduce(0, +)) / games)]
        }
        return TableData(header: ["size", "games", "degenerate", "extreme equilibria", "by support enumeration", "games it misses some", "maximal Nash subsets"], rows: rows)
    }
    Claim("clm-ma-degenerate", "Among random 4 x 4 games with payoffs 0 and 1, support enumeration misses extreme equilibria in more than a quarter of the games, and at no size does it list one that vertex enumeration lacks.") { results in
        let studies = try results[degenerateStudy].points.map { $0.replicates[0] }
        let four = try results[degenerateStudy].output(at: 4)
        let missed = Double(zip(four.extreme, four.supportFound).filter { $0 > $1 }.count) / Double(four.extreme.count)
        return ClaimCheck(missed, .atLeast(0.25), unit: "of 4 x 4 games with equilibria missed", detail: String(format: "%.0f%% of %d games", 100 * missed, four.extreme.count),
                          and: [ClaimCheck(Double(studies.map(\.supportOutside).reduce(0, +)), .atMost(0), unit: "games where support enumeration lists an equilibrium vertex enumeration lacks")])
    }
    Prose("""
        @tbl-ma-solver-time times both methods on random games with payoffs between −99 and 99 \
        on all cores, beside three yardsticks measured on games of the same kind on the same kind \
        of 2-core machine, outside the report since it runs without Python or C tools: lrsnash \
        7.1, which implements the same method in C with GMP arithmetic [@avis2000lrs], and \
        pygambit 16.7.0's enumeration of mixed equilibria in exact and in floating-point \
        arithmetic [@mckelvey2016gambit]. In a differential test outside the report, the library, \
        lrsnash and pygambit listed the same extreme equilibria on every game tried: the 32 \
        timing games of those yardsticks, and 220 random games from 2 x 2 to 7 x 7 with payoffs \
        0 and 1 or −2 to 2, degenerate nearly all. The number of vertices, and with it the time, \
        grows exponentially with the number of strategies, and support enumeration's pairs of \
        supports faster still.
        """)
    solverTime
    Table("tbl-ma-solver-time", caption: "Median time to find every extreme equilibrium of a random n x n game (11 games per size, 5 at 16 x 16; payoffs −99..99; all cores), against support enumeration, lrsnash and pygambit's `enummixed_solve` [@avis2000lrs; @mckelvey2016gambit]; n/a: not run, as those times grow about tenfold with every two strategies.") { results in
        let rows = try results[solverTime].points.map { point -> [String] in
            let t = point.replicates[0]
            let peer = peerSeconds[t.size]!
            return ["\(t.size) x \(t.size)", seconds(t.medianSeconds), seconds(t.supportMedianSeconds), seconds(peer.lrsnash), seconds(peer.gambitExact),
                    seconds(peer.gambitFloat), t.medianVertices.formatted(), "\(t.medianEquilibria)"]
        }
        return TableData(header: ["size", "vertex enumeration", "support enumeration", "lrsnash", "pygambit exact", "pygambit float", "vertices", "equilibria"], rows: rows)
    }
    Claim("clm-ma-solver-speed", "At 10 x 10 vertex enumeration is more than a hundred times faster than pygambit's exact enumeration, and at every size measured it is faster than lrsnash.") { results in
        let timings = try results[solverTime].points.map { $0.replicates[0] }
        let ten = timings.first { $0.size == 10 }!
        let againstLrs = timings.map { peerSeconds[$0.size]!.lrsnash / $0.medianSeconds }.min()!
        return ClaimCheck(peerSeconds[10]!.gambitExact! / ten.medianSeconds, .atLeast(100), unit: "x faster than pygambit exact at 10 x 10", detail: String(format: "median %.4f s", ten.medianSeconds),
                          and: [ClaimCheck(againstLrs, .atLeast(1), unit: "x faster than lrsnash (smallest ratio over the sizes)")])
    }
    Claim("clm-ma-solver-16", "A random 16 x 16 game, whose two polytopes have more than a hundred thousand vertices, takes a median of less than ten seconds.") { results in
        let t = try results[solverTime].output(at: 16)
        return ClaimCheck(t.medianSeconds, .atMost(10), unit: "s", detail: "median \(t.medianVertices.formatted()) vertices",
                          and: [ClaimCheck(Double(t.medianVertices), .atLeast(100_000), unit: "vertices (median)")])
    }
}
