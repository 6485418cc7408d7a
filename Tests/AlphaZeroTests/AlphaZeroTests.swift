import AlphaZero
import Foundation
import Games
import Randomness
import Search
import Testing

@Suite("The policy-value network")
struct NetworkTests {
    static func batch(count: Int, using generator: inout Xoshiro256StarStar) -> TrainingBatch {
        var inputs = [Float]()
        var policies = [Float]()
        var legal = [Float]()
        var values = [Float]()
        var seen = Set<TicTacToe>()
        while seen.count < count {
            // Distinct positions, so that no two examples ask for different targets.
            var position = TicTacToe.initial
            for _ in 0..<(2 + generator.uniformIndex(below: 4)) { position.play(position.legalMoves.randomElementForTest(&generator)) }
            guard position.outcome == nil, seen.insert(position).inserted else { continue }
            inputs += position.encoded
            let mask = position.legalMask
            legal += mask
            // One-hot targets: a perfect fit has zero cross-entropy.
            var target = [Float](repeating: 0, count: 9)
            target[position.legalMoves.randomElementForTest(&generator)] = 1
            policies += target
            values.append(Float(generator.uniformIndex(below: 3)) - 1)
        }
        return TrainingBatch(inputs: inputs, policies: policies, legal: legal, values: values)
    }

    @Test("back-propagated gradients match central finite differences")
    func gradientCheck() {
        var generator = Xoshiro256StarStar(seed: 7)
        let network = PolicyValueNetwork(shape: NetworkShape(inputs: 18, hidden: [12, 10], moves: 9), using: &generator)
        let data = Self.batch(count: 6, using: &generator)
        let (_, gradient) = network.lossAndGradient(data, l2: 1e-3)
        let analytic = gradient.parameters
        let parameters = network.parameters
        var worst = 0.0
        // A spread of parameters from every layer.
        for k in Swift.stride(from: 0, to: parameters.count, by: 7) {
            let h: Float = 1e-3
            var plus = network
            var minus = network
            var p = parameters
            p[k] += h
            plus.setParameters(p)
            p[k] -= 2 * h
            minus.setParameters(p)
            let numeric = (plus.lossAndGradient(data, l2: 1e-3).0.total - minus.lossAndGradient(data, l2: 1e-3).0.total) / Double(2 * h)
            let error = abs(numeric - Double(analytic[k])) / max(1e-2, abs(numeric) + abs(Double(analytic[k])))
            worst = max(worst, error)
        }
        #expect(worst < 2e-2, "largest relative gradient error \(worst)")
    }

    @Test("a gradient computed in chunks equals the whole batch's, for uneven chunks too")
    func chunkedGradient() {
        var generator = Xoshiro256StarStar(seed: 9)
        let network = PolicyValueNetwork(shape: NetworkShape(inputs: 18, hidden: [12, 10], moves: 9), using: &generator)
        let data = Self.batch(count: 10, using: &generator)
        let (loss, gradient) = network.lossAndGradient(data, l2: 1e-3)
        for chunks in [2, 3, 4] {
            let (chunkLoss, chunkGradient) = network.lossAndGradient(data, l2: 1e-3, chunks: chunks)
            #expect(abs(chunkLoss.total - loss.total) < 1e-6)
            let worst = zip(chunkGradient.parameters, gradient.parameters).map { abs($0 - $1) }.max()!
            #expect(worst < 1e-6, "\(chunks) chunks: largest difference \(worst)")
        }
    }

    @Test("a learning-rate schedule steps down at the named iterations")
    func learningRateSchedule() {
        let settings = TrainingSettings.connectFour(iterations: 100)
        #expect([0, 49, 50, 79, 80, 99].map { settings.learningRate(atIteration: $0) } == [1e-3, 1e-3, 3e-4, 3e-4, 1e-4, 1e-4])
    }

    @Test("Adam drives the loss down on a fixed batch")
    func adamLearns() {
        var generator = Xoshiro256StarStar(seed: 3)
        var network = PolicyValueNetwork(shape: NetworkShape(inputs: 18, hidden: [32], moves: 9), using: &generator)
        let data = Self.batch(count: 32, using: &generator)
        var adam = Adam(learningRate: 1e-2)
        let before = network.lossAndGradient(data, l2: 0).0.total
        for _ in 0..<200 {
            let (_, gradient) = network.lossAndGradient(data, l2: 0)
            adam.step(&network, gradient: gradient)
        }
        let after = network.lossAndGradient(data, l2: 0).0
        #expect(after.value < 0.05)
        #expect(after.policy < 0.1)
        #expect(after.total < before / 10)
    }

