import Games
import Randomness
import Testing

@testable import Search

@Suite("Monte Carlo tree search")
struct MCTSTests {
    typealias TicTacToeSearch = MCTS<TicTacToe, UCT, RandomRollout<TicTacToe>>

    @Test("every simulation counts one selection and one backup; evaluations and expansions match until the tree is exhausted")
    func phases() {
        var search = TicTacToeSearch(position: .initial, policy: UCT(), evaluator: RandomRollout())
        var generator = Xoshiro256StarStar(seed: 1)
        search.search(simulations: 200, using: &generator)
        #expect(search.statistics.selections == 200 && search.statistics.backups == 200)
        #expect(search.statistics.expansions == search.statistics.evaluations)
        #expect(search.nodes[0].visits == 200)
        #expect(search.rootChildren.map(\.visits).reduce(0, +) == 199)
    }

    @Test("it takes an immediate win and blocks an immediate loss")
    func tactics() throws {
        var generator = Xoshiro256StarStar(seed: 2)
        // X to move can win with cell 3 (1-2-3 row).
        var win = TicTacToeSearch(position: try TicTacToe(moves: "1425"), policy: UCT(), evaluator: RandomRollout())
        win.search(simulations: 1000, using: &generator)
        #expect(win.bestMove() == 2)
        // O to move must block cell 3.
        var block = TicTacToeSearch(position: try TicTacToe(moves: "152"), policy: UCT(), evaluator: RandomRollout())
        block.search(simulations: 2000, using: &generator)
        #expect(block.bestMove() == 2)
    }

    @Test("at 1,000 simulations it picks a solver-optimal move in most tic-tac-toe positions")
    func moveQuality() {
        let solver = TicTacToeSolver()
        var generator = Xoshiro256StarStar(seed: 3)
        let positions = solver.nonTerminalPositions
        var optimal = 0
        let sample = stride(from: 0, to: positions.count, by: 23).map { positions[$0] }
        for position in sample {
            var search = TicTacToeSearch(position: position, policy: UCT(), evaluator: RandomRollout())
            search.search(simulations: 1000, using: &generator)
            if solver.optimalMoves(position).contains(search.bestMove()!) { optimal += 1 }
        }
        #expect(Double(optimal) / Double(sample.count) > 0.9, "\(optimal) of \(sample.count)")
    }

    @Test("the same seed gives the same tree; final-move rules read the same statistics")
    func determinismAndRules() {
        func run() -> [Int] {
            var search = MCTS(position: ConnectFour.initial, policy: UCT(), evaluator: RandomRollout<ConnectFour>())
            var generator = Xoshiro256StarStar(seed: 4)
            search.search(simulations: 500, using: &generator)
            return search.rootChildren.map(\.visits)
        }
        #expect(run() == run())
        var search = MCTS(position: ConnectFour.initial, policy: UCT(), evaluator: RandomRollout<ConnectFour>())
        var generator = Xoshiro256StarStar(seed: 5)
        search.search(simulations: 2000, using: &generator)
        let children = search.rootChildren
        #expect(search.bestMove(.mostVisits) == children.max { $0.visits < $1.visits }!.move)
        #expect(search.bestMove(.highestMean) == children.max { $0.mean < $1.mean }!.move)
        #expect(search.bestMove(.lowerConfidenceBound(z: 1)) != nil)
    }

    @Test("advancing keeps the chosen subtree with its statistics")
    func subtreeReuse() {
        var search = MCTS(position: ConnectFour.initial, policy: UCT(), evaluator: RandomRollout<ConnectFour>())
        var generator = Xoshiro256StarStar(seed: 6)
        search.search(simulations: 3000, using: &generator)
        let move = search.bestMove()!
        let visits = search.rootChildren.first { $0.move == move }!.visits
        let grandchildren = search.children(of: search.rootChildren.firstIndex { $0.move == move }! + Int(search.nodes[0].firstChild)).map(\.visits)
        search.advance(by: move)
        #expect(Int(search.nodes[0].visits) == visits)
        #expect(search.rootChildren.map(\.visits) == grandchildren)
        #expect(search.root.moveCount == 1)
        search.search(simulations: 100, using: &generator)
        #expect(Int(search.nodes[0].visits) == visits + 100)
    }
}
