import Foundation
import Testing

@testable import Notebook

@Suite("Reseeding claims")
struct ReseedTests {
    @Test("reseeded runs use other seeds, count how often each claim holds, and name the experiments it read")
    func counts() throws {
        let output = temporaryFolder()
        let engine = ReportEngine(book: testBook(), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: output, jobs: 2))
        let record = try engine.reseed(runs: 5, results: output, jobs: 2)
        let entry = try #require(record.claims["clm-half"])
        #expect(entry.reseeded)
        #expect(entry.held == 5 && entry.runs == 5)
        #expect(Set(entry.measured).count == 5, "each run draws other numbers")
        #expect(Array(entry.experiments.keys) == ["exp-draws"])
        #expect(Set(record.seeds).count == 5 && !record.seeds.contains(1))

        // A bound that only the luckiest draws meet holds in few runs.
        let strict = ReportEngine(book: testBook(claimBound: 0.002), renderer: TextRenderer())
        let strictRecord = try strict.reseed(runs: 5, results: output, jobs: 2)
        #expect(try #require(strictRecord.claims["clm-half"]).held < 5)
    }

    @Test("the same seeds give the same record for any number of workers")
    func deterministic() throws {
        let output = temporaryFolder()
        let engine = ReportEngine(book: testBook(), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: output, jobs: 2))
        #expect(try engine.reseed(runs: 3, results: output, jobs: 1) == engine.reseed(runs: 3, results: output, jobs: 3))
    }

    @Test("a stored record is printed next to its claim until the claim's experiments change")
    func staleness() throws {
        let output = temporaryFolder()
        let engine = ReportEngine(book: testBook(), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: output, jobs: 2))
        try engine.storeReseedRecord(try engine.reseed(runs: 4, results: output, jobs: 2), in: output)
        _ = try engine.run(RunOptions(output: output, jobs: 2))
        let report = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(report.contains("held under 4 of 4 other seeds"))

        // The same experiment with the claim's check edited: its count no longer applies.
        let edited = Book(title: "Test", subtitle: "A test book", author: "Tests", seed: 1, chapters: [Chapter("draws", title: "Draws") {
            drawExperiment
            Claim("clm-half", "The means are near one half.") { results in
                ClaimCheck(abs(SampleSummary(try results[drawExperiment].points.flatMap(\.replicates)).mean - 0.5), .atMost(0.3))
            }
        }])
        _ = try ReportEngine(book: edited, renderer: TextRenderer()).run(RunOptions(output: output, jobs: 2))
        let afterEdit = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(!afterEdit.contains("other seeds"))
        try engine.storeReseedRecord(try engine.reseed(runs: 4, results: output, jobs: 2), in: output)
        _ = try engine.run(RunOptions(output: output, jobs: 2))

        let changed = ReportEngine(book: testBook(experiment: changedExperiment), renderer: TextRenderer())
        _ = try changed.run(RunOptions(output: output, jobs: 2))
        let after = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(!after.contains("other seeds"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(ReseedRecord.fileName).path))
    }
}