    @Test("weights round-trip exactly; corrupt, truncated and mismatched files are clear errors")
    func weightsFile() throws {
        var generator = Xoshiro256StarStar(seed: 5)
        let shape = NetworkShape(inputs: 18, hidden: [16, 8], moves: 9)
        let network = PolicyValueNetwork(shape: shape, using: &generator)
        let bytes = WeightsFile.encode(network)
        #expect(try WeightsFile.decode(bytes, expected: shape) == network)
        var flipped = bytes
        flipped[flipped.count - 3] ^= 0x10
        #expect(throws: WeightsFileError.corrupt) { try WeightsFile.decode(flipped) }
        #expect(throws: WeightsFileError.self) { try WeightsFile.decode(Array(bytes.dropLast(4))) }
        #expect(throws: WeightsFileError.notAWeightsFile) { try WeightsFile.decode(Array("hello\n".utf8)) }
        let other = NetworkShape(inputs: 84, hidden: [16, 8], moves: 7)
        #expect(throws: WeightsFileError.shapeMismatch(expected: other, found: shape)) { try WeightsFile.decode(bytes, expected: other) }
        let future = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "network 1 ", with: "network 9 ").utf8)
        #expect(throws: WeightsFileError.unsupportedVersion(9)) { try WeightsFile.decode(future) }
    }

    @Test("symmetries are permutations and map lines to lines")
    func symmetries() {
        for symmetry in TicTacToe.symmetries { #expect(Set(symmetry.cells) == Set(0..<9)) }
        #expect(TicTacToe.symmetries.map(\.cells).count == Set(TicTacToe.symmetries.map(\.cells)).count)
        let mirror = ConnectFour.symmetries[1]
        #expect(mirror.moves == [6, 5, 4, 3, 2, 1, 0])
        #expect(mirror.cells[0] == 36 && mirror.cells[41] == 5)
    }

    @Test("Dirichlet draws sum to one and have the right mean")
    func dirichlet() {
        var generator = Xoshiro256StarStar(seed: 11)
        var mean = [Double](repeating: 0, count: 4)
        for _ in 0..<4000 {
            let draw = generator.dirichlet(alpha: 0.3, count: 4)
            #expect(abs(draw.reduce(0, +) - 1) < 1e-9)
            for k in 0..<4 { mean[k] += draw[k] / 4000 }
        }
        for k in 0..<4 { #expect(abs(mean[k] - 0.25) < 0.03) }
    }
}

@Suite("AlphaZero training")
struct TrainingTests {
    static let settings = TrainingSettings(
        hidden: [32], selfPlay: SelfPlaySettings(simulations: 16, dirichletAlpha: 1, exploratoryMoves: 4),
        iterations: 2, gamesPerIteration: 8, bufferSize: 1000, stepsPerIteration: 10, batchSize: 16, learningRate: 1e-3, l2: 1e-4)

    @Test("a run gives the same network for 1 and 2 workers")
    func deterministicAcrossWorkers() {
        var one = AlphaZeroTrainer<TicTacToe>(settings: Self.settings, seed: 42, workers: 1)
        var two = AlphaZeroTrainer<TicTacToe>(settings: Self.settings, seed: 42, workers: 2)
        one.train()
        two.train()
        #expect(one.network == two.network)
        #expect(one.history.map(\.positions) == two.history.map(\.positions))
    }

    @Test("the state parts after each iteration are the same for 1 and 2 workers, and every part moves as training goes on")
    func stateParts() {
        var one = AlphaZeroTrainer<TicTacToe>(settings: Self.settings, seed: 42, workers: 1)
        var two = AlphaZeroTrainer<TicTacToe>(settings: Self.settings, seed: 42, workers: 2)
        let names = ["network", "self-play network", "optimiser", "replay buffer", "records"]
        var previous = one.stateParts
        #expect(previous.map(\.name) == names)
        for _ in 0..<Self.settings.iterations {
            one.iterate()
            two.iterate()
            let parts = one.stateParts
            #expect(parts.map(\.bytes) == two.stateParts.map(\.bytes))
            for (part, before) in zip(parts, previous) { #expect(part.bytes != before.bytes, "\(part.name) did not change") }
            previous = parts
        }
        // The network part is the weights file of the trained network.
        #expect(previous[0].bytes == WeightsFile.encode(one.network))
        let other = AlphaZeroTrainer<TicTacToe>(settings: Self.settings, seed: 43, workers: 1)
        #expect(other.stateParts[0].bytes != AlphaZeroTrainer<TicTacToe>(settings: Self.settings, seed: 42, workers: 1).stateParts[0].bytes)
    }

    @Test("the value target (1 - s) z + s q mixes the result with the root's search value and does not change the game")
    func searchValueTarget() {
        var generator = Xoshiro256StarStar(seed: 5)
        let network = PolicyValueNetwork(shape: NetworkShape(inputs: 18, hidden: [32], moves: 9), using: &generator)
        func game(share: Double) -> (examples: [TrainingExample], outcome: GameOutcome) {
            var evaluator = NetworkEvaluator<TicTacToe>(network: network)
            var stream = Xoshiro256StarStar(seed: 8)
            let settings = SelfPlaySettings(simulations: 24, dirichletAlpha: 1, exploratoryMoves: 2, searchValueShare: share)
            return AlphaZeroPlayer.selfPlayGame(evaluator: &evaluator, settings: settings, using: &stream)
        }
        let plain = game(share: 0)
        let mixed = game(share: 0.5)
        #expect(plain.outcome == mixed.outcome)
        #expect(plain.examples.map(\.policy) == mixed.examples.map(\.policy))
        #expect(plain.examples.allSatisfy { [-1, 0, 1].contains($0.value) })
        // Results alternate in sign with the player to move (or are all 0 in a draw).
        for (k, pair) in zip(plain.examples, plain.examples.dropFirst()).enumerated() { #expect(pair.0.value == -pair.1.value, "ply \(k)") }
        // q = 2 v - z lies in [-1, 1], and the search does not simply echo the result.
        let searchValues = zip(plain.examples, mixed.examples).map { 2 * $1.value - $0.value }
        #expect(searchValues.allSatisfy { abs($0) <= 1 + 1e-6 })
        #expect(searchValues.contains { abs($0 - 1) > 1e-3 && abs($0 + 1) > 1e-3 })
    }

    @Test("a game opens with 0 to K uniformly random moves, each count about equally often, and keeps no example of them")
    func randomOpenings() {
        var generator = Xoshiro256StarStar(seed: 6)
        let network = PolicyValueNetwork(shape: NetworkShape(inputs: 18, hidden: [16], moves: 9), using: &generator)
        var evaluator = NetworkEvaluator<TicTacToe>(network: network)
        let settings = SelfPlaySettings(simulations: 8, dirichletAlpha: 1, exploratoryMoves: 9, randomOpeningPlies: 3)
        var openings = [Int: Int]()
        for game in 0..<400 {
            var stream = Xoshiro256StarStar(stream: StreamID(baseSeed: 3, path: [String(game)]))
            let played = AlphaZeroPlayer.selfPlayGame(evaluator: &evaluator, settings: settings, using: &stream)
            // Stones on the board of each example: the opening's, then one more per searched move.
            let stones = played.examples.map { Int($0.input.reduce(0, +)) }
            #expect(stones == Array(stones[0]..<(stones[0] + stones.count)), "game \(game)")
            openings[stones[0], default: 0] += 1
        }
        #expect(openings.keys.sorted() == [0, 1, 2, 3])
        // 100 expected each; five standard errors is about 43.
        #expect(openings.values.allSatisfy { abs($0 - 100) < 43 }, "\(openings)")
    }

    @Test("moves are drawn in proportion to visits^(1/τ): 1:2:4 visits give 1:2:4 at τ = 1 and 1:4:16 at τ = 1/2")
    func temperatureSampling() {
        var generator = Xoshiro256StarStar(seed: 12)
        let children = [(move: 0, visits: 1), (move: 3, visits: 2), (move: 5, visits: 4)]
        for (temperature, weights) in [(1.0, [1.0, 2, 4]), (0.5, [1.0, 4, 16])] {
            let draws = 70_000
            var counts = [0: 0, 3: 0, 5: 0]
            for _ in 0..<draws { counts[AlphaZeroPlayer.sampledMove(children, temperature: temperature, using: &generator), default: 0] += 1 }
            let total = weights.reduce(0, +)
            for (child, weight) in zip(children, weights) {
                // Five standard errors of a share near 1/2 in 70,000 draws is about 0.01.
                #expect(abs(Double(counts[child.move]!) / Double(draws) - weight / total) < 0.01, "τ \(temperature), move \(child.move)")
            }
        }
    }
}

extension Array {
    func randomElementForTest(_ generator: inout Xoshiro256StarStar) -> Element { self[generator.uniformIndex(below: count)] }
}

@Suite("Arena and Elo ratings")
struct ArenaTests {
    @Test("Elo fits the rating gap of a known score: 75% is about 191 points")
    func eloGap() {
        let ratings = EloRatings.fit(scores: [[0, 750], [250, 0]], games: [[0, 1000], [1000, 0]])
        #expect(abs(ratings[1] + 400 * log10(3.0)) < 2, "\(ratings)")
        #expect(abs(EloRatings.expectedScore(400 * log10(3.0), against: 0) - 0.75) < 1e-12)
    }

    @Test("Elo ratings are transitive when the results are")
    func eloChain() {
        // A beats B and B beats C by the same margin; A against C follows from the model.
        let p = EloRatings.expectedScore(100, against: 0)
        let q = EloRatings.expectedScore(200, against: 0)
        let n = 10_000.0
        let scores = [[0, p * n, q * n], [(1 - p) * n, 0, p * n], [(1 - q) * n, (1 - p) * n, 0]]
        let games = [[0, n, n], [n, 0, n], [n, n, 0]]
        let ratings = EloRatings.fit(scores: scores, games: games)
        #expect(abs(ratings[1] + 100) < 1 && abs(ratings[2] + 200) < 1, "\(ratings)")
    }

    @Test("the perfect player never loses an arena match, and the random player loses most")
    func arenaAgainstSolver() {
        let solver = TicTacToeSolver()
        var generator = Xoshiro256StarStar(seed: 2)
        let score = Arena.match(
            TicTacToe.self, a: { position, g in solver.optimalMoves(position)[0] }, b: { position, g in position.legalMoves.randomElementForTest(&g) },
            pairs: 50, openingPlies: 0, using: &generator)
        #expect(score.games == 100 && score.losses == 0 && score.wins > 70)
    }

    @Test("a gate that cannot be passed keeps the first network playing self-play")
    func gating() {
        var settings = TrainingTests.settings
        settings.arena = ArenaSettings(pairs: 2, openingPlies: 1, simulations: 4, threshold: 1.01)
        var trainer = AlphaZeroTrainer<TicTacToe>(settings: settings, seed: 4, workers: 2)
        trainer.train()
        #expect(trainer.history.allSatisfy { !$0.promoted && $0.arena?.games == 4 })
        #expect(trainer.selfPlayNetwork == trainer.checkpoints[0])
        #expect(trainer.network != trainer.checkpoints[0])
    }
}

@Suite("AlphaGo's mixed leaf evaluation")
struct MixedEvaluatorTests {
    @Test("λ = 0 is the network alone; λ = 1/2 averages the value head and one rollout drawn from the same stream")
    func mixing() {
        var generator = Xoshiro256StarStar(seed: 4)
        let network = PolicyValueNetwork(shape: NetworkShape(inputs: ConnectFour.inputSize, hidden: [16], moves: ConnectFour.policySize), using: &generator)
        var position = ConnectFour.initial
        for move in [3, 3, 2, 4] { position.play(move) }
        var plain = NetworkEvaluator<ConnectFour>(network: network)
        var none = MixedEvaluator(network: NetworkEvaluator<ConnectFour>(network: network), mixing: 0)
        var half = MixedEvaluator(network: NetworkEvaluator<ConnectFour>(network: network), mixing: 0.5)
        var g1 = Xoshiro256StarStar(seed: 9)
        var g2 = Xoshiro256StarStar(seed: 9)
        let reference = plain.evaluate(position, using: &g1)
        let unmixed = none.evaluate(position, using: &g2)
        #expect(unmixed.value == reference.value && unmixed.priors! == reference.priors!)
        var g3 = Xoshiro256StarStar(seed: 9)
        var g4 = Xoshiro256StarStar(seed: 9)
        let mixed = half.evaluate(position, using: &g3)
        var rollout = RandomRollout<ConnectFour>()
        let z = rollout.evaluate(position, using: &g4).value
        #expect(mixed.value == 0.5 * reference.value + 0.5 * z && mixed.priors! == reference.priors!)
    }
}
