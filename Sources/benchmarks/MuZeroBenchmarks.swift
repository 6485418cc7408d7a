import AlphaZero
import ArgumentParser
import Foundation
import Games
import MuZero
import Randomness

/// MuZero on tic-tac-toe from scratch: wall time and solver-checked quality per iteration.
struct MuZeroTicTacToeProbe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "muzero-ttt", abstract: "Train MuZero on tic-tac-toe with the chapter's settings, checking every position.")

    @Option(help: "Iterations.") var iterations = MuZeroSettings.ticTacToe.iterations
    @Option(help: "Self-play simulations per move.") var simulations = MuZeroSettings.ticTacToe.selfPlay.simulations
    @Option(help: "Simulations when checking positions.") var checkSimulations = 25
    @Option(help: "Minibatches per iteration.") var steps = MuZeroSettings.ticTacToe.stepsPerIteration
    @Option(help: "Unrolled steps K.") var unroll = MuZeroSettings.ticTacToe.unrollSteps
    @Option(help: "Adam's step size.") var learningRate = MuZeroSettings.ticTacToe.learningRate
    @Option(help: "Latent size.") var latent = MuZeroSettings.ticTacToe.latent
    @Option(help: "Hidden widths, comma-separated.") var hidden = MuZeroSettings.ticTacToe.hidden.map(String.init).joined(separator: ",")
    @Option(help: "Seed.") var seed: UInt64 = 1
    @Option(help: "Steps of the value targets' returns.") var tdSteps = MuZeroSettings.ticTacToe.tdSteps
    @Option(help: "Moves sampled in proportion to visits.") var exploratory = MuZeroSettings.ticTacToe.selfPlay.exploratoryMoves
    @Option(help: "Games per iteration.") var games = MuZeroSettings.ticTacToe.gamesPerIteration
    @Option(help: "Positions per minibatch.") var batch = MuZeroSettings.ticTacToe.batchSize
    @Option(help: "Share of the iterations after which the step size drops tenfold (1: never).") var dropAt = 1.0

    func run() {
        var settings = MuZeroSettings.ticTacToe
        settings.iterations = iterations
        settings.selfPlay.simulations = simulations
        settings.stepsPerIteration = steps
        settings.unrollSteps = unroll
        settings.learningRate = learningRate
        settings.latent = latent
        settings.hidden = hidden.split(separator: ",").compactMap { Int($0) }
        settings.tdSteps = tdSteps
        settings.selfPlay.exploratoryMoves = exploratory
        settings.gamesPerIteration = games
        settings.batchSize = batch
        if dropAt < 1 { settings.learningRateSteps = [LearningRateStep(iteration: Int(dropAt * Double(iterations)), rate: learningRate / 10)] }
        var trainer = MuZeroTrainer<TicTacToe>(settings: settings, seed: seed)
        let solver = TicTacToeSolver()
        let positions = solver.nonTerminalPositions
        var elapsed = 0.0
        for iteration in 1...settings.iterations {
            elapsed += seconds { trainer.iterate() }
            var generator = Xoshiro256StarStar(seed: 3)
            var raw = 0
            var searched = 0
            for position in positions {
                let best = solver.optimalMoves(position)
                if best.contains(MuZeroPlayer.move(position, network: trainer.network, simulations: 0, using: &generator)) { raw += 1 }
                if best.contains(MuZeroPlayer.move(position, network: trainer.network, simulations: checkSimulations, using: &generator)) { searched += 1 }
            }
            let r = trainer.history.last!
            // Written unbuffered, so a long run can be followed through a pipe or a file.
            FileHandle.standardError.write(Data((String(format: "iteration %2d  %6.1f s  loss v %.3f p %.3f r %.4f  games %d/%d/%d  optimal raw %.3f search %.3f",
                         iteration, elapsed, r.loss.value, r.loss.policy, r.loss.reward, r.firstWins, r.draws, r.secondWins,
                         Double(raw) / Double(positions.count), Double(searched) / Double(positions.count)) + "\n").utf8))
        }
    }
}

/// Diagnostics of a trained MuZero model on tic-tac-toe positions with an immediate win.
struct MuZeroDiagnostics: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "muzero-diagnose", abstract: "Train briefly, then check rewards and search on positions with a winning move.")
    @Option var iterations = 20

    func run() {
        var settings = MuZeroSettings.ticTacToe
        settings.iterations = iterations
        var trainer = MuZeroTrainer<TicTacToe>(settings: settings, seed: 1)
        trainer.train()
        let network = trainer.network
        var generator = Xoshiro256StarStar(seed: 3)
        WinningMoveTally(network: network, positions: TicTacToeSolver().nonTerminalPositions, simulations: [25, 100, 400], using: &generator).report()
    }
}

