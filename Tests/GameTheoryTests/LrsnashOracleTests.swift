import Foundation
import GameTheory
import Randomness
import Testing

/// lrsnash (Avis's lrslib, Debian package `lrslib`, installed by `make deps`) as an independent
/// oracle: it enumerates the extreme equilibria of a bimatrix game with its own exact
/// arithmetic. Used in tests only.
enum Lrsnash {
    /// The program, or nil when it is not installed.
    static let executable: URL? = ["/usr/bin/lrsnash", "/usr/local/bin/lrsnash"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// The extreme equilibria lrsnash reports, as (row mix, column mix) pairs.
    static func extremeEquilibria(_ game: Bimatrix) throws -> Set<[[Rational]]> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lrsnash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("game.txt")
        let matrix = { (rows: [[Rational]]) in rows.map { $0.map(\.description).joined(separator: " ") }.joined(separator: "\n") }
        try "\(game.rows) \(game.columns)\n\n\(matrix(game.row))\n\n\(matrix(game.column))\n".write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = try #require(executable, "lrsnash is missing: install Debian's lrslib (make deps)")
        process.arguments = [input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Blocks separated by blank lines: lines "2 y... payoff" then "1 x... payoff"; every x of a
        // block pairs with every y of it.
        var result = Set<[[Rational]]>()
        var xs = [[Rational]]()
        var ys = [[Rational]]()
        func flush() {
            for x in xs { for y in ys { result.insert([x, y]) } }
            xs = []
            ys = []
        }
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: " ")
            guard let tag = fields.first, tag == "1" || tag == "2" else {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { flush() }
                continue
            }
            let count = tag == "1" ? game.rows : game.columns
            let mix = fields[1...count].map { Rational(String($0))! }
            if tag == "1" { xs.append(mix) } else { ys.append(mix) }
        }
        flush()
        return result
    }
}

@Suite("Vertex enumeration against lrsnash")
struct LrsnashOracleTests {
    @Test("random 0/1 games (heavily degenerate) from 2 x 2 to 6 x 6: the same extreme equilibria as lrsnash")
    func binaryGames() throws {
        var generator = Xoshiro256StarStar(seed: 0x1_0)
        var degenerate = 0
        for size in 2...6 {
            for _ in 0..<12 {
                let game = Bimatrix.random(rows: size, columns: size, payoffs: 0...1, using: &generator)
                let ours = VertexEnumeration.solve(game)
                #expect(ours.isComplete)
                #expect(profiles(ours.equilibria) == (try Lrsnash.extremeEquilibria(game)), "\(game.row) \(game.column)")
                if ours.isDegenerate { degenerate += 1 }
            }
        }
        #expect(degenerate >= 40)
    }

    @Test("small-range and wide-range rectangular games up to 6 x 7: the same extreme equilibria as lrsnash")
    func smallRangeGames() throws {
        var generator = Xoshiro256StarStar(seed: 0x2_0)
        for (range, count) in [(-2...2, 30), (-99...99, 20)] {
            for _ in 0..<count {
                let rows = 2 + generator.uniformIndex(below: 5)
                let columns = 2 + generator.uniformIndex(below: 6)
                let game = Bimatrix.random(rows: rows, columns: columns, payoffs: range, using: &generator)
                #expect(profiles(VertexEnumeration.solve(game).equilibria) == (try Lrsnash.extremeEquilibria(game)), "\(game.row) \(game.column)")
            }
        }
    }
}
