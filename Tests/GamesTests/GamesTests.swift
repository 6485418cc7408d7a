import Crypto
import Foundation
import SnapshotSupport
import Testing

@testable import Games

@Suite("Tic-tac-toe")
struct TicTacToeTests {
    @Test("the rules: wins on rows, columns and diagonals, draws on a full board")
    func rules() throws {
        #expect(try TicTacToe(moves: "14253").outcome == .win(.first))
        #expect(try TicTacToe(moves: "1592873").outcome == nil)
        #expect(try TicTacToe(moves: "123547698").outcome == .draw)
        #expect(try TicTacToe(moves: "41526").outcome == .win(.first))
        #expect(try TicTacToe(moves: "5").legalMoves.count == 8)
    }

    @Test("bad input is an error naming the problem, never a crash")
    func badInput() {
        #expect(throws: GameError.malformedMove(text: "12a", position: 2, reason: "'a' is not a cell 1-9")) { try TicTacToe(moves: "12a") }
        #expect(throws: GameError.illegalMove(move: "1", reason: "the cell is taken")) { try TicTacToe(moves: "11") }
        #expect(throws: GameError.gameOver(move: "6")) { try TicTacToe(moves: "142536") }
    }

    @Test("the solver visits all 5,478 legal positions and finds the game a draw")
    func solver() throws {
        let solver = TicTacToeSolver()
        #expect(solver.values.count == 5478)
        #expect(solver.value(of: .initial) == 0)
        #expect(solver.nonTerminalPositions.count == 4520)
        // After X takes a corner, O must take the centre; an edge loses.
        let corner = try TicTacToe(moves: "1")
        #expect(solver.optimalMoves(corner) == [4])
        #expect(solver.value(of: try TicTacToe(moves: "12")) == 1)
    }
}

@Suite("Connect Four")
struct ConnectFourTests {
    @Test("the board has 69 lines of four, and the alignment value counts open lines from the mover's side")
    func alignmentValue() throws {
        #expect(ConnectFour.lines.count == 69)
        #expect(Set(ConnectFour.lines).count == 69 && ConnectFour.lines.allSatisfy { $0.nonzeroBitCount == 4 })
        // Cells lie in 3 to 13 lines: a corner in 3, the two middle cells of the centre column in 13.
        let counts: [Int] = (0..<7).flatMap { c in (0..<6).map { r in ConnectFour.lines.filter { $0 & (1 << UInt64(c * 7 + r)) != 0 }.count } }
        #expect(counts.min() == 3 && counts.max() == 13)
        #expect(ConnectFour.initial.alignmentValue == 0)
        // After Red's centre stone the 7 lines through it are worth 0.01 each to Red and nothing to
        // Yellow; every other line is worth 0.001 to both and cancels. Yellow, to move, is behind by 0.07.
        let centre = try ConnectFour(moves: "4")
        #expect(abs(centre.alignmentValue + 0.07) < 1e-12)
    }

    @Test("the rules: vertical, horizontal and both diagonal wins; full columns")
    func rules() throws {
        #expect(try ConnectFour(moves: "1212121").outcome == .win(.first))
        #expect(try ConnectFour(moves: "1122334").outcome == .win(.first))
        #expect(try ConnectFour(moves: "12233434544").outcome == .win(.first))
        #expect(try ConnectFour(moves: "76655454344").outcome == .win(.first))
        #expect(try ConnectFour(moves: "444444").canPlay(3) == false)
        #expect(try ConnectFour(moves: "444444").legalMoves == [0, 1, 2, 4, 5, 6])
    }

    @Test("bad input: malformed strings, full columns and moves after the end are errors")
    func badInput() {
        #expect(throws: GameError.malformedMove(text: "48", position: 1, reason: "'8' is not a column 1-7")) { try ConnectFour(moves: "48") }
        #expect(throws: GameError.illegalMove(move: "4", reason: "the column is full")) { try ConnectFour(moves: "4444444") }
        #expect(throws: GameError.gameOver(move: "3")) { try ConnectFour(moves: "12121213") }
    }

    @Test("the solver scores Pons' examples and known openings")
    func solverExamples() throws {
        let solver = ConnectFourSolver(tableEntries: 1 << 20 | 1)
        #expect(solver.solve(try ConnectFour(moves: "4455")) == 18)
        #expect(solver.solve(try ConnectFour(moves: "44455554221")) == -15)
    }
}

