import AlphaZero
import Games
@testable import MuZero
import Randomness
import Search
import Testing

@Suite("MuZero targets, search and training")
struct MuZeroTrainingTests {
    /// A game X wins on its third move: X 0, O 3, X 1, O 4, X 2.
    static let record = GameRecord(
        observations: Array(repeating: [Float](repeating: 0, count: 18), count: 5), actions: [0, 3, 1, 4, 2],
        policies: Array(repeating: [Float](repeating: 1 / 9, count: 9), count: 5), searchValues: [0.1, -0.2, 0.3, -0.4, 0.5],
        rewards: [0, 0, 0, 0, 1], outcome: .win(.first))

    @Test("a horizon past the end gives the result for the player to move; a short one bootstraps from the search value with the right sign; past the end it is 0")
    func valueTargets() {
        let game = Self.record
        #expect((0..<5).map { game.valueTarget(at: $0, tdSteps: 10) } == [1, -1, 1, -1, 1])
        #expect(game.valueTarget(at: 0, tdSteps: 2) == 0.3)
        #expect(game.valueTarget(at: 1, tdSteps: 3) == -0.5)
        #expect(game.valueTarget(at: 3, tdSteps: 1) == 0.5 * -1 + 0)
        #expect(game.valueTarget(at: 4, tdSteps: 1) == 1)
        #expect(game.valueTarget(at: 5, tdSteps: 10) == 0)
    }

    @Test("latent search expands only the legal moves at the root, all actions below it, and keeps r − v′ for the player who moved")
    func latentSearch() {
        var generator = Xoshiro256StarStar(seed: 4)
        let network = MuZeroNetwork(shape: MuZeroShape(inputs: 18, actions: 9, latent: 8, hidden: [16]), using: &generator)
        let position = try! TicTacToe(moves: "15")
        var tree = LatentSearch(network: network, observation: position.encoded, legalActions: position.legalMoves, policy: PUCT())
        #expect(tree.rootChildren.map(\.action) == position.legalMoves)
        #expect(abs(tree.rootChildren.map(\.prior).reduce(0, +) - 1) < 1e-5)
        tree.search(simulations: 60)
        #expect(tree.rootChildren.map(\.visits).reduce(0, +) == 60)
        #expect(tree.nodes[0].visits == 60)
        // A visited child below the root has every action as a child, and its statistics are
        // the backed-up r − v′ of its own evaluation plus those of its subtree.
        let child = tree.nodes.indices.first { $0 > 0 && tree.nodes[$0].visits > 1 && tree.nodes[$0].parent == 0 }!
        #expect(tree.nodes[child].childCount == 9)
        let (_, values) = network.predict(tree.nodes[child].latent, batch: 1)
        let grandchildren = Int(tree.nodes[child].firstChild)..<Int(tree.nodes[child].firstChild + tree.nodes[child].childCount)
        let below = grandchildren.map { tree.nodes[$0].valueSum }.reduce(0, +)
        let expected = Double(tree.nodes[child].visits) * Double(tree.nodes[child].reward) - (Double(values[0]) + below)
        #expect(abs(tree.nodes[child].valueSum - expected) < 1e-9)
    }

    @Test("a minibatch's gradient computed in chunks equals the whole batch's")
    func chunkedGradient() {
        var generator = Xoshiro256StarStar(seed: 12)
        let network = MuZeroNetwork(shape: UnrollLossTests.shape, using: &generator)
        let data = UnrollLossTests.batch(count: 11, steps: 3, using: &generator)
        let (wholeLoss, whole) = network.lossAndGradient(data, l2: 1e-3)
        let (chunkLoss, chunked) = network.lossAndGradient(data, l2: 1e-3, chunks: 4)
        #expect(abs(wholeLoss.total - chunkLoss.total) < 1e-5)
        #expect(zip(whole.parameters, chunked.parameters).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test("weights files round-trip and reject a wrong shape, a flipped bit and a truncation")
    func weightsFile() throws {
        var generator = Xoshiro256StarStar(seed: 2)
        let network = MuZeroNetwork(shape: MuZeroShape(inputs: 18, actions: 9, latent: 8, hidden: [16, 12]), using: &generator)
        let bytes = MuZeroWeightsFile.encode(network)
        #expect(try MuZeroWeightsFile.decode(bytes) == network)
        #expect(throws: MuZeroWeightsFileError.self) { try MuZeroWeightsFile.decode(bytes, expected: MuZeroShape(inputs: 18, actions: 9, latent: 9, hidden: [16, 12])) }
        var corrupt = bytes
        corrupt[corrupt.count - 5] ^= 1
        #expect(throws: MuZeroWeightsFileError.checksumMismatch) { try MuZeroWeightsFile.decode(corrupt) }
        #expect(throws: MuZeroWeightsFileError.self) { try MuZeroWeightsFile.decode(Array(bytes.dropLast(4))) }
        #expect(throws: MuZeroWeightsFileError.notAWeightsFile) { try MuZeroWeightsFile.decode(Array("rlnotes-policy-value-network 1\n".utf8)) }
    }

    @Test("training gives the same network and state for one worker and for three")
    func deterministicForAnyWorkers() {
        var settings = MuZeroSettings.ticTacToe
        settings.hidden = [16]
        settings.latent = 8
        settings.iterations = 2
        settings.gamesPerIteration = 6
        settings.stepsPerIteration = 5
        settings.batchSize = 16
        settings.selfPlay.simulations = 8
        var one = MuZeroTrainer<TicTacToe>(settings: settings, seed: 5, workers: 1)
        var three = MuZeroTrainer<TicTacToe>(settings: settings, seed: 5, workers: 3)
        one.train()
        three.train()
        #expect(one.network == three.network)
        #expect(one.stateParts.map(\.bytes) == three.stateParts.map(\.bytes))
        #expect(one.history[1].positions > 0)
    }
}
