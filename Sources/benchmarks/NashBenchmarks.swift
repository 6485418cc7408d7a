import ArgumentParser
import Foundation
import GameTheory
import Randomness

/// Equilibria of random n x n games with payoffs -99..99 (the pygambit comparison's setting): the
/// median time of vertex enumeration (all extreme equilibria) on 1 and 2 threads, of support
/// enumeration on 2 threads (up to 12 x 12), and of Lemke-Howson from label 0.
struct Nash: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Median solve times of random n x n bimatrix games.")

    @Argument(help: "Game sizes n.")
    var sizes: [Int]

    func validate() throws { try requireAtLeast(1, sizes, "sizes") }

    func run() throws {
        for size in sizes {
            var generator = Xoshiro256StarStar(seed: UInt64(size))
            var times: [String: [Double]] = [:]
            var counts = [Int]()
            var vertices = [Int]()
            let games = size >= 16 ? 5 : 21
            for _ in 0..<games {
                let game = Bimatrix.random(rows: size, columns: size, payoffs: -99...99, using: &generator)
                for workers in [1, 2] {
                    var result: ExtremeEquilibria?
                    times["vertex enumeration, \(workers) thread(s)", default: []].append(seconds { result = VertexEnumeration.solve(game, workers: workers) })
                    if workers == 1, let result {
                        counts.append(result.equilibria.count)
                        vertices.append(result.vertices.reduce(0, +))
                    }
                }
                if size <= 12 {
                    var found = 0
                    times["support enumeration, 2 threads", default: []].append(seconds { found = SupportEnumeration.solve(game, workers: 2).equilibria.count })
                    if found != counts.last { throw ValidationError("support and vertex enumeration disagree on a random \(size)x\(size) game") }
                }
                times["Lemke-Howson, label 0", default: []].append(try seconds { _ = try LemkeHowson.solve(game, dropping: 0) })
            }
            for (name, values) in times.sorted(by: { $0.key < $1.key }) {
                print(String(format: "%dx%d, %@: median %.4f s (%d games; equilibria per game %d to %d; vertices of both polytopes, median %d)", size, size, name,
                             values.sorted()[values.count / 2], games, counts.min() ?? 0, counts.max() ?? 0, vertices.sorted()[vertices.count / 2]))
            }
        }
    }
}

/// Writes random n x n games (payoffs -99..99) as game files, for the peers to solve.
struct NashGames: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write random n x n games as JSON game files for side-by-side runs of other solvers.")

    @Argument(help: "The folder to write to (created if missing).")
    var folder: String
    @Option(help: "Games per size.")
    var count = 21
    @Argument(help: "Game sizes n.")
    var sizes: [Int]

    func validate() throws { try requireAtLeast(1, sizes + [count], "sizes and --count") }

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for size in sizes {
            var generator = Xoshiro256StarStar(seed: 1000 + UInt64(size))
            for k in 0..<count {
                let game = Bimatrix.random(rows: size, columns: size, payoffs: -99...99, using: &generator)
                let normal = NormalFormGame(title: "random \(size)x\(size) #\(k)", rowStrategies: (1...size).map { "r\($0)" }, columnStrategies: (1...size).map { "c\($0)" },
                                            row: game.row, column: game.column)
                try GameFile.encode(normal).write(to: url.appendingPathComponent(String(format: "game-%02d-%03d.json", size, k)))
            }
        }
    }
}

/// One random n x n game (payoffs -99..99, seed n), solved by vertex enumeration with progress.
struct NashOne: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Solve one random n x n game by vertex enumeration, printing progress.")

    @Argument(help: "The game size n.")
    var size: Int
    @Option(help: "Stop after this many seconds.")
    var seconds: Double?

    func validate() throws {
        try requireAtLeast(1, [size], "size")
        if let seconds, !(seconds > 0) { throw ValidationError("--seconds must be positive") }
    }

    func run() {
        var generator = Xoshiro256StarStar(seed: UInt64(size))
        let game = Bimatrix.random(rows: size, columns: size, payoffs: -99...99, using: &generator)
        var result: ExtremeEquilibria?
        let time = benchmarks.seconds {
            result = VertexEnumeration.solve(game, limits: EnumerationLimits(seconds: seconds)) { progress in
                print(String(format: "%.1f s: bases %@, vertices %@, equilibria %d", progress.seconds, progress.bases.description, progress.vertices.description, progress.equilibria))
            }
        }
        guard let result else { return }
        print(String(format: "%dx%d: %d extreme equilibria, vertices %@, bases %@, %@, %.3f s", size, size, result.equilibria.count, result.vertices.description,
                     result.bases.description, result.stop.map { "stopped: \($0)" } ?? "complete", time))
    }
}
