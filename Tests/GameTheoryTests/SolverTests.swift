import Foundation
import GameTheory
import Randomness
import Testing

/// Shorthand for exact fractions in expectations.
func q(_ text: String) -> Rational { Rational(text)! }

@Suite("Equilibria of known games")
struct KnownEquilibriumTests {
    @Test("prisoner's dilemma: defect strictly dominates, (D, D) is the only equilibrium and (C, C) Pareto-dominates it")
    func prisonersDilemma() {
        let game = ClassicGames.prisonersDilemma
        #expect(game.dominantStrategies(of: 0, kind: .strict) == [1] && game.dominantStrategies(of: 1, kind: .strict) == [1])
        #expect(game.pureEquilibria == [[1, 1]])
        #expect(game.isParetoDominated([1, 1]) && !game.isParetoDominated([0, 0]))
        #expect(game.iteratedElimination(.strict).remaining == [[1], [1]])
        let all = SupportEnumeration.solve(game.bimatrix!)
        #expect(all.equilibria.count == 1 && all.equilibria[0].rowPayoff == -2 && !all.isDegenerate)
    }

    @Test("rock-paper-scissors: the uniform mix is the only equilibrium, value 0, and every pure strategy loses 1 to its best response")
    func rockPaperScissors() {
        let game = ClassicGames.rockPaperScissors.bimatrix!
        let third = q("1/3")
        let all = SupportEnumeration.solve(game)
        #expect(all.equilibria == [MixedEquilibrium(row: [third, third, third], column: [third, third, third], rowPayoff: 0, columnPayoff: 0)])
        let lp = ZeroSumSolver.solve(game)!
        #expect(lp.value == 0 && lp.row == [third, third, third] && lp.column == [third, third, third])
        for pure in 0..<3 {
            let x = (0..<3).map { $0 == pure ? Rational.one : .zero }
            #expect(game.exactColumnPayoffs(against: x).max()! == 1)
        }
    }

