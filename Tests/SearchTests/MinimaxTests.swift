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

    @Test("with the alignment heuristic one ply ranks the first moves by the lines through their cell, deeper values are mirror-symmetric, and a win within the horizon outranks any heuristic value")
    func heuristic() throws {
        // Bottom cells lie in 3, 4, 5, 7, 5, 4 and 3 lines; each line a stone opens is worth 0.01.
        let onePly = DepthLimitedMinimax<ConnectFour>(depth: 1) { $0.alignmentValue }.moveValues(.initial)
        for (value, lines) in zip(onePly, [3, 4, 5, 7, 5, 4, 3]) {
            let x = 0.01 * Double(lines)
            #expect(abs(value - x / (1 + x)) < 1e-12)
        }
        let minimax = DepthLimitedMinimax<ConnectFour>(depth: 5) { $0.alignmentValue }
        var generator = Xoshiro256StarStar(seed: 3)
        let values = minimax.moveValues(.initial)
        #expect(values.allSatisfy { abs($0) < 1 })
        for column in 0..<7 { #expect(abs(values[column] - values[6 - column]) < 1e-12) }
        #expect(minimax.chooseMove(try ConnectFour(moves: "121212"), using: &generator) == 0)
        #expect(minimax.chooseMove(try ConnectFour(moves: "12131"), using: &generator) == 0)
    }
}
