import AlphaZero
import Foundation
import Games
import MuZero
import Randomness

/// What a MuZero model does on positions with an immediate win: does its reward head rate a
/// winning move highest, and do its raw policy and its search in the model play one? Shared by
/// the tic-tac-toe and Connect Four diagnostics and the reward probe.
struct WinningMoveTally {
    var positions = 0
    var rewardRanksWinFirst = 0
    var rawPolicyWins = 0
    /// Positions where the search with the key's simulations played a win.
    var searchWins: [Int: Int]
    var winningRewardSum = 0.0, winningMoves = 0
    var otherRewardSum = 0.0, otherMoves = 0
    /// Sum over positions of the share of legal moves that win.
    var randomMoveWinShareSum = 0.0

    /// The legal moves of `position` that win on the spot.
    static func winningMoves<Game: TwoPlayerGame>(_ position: Game) -> [Int] where Game.Move == Int {
        position.legalMoves.filter { (try? position.playing($0))?.outcome == .win(position.currentPlayer) }
    }

    /// The reward the model predicts for each legal move of `position`, in `legalMoves` order.
    static func moveRewards<Game: NeuralGame>(_ network: MuZeroNetwork, _ position: Game) -> [Float] {
        let legal = position.legalMoves
        let latent = network.represent(position.encoded, batch: 1)
        return network.step(Array(repeating: latent, count: legal.count).flatMap { $0 }, actions: legal, batch: legal.count).rewards
    }

    /// Whether the model's highest predicted reward over the legal moves is a winning move.
    static func rewardRanksWin<Game: NeuralGame>(_ network: MuZeroNetwork, _ position: Game) -> Bool {
        let rewards = moveRewards(network, position)
        return winningMoves(position).contains(position.legalMoves[rewards.indices.max { rewards[$0] < rewards[$1] }!])
    }

    /// Tallies `network` on every position of `positions` that has a winning move, searching
    /// with each of `simulations` (the raw policy is always checked).
    init<Game: NeuralGame>(network: MuZeroNetwork, positions candidates: [Game], simulations: [Int], using generator: inout Xoshiro256StarStar) {
        searchWins = Dictionary(uniqueKeysWithValues: simulations.map { ($0, 0) })
        for position in candidates {
            let wins = Self.winningMoves(position)
            guard !wins.isEmpty else { continue }
            positions += 1
            let legal = position.legalMoves
            let rewards = Self.moveRewards(network, position)
            if wins.contains(legal[rewards.indices.max { rewards[$0] < rewards[$1] }!]) { rewardRanksWinFirst += 1 }
            for (k, move) in legal.enumerated() {
                if wins.contains(move) {
                    winningRewardSum += Double(rewards[k])
                    winningMoves += 1
                } else {
                    otherRewardSum += Double(rewards[k])
                    otherMoves += 1
                }
            }
            randomMoveWinShareSum += Double(wins.count) / Double(legal.count)
            if wins.contains(MuZeroPlayer.move(position, network: network, simulations: 0, using: &generator)) { rawPolicyWins += 1 }
            for n in simulations where wins.contains(MuZeroPlayer.move(position, network: network, simulations: n, using: &generator)) { searchWins[n]! += 1 }
        }
    }

    /// Prints the tally in two lines.
    func report() {
        let share = randomMoveWinShareSum / Double(max(1, positions))
        print("positions with a win: \(positions) (a random legal move wins in \(String(format: "%.0f", share * 100))%); reward head ranks a win first: \(rewardRanksWinFirst); raw policy picks a win: \(rawPolicyWins); search picks a win: \(searchWins.sorted { $0.key < $1.key })")
        print(String(format: "mean predicted reward: winning moves %.3f, other moves %.3f", winningRewardSum / Double(max(1, winningMoves)), otherRewardSum / Double(max(1, otherMoves))))
    }
}