/// MuZero on Connect Four with the chapter's settings: seconds and losses per iteration.
struct MuZeroConnectFourProbe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "muzero-c4", abstract: "Time iterations of MuZero on Connect Four with the chapter's settings.")
    @Option(help: "Iterations to run.") var iterations = 5
    @OptionGroup var overrides: ConnectFourSettingsOptions

    func run() {
        let settings = overrides.settings(iterations: iterations)
        var trainer = MuZeroTrainer<ConnectFour>(settings: settings, seed: 1)
        var elapsed = 0.0
        for iteration in 1...iterations {
            elapsed += seconds { trainer.iterate() }
            let r = trainer.history.last!
            FileHandle.standardError.write(Data(String(format: "iteration %3d  %7.1f s  loss v %.3f p %.3f r %.4f  positions %d  games %d/%d/%d\n",
                                                       iteration, elapsed, r.loss.value, r.loss.policy, r.loss.reward, r.positions, r.firstWins, r.draws, r.secondWins).utf8))
        }
    }
}

/// The tic-tac-toe diagnostics on Connect Four: after training with the chapter's settings (or the
/// probe's options), on positions from random play that have an immediate win, does the reward
/// head rank a winning move first, and do the raw policy and search in the model pick one?
struct MuZeroConnectFourDiagnostics: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "muzero-diagnose-c4", abstract: "Train briefly on Connect Four, then check rewards and search on positions with a winning move.")
    @Option(help: "Iterations to train.") var iterations = 20
    @Option(help: "Positions with a win to check.") var positions = 300
    @OptionGroup var overrides: ConnectFourSettingsOptions

    func run() {
        let settings = overrides.settings(iterations: iterations)
        var trainer = MuZeroTrainer<ConnectFour>(settings: settings, seed: 1)
        for iteration in 1...iterations {
            trainer.iterate()
            if iteration % 10 == 0 { FileHandle.standardError.write(Data("trained \(iteration)\n".utf8)) }
        }
        let network = trainer.network
        var generator = Xoshiro256StarStar(seed: 3)
        WinningMoveTally(network: network, positions: ConnectFourWins.positionsWithWin(positions, seed: 3), simulations: [50, 200], using: &generator).report()
    }
}

/// The chapter's Connect Four settings with the probes' overrides, shared by `muzero-c4` and
/// `muzero-diagnose-c4`.
struct ConnectFourSettingsOptions: ParsableArguments {
    @Option(help: "Iterations the schedule is sized for.") var planned = 500
    @Option(help: "Hidden widths, comma-separated (default: the chapter's).") var hidden: String?
    @Option(help: "Latent size (default: the chapter's).") var latent: Int?
    @Option(help: "Minibatches per iteration (default: the chapter's).") var steps: Int?
    @Option(help: "Self-play games per iteration (default: the chapter's).") var games: Int?
    @Option(help: "Unrolled steps K (default: the chapter's).") var unroll: Int?
    @Option(help: "Steps of the value targets' returns, bootstrapped from the search value (default: the chapter's).") var tdSteps: Int?
    @Option(help: "Weight of the value terms of the loss (default: the chapter's).") var valueWeight: Float?
    @Option(help: "Weight of the reward terms of the loss (default: the chapter's).") var rewardWeight: Float?

    /// `MuZeroSettings.connectFour` sized for `planned` iterations, running `iterations`, with every override given.
    func settings(iterations: Int) -> MuZeroSettings {
        var settings = MuZeroSettings.connectFour(iterations: planned)
        settings.iterations = iterations
        if let hidden { settings.hidden = hidden.split(separator: ",").compactMap { Int($0) } }
        if let latent { settings.latent = latent }
        if let steps { settings.stepsPerIteration = steps }
        if let games { settings.gamesPerIteration = games }
        if let unroll { settings.unrollSteps = unroll }
        if let tdSteps { settings.tdSteps = tdSteps }
        if let valueWeight { settings.lossWeights.value = valueWeight }
        if let rewardWeight { settings.lossWeights.reward = rewardWeight }
        return settings
    }
}

