import BigInt
import Foundation
@testable import GameTheory
import Randomness
import Testing

/// A game from two integer matrices.
func bimatrix(_ row: [[Int]], _ column: [[Int]]) -> Bimatrix {
    Bimatrix(row: row.map { $0.map { Rational($0) } }, column: column.map { $0.map { Rational($0) } })
}

/// The extreme equilibria as (row mix, column mix) pairs, for comparing with other solvers.
func profiles(_ equilibria: [MixedEquilibrium]) -> Set<[[Rational]]> {
    Set(equilibria.map { [$0.row, $0.column] })
}

@Suite("Vertex enumeration: every extreme equilibrium, exactly")
struct VertexEnumerationTests {
    @Test("battle of the sexes: two pure equilibria and the mix (3/5, 2/5; 2/5, 3/5), one subset each, non-degenerate")
    func battleOfTheSexes() {
        let result = VertexEnumeration.solve(bimatrix([[3, 0], [0, 2]], [[2, 0], [0, 3]]))
        #expect(result.isComplete && !result.isDegenerate)
        #expect(profiles(result.equilibria) == [[[1, 0], [1, 0]], [[0, 1], [0, 1]], [[q("3/5"), q("2/5")], [q("2/5"), q("3/5")]]])
        #expect(result.subsets.count == 3 && result.subsets.allSatisfy { $0.equilibria.count == 1 })
        #expect(result.vertices == [4, 4])
    }

    @Test("all payoffs equal: the four pure profiles are the extreme equilibria and form one maximal Nash subset")
    func constantGame() {
        let result = VertexEnumeration.solve(bimatrix([[5, 5], [5, 5]], [[-1, -1], [-1, -1]]))
        #expect(result.isComplete && result.isDegenerate)
        #expect(result.equilibria.count == 4 && result.equilibria.allSatisfy(\.isPure))
        #expect(result.subsets == [NashSubset(row: [[1, 0], [0, 1]], column: [[1, 0], [0, 1]], equilibria: [0, 1, 2, 3])])
    }

    @Test("a continuum: the column player is indifferent, so every row mix with x1 >= 1/2 against Left is an equilibrium")
    func continuum() {
        // Row: Top pays 1 against Left, 0 against Right; Bottom pays 1 against both.
        // Column: indifferent to everything. Equilibria: (Bottom, any y) and (any x, Left).
        let result = VertexEnumeration.solve(bimatrix([[1, 0], [1, 1]], [[0, 0], [0, 0]]))
        #expect(result.isComplete && result.isDegenerate)
        #expect(profiles(result.equilibria) == [[[1, 0], [1, 0]], [[0, 1], [1, 0]], [[0, 1], [0, 1]]])
        #expect(Set(result.subsets.map { Set($0.row) }) == [[[1, 0], [0, 1]], [[0, 1]]])
    }

    @Test("the lexicographic rule survives heavy degeneracy: a 6 x 6 game of zeros has all 36 pure profiles as extreme equilibria")
    func zeros() {
        let zero = [[Int]](repeating: [Int](repeating: 0, count: 6), count: 6)
        let result = VertexEnumeration.solve(bimatrix(zero, zero))
        #expect(result.isComplete && result.equilibria.count == 36 && result.subsets.count == 1)
    }

    @Test("equilibria do not change when each player's payoffs are scaled by positive rationals (10^-40 to 10^40) and shifted")
    func affineInvariance() {
        var generator = Xoshiro256StarStar(seed: 16)
        let base = bimatrix([[3, 0], [0, 2]], [[2, 0], [0, 3]])
        let expected = profiles(VertexEnumeration.solve(base).equilibria)
        for exponent in [-40, -13, -1, 0, 6, 13, 40] {
            let scale = exponent >= 0 ? Rational(BigInt(10).power(exponent)) : Rational(1, BigInt(10).power(-exponent))
            let odd = Rational(BigInt(1 + generator.uniformIndex(below: 1000)), BigInt(1 + generator.uniformIndex(below: 1000)))
            let shift = Rational(BigInt(generator.uniformIndex(below: 2001)) - 1000, 7)
            let game = Bimatrix(row: base.row.map { $0.map { $0 * scale + shift } }, column: base.column.map { $0.map { $0 * odd * scale - shift } })
            #expect(profiles(VertexEnumeration.solve(game).equilibria) == expected, "scale 10^\(exponent)")
            #expect(profiles(SupportEnumeration.solve(game).equilibria) == expected, "support enumeration, scale 10^\(exponent)")
        }
        for _ in 0..<20 {
            let game = Bimatrix.random(rows: 4, columns: 3, payoffs: -5...5, using: &generator)
            let expected = profiles(VertexEnumeration.solve(game).equilibria)
            let exponent = generator.uniformIndex(below: 81) - 40
            let power = Rational(BigInt(10).power(abs(exponent)))
            let scale = (exponent >= 0 ? power : .one / power) * Rational(BigInt(1 + generator.uniformIndex(below: 99)), BigInt(1 + generator.uniformIndex(below: 99)))
            let shifted = Bimatrix(row: game.row.map { $0.map { $0 * scale + 3 } }, column: game.column.map { $0.map { $0 * scale * 2 - scale } })
            #expect(profiles(VertexEnumeration.solve(shifted).equilibria) == expected)
        }
    }

