import AlphaZero
import Dispatch
import Foundation
import Games
import Randomness
import Synchronization

/// The knobs of a MuZero training run.
public struct MuZeroSettings: Codable, Hashable, Sendable {
    /// Latent state size.
    public var latent: Int
    /// Hidden layers of each of the three functions.
    public var hidden: [Int]
    /// Self-play.
    public var selfPlay: MuZeroSelfPlaySettings
    /// Steps K the model is unrolled in training.
    public var unrollSteps: Int
    /// Steps n of the value targets' returns (a number past the game's length gives the result).
    public var tdSteps: Int
    /// Iterations (self-play, then training).
    public var iterations: Int
    /// Self-play games per iteration.
    public var gamesPerIteration: Int
    /// Games kept in the replay buffer (the most recent).
    public var bufferGames: Int
    /// Minibatch updates per iteration.
    public var stepsPerIteration: Int
    /// Positions per minibatch.
    public var batchSize: Int
    /// Adam's step size until the first step of `learningRateSteps`.
    public var learningRate: Float
    /// Later step sizes, in order of iteration (empty: `learningRate` throughout).
    public var learningRateSteps: [LearningRateStep]
    /// The L2 coefficient c.
    public var l2: Float
    /// Weights of the value and reward terms of the loss.
    public var lossWeights: MuZeroLossWeights

    /// Creates settings.
    public init(
        latent: Int, hidden: [Int], selfPlay: MuZeroSelfPlaySettings, unrollSteps: Int, tdSteps: Int, iterations: Int, gamesPerIteration: Int, bufferGames: Int,
        stepsPerIteration: Int, batchSize: Int, learningRate: Float, learningRateSteps: [LearningRateStep] = [], l2: Float, lossWeights: MuZeroLossWeights = .unit
    ) {
        self.lossWeights = lossWeights
        self.learningRateSteps = learningRateSteps
        self.latent = latent
        self.hidden = hidden
        self.selfPlay = selfPlay
        self.unrollSteps = unrollSteps
        self.tdSteps = tdSteps
        self.iterations = iterations
        self.gamesPerIteration = gamesPerIteration
        self.bufferGames = bufferGames
        self.stepsPerIteration = stepsPerIteration
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.l2 = l2
    }
}

/// What one MuZero iteration did.
public struct MuZeroIterationRecord: Codable, Hashable, Sendable {
    /// Mean loss over the iteration's minibatches.
    public var loss: MuZeroLoss
    /// Self-play positions generated.
    public var positions: Int
    /// Self-play results: first-player wins, draws, second-player wins.
    public var firstWins: Int
    public var draws: Int
    public var secondWins: Int
}

/// Tabula-rasa MuZero: self-play games searched in the learned model, in parallel, a replay
/// buffer of recent games, and minibatches of K-step unrolls under random board symmetries.
/// Every game draws from its own stream named by (seed, iteration, game) and games are gathered
/// in order, so a run gives the same network for any number of workers.
public struct MuZeroTrainer<Game: NeuralGame> {
    /// The settings.
    public let settings: MuZeroSettings
    /// The network being trained.
    public private(set) var network: MuZeroNetwork
    /// The network after each iteration (index 0: the initial one).
    public private(set) var checkpoints: [MuZeroNetwork]
    /// One record per iteration.
    public private(set) var history: [MuZeroIterationRecord] = []
    /// The replay buffer.
    public private(set) var buffer: [GameRecord] = []
    private var optimiser: Adam
    /// Parts of each minibatch whose gradients are computed at once (fixed, so that the network
    /// does not depend on the number of cores).
    static var gradientChunks: Int { 4 }
    private let seed: UInt64
    private let workers: Int

