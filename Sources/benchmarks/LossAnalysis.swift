import AlphaZero
import Games
import Randomness
import Search

/// Probe: where a saved Connect Four network loses against UCT(1,000). Plays the evaluation
/// match and, for each lost game, finds the network's move that turned a win or draw into a
/// loss (solver-checked), printing the ply, what was thrown away, the raw policy and value there.
func analyseLosses(network: PolicyValueNetwork, simulations: Int, pairs: Int) {
    let solver = ConnectFourSolver()
    var generator = Xoshiro256StarStar(seed: 9)
    var agent = NetworkAgent<ConnectFour>(network: network, simulations: simulations)
    var lossesBySeat = [0, 0]
    for _ in 0..<pairs {
        var opening = ConnectFour.initial
        opening.playRandomOpening(plies: 2, using: &generator)
        for agentFirst in [true, false] {
            var position = opening
            var history: [(ConnectFour, Int, Bool)] = []
            while position.outcome == nil {
                let agentToMove = (position.currentPlayer == .first) == agentFirst
                let move = agentToMove ? agent.move(position, using: &generator) : MCTS.chooseMove(in: position, simulations: 1000, using: &generator)
                history.append((position, move, agentToMove))
                position.play(move)
            }
            guard position.outcome!.value(for: agentFirst ? .first : .second) < 0 else { continue }
            lossesBySeat[agentFirst ? 0 : 1] += 1
            var line = "lost as \(agentFirst ? "first" : "second"), \(history.count) plies:"
            for (ply, (before, move, agentMoved)) in history.enumerated() where agentMoved && ply >= 4 {
                let results = solver.outcomeOfMoves(before)
                let best = results.compactMap { $0 }.max()!
                guard let chosen = results[move], chosen < best else { continue }
                var evaluator = NetworkEvaluator<ConnectFour>(network: network)
                let (value, priors) = evaluator.evaluate(before, using: &generator)
                let moves = before.legalMoves
                let priorOf = { (column: Int) in priors![moves.firstIndex(of: column)!] }
                let goodMoves = (0..<7).filter { results[$0] == best }
                line += String(format: " ply %d: %@ -> %@ (played %d, prior %.2f; good %@ prior %.2f; value %.2f; loss at ply %d)",
                               ply, best == 1 ? "win" : "draw", chosen == 0 ? "draw" : "loss", move, priorOf(move),
                               goodMoves.map(String.init).joined(separator: ","), goodMoves.map(priorOf).reduce(0, +), value, history.count)
                break
            }
            print(line)
        }
    }
    print("losses as first \(lossesBySeat[0]), as second \(lossesBySeat[1])")
}