    @Test("matches support enumeration on non-degenerate random games, and finds a degeneracy whenever support enumeration does")
    func agreesWithSupportEnumeration() {
        var generator = Xoshiro256StarStar(seed: 17)
        for size in [2, 3, 4, 5, 6, 7] {
            for _ in 0..<10 {
                let game = Bimatrix.random(rows: size, columns: size + generator.uniformIndex(below: 2), payoffs: -99...99, using: &generator)
                let vertices = VertexEnumeration.solve(game, workers: 1)
                let supports = SupportEnumeration.solve(game)
                if !supports.isDegenerate && !vertices.isDegenerate {
                    #expect(profiles(vertices.equilibria) == profiles(supports.equilibria))
                }
                #expect(!supports.isDegenerate || vertices.isDegenerate)
                #expect(VertexEnumeration.solve(game, workers: 2) == vertices)
            }
        }
    }

    @Test("128-bit entries move to arbitrary precision when a pivot would overflow, with the same answer")
    func overflow() {
        var generator = Xoshiro256StarStar(seed: 18)
        let game = Bimatrix.random(rows: 9, columns: 9, payoffs: -1_000_000_000...1_000_000_000, using: &generator)
        let result = VertexEnumeration.solve(game)
        let supports = SupportEnumeration.solve(game)
        #expect(profiles(result.equilibria) == profiles(supports.equilibria))
        let tableau = PolytopeTableau(VertexEnumeration.positiveIntegers(game.row))
        var search = BasisSearch(tableau, labelOfVariable: Array(0..<18))
        _ = search.run(shouldStop: { _ in false }) { _, _ in }
        #expect(tableau.isLarge)
    }

    @Test("a basis limit stops the run early, marked incomplete, and every equilibrium it did return is one")
    func limits() {
        var generator = Xoshiro256StarStar(seed: 19)
        let game = Bimatrix.random(rows: 10, columns: 10, payoffs: -99...99, using: &generator)
        let stopped = VertexEnumeration.solve(game, limits: EnumerationLimits(maxBases: 256))
        #expect(stopped.stop == .basisLimit(256) && !stopped.isComplete)
        #expect(stopped.equilibria.allSatisfy { game.isEquilibrium($0.row, $0.column) })
        let cancelled = VertexEnumeration.solve(game, limits: EnumerationLimits(isCancelled: { true }))
        #expect(cancelled.stop == .cancelled)
        let full = VertexEnumeration.solve(game)
        #expect(full.isComplete && profiles(stopped.equilibria).isSubset(of: profiles(full.equilibria)))
    }
}

@Suite("128-bit exact arithmetic")
struct WideIntegerTests {
    @Test("full products and exact quotients agree with arbitrary precision on random and extreme values")
    func againstBigInt() {
        var generator = Xoshiro256StarStar(seed: 128)
        func random() -> Int128 {
            let bits = generator.uniformIndex(below: 127)
            let value = Int128(_low: generator.next(), _high: Int64(bitPattern: generator.next())) >> (127 - bits)
            return value
        }
        let extremes: [Int128] = [0, 1, -1, .max, .min + 1, Int128(1) << 64, -(Int128(1) << 64), Int128(Int64.max), Int128(UInt64.max)]
        var values = extremes
        for _ in 0..<400 { values.append(random()) }
        for (k, a) in values.enumerated() {
            let b = values[(k * 7 + 3) % values.count]
            let (high, low) = WideInteger.product(a, b)
            let wide = (BigInt(high) << 128) + BigInt(low)
            #expect(wide == BigInt(a) * BigInt(b), "\(a) * \(b)")
            #expect(abs(WideInteger.approximate(a) - Double(a)) <= abs(Double(a)) * 0x1p-52)
            // An exact quotient: (a * d) / d for a divisor with trailing zeros.
            let divisor = Int128(generator.uniformIndex(below: 1 << 20) + 1) << generator.uniformIndex(below: 40) * (k % 2 == 0 ? 1 : -1)
            let quotient = a >> 64
            let numerator = WideInteger.product(quotient, divisor)
            #expect(WideInteger.exactQuotient(numerator, by: WideInteger.Divisor(divisor)) == quotient)
        }
    }
}