@Suite("Golden playthroughs")
struct PlaythroughTests {
    /// A deterministic game: each move is the legal move at index (seed-driven) of the legal list.
    static func playthrough<G: TwoPlayerGame>(_ game: G.Type, seed: UInt64) -> String {
        var state = seed
        var position = G.initial
        var lines = ["initial:", position.description]
        while position.outcome == nil {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let moves = position.legalMoves
            let move = moves[Int(state >> 33) % moves.count]
            position.play(move)
            lines += ["move \(position.moveText.last!) by \(position.currentPlayer.opponent)", position.description]
        }
        lines.append("outcome: \(position.outcome!)")
        lines.append("moves: \(position.moveText)")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("seeded games match their recorded playthroughs (RECORD_SNAPSHOTS=1 re-records on purpose)", arguments: ["tic-tac-toe", "connect-four"])
    func golden(_ name: String) throws {
        let text = name == "tic-tac-toe" ? Self.playthrough(TicTacToe.self, seed: 7) : Self.playthrough(ConnectFour.self, seed: 7)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Playthroughs/\(name).txt")
        try Snapshot.verify(text, reference: url)
    }
}

@Suite("Pons' benchmark positions")
struct PonsBenchmarkTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the solver returns the exact score of sampled end and middle positions", arguments: ["Test_L3_R1", "Test_L2_R1", "Test_L2_R2"])
    func sampledScores(_ name: String) throws {
        let benchmark: PonsBenchmark
        do {
            benchmark = try PonsBenchmark(name: name, folder: PonsBenchmark.folder(projectRoot: Self.root))
        } catch {
            Issue.record("\(error)")
            return
        }
        #expect(benchmark.entries.count == 1000)
        let solver = ConnectFourSolver(tableEntries: 1 << 22 | 1)
        // Every 20th position keeps the debug-built test quick; the benchmark checks all 1,000.
        for entry in stride(from: 0, to: benchmark.entries.count, by: 20).map({ benchmark.entries[$0] }) {
            #expect(solver.solve(entry.position) == entry.score, "\(name): \(entry.moves)")
        }
    }

    @Test("the weak solve gives the sign of the exact score", arguments: ["Test_L3_R1", "Test_L2_R1"])
    func weakSolve(_ name: String) throws {
        let benchmark = try PonsBenchmark(name: name, folder: PonsBenchmark.folder(projectRoot: Self.root))
        let solver = ConnectFourSolver(tableEntries: 1 << 22 | 1)
        for entry in stride(from: 0, to: benchmark.entries.count, by: 25).map({ benchmark.entries[$0] }) {
            #expect(solver.outcome(entry.position) == entry.score.signum(), "\(name): \(entry.moves)")
            let moves = solver.outcomeOfMoves(entry.position)
            #expect(moves.compactMap { $0 }.max() == entry.score.signum(), "\(name): \(entry.moves), best move")
        }
    }

    @Test("the repository's copy of the six files is byte for byte the one its README lists")
    func checksums() throws {
        let folder = PonsBenchmark.bundledFolder(projectRoot: Self.root)
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        var listed = [String: String]()
        for line in readme.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count == 2, parts[0].count == 64, PonsBenchmark.files.contains(String(parts[1])) { listed[String(parts[1])] = String(parts[0]) }
        }
        #expect(Set(listed.keys) == Set(PonsBenchmark.files))
        for name in PonsBenchmark.files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            #expect(digest == listed[name], "\(name)")
        }
    }

    @Test("the default folder is the repository's own, inside the package")
    func defaultFolder() {
        #expect(PonsBenchmark.bundledFolder(projectRoot: Self.root).path == Self.root.appendingPathComponent("data/connect-four").path)
        if ProcessInfo.processInfo.environment["CONNECT_FOUR_DATA"] == nil {
            #expect(PonsBenchmark.folder(projectRoot: Self.root) == PonsBenchmark.bundledFolder(projectRoot: Self.root))
        }
    }

    @Test("a missing folder is a clear error naming the path")
    func missing() {
        #expect(throws: PonsBenchmarkError.self) { try PonsBenchmark(name: "Test_L3_R1", folder: URL(fileURLWithPath: "/nonexistent")) }
    }
}
