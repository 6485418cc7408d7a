import Foundation
import Games
import MuZero
import Randomness

/// A loss weighting compared in `exp-mz-c4-weights`, with its name in the table.
struct LossWeighting: Codable, Sendable {
    var name: String
    var weights: MuZeroLossWeights
}

/// What a briefly trained Connect Four model knows about winning moves, on positions from random
/// play that have at least one.
struct WinningMoveCheck: Codable, Sendable {
    /// Positions checked.
    var positions: Int
    /// Positions where the reward head's highest reward over the legal moves is a winning move.
    var rewardRanksWinFirst: Int
    /// Positions where the raw policy's move wins.
    var rawPolicyWins: Int
    /// Positions where the search in the model (`MuZeroLab.winningMoveSimulations`) plays a win.
    var searchWins: Int
    /// The share of legal moves that win, averaged over the positions (what chance would score).
    var randomMoveWinShare: Double
    /// Mean predicted reward of winning moves and of the other legal moves.
    var meanWinningReward: Double
    var meanOtherReward: Double
    /// Mean value loss (weighted as trained) of the first and the last ten iterations.
    var firstValueLoss: Double
    var lastValueLoss: Double
}

extension MuZeroLab {
    /// Iterations of each short run of `exp-mz-c4-weights` (the chapter's schedule otherwise).
    static let winningMoveIterations = 60
    /// Positions with a winning move each short run is checked on.
    static let winningMovePositions = 300
    /// Simulations of the search in the model on those positions.
    static let winningMoveSimulations = 50

    /// The legal moves of `position` that win on the spot.
    static func winningMoves(_ position: ConnectFour) -> [Int] {
        position.legalMoves.filter { (try? position.playing($0))?.outcome == .win(position.currentPlayer) }
    }

    /// `count` positions with at least one winning move, from uniformly random games: along each
    /// game, the first position with a win is kept with probability 1/2 (else play goes on).
    static func positionsWithWin(_ count: Int, using generator: inout Xoshiro256StarStar) -> [ConnectFour] {
        var found = [ConnectFour]()
        while found.count < count {
            var position = ConnectFour.initial
            while position.outcome == nil {
                if !winningMoves(position).isEmpty, generator.uniformUnit() < 0.5 {
                    found.append(position)
                    break
                }
                position.play(position.legalMoves[generator.uniformIndex(below: position.legalMoves.count)])
            }
        }
        return found
    }

    /// Trains the chapter's Connect Four settings with `weights` for `winningMoveIterations`
    /// iterations (the step size of a 500-iteration run, so the first phase of the real one), then
    /// checks the model on `winningMovePositions` positions with a winning move.
    static func winningMoveCheck(_ weights: MuZeroLossWeights, using generator: inout Xoshiro256StarStar) -> WinningMoveCheck {
        var settings = MuZeroSettings.connectFour(iterations: 500)
        settings.iterations = winningMoveIterations
        settings.lossWeights = weights
        var trainer = MuZeroTrainer<ConnectFour>(settings: settings, seed: generator.next())
        trainer.train()
        let network = trainer.network
        let positions = positionsWithWin(winningMovePositions, using: &generator)
        var check = WinningMoveCheck(
            positions: positions.count, rewardRanksWinFirst: 0, rawPolicyWins: 0, searchWins: 0, randomMoveWinShare: 0, meanWinningReward: 0, meanOtherReward: 0,
            firstValueLoss: trainer.history.prefix(10).map(\.loss.value).reduce(0, +) / 10,
            lastValueLoss: trainer.history.suffix(10).map(\.loss.value).reduce(0, +) / 10)
        var (winning, other) = (0, 0)
        for position in positions {
            let wins = winningMoves(position)
            let legal = position.legalMoves
            let latent = network.represent(position.encoded, batch: 1)
            let rewards = network.step(Array(repeating: latent, count: legal.count).flatMap { $0 }, actions: legal, batch: legal.count).rewards
            if wins.contains(legal[legal.indices.max { rewards[$0] < rewards[$1] }!]) { check.rewardRanksWinFirst += 1 }
            for (k, move) in legal.enumerated() {
                if wins.contains(move) {
                    check.meanWinningReward += Double(rewards[k])
                    winning += 1
                } else {
                    check.meanOtherReward += Double(rewards[k])
                    other += 1
                }
            }
            check.randomMoveWinShare += Double(wins.count) / Double(legal.count) / Double(positions.count)
            if wins.contains(MuZeroPlayer.move(position, network: network, simulations: 0, using: &generator)) { check.rawPolicyWins += 1 }
            if wins.contains(MuZeroPlayer.move(position, network: network, simulations: winningMoveSimulations, using: &generator)) { check.searchWins += 1 }
        }
        check.meanWinningReward /= Double(max(1, winning))
        check.meanOtherReward /= Double(max(1, other))
        return check
    }
}
