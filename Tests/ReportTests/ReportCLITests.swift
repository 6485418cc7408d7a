import Foundation
import GameTheory
import Notebook
import Randomness
import Testing

/// Runs the `report` executable built next to the tests.
struct ReportProcess {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("report"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("report"),
            packageRoot.appendingPathComponent(".build/debug/report"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot, environment extra: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "true"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// A copy of the committed output folder in a temporary place.
func copyOfCommittedOutput() throws -> URL {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("report-cli-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: ReportProcess.packageRoot.appendingPathComponent("output"), to: copy)
    return copy
}

@Suite("The report command line", .serialized)
struct ReportCLITests {
    @Test("an unknown chapter id exits 64 and lists the valid ids")
    func unknownChapter() throws {
        let result = try ReportProcess.run(["--chapter", "no-such-chapter", "--output", FileManager.default.temporaryDirectory.path + "/unused"])
        #expect(result.status == 64)
        #expect(result.error.contains("no-such-chapter") && result.error.contains("dyna"))
    }

    @Test("list shows chapter ids and titles")
    func list() throws {
        let result = try ReportProcess.run(["list"])
        #expect(result.status == 0)
        #expect(result.output.contains("dyna\tLearning and planning"))
    }

    @Test("check passes on the committed output and fails, naming the file, on a tampered copy")
    func check() throws {
        // The dyna chapter is recomputed (fast in a debug build); the others' committed results are reused.
        let clean = try ReportProcess.run(["check", "--chapter", "dyna", "--output", try copyOfCommittedOutput().path])
        #expect(clean.status == 0, "\(clean.output)\n\(clean.error)")
        let tampered = try copyOfCommittedOutput()
        let readme = tampered.appendingPathComponent("dyna/README.md")
        var text = try String(contentsOf: readme, encoding: .utf8)
        text = text.replacingOccurrences(of: "Dyna", with: "Dina")
        try Data(text.utf8).write(to: readme)
        let result = try ReportProcess.run(["check", "--chapter", "dyna", "--output", tampered.path])
        #expect(result.status == 1)
        #expect(result.output.contains("dyna/README.md"))
    }

    @Test("check --reseed reruns a chapter under other seeds and prints how often each claim held")
    func reseed() throws {
        let result = try ReportProcess.run(["check", "--chapter", "dyna", "--reseed", "2", "--output", try copyOfCommittedOutput().path])
        #expect(result.status == 0, "\(result.output)\n\(result.error)")
        #expect(result.output.contains("clm-n50-fast") && result.output.contains("2/2"))
        let none = try ReportProcess.run(["check", "--reseed", "0"])
        #expect(none.status != 0 && none.error.contains("--reseed"))
    }

    @Test("explain says an up-to-date experiment would not rerun, and an unknown id is an error")
    func explain() throws {
        let result = try ReportProcess.run(["explain", "exp-maze", "--output", try copyOfCommittedOutput().path])
        #expect(result.status == 0)
        #expect(result.output.contains("up to date"))
        let unknown = try ReportProcess.run(["explain", "exp-nothing"])
        #expect(unknown.status == 1 && unknown.error.contains("exp-nothing"))
    }

    @Test("verify refuses an experiment that records no states, and an unknown id, with exit 1")
    func verifyErrors() throws {
        let plain = try ReportProcess.run(["verify", "exp-maze"])
        #expect(plain.status == 1 && plain.error.contains("not declared with an IterativeRun"), "\(plain.error)")
        let unknown = try ReportProcess.run(["verify", "exp-nothing"])
        #expect(unknown.status == 1 && unknown.error.contains("exp-nothing"))
    }

    @Test("a second run on a folder in use exits 1 naming the process; an empty --output is refused; a subfolder of the package finds output/")
    func outputFolder() throws {
        let copy = try copyOfCommittedOutput()
        defer { try? FileManager.default.removeItem(at: copy) }
        let busy: OutputLock? = try OutputLock(folder: copy)
        let second = try ReportProcess.run(["--chapter", "dyna", "--output", copy.path])
        #expect(second.status == 1 && second.error.contains("another report run (process \(getpid()))"), "\(second.error)")
        withExtendedLifetime(busy) {}
        let empty = try ReportProcess.run(["--output", ""])
        #expect(empty.status != 0 && empty.error.contains("--output needs a folder"))
        // From Sources/, explain reads the package's output/ (not Sources/output).
        let nested = try ReportProcess.run(["explain", "exp-maze"], in: ReportProcess.packageRoot.appendingPathComponent("Sources"))
        #expect(nested.status == 0 && nested.output.contains("up to date"), "\(nested.output)\n\(nested.error)")
        #expect(!FileManager.default.fileExists(atPath: ReportProcess.packageRoot.appendingPathComponent("Sources/output").path))
        let outside = try ReportProcess.run(["explain", "exp-maze"], in: URL(fileURLWithPath: "/"))
        #expect(outside.status != 0 && outside.error.contains("no RL Notes package"))
    }

    @Test("an unwritable output folder is a clear error and exit 1")
    func unwritable() throws {
        let result = try ReportProcess.run(["--output", "/proc/rlnotes-output"])
        #expect(result.status == 1)
        #expect(result.error.contains("cannot write"))
    }
}

@Suite("report game solve")
struct GameSolveCLITests {
    @Test("prints every equilibrium of a game file, readable or as JSON with exact fractions")
    func solve() throws {
        let text = try ReportProcess.run(["game", "solve", "examples/games/battle-of-the-sexes.json"])
        #expect(text.status == 0)
        #expect(text.output.contains("3 extreme equilibria: 2 pure, 1 mixed") && text.output.contains("Ballet 3/5, Soccer 2/5") && text.output.contains("Non-degenerate"))
        let json = try ReportProcess.run(["game", "solve", "--json", "examples/games/biased-rock-paper-scissors.json"])
        #expect(json.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [String: Any]
        let equilibria = decoded["equilibria"] as! [[String: Any]]
        #expect(equilibria.count == 1 && (equilibria[0]["strategies"] as! [[String]])[0] == ["1/16", "5/8", "5/16"])
        #expect(decoded["degenerate"] as? Bool == false && decoded["value"] as? String == "0" && decoded["degeneracy"] is NSNull)
        let degenerate = try ReportProcess.run(["game", "solve", "--json", "examples/games/weakly-dominated.json"])
        let solved = try JSONSerialization.jsonObject(with: Data(degenerate.output.utf8)) as! [String: Any]
        #expect(solved["degenerate"] as? Bool == true && solved["complete"] as? Bool == true)
        // (Top, any mix of Left and Right) and (any mix of Top and Bottom, Left).
        let subsets = solved["subsets"] as! [[String: Any]]
        #expect(subsets.map { $0["equilibria"] as! [Int] } == [[0, 1], [0, 2]])
        #expect((subsets[1]["strategies"] as! [[[String]]])[0] == [["1", "0"], ["0", "1"]])
    }

    @Test("a time limit stops a big game with exit status 2 and output marked incomplete; a folder or bad option gets a plain message")
    func limits() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("games-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = Xoshiro256StarStar(seed: 40)
        let big = Bimatrix.random(rows: 40, columns: 40, payoffs: -99...99, using: &generator)
        let file = folder.appendingPathComponent("big.json")
        try GameFile.encode(NormalFormGame(title: "big", rowStrategies: (1...40).map { "r\($0)" }, columnStrategies: (1...40).map { "c\($0)" },
                                           row: big.row, column: big.column)).write(to: file)
        let stopped = try ReportProcess.run(["game", "solve", "--timeout", "1", file.path])
        #expect(stopped.status == 2 && stopped.output.contains("INCOMPLETE: stopped because the time limit of 1 s passed"))
        let json = try ReportProcess.run(["game", "solve", "--json", "--max-bases", "640", file.path])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [String: Any]
        #expect(json.status == 2 && decoded["complete"] as? Bool == false && (decoded["stop"] as? String)?.contains("640 bases") == true)
        let directory = try ReportProcess.run(["game", "solve", folder.path])
        #expect(directory.status == 1 && directory.error.contains("is a folder") && !directory.error.contains("NSCocoaErrorDomain"))
        let zero = try ReportProcess.run(["game", "solve", "--timeout", "0", file.path])
        #expect(zero.status != 0 && zero.error.contains("--timeout must be a positive number"))
    }

    @Test("names from the file cannot reorder the terminal, and wide characters keep the columns aligned")
    func names() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"players": ["\u05d0\u202eRow", "日本"], "strategies": [["上", "x\u001b[31m"], ["a", "b"]], "payoffs": [[[3, 2], [0, 0]], [[0, 0], [2, 3]]]}"#.utf8).write(to: file)
        let result = try ReportProcess.run(["game", "solve", file.path])
        #expect(result.status == 0 && !result.output.contains("\u{202E}") && !result.output.contains("\u{1B}"))
        #expect(result.output.contains(#"\u{202E}Row"#) && result.output.contains(#"x\u{1B}[31m"#))
        // Every equilibrium's lines put the probabilities in the same terminal column.
        let lines = result.output.split(separator: "\n").map(String.init)
        let rowLine = try #require(lines.first { $0.contains("Row") && $0.contains("上 1") })
        let columnLine = try #require(lines.first { $0.hasPrefix("  日本") })
        let payoffLine = try #require(lines.first { $0.hasPrefix("  payoffs") })
        func column(_ line: String, _ marker: String) -> Int { line.prefix(upTo: line.range(of: marker)!.lowerBound).count + line.prefix(upTo: line.range(of: marker)!.lowerBound).filter { $0 == "日" || $0 == "本" }.count }
        #expect(column(rowLine, "上") == column(payoffLine, "3, 2") && column(columnLine, "a 1") == column(payoffLine, "3, 2"))
    }

    @Test("a malformed or missing file exits 1 naming the file and the problem")
    func malformed() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ragged-\(UUID().uuidString).json")
        try Data(#"{"players": ["A", "B"], "strategies": [["x", "y"], ["u"]], "payoffs": [[[1, 2]], [[3, 4], [5, 6]]]}"#.utf8).write(to: file)
        let ragged = try ReportProcess.run(["game", "solve", file.path])
        #expect(ragged.status == 1 && ragged.error.contains("payoffs[1]: expected 1 entries") && ragged.output.isEmpty)
        let missing = try ReportProcess.run(["game", "solve", "/no/such/game.json"])
        #expect(missing.status == 1 && missing.error.contains("/no/such/game.json"))
    }
}
