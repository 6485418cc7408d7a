import Foundation
import Notebook
import Testing

@testable import Cluster

@Suite("Cluster runs without a cluster: planning, folders and Slurm's formats")
struct ClusterTests {
    private func unit(_ experiment: String, _ point: Int, long: Bool = false) -> RemoteUnit {
        RemoteUnit(chapter: "c", experiment: experiment, point: point, replicate: 0, key: "k", isLong: long)
    }

    @Test("ordinary units are batched in order; every long unit is a task of its own, after them")
    func batching() {
        let units = (0..<10).map { unit("a", $0) } + [unit("train", 0, long: true), unit("train", 1, long: true)]
        let (ordinary, long) = SlurmExecutor.tasks(for: units, unitsPerTask: 4)
        #expect(ordinary.map(\.count) == [4, 4, 2])
        #expect(ordinary.joined().map(\.point) == Array(0..<10))
        #expect(long.map { $0.map(\.point) } == [[0], [1]])
        // By default at most 200 tasks, whatever the number of units.
        #expect(SlurmExecutor.tasks(for: (0..<1_000).map { unit("a", $0) }, unitsPerTask: nil).ordinary.count == 200)
        #expect(SlurmExecutor.tasks(for: (0..<50).map { unit("a", $0) }, unitsPerTask: nil).ordinary.count == 50)
    }

    @Test("array indices go to sbatch in compact ranges and come back from squeue's notation")
    func arrayNotation() {
        #expect(SlurmExecutor.ranges([0, 1, 2, 3, 7, 9, 10]) == "0-3,7,9-10")
        #expect(SlurmExecutor.ranges([5]) == "5")
        #expect(SlurmClient.indices(in: "0-3,7,9-10%2") == [0, 1, 2, 3, 7, 9, 10])
        #expect(SlurmClient.indices(in: "6-182").count == 177)
        #expect(SlurmClient.integer(["set": true, "number": 3] as [String: Any]) == 3)
        #expect(SlurmClient.integer(NSNumber(value: 4)) == 4)
    }

    @Test("the run folder keeps one plan, writes results atomically and reads back what a task wrote")
    func runFolder() throws {
        let folder = RunFolder(url: FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)"))
        let plan = RunFolder.Plan(seed: 7, tasks: [[unit("a", 0)], [unit("a", 1)]])
        try folder.prepare(plan)
        try folder.prepare(plan)
        #expect(throws: ClusterError.planMismatch(folder: folder.url.path)) { try folder.prepare(RunFolder.Plan(seed: 8, tasks: plan.tasks)) }
        #expect(folder.results(task: 0) == nil)
        let results = [RemoteUnitResult(unit: unit("a", 0), output: "{\"x\":1}", error: nil, seconds: 0.5)]
        try folder.writeResults(results, task: 0)
        let first = try Data(contentsOf: folder.resultsURL(task: 0))
        try folder.writeResults(results, task: 0)
        #expect(try Data(contentsOf: folder.resultsURL(task: 0)) == first, "a task that runs twice leaves the same bytes")
        #expect(folder.results(task: 0) == results)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("results").path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("without Slurm's commands the executor says what to install or how to run locally")
    func missingTools() throws {
        let executor = SlurmExecutor(settings: .init(runFolderRoot: FileManager.default.temporaryDirectory, binary: "/nonexistent", seed: 1, toolPath: "/nonexistent-bin"))
        #expect(throws: ClusterError.missingTool("sbatch")) { try executor.execute([unit("a", 0)]) { _ in } }
    }
}
