import Foundation
import Randomness

/// Runs experiments: every (point, replicate) unit of every experiment goes to one worker pool,
/// each with its own random stream named by (chapter, experiment, parameter point, replicate).
/// Results are assembled in declaration order, so they are identical for any number of workers.
struct ExperimentRunner {
    /// One experiment to run.
    struct Job: Sendable {
        let chapter: String
        let experiment: any AnyExperiment
        /// The experiment's cache key (names remote units, so no result for other code is taken).
        var key = ""
    }

    /// What running one experiment gave.
    enum Outcome {
        case success(bytes: [UInt8], seconds: Double)
        case failure(String)
    }

    let seed: UInt64
    let pool: WorkerPool
    let progress: any ProgressReporter
    /// Where the units that are not timing measurements run; `nil` runs them on `pool`.
    var executor: (any UnitExecutor)? = nil

    /// The random stream of one unit.
    static func stream(seed: UInt64, chapter: String, experiment: ExperimentID, parameterJSON: String, replicate: Int) -> StreamID {
        StreamID(baseSeed: seed, path: [chapter, experiment.rawValue, parameterJSON, String(replicate)])
    }

    /// One unit of an experiment: its point, its replicate and its random stream.
    struct UnitAddress: Sendable {
        let point: Int
        let replicate: Int
        let stream: StreamID
    }

    /// Every unit of `experiment` in `chapter`, point-major: the one enumeration the runner, the
    /// sampled recomputation and the replay of `report check` and `report verify` all use.
    static func units(of experiment: any AnyExperiment, chapter: String, seed: UInt64) throws -> [UnitAddress] {
        let parameters = try experiment.parameterJSON()
        return parameters.indices.flatMap { point in
            (0..<experiment.replicates).map { replicate in
                UnitAddress(point: point, replicate: replicate, stream: stream(
                    seed: seed, chapter: chapter, experiment: experiment.id, parameterJSON: parameters[point], replicate: replicate))
            }
        }
    }

    /// Runs every unit of `jobs` and assembles each experiment's results file; throws only when
    /// the executor cannot deliver (a unit that throws fails its experiment instead).
    func run(_ jobs: [Job]) throws -> [Outcome] {
        var units = [ScheduledUnit]()
        var setupFailures = [Int: String]()
        for (index, job) in jobs.enumerated() {
            do {
                units += try Self.units(of: job.experiment, chapter: job.chapter, seed: seed).map { ScheduledUnit(job: index, point: $0.point, replicate: $0.replicate, stream: $0.stream) }
            } catch {
                setupFailures[index] = "its parameters cannot be encoded: \(error)"
            }
            progress.started(job.experiment.id.rawValue, units: job.experiment.pointCount * job.experiment.replicates)
        }
        let frozenUnits = units
        let reporter = progress
        let runUnit = { @Sendable (i: Int) -> (Result<any Sendable, any Error>, Double) in
            let unit = frozenUnits[i]
            var generator = Xoshiro256StarStar(stream: unit.stream)
            let start = DispatchTime.now().uptimeNanoseconds
            let result = Result { try jobs[unit.job].experiment.runUnit(point: unit.point, generator: &generator) }
            return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        // Timing units run one at a time after everything else, so no other work shares the
        // machine while they measure it.
        let shared = units.indices.filter { jobs[units[$0].job].experiment.cost != .timing }
        let alone = units.indices.filter { jobs[units[$0].job].experiment.cost == .timing }
        var results = [(Result<any Sendable, any Error>, Double)?](repeating: nil, count: units.count)
        if let executor {
            for (i, result) in try runRemotely(shared, units: units, jobs: jobs, executor: executor) { results[i] = result }
        } else {
            let sharedResults = pool.run(count: shared.count, job: { runUnit(shared[$0]) }, finished: { k in
                reporter.unitFinished(jobs[frozenUnits[shared[k]].job].experiment.id.rawValue)
            })
            for (k, i) in shared.enumerated() { results[i] = sharedResults[k] }
        }
        for i in alone {
            results[i] = runUnit(i)
            reporter.unitFinished(jobs[units[i].job].experiment.id.rawValue)
        }

        var outputs = [[any Sendable]](repeating: [], count: jobs.count)
        var seconds = [Double](repeating: 0, count: jobs.count)
        var failures = setupFailures
        for (unit, (result, time)) in zip(units, results.map { $0! }) {
            seconds[unit.job] += time
            switch result {
            case .success(let value): outputs[unit.job].append(value)
            case .failure(let error):
                if failures[unit.job] == nil {
                    failures[unit.job] = "point \(unit.point) (stream \(unit.stream.path.last ?? "")) threw: \(error)"
                }
            }
        }
        return jobs.indices.map { index in
            let id = jobs[index].experiment.id.rawValue
            if let failure = failures[index] {
                progress.finished(id, seconds: seconds[index], cached: false, failed: true)
                return .failure(failure)
            }
            do {
                let bytes = try jobs[index].experiment.encodeResults(outputs[index])
                progress.finished(id, seconds: seconds[index], cached: false, failed: false)
                return .success(bytes: bytes, seconds: seconds[index])
            } catch {
                progress.finished(id, seconds: seconds[index], cached: false, failed: true)
                return .failure("its results cannot be encoded: \(error)")
            }
        }
    }

    /// One unit scheduled in a run: its experiment (by job index), point, replicate and stream.
    struct ScheduledUnit: Sendable {
        let job: Int
        let point: Int
        let replicate: Int
        let stream: StreamID
    }

    /// Sends the units at `indices` to `executor` and decodes what comes back, by unit index.
    private func runRemotely(
        _ indices: [Int], units: [ScheduledUnit], jobs: [Job], executor: any UnitExecutor
    ) throws -> [(Int, (Result<any Sendable, any Error>, Double))] {
        var requests = [RemoteUnit]()
        var indexOf = [RemoteUnit: Int]()
        for i in indices {
            let unit = units[i]
            let experiment = jobs[unit.job].experiment
            let request = RemoteUnit(
                chapter: jobs[unit.job].chapter, experiment: experiment.id.rawValue, point: unit.point, replicate: unit.replicate,
                key: jobs[unit.job].key, isLong: experiment.cost == .expensive)
            requests.append(request)
            indexOf[request] = i
        }
        let reporter = progress
        let delivered = try executor.execute(requests) { unit in reporter.unitFinished(unit.experiment) }
        var decoded = [(Int, (Result<any Sendable, any Error>, Double))]()
        for result in delivered {
            guard let i = indexOf.removeValue(forKey: result.unit) else { continue }
            let experiment = jobs[units[i].job].experiment
            let value: Result<any Sendable, any Error>
            if let output = result.output {
                value = Result { try experiment.decodeUnit(Array(output.utf8)) }
            } else {
                value = .failure(RemoteFailure(message: result.error ?? "no output"))
            }
            decoded.append((i, (value, result.seconds)))
        }
        if let missing = indexOf.keys.first {
            throw RemoteFailure(message: "the executor returned no result for unit \(missing.point)/\(missing.replicate) of \(missing.experiment)")
        }
        return decoded
    }
}

/// An error a unit reported from another process.
struct RemoteFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