    /// A trainer with a freshly initialised network.
    public init(settings: MuZeroSettings, seed: UInt64, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.settings = settings
        self.seed = seed
        self.workers = max(1, workers)
        var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["network"]))
        network = MuZeroNetwork(shape: MuZeroShape(inputs: Game.inputSize, actions: Game.policySize, latent: settings.latent, hidden: settings.hidden), using: &generator)
        checkpoints = [network]
        optimiser = Adam(learningRate: settings.learningRate)
    }

    /// Runs every remaining iteration.
    public mutating func train() {
        while history.count < settings.iterations { iterate() }
    }

    /// One iteration: self-play, then training.
    public mutating func iterate() {
        let iteration = history.count
        let games = selfPlay(iteration: iteration)
        var record = MuZeroIterationRecord(loss: .zero, positions: 0, firstWins: 0, draws: 0, secondWins: 0)
        for game in games {
            record.positions += game.length
            switch game.outcome {
            case .win(.first): record.firstWins += 1
            case .win(.second): record.secondWins += 1
            case .draw: record.draws += 1
            }
        }
        buffer.append(contentsOf: games)
        if buffer.count > settings.bufferGames { buffer.removeFirst(buffer.count - settings.bufferGames) }
        let positions = buffer.indices.flatMap { g in (0..<buffer[g].length).map { (g, $0) } }
        var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["train", String(iteration)]))
        var sum = MuZeroLoss.zero
        optimiser.learningRate = settings.learningRateSteps.last { $0.iteration <= iteration }?.rate ?? settings.learningRate
        for _ in 0..<settings.stepsPerIteration {
            let batch = minibatch(from: positions, using: &generator)
            let (loss, gradient) = network.lossAndGradient(batch, l2: settings.l2, weights: settings.lossWeights, chunks: Self.gradientChunks)
            var stack = network.asLayerStack
            optimiser.step(&stack, gradient: gradient.asLayerStack)
            network.asLayerStack = stack
            sum.value += loss.value
            sum.policy += loss.policy
            sum.reward += loss.reward
            sum.regularisation += loss.regularisation
        }
        let steps = Double(max(1, settings.stepsPerIteration))
        record.loss = MuZeroLoss(value: sum.value / steps, policy: sum.policy / steps, reward: sum.reward / steps, regularisation: sum.regularisation / steps)
        history.append(record)
        checkpoints.append(network)
    }

    private func selfPlay(iteration: Int) -> [GameRecord] {
        let count = settings.gamesPerIteration
        let (network, settings, seed, workers) = (self.network, self.settings, self.seed, self.workers)
        let results = Mutex([GameRecord?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for game in Swift.stride(from: worker, to: count, by: workers) {
                var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["self-play", String(iteration), String(game)]))
                let played = MuZeroPlayer.selfPlayGame(Game.self, network: network, settings: settings.selfPlay, using: &generator)
                results.withLock { $0[game] = played }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// A minibatch of positions drawn uniformly from the buffer's plies, each with its K-step
    /// targets and under one random symmetry of the board (applied to the observation, the
    /// actions and the policies alike).
    func minibatch(from positions: [(game: Int, ply: Int)], using generator: inout Xoshiro256StarStar) -> UnrollBatch {
        let n = min(settings.batchSize, positions.count)
        let K = settings.unrollSteps
        let (inputSize, moves) = (Game.inputSize, Game.policySize)
        var observations = [Float](repeating: 0, count: n * inputSize)
        var actions = [[Int]](repeating: [Int](repeating: 0, count: n), count: K)
        var policies = [[Float]](repeating: [Float](repeating: 0, count: n * moves), count: K + 1)
        var weights = [[Float]](repeating: [Float](repeating: 0, count: n), count: K + 1)
        var values = weights
        var rewards = [[Float]](repeating: [Float](repeating: 0, count: n), count: K)
        for row in 0..<n {
            let (g, t) = positions[generator.uniformIndex(below: positions.count)]
            let game = buffer[g]
            let symmetry = Game.symmetries[generator.uniformIndex(below: Game.symmetries.count)]
            for plane in 0..<Game.planeCount {
                for cell in 0..<Game.cellCount {
                    observations[row * inputSize + plane * Game.cellCount + symmetry.cells[cell]] = game.observations[t][plane * Game.cellCount + cell]
                }
            }
            for k in 0...K {
                let u = t + k
                values[k][row] = game.valueTarget(at: u, tdSteps: settings.tdSteps)
                if u < game.length {
                    weights[k][row] = 1
                    for move in 0..<moves { policies[k][row * moves + symmetry.moves[move]] = game.policies[u][move] }
                }
                guard k < K else { continue }
                // Past the end the model is unrolled along random actions with zero targets.
                actions[k][row] = u < game.length ? symmetry.moves[game.actions[u]] : generator.uniformIndex(below: moves)
                rewards[k][row] = u < game.length ? game.rewards[u] : 0
            }
        }
        return UnrollBatch(count: n, steps: K, observations: observations, actions: actions, policies: policies, policyWeights: weights, values: values, rewards: rewards)
    }
}

extension MuZeroTrainer {
    /// The whole state the next iteration depends on, in named parts: the network, the optimiser,
    /// the replay buffer and the iteration records. Every random stream is named by (seed,
    /// iteration, game), so there is no generator state to carry; a digest of the parts after
    /// each iteration lets a replay name the first iteration, and the part, that differs.
    public var stateParts: [(name: String, bytes: [UInt8])] {
        var buffered = [UInt8]()
        func append(_ values: [Float]) {
            withUnsafeBytes(of: Int64(values.count).littleEndian) { buffered.append(contentsOf: $0) }
            for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { buffered.append(contentsOf: $0) } }
        }
        for game in buffer {
            append(game.observations.flatMap { $0 })
            append(game.actions.map(Float.init))
            append(game.policies.flatMap { $0 })
            append(game.searchValues)
            append(game.rewards)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let records = (try? encoder.encode(history)).map(Array.init) ?? []
        return [
            ("network", MuZeroWeightsFile.encode(network)),
            ("optimiser", optimiser.stateBytes),
            ("replay buffer", buffered),
            ("records", records),
        ]
    }
}
