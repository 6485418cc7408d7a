import Dispatch
import Foundation
import Games
import Randomness
import Synchronization

/// The arena between a freshly trained network and the one self-play used.
public struct ArenaSettings: Codable, Hashable, Sendable {
    /// Pairs of games (one per seat) from random openings.
    public var pairs: Int
    /// Random plies before each pair.
    public var openingPlies: Int
    /// PUCT simulations per move for both sides.
    public var simulations: Int
    /// The score the new network needs to replace the old one for self-play (AlphaGo Zero's
    /// gating, 0.55); `nil` measures only and always promotes (AlphaZero's continual update).
    public var threshold: Double?

    /// Creates settings.
    public init(pairs: Int, openingPlies: Int, simulations: Int, threshold: Double?) {
        self.pairs = pairs
        self.openingPlies = openingPlies
        self.simulations = simulations
        self.threshold = threshold
    }
}

/// A step of a learning-rate schedule: from `iteration` (counted from 0) on, Adam's step size is
/// `rate`, as AlphaGo Zero and AlphaZero drop theirs during training.
public struct LearningRateStep: Codable, Hashable, Sendable {
    /// The first iteration with this rate.
    public var iteration: Int
    /// The step size.
    public var rate: Float

    /// Creates a step.
    public init(iteration: Int, rate: Float) {
        self.iteration = iteration
        self.rate = rate
    }
}

/// The knobs of an AlphaZero training run.
public struct TrainingSettings: Codable, Hashable, Sendable {
    /// The network's hidden layers.
    public var hidden: [Int]
    /// Self-play settings.
    public var selfPlay: SelfPlaySettings
    /// Training iterations (self-play then training).
    public var iterations: Int
    /// Self-play games per iteration.
    public var gamesPerIteration: Int
    /// Examples kept in the replay buffer (the most recent).
    public var bufferSize: Int
    /// Minibatch updates per iteration.
    public var stepsPerIteration: Int
    /// Examples per minibatch.
    public var batchSize: Int
    /// Adam's step size until the first step of `learningRateSteps`.
    public var learningRate: Float
    /// Later step sizes, in order of iteration (empty: `learningRate` throughout).
    public var learningRateSteps: [LearningRateStep]
    /// The L2 coefficient c.
    public var l2: Float
    /// The arena after each iteration, if any.
    public var arena: ArenaSettings?

    /// Creates settings.
    public init(
        hidden: [Int], selfPlay: SelfPlaySettings, iterations: Int, gamesPerIteration: Int, bufferSize: Int, stepsPerIteration: Int, batchSize: Int,
        learningRate: Float, learningRateSteps: [LearningRateStep] = [], l2: Float, arena: ArenaSettings? = nil
    ) {
        self.arena = arena
        self.learningRateSteps = learningRateSteps
        self.hidden = hidden
        self.selfPlay = selfPlay
        self.iterations = iterations
        self.gamesPerIteration = gamesPerIteration
        self.bufferSize = bufferSize
        self.stepsPerIteration = stepsPerIteration
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.l2 = l2
    }

    /// Adam's step size during `iteration` (counted from 0).
    public func learningRate(atIteration iteration: Int) -> Float {
        learningRateSteps.last { $0.iteration <= iteration }?.rate ?? learningRate
    }
}

/// What one iteration did.
public struct IterationRecord: Codable, Sendable {
    /// Mean loss over the iteration's minibatches.
    public var loss: Loss
    /// Self-play positions generated.
    public var positions: Int
    /// Self-play results: first-player wins, draws, second-player wins.
    public var firstWins: Int
    public var draws: Int
    public var secondWins: Int
    /// The new network's score against the self-play network, when there is an arena.
    public var arena: Arena.Score?
    /// Whether the new network now plays the self-play games.
    public var promoted = true
}

/// Tabula-rasa AlphaZero: self-play games in parallel with the current network, a replay buffer
/// of recent examples, minibatch training with symmetry augmentation. Every game draws from its
/// own stream named by (seed, iteration, game) and games are gathered in order, so a run gives
/// the same network for any number of workers.
public struct AlphaZeroTrainer<Game: NeuralGame> {
    /// The settings.
    public let settings: TrainingSettings
    /// The network being trained.
    public private(set) var network: PolicyValueNetwork
    /// The network that plays the self-play games: the trained one, unless an arena with a
    /// threshold kept an older one.
    public private(set) var selfPlayNetwork: PolicyValueNetwork
    /// The network after each iteration (index 0: the initial one).
    public private(set) var checkpoints: [PolicyValueNetwork]
    /// One record per iteration.
    public private(set) var history: [IterationRecord] = []
    var buffer: [TrainingExample] = []
    var optimiser: Adam
    private let seed: UInt64
    private let workers: Int
    /// Parts of each minibatch whose gradients are computed at once (fixed, so that the network
    /// does not depend on the number of cores).
    static var gradientChunks: Int { 4 }

