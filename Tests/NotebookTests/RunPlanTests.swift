import Foundation
import Notebook
import Testing

@Suite("One run plan behind run, check and explain")
struct RunPlanTests {
    @Test("a lost or truncated lock is rebuilt from the results' own key records: nothing reruns")
    func lostLock() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ReportEngine(book: testBook(), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: folder, jobs: 2))
        let lockURL = folder.appendingPathComponent("report.lock.json")
        let original = try CanonicalJSON.decode(Lock.self, from: Array(Data(contentsOf: lockURL)))
        for damage in [{ try FileManager.default.removeItem(at: lockURL) }, { try Data("{\"exper".utf8).write(to: lockURL) }] {
            try damage()
            #expect(try engine.plan(RunOptions(output: folder)).toRun.isEmpty)
            let summary = try engine.run(RunOptions(output: folder, jobs: 2))
            #expect(summary.ran.isEmpty && summary.cached == ["exp-draws"])
            let rebuilt = try CanonicalJSON.decode(Lock.self, from: Array(Data(contentsOf: lockURL)))
            #expect(rebuilt.experiments["exp-draws"]?.key == original.experiments["exp-draws"]?.key)
            #expect(rebuilt.experiments["exp-draws"]?.digest == original.experiments["exp-draws"]?.digest)
        }
    }

    @Test("a fresh output folder reuses intact results of another folder by key, and copies them over")
    func freshFolder() throws {
        let first = temporaryFolder()
        let second = temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let engine = ReportEngine(book: testBook(), renderer: TextRenderer())
        _ = try engine.run(RunOptions(output: first, jobs: 2))
        let summary = try engine.run(RunOptions(output: second, jobs: 2, fallbackCaches: [first]))
        #expect(summary.ran.isEmpty)
        let path = "draws/data/exp-draws.json"
        #expect(try Data(contentsOf: first.appendingPathComponent(path)) == Data(contentsOf: second.appendingPathComponent(path)))
        // A changed experiment is not taken from the other folder.
        let changed = ReportEngine(book: testBook(experiment: changedExperiment), renderer: TextRenderer())
        let third = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: third) }
        #expect(try changed.run(RunOptions(output: third, jobs: 2, fallbackCaches: [first])).ran == ["exp-draws"])
    }

    @Test("explain says what run then does: rerun exactly when the plan says so, with the same reasons")
    func explainAgreesWithRun() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ReportEngine(book: testBook(), renderer: TextRenderer())
        #expect(try engine.explain("exp-draws", output: folder).contains("would run, because:\n    - it has never run into this folder"))
        _ = try engine.run(RunOptions(output: folder, jobs: 2))
        #expect(try engine.explain("exp-draws", output: folder).contains("up to date"))
        #expect(try engine.run(RunOptions(output: folder, jobs: 2)).ran.isEmpty)

        let changed = ReportEngine(book: testBook(experiment: changedExperiment), renderer: TextRenderer())
        let explanation = try changed.explain("exp-draws", output: folder)
        #expect(explanation.contains("would run, because:") && explanation.contains("parameters changed"), "\(explanation)")
        #expect(try changed.plan(RunOptions(output: folder)).toRun == ["exp-draws"])
        #expect(try changed.run(RunOptions(output: folder, jobs: 2)).ran == ["exp-draws"])

        // An edited results file: the lock's digest no longer matches, and both say so.
        let results = folder.appendingPathComponent("draws/data/exp-draws.json")
        try Data("{}".utf8).write(to: results)
        #expect(try changed.explain("exp-draws", output: folder).contains("does not match its recorded digest"))
        #expect(try changed.run(RunOptions(output: folder, jobs: 2)).ran == ["exp-draws"])
    }
}
