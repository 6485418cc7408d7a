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
        let solver = TicTacToeSolver()
        var generator = Xoshiro256StarStar(seed: 3)
        var count = 0, rewardRight = 0, raw = 0
        var searched = [25: 0, 100: 0, 400: 0]
        var winValue = 0.0, otherValue = 0.0, others = 0
        for position in solver.nonTerminalPositions {
            let wins = position.legalMoves.filter { (try? position.playing($0))?.outcome == .win(position.currentPlayer) }
            guard !wins.isEmpty else { continue }
            count += 1
            let latent = network.represent(position.encoded, batch: 1)
            let legal = position.legalMoves
            let (_, rewards) = network.step(Array(repeating: latent, count: legal.count).flatMap { $0 }, actions: legal, batch: legal.count)
            let best = legal.indices.max { rewards[$0] < rewards[$1] }!
            if wins.contains(legal[best]) { rewardRight += 1 }
            for (k, move) in legal.enumerated() {
                if wins.contains(move) { winValue += Double(rewards[k]) } else { otherValue += Double(rewards[k]); others += 1 }
            }
            if wins.contains(MuZeroPlayer.move(position, network: network, simulations: 0, using: &generator)) { raw += 1 }
            for n in searched.keys where wins.contains(MuZeroPlayer.move(position, network: network, simulations: n, using: &generator)) { searched[n]! += 1 }
        }
        print("positions with a win: \(count); reward head ranks a win first: \(rewardRight); raw picks a win: \(raw); search picks a win: \(searched.sorted { $0.key < $1.key })")
        print(String(format: "mean predicted reward: winning moves %.3f, other moves %.3f", winValue / Double(count), otherValue / Double(others)))
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
        var checked = [ConnectFour]()
        while checked.count < positions {
            var position = ConnectFour.initial
            while position.outcome == nil {
                let wins = position.legalMoves.filter { (try? position.playing($0))?.outcome == .win(position.currentPlayer) }
                if !wins.isEmpty, generator.uniformUnit() < 0.5 { checked.append(position); break }
                position = try! position.playing(position.legalMoves[generator.uniformIndex(below: position.legalMoves.count)])
            }
        }
        var rewardRight = 0, raw = 0
        var searched = [0: 0, 50: 0, 200: 0]
        var winReward = 0.0, otherReward = 0.0, others = 0
        for position in checked {
            let wins = position.legalMoves.filter { (try? position.playing($0))?.outcome == .win(position.currentPlayer) }
            let latent = network.represent(position.encoded, batch: 1)
            let legal = position.legalMoves
            let (_, rewards) = network.step(Array(repeating: latent, count: legal.count).flatMap { $0 }, actions: legal, batch: legal.count)
            let best = legal.indices.max { rewards[$0] < rewards[$1] }!
            if wins.contains(legal[best]) { rewardRight += 1 }
            for (k, move) in legal.enumerated() {
                if wins.contains(move) { winReward += Double(rewards[k]) } else { otherReward += Double(rewards[k]); others += 1 }
            }
            if wins.contains(MuZeroPlayer.move(position, network: network, simulations: 0, using: &generator)) { raw += 1 }
            for n in searched.keys where n > 0 && wins.contains(MuZeroPlayer.move(position, network: network, simulations: n, using: &generator)) { searched[n]! += 1 }
        }
        let share = Double(checked.map { p in Double(p.legalMoves.filter { (try? p.playing($0))?.outcome == .win(p.currentPlayer) }.count) / Double(p.legalMoves.count) }.reduce(0, +)) / Double(checked.count)
        print("positions with a win: \(checked.count) (a random legal move wins in \(String(format: "%.0f", share * 100))%); reward head ranks a win first: \(rewardRight); raw policy picks a win: \(raw); search picks a win: \(searched.filter { $0.key > 0 }.sorted { $0.key < $1.key })")
        print(String(format: "mean predicted reward: winning moves %.3f, other moves %.3f", winReward / Double(checked.count), otherReward / Double(others)))
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
        return settings
    }
}