    /// A trainer with a freshly initialised network.
    public init(settings: TrainingSettings, seed: UInt64, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.settings = settings
        self.seed = seed
        self.workers = max(1, workers)
        var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["network"]))
        network = PolicyValueNetwork(shape: NetworkShape(inputs: Game.inputSize, hidden: settings.hidden, moves: Game.policySize), using: &generator)
        checkpoints = [network]
        selfPlayNetwork = network
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
        var record = IterationRecord(loss: Loss(value: 0, policy: 0, regularisation: 0), positions: 0, firstWins: 0, draws: 0, secondWins: 0, arena: nil)
        for game in games {
            buffer.append(contentsOf: game.examples)
            record.positions += game.examples.count
            switch game.outcome {
            case .win(.first): record.firstWins += 1
            case .win(.second): record.secondWins += 1
            case .draw: record.draws += 1
            }
        }
        if buffer.count > settings.bufferSize { buffer.removeFirst(buffer.count - settings.bufferSize) }
        var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["train", String(iteration)]))
        var sum = Loss(value: 0, policy: 0, regularisation: 0)
        optimiser.learningRate = settings.learningRate(atIteration: iteration)
        for _ in 0..<settings.stepsPerIteration {
            let batch = minibatch(using: &generator)
            let (loss, gradient) = network.lossAndGradient(batch, l2: settings.l2, chunks: Self.gradientChunks)
            optimiser.step(&network, gradient: gradient)
            sum.value += loss.value
            sum.policy += loss.policy
            sum.regularisation += loss.regularisation
        }
        let steps = Double(max(1, settings.stepsPerIteration))
        record.loss = Loss(value: sum.value / steps, policy: sum.policy / steps, regularisation: sum.regularisation / steps)
        if let arena = settings.arena {
            var arenaGenerator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["arena", String(iteration)]))
            var candidate = NetworkAgent<Game>(network: network, simulations: arena.simulations)
            var incumbent = NetworkAgent<Game>(network: selfPlayNetwork, simulations: arena.simulations)
            let score = Arena.match(
                Game.self, a: { candidate.move($0, using: &$1) }, b: { incumbent.move($0, using: &$1) },
                pairs: arena.pairs, openingPlies: arena.openingPlies, using: &arenaGenerator)
            record.arena = score
            record.promoted = arena.threshold.map { score.fraction >= $0 } ?? true
        }
        if record.promoted { selfPlayNetwork = network }
        history.append(record)
        checkpoints.append(network)
    }

    private func selfPlay(iteration: Int) -> [(examples: [TrainingExample], outcome: GameOutcome)] {
        let count = settings.gamesPerIteration
        let network = selfPlayNetwork
        let settings = self.settings
        let seed = self.seed
        let workers = self.workers
        let results = Mutex([(examples: [TrainingExample], outcome: GameOutcome)?](repeating: nil, count: count))
        // Each worker takes every `workers`-th game and keeps its own evaluation memo.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var evaluator = NetworkEvaluator<Game>(network: network)
            for game in Swift.stride(from: worker, to: count, by: workers) {
                var generator = Xoshiro256StarStar(stream: StreamID(baseSeed: seed, path: ["self-play", String(iteration), String(game)]))
                let played = AlphaZeroPlayer.selfPlayGame(evaluator: &evaluator, settings: settings.selfPlay, using: &generator)
                results.withLock { $0[game] = played }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// A minibatch drawn uniformly from the buffer, each example under a random symmetry.
    private func minibatch(using generator: inout Xoshiro256StarStar) -> TrainingBatch {
        let n = min(settings.batchSize, buffer.count)
        let inputSize = Game.inputSize
        let moves = Game.policySize
        var inputs = [Float](repeating: 0, count: n * inputSize)
        var policies = [Float](repeating: 0, count: n * moves)
        var legal = [Float](repeating: 0, count: n * moves)
        var values = [Float](repeating: 0, count: n)
        for row in 0..<n {
            let example = buffer[generator.uniformIndex(below: buffer.count)]
            let symmetry = Game.symmetries[generator.uniformIndex(below: Game.symmetries.count)]
            for plane in 0..<Game.planeCount {
                for cell in 0..<Game.cellCount {
                    inputs[row * inputSize + plane * Game.cellCount + symmetry.cells[cell]] = example.input[plane * Game.cellCount + cell]
                }
            }
            for move in 0..<moves {
                policies[row * moves + symmetry.moves[move]] = example.policy[move]
                legal[row * moves + symmetry.moves[move]] = example.legal[move]
            }
            values[row] = example.value
        }
        return TrainingBatch(inputs: inputs, policies: policies, legal: legal, values: values)
    }
}
