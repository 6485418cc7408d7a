import Foundation
import Notebook
import Randomness
import Testing

/// What the toy run reports: its total, which is also a part of its final state.
struct CounterReport: Codable, Sendable {
    var total: UInt64
}

/// A toy training run: adds a draw per iteration; `driftAt` makes one iteration behave
/// differently, as a code change or a nondeterministic bug would.
struct CounterRun: IterativeRun {
    let iterations: Int
    private(set) var completedIterations = 0
    private var total: UInt64 = 0
    private var generator: Xoshiro256StarStar
    private let driftAt: Int?

    init(iterations: Int, generator: Xoshiro256StarStar, driftAt: Int? = nil) {
        self.iterations = iterations
        self.generator = generator
        self.driftAt = driftAt
    }

    mutating func iterate() {
        completedIterations += 1
        total &+= generator.next() % 1000
        if completedIterations == driftAt { total &+= 1 }
    }

    var stateParts: [(name: String, bytes: [UInt8])] {
        [("total", withUnsafeBytes(of: total.littleEndian, Array.init)), ("generator", generator.stateWords.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) })]
    }

    mutating func finish() -> CounterReport { CounterReport(total: total) }

    static func finalParts(of output: CounterReport) -> [(name: String, bytes: [UInt8])] {
        [("total", withUnsafeBytes(of: output.total.littleEndian, Array.init))]
    }
}

private func counterBook(driftAt: Int? = nil) -> Book {
    let experiment = Experiment("exp-counter", parameters: [12], replicates: 2, uses: [.module("Randomness")]) { iterations, generator in
        CounterRun(iterations: iterations, generator: generator, driftAt: driftAt)
    }
    return Book(title: "T", subtitle: "", author: "", seed: 7, chapters: [
        Chapter("counter", title: "Counter") {
            experiment
            Claim("clm-positive", "The totals are positive.") { results in
                ClaimCheck(Double(try results[experiment].points[0].replicates.map(\.output.total).min() ?? 0), .atLeast(1))
            }
        },
    ])
}

/// Rewrites the committed results file with `edit` applied, and its digest in the lock, as a
/// careless hand edit or a forged result would.
private func tamper(_ folder: URL, _ edit: (inout [String: Any]) -> Void) throws {
    let path = folder.appendingPathComponent("counter/data/exp-counter.json")
    var json = try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as! [String: Any]
    edit(&json)
    let bytes = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
    try bytes.write(to: path)
    let lockURL = folder.appendingPathComponent("report.lock.json")
    var lock = try JSONSerialization.jsonObject(with: Data(contentsOf: lockURL)) as! [String: Any]
    var experiments = lock["experiments"] as! [String: Any]
    var entry = experiments["exp-counter"] as! [String: Any]
    entry["digest"] = Digest.sha256(Array(bytes))
    experiments["exp-counter"] = entry
    lock["experiments"] = experiments
    try JSONSerialization.data(withJSONObject: lock, options: [.sortedKeys, .prettyPrinted]).write(to: lockURL)
    let recordURL = folder.appendingPathComponent("counter/data/exp-counter.key.json")
    var record = try JSONSerialization.jsonObject(with: Data(contentsOf: recordURL)) as! [String: Any]
    record["digest"] = Digest.sha256(Array(bytes))
    try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .prettyPrinted]).write(to: recordURL)
}

