import Games
import Randomness
import Search
import Testing

@Suite("Depth-limited minimax")
struct MinimaxTests {
    @Test("to full depth it plays tic-tac-toe perfectly: every choice is solver-optimal")
    func fullDepthIsPerfect() {
        let solver = TicTacToeSolver()
        let minimax = DepthLimitedMinimax<TicTacToe>(depth: 9)
        var generator = Xoshiro256StarStar(seed: 1)
        for position in solver.nonTerminalPositions {
            #expect(solver.optimalMoves(position).contains(minimax.chooseMove(position, using: &generator)), "\(position.moveText)")
        }
    }

    @Test("at depth 5 it takes a Connect Four win in one, blocks a loss in one, and is blind beyond")
    func horizon() throws {
        let minimax = DepthLimitedMinimax<ConnectFour>(depth: 5)
        var generator = Xoshiro256StarStar(seed: 2)
        // Red has three in column 1 and wins by playing it again.
        let win = try ConnectFour(moves: "121212")
        #expect(minimax.chooseMove(win, using: &generator) == 0)
        // Yellow must block column 1.
        let block = try ConnectFour(moves: "12131")
        #expect(minimax.chooseMove(block, using: &generator) == 0)
        // From the empty board nothing is decided within five plies.
        #expect(minimax.moveValues(.initial).allSatisfy { $0 == 0 })
    }
}
