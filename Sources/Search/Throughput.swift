import Dispatch
import Games

extension MCTS where Policy == UCT, Eval == RandomRollout<Game> {
    /// Simulations per second of UCT with random rollouts from the game's start: the best of
    /// `repeats` searches of `simulations` each, on the calling thread (a wall-clock figure, for
    /// benchmarks and the throughput table; it varies from run to run).
    public static func simulationsPerSecond<G: RandomNumberGenerator>(
        simulations: Int, exploration: Double = 2, repeats: Int, using generator: inout G
    ) -> Double {
        var best = 0.0
        for _ in 0..<repeats {
            var search = MCTS(position: Game.initial, policy: UCT(exploration: exploration), evaluator: RandomRollout<Game>())
            let start = DispatchTime.now().uptimeNanoseconds
            search.search(simulations: simulations, using: &generator)
            best = max(best, Double(simulations) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }
        return best
    }
}