@Suite("Replaying long runs")
struct ReplayTests {
    @Test("a run records one state digest per iteration, and verify reproduces every one")
    func verifyReproduces() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ReportEngine(book: counterBook(), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: folder, jobs: 2))
        let lines = try engine.verify("exp-counter", output: folder)
        #expect(lines == ["unit 0/0: all 12 iterations reproduce their recorded state (0 s)", "unit 0/1: all 12 iterations reproduce their recorded state (0 s)"])
        #expect(try engine.check(committed: folder, jobs: 2).isEmpty)
    }

    @Test("code that drifts at one iteration is caught there, with the part that differs")
    func drift() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ReportEngine(book: counterBook(), renderer: TextRenderer()).run(RunOptions(output: folder, jobs: 2))
        let drifting = ReportEngine(book: counterBook(driftAt: 5), renderer: TextRenderer())
        do {
            _ = try drifting.verify("exp-counter", output: folder)
            Issue.record("a drifting run verified")
        } catch NotebookError.verificationFailed(_, let details) {
            #expect(details.first?.hasPrefix("unit 0/0: iteration 5 of 12 does not reproduce (total differ)") == true, "\(details)")
        }
        // check replays the first iterations within its budget: enough to reach iteration 5 here.
        let differences = try drifting.check(committed: folder, jobs: 2)
        #expect(differences.contains { $0.detail.contains("iteration 5 does not reproduce its recorded state (total differ)") }, "\(differences)")
    }

    @Test("an output edited by hand, with the lock's digest fixed up, fails check naming the part")
    func tamperedOutput() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ReportEngine(book: counterBook(), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: folder, jobs: 2))
        try tamper(folder) { json in
            var points = json["points"] as! [[String: Any]]
            var replicates = points[0]["replicates"] as! [[String: Any]]
            var output = replicates[1]["output"] as! [String: Any]
            output["total"] = (output["total"] as! Int) + 1
            replicates[1]["output"] = output
            points[0]["replicates"] = replicates
            json["points"] = points
        }
        let differences = try engine.check(committed: folder, jobs: 2)
        #expect(differences.contains { $0.detail.contains("unit 0/1: the committed output's total do not match the state the recorded run ended with") }, "\(differences)")
        #expect(throws: NotebookError.self) { try engine.verify("exp-counter", output: folder) }
    }

    @Test("verify refuses an experiment that records no states")
    func notReplayable() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ReportEngine(book: testBook(), renderer: TextRenderer())
        #expect(throws: NotebookError.self) { try engine.verify("exp-draws", output: folder) }
    }
}

@Suite("Sampled recomputation of expensive experiments")
struct SampledUnitTests {
    private static let costly = Experiment("exp-costly", parameters: [Draws(count: 10), Draws(count: 20), Draws(count: 30)], replicates: 1, uses: [.module("Randomness")], cost: .expensive) { point, generator in
        (0..<point.count).map { _ in generator.uniformUnit() }.reduce(0, +)
    }

    private static let book = Book(title: "T", subtitle: "", author: "", seed: 3, chapters: [Chapter("costly", title: "Costly") { costly }])

    @Test("check recomputes the sampled units and names the one whose committed result was edited")
    func tamperedUnit() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ReportEngine(book: Self.book, renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: folder, jobs: 2))
        let every = ReportEngine.CostlyVerification(sampledUnits: 3)
        #expect(try engine.check(committed: folder, jobs: 2, verification: every).isEmpty)
        // Edit point 1's result and fix the lock's digest, as a forged result would.
        let path = folder.appendingPathComponent("costly/data/exp-costly.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as! [String: Any]
        var points = json["points"] as! [[String: Any]]
        points[1]["replicates"] = [1.5]
        json["points"] = points
        let bytes = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        try bytes.write(to: path)
        let lockURL = folder.appendingPathComponent("report.lock.json")
        let lockText = try String(contentsOf: lockURL, encoding: .utf8)
        let lock = try JSONSerialization.jsonObject(with: Data(lockText.utf8)) as! [String: Any]
        let old = ((lock["experiments"] as! [String: Any])["exp-costly"] as! [String: Any])["digest"] as! String
        try lockText.replacingOccurrences(of: old, with: Digest.sha256(Array(bytes))).write(to: lockURL, atomically: true, encoding: .utf8)
        let recordURL = folder.appendingPathComponent("costly/data/exp-costly.key.json")
        try String(contentsOf: recordURL, encoding: .utf8).replacingOccurrences(of: old, with: Digest.sha256(Array(bytes)))
            .write(to: recordURL, atomically: true, encoding: .utf8)
        let differences = try engine.check(committed: folder, jobs: 2, verification: every)
        #expect(differences.count == 1 && differences[0].detail.hasPrefix("unit 1/0 recomputed differs from the committed one"), "\(differences)")
    }
}