    @Test("biased rock-paper-scissors: unique equilibrium (1/16, 10/16, 5/16), value 0, by support enumeration, Lemke-Howson and LP")
    func biasedRockPaperScissors() throws {
        let game = ClassicGames.biasedRockPaperScissors.bimatrix!
        let expected = [q("1/16"), q("10/16"), q("5/16")]
        #expect(SupportEnumeration.solve(game).equilibria.map(\.row) == [expected])
        #expect(ZeroSumSolver.solve(game)!.row == expected && ZeroSumSolver.solve(game)!.value == 0)
        for equilibrium in try LemkeHowson.solveFromEveryLabel(game) { #expect(equilibrium.row == expected && equilibrium.column == expected) }
    }

    @Test("battle of the sexes: two pure equilibria and the mix (3/5, 2/5; 2/5, 3/5) paying 6/5 to each")
    func battleOfTheSexes() throws {
        let game = ClassicGames.battleOfTheSexes.bimatrix!
        let all = SupportEnumeration.solve(game).equilibria
        #expect(all.count == 3)
        #expect(all.contains(MixedEquilibrium(row: [q("3/5"), q("2/5")], column: [q("2/5"), q("3/5")], rowPayoff: q("6/5"), columnPayoff: q("6/5"))))
        let reached = Set(try LemkeHowson.solveFromEveryLabel(game))
        #expect(reached.isSubset(of: Set(all)) && reached.count == 2)
    }

    @Test("stag hunt, chicken, coordination: two pure equilibria and one mixed each; Shapley's game: only the uniform mix")
    func threeEquilibria() {
        for game in [ClassicGames.stagHunt, ClassicGames.chicken, ClassicGames.coordination] {
            let all = SupportEnumeration.solve(game.bimatrix!)
            #expect(all.equilibria.count == 3 && all.equilibria.filter(\.isPure).count == 2 && !all.isDegenerate, "\(game.title)")
        }
        let third = q("1/3")
        #expect(SupportEnumeration.solve(ClassicGames.shapley.bimatrix!).equilibria.map(\.row) == [[third, third, third]])
    }

    @Test("Kuhn poker: 27 x 64 strategies and value -1/18 to the first player")
    func kuhnPoker() {
        let game = KuhnPoker.game
        #expect(game.shape == [27, 64] && game.isZeroSum)
        let solution = ZeroSumSolver.solve(game.bimatrix!)!
        #expect(solution.value == q("-1/18"))
        #expect(game.bimatrix!.isEquilibrium(solution.row, solution.column))
    }
}

@Suite("Solver fuzzing")
struct SolverFuzzTests {
    @Test("random games: every equilibrium checks exactly, non-degenerate games have an odd number, Lemke-Howson lands in the set")
    func randomGames() throws {
        var generator = Xoshiro256StarStar(seed: 7)
        var nonDegenerate = 0
        for trial in 0..<120 {
            let m = 1 + generator.uniformIndex(below: 6)
            let n = 1 + generator.uniformIndex(below: 6)
            // Narrow ranges make ties, so degenerate games are common among these.
            let range = trial % 2 == 0 ? -2...2 : -99...99
            let game = Bimatrix.random(rows: m, columns: n, payoffs: range, using: &generator)
            let all = SupportEnumeration.solve(game, workers: 1 + trial % 2)
            #expect(!all.equilibria.isEmpty)
            for e in all.equilibria { #expect(game.isEquilibrium(e.row, e.column)) }
            let reached = try LemkeHowson.solveFromEveryLabel(game)
            for e in reached { #expect(game.isEquilibrium(e.row, e.column)) }
            if !all.isDegenerate {
                nonDegenerate += 1
                #expect(all.equilibria.count % 2 == 1, "game \(trial)")
                #expect(Set(reached).isSubset(of: Set(all.equilibria)), "game \(trial)")
            }
        }
        #expect(nonDegenerate > 40)
    }

    @Test("degenerate games are reported, not hung on: all-zero payoffs, a duplicated strategy, a weakly dominated one")
    func degenerate() throws {
        let zero = Bimatrix(row: [[0, 0], [0, 0]] as [[Rational]], column: [[0, 0], [0, 0]] as [[Rational]])
        #expect(SupportEnumeration.solve(zero).isDegenerate)
        #expect(SupportEnumeration.solve(zero).equilibria.count >= 1)
        let duplicated = Bimatrix(row: [[1, 0], [1, 0], [0, 1]] as [[Rational]], column: [[0, 1], [0, 1], [1, 0]] as [[Rational]])
        #expect(SupportEnumeration.solve(duplicated).isDegenerate)
        let weak = Bimatrix(row: [[1, 1], [1, 0]] as [[Rational]], column: [[1, 1], [1, 0]] as [[Rational]])
        let result = SupportEnumeration.solve(weak)
        #expect(result.isDegenerate && result.equilibria.contains { $0.isPure })
        for game in [zero, duplicated, weak] {
            for e in try LemkeHowson.solveFromEveryLabel(game) { #expect(game.isEquilibrium(e.row, e.column)) }
        }
    }

    @Test("zero-sum LP agrees with support enumeration on the value of random zero-sum games")
    func zeroSum() {
        var generator = Xoshiro256StarStar(seed: 3)
        for _ in 0..<50 {
            let m = 1 + generator.uniformIndex(below: 6)
            let n = 1 + generator.uniformIndex(below: 6)
            let row = Bimatrix.random(rows: m, columns: n, payoffs: -20...20, using: &generator).row
            let game = Bimatrix(row: row, column: row.map { $0.map { -$0 } })
            let lp = ZeroSumSolver.solve(game)!
            #expect(game.isEquilibrium(lp.row, lp.column))
            for e in SupportEnumeration.solve(game).equilibria { #expect(e.rowPayoff == lp.value) }
        }
    }
}

@Suite("Dominance, best responses and Pareto optimality")
struct DominanceTests {
    @Test("iterated strict dominance solves a 3 x 3 game step by step, and the steps name the dominating strategy")
    func iteratedStrict() {
        // Column's R is strictly dominated by M; then row's D by U; then column's L by M.
        let game = NormalFormGame(title: "t", rowStrategies: ["U", "D"], columnStrategies: ["L", "M", "R"],
                                  row: [[1, 1, 0], [0, 0, 2]] as [[Rational]], column: [[0, 2, 1], [3, 1, 0]] as [[Rational]])
        let result = game.iteratedElimination(.strict)
        #expect(result.remaining == [[0], [1]])
        #expect(result.steps == [Elimination(player: 1, dominated: 2, dominating: 1), Elimination(player: 0, dominated: 1, dominating: 0),
                                 Elimination(player: 1, dominated: 0, dominating: 1)])
        #expect(game.pureEquilibria == [[0, 1]])
    }

    @Test("weak dominance: Bottom is weakly but not strictly dominated, and eliminating it loses the equilibrium (Bottom, Left)")
    func weak() {
        let game = NormalFormGame(title: "w", rowStrategies: ["Top", "Bottom"], columnStrategies: ["Left", "Right"],
                                  row: [[1, 1], [1, 0]] as [[Rational]], column: [[1, 1], [1, 0]] as [[Rational]])
        #expect(game.dominates(0, 1, for: 0, kind: .weak) && !game.dominates(0, 1, for: 0, kind: .strict))
        #expect(game.dominantStrategies(of: 0, kind: .weak) == [0] && game.dominantStrategies(of: 0, kind: .strict).isEmpty)
        #expect(game.pureEquilibria == [[0, 0], [0, 1], [1, 0]])
        #expect(game.iteratedElimination(.weak).remaining == [[0], [0, 1]])
        #expect(game.iteratedElimination(.strict).remaining == [[0, 1], [0, 1]])
    }

    @Test("three players: pure equilibria, best responses and Pareto optimality on a game file")
    func threePlayers() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/games/three-player-coordination.json")
        let game = try GameFile.read(url)
        #expect(game.shape == [2, 2, 2])
        #expect(game.pureEquilibria == [[0, 0, 0], [1, 1, 1]])
        #expect(game.bestResponses(of: 2, to: [1, 1, 0]) == [1])
        #expect(game.paretoOptimalProfiles == [[0, 0, 0]])
        #expect(game.isParetoDominated([1, 1, 1]))
    }
}
