import Foundation
@testable import GameTheory
import Randomness
import Testing

@Suite("Value decomposition (VDN, QMIX)")
struct ValueDecompositionTests {
    @Test("the additive fit of state 2B's payoffs is row mean + column mean − grand mean: −1.5, 2.5, 2.5, 6.5")
    func additiveFitOfStateTwoB() {
        #expect(additiveFit([[0, 1], [1, 8]]) == [[-1.5, 2.5], [2.5, 6.5]])
        // An additive matrix is its own fit.
        #expect(additiveFit([[1, 3], [2, 4]]) == [[1, 3], [2, 4]])
    }

    @Test("exact values of the two-step game: Q*(1, B, ·) = 0.99 · 8 beats Q*(1, A, ·) = 0.99 · 7; VDN's fixed point prefers A")
    func twoStepOracles() {
        let game = CooperativeGame.twoStep
        let optimal = game.optimalValues(discount: 0.99)
        #expect(abs(optimal[0][1][0] - 7.92) < 1e-12 && abs(optimal[0][0][1] - 6.93) < 1e-12)
        let additive = game.additiveValues(discount: 0.99)
        #expect(abs(additive[0][0][0] - 6.93) < 1e-12)
        #expect(abs(additive[0][1][0] - 0.99 * 6.5) < 1e-12)
        #expect(game.greedyReturn([[1, 1, 1], [0, 1, 1]]) == 8)
        #expect(game.greedyReturn([[0, 1, 1], [0, 1, 1]]) == 7)
    }

    @Test("the mixer's gradients match central finite differences, for parameters and utilities")
    func mixerGradient() {
        var generator = Xoshiro256StarStar(seed: 7)
        var mixer = MonotonicMixer(agents: 2, features: 3, embedding: 4, using: &generator)
        // Nonzero biases, so the value hypernetwork's ReLU and the ELU's both sides are exercised.
        mixer.parameters = mixer.parameters.map { $0 + 0.3 * (2 * generator.uniformUnit() - 1) }
        let state: [Double] = [0, 1, 0.5]
        let q: [Double] = [0.7, -1.3]
        var gradient = [Double](repeating: 0, count: mixer.parameters.count)
        let (_, dq) = mixer.valueAndGradient(q, state: state, outputGradient: 1, parameterGradient: &gradient)
        let h = 1e-6
        for k in mixer.parameters.indices {
            var plus = mixer, minus = mixer
            plus.parameters[k] += h
            minus.parameters[k] -= h
            let numeric = (plus.value(q, state: state) - minus.value(q, state: state)) / (2 * h)
            #expect(abs(numeric - gradient[k]) < 1e-6, "parameter \(k): \(numeric) vs \(gradient[k])")
        }
        for i in 0..<2 {
            var up = q, down = q
            up[i] += h
            down[i] -= h
            let numeric = (mixer.value(up, state: state) - mixer.value(down, state: state)) / (2 * h)
            #expect(abs(numeric - dq[i]) < 1e-6)
            #expect(dq[i] >= 0, "Q_tot must not decrease in an agent's utility")
        }
    }

    @Test("a mixer is non-decreasing in every utility, whatever its parameters and state")
    func mixerIsMonotonic() {
        var generator = Xoshiro256StarStar(seed: 11)
        for _ in 0..<50 {
            let mixer = MonotonicMixer(agents: 2, features: 3, embedding: 8, using: &generator)
            let state = (0..<3).map { _ in 2 * generator.uniformUnit() - 1 }
            let q = (0..<2).map { _ in 10 * generator.uniformUnit() - 5 }
            for i in 0..<2 {
                var higher = q
                higher[i] += generator.uniformUnit()
                #expect(mixer.value(higher, state: state) >= mixer.value(q, state: state))
            }
        }
    }

    @Test("on the two-step game VDN converges to the additive fixed point and its agents take the 7; QMIX represents state 2B exactly and takes the 8")
    func twoStepGame() {
        let game = CooperativeGame.twoStep
        let oracle = game.additiveValues(discount: 0.99)
        for seed in UInt64(1)...3 {
            var generator = Xoshiro256StarStar(seed: seed)
            let vdn = trainDecomposition(game, kind: .vdn, settings: DecompositionSettings(), using: &generator)
            let vdnError = zip(vdn.jointValues.joined().joined(), oracle.joined().joined()).map { abs($0 - $1) }.max()!
            #expect(vdnError < 0.1, "seed \(seed): VDN is \(vdnError) from the additive fixed point")
            #expect(vdn.greedyReturn == 7)
            let qmix = trainDecomposition(game, kind: .qmix, settings: DecompositionSettings(), using: &generator)
            let exact: [[Double]] = [[0, 1], [1, 8]]
            let qmixError = zip(qmix.jointValues[2].joined(), exact.joined()).map { abs($0 - $1) }.max()!
            #expect(qmixError < 0.05, "seed \(seed): QMIX's state 2B is \(qmix.jointValues[2])")
            #expect(qmix.greedyReturn == 8)
            let independent = trainDecomposition(game, kind: .independent, settings: DecompositionSettings(), using: &generator)
            #expect(independent.greedyReturn == 7)
        }
    }

    @Test("on penalised coordination neither decomposition finds the 8: the uniformly weighted projection favours the safe 0")
    func monotonicMixingFails() {
        let game = CooperativeGame.penalisedCoordination
        #expect(game.optimalValues(discount: 0.99)[0].joined().max() == 8)
        for seed in UInt64(1)...3 {
            var generator = Xoshiro256StarStar(seed: seed)
            for kind in [DecompositionKind.vdn, .qmix] {
                let result = trainDecomposition(game, kind: kind, settings: DecompositionSettings(), using: &generator)
                #expect(result.greedyReturn == 0, "seed \(seed), \(kind): \(result.jointValues[0])")
            }
        }
    }
}