/// Can MuZero's dense dynamics learn Connect Four's rewards at all? Trains the representation and
/// the dynamics' reward head alone (K = 1) on positions from random play, labelled by the rules,
/// and reports, as training goes, how often the reward head ranks a winning move first on the
/// held-out positions `muzero-diagnose-c4` uses. Separates "too little data" from "cannot learn".
struct MuZeroConnectFourRewardProbe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "muzero-reward-probe-c4", abstract: "Supervised check of the reward head's capacity on Connect Four.")
    @Option(help: "Minibatches.") var steps = 3000
    @Option(help: "Share of rows whose action is a winning move when the position has one.") var winShare = 0.0
    @Option(help: "Adam step size.") var rate: Float = 1e-3
    @Option(help: "Draw rows from a fixed pool of this many (position, action) pairs (0: fresh rows every time).") var pool = 0
    @OptionGroup var overrides: ConnectFourSettingsOptions

    func run() {
        let settings = overrides.settings(iterations: 1)
        var generator = Xoshiro256StarStar(seed: 11)
        var network = MuZeroNetwork(
            shape: MuZeroShape(inputs: ConnectFour.inputSize, actions: ConnectFour.policySize, latent: settings.latent, hidden: settings.hidden), using: &generator)
        var optimiser = Adam(learningRate: rate)
        let held = ConnectFourWins.positionsWithWin(300, seed: 3)
        let start = Date()
        var fixed = [([Float], Int, Float)]()
        for step in 1...steps {
            let n = settings.batchSize
            var observations = [Float](), actions = [Int](), rewards = [Float]()
            for _ in 0..<n {
                if pool > 0, fixed.count == pool {
                    let (o, a, r) = fixed[generator.uniformIndex(below: pool)]
                    observations += o
                    actions.append(a)
                    rewards.append(r)
                    continue
                }
                var position = ConnectFour.initial
                let plies = generator.uniformIndex(below: 30)
                for _ in 0..<plies where position.outcome == nil {
                    let next = try! position.playing(position.legalMoves[generator.uniformIndex(below: position.legalMoves.count)])
                    if next.outcome != nil { break }
                    position = next
                }
                let wins = WinningMoveTally.winningMoves(position)
                let action = !wins.isEmpty && generator.uniformUnit() < winShare
                    ? wins[generator.uniformIndex(below: wins.count)] : position.legalMoves[generator.uniformIndex(below: position.legalMoves.count)]
                observations += position.encoded
                actions.append(action)
                rewards.append(wins.contains(action) ? 1 : 0)
                if pool > 0 { fixed.append((position.encoded, action, rewards.last!)) }
            }
            let batch = UnrollBatch(
                count: n, steps: 1, observations: observations, actions: [actions],
                policies: [[Float](repeating: 0, count: n * ConnectFour.policySize), [Float](repeating: 0, count: n * ConnectFour.policySize)],
                policyWeights: [[Float](repeating: 0, count: n), [Float](repeating: 0, count: n)],
                values: [[Float](repeating: 0, count: n), [Float](repeating: 0, count: n)], rewards: [rewards])
            let (loss, gradient) = network.lossAndGradient(batch, l2: settings.l2, chunks: 4)
            let nominal = NetworkShape(inputs: ConnectFour.inputSize, hidden: settings.hidden, moves: ConnectFour.policySize)
            var stack = PolicyValueNetwork(shape: nominal, layers: network.layers)
            optimiser.step(&stack, gradient: PolicyValueNetwork(shape: nominal, layers: gradient.layers))
            network.layers = stack.layers
            if step % 250 == 0 {
                let right = held.filter { WinningMoveTally.rewardRanksWin(network, $0) }.count
                print(String(format: "step %5d  %6.1f s  reward loss %.4f  ranks a win first: %d of %d", step, Date().timeIntervalSince(start), loss.reward, right, held.count))
            }
        }
    }
}

/// Connect Four positions for the probes (the chapter's `MuZeroLab.positionsWithWin` does the
/// same; benchmarks cannot import the chapters).
enum ConnectFourWins {
    /// Positions from random play with an immediate win: along each game the first position
    /// with one is kept with probability 1/2.
    static func positionsWithWin(_ count: Int, seed: UInt64) -> [ConnectFour] {
        var generator = Xoshiro256StarStar(seed: seed)
        var checked = [ConnectFour]()
        while checked.count < count {
            var position = ConnectFour.initial
            while position.outcome == nil {
                if !WinningMoveTally.winningMoves(position).isEmpty, generator.uniformUnit() < 0.5 { checked.append(position); break }
                position = try! position.playing(position.legalMoves[generator.uniformIndex(below: position.legalMoves.count)])
            }
        }
        return checked
    }
}
