import Randomness

/// How `report check` treats an experiment's committed results.
public enum ExperimentCost: String, Codable, Sendable {
    /// Deterministic and affordable: `report check` recomputes it and compares the bytes.
    case standard
    /// Deterministic but too costly to rerun on every check (minutes of training):
    /// `report check` verifies its key, digest and claims without recomputing it; `report` reruns
    /// it when its key changes and `report --force` always.
    case expensive
    /// A wall-clock measurement (throughput, speed): the numbers vary from run to run, so they are
    /// computed once per key like `expensive` ones and never compared against a recomputation.
    case timing
}

/// A declared experiment: a pure function from (parameter point, seeded generator) to a `Codable`
/// result, run for every parameter point and `replicates` times each.
///
/// The runner owns seeding (one stream per chapter, experiment, point and replicate), parallelism,
/// timing and caching; the body must draw every random number from the generator it is given.
public struct Experiment<Parameter: Codable & Sendable, Output: Codable & Sendable>: Sendable {
    /// The experiment's id (`exp-…`).
    public let id: ExperimentID
    /// The parameter points, in order.
    public let parameters: [Parameter]
    /// Independent runs per point.
    public let replicates: Int
    /// Bump to force a rerun when something the cache key cannot see changed.
    public let version: Int
    /// Relative tolerance `report check` allows between committed and regenerated numbers.
    public let tolerance: Double
    /// The modules and files the experiment runs, besides those its chapter names (see `SourceUse`).
    public let uses: [SourceUse]
    /// Where the experiment is declared; its source text is part of the cache key.
    public let location: SourceLocation
    /// Whether `report check` recomputes it.
    public let cost: ExperimentCost
    let body: @Sendable (Parameter, inout Xoshiro256StarStar) throws -> Output
    /// How to replay a unit's iterations, for experiments declared with an `IterativeRun`.
    var replayer: Replayer<Parameter, Output>?

    /// Declares an experiment.
    ///
    /// - Parameters:
    ///   - id: the experiment id, `exp-…`.
    ///   - parameters: the parameter points.
    ///   - replicates: runs per point, each with its own random stream.
    ///   - version: a number to bump when results must be recomputed for a reason outside the key.
    ///   - tolerance: relative difference allowed by `report check` (0: the numbers must be identical).
    ///   - uses: modules and files the body runs beyond its chapter's `uses`, e.g. `[.module("Tabular")]`.
    ///   - cost: `.expensive` or `.timing` to keep `report check` from recomputing it.
    ///   - body: computes one replicate of one point.
    public init(
        _ id: ExperimentID, parameters: [Parameter], replicates: Int = 1, version: Int = 1, tolerance: Double = 0,
        uses: [SourceUse] = [], cost: ExperimentCost = .standard, file: String = #filePath, line: Int = #line,
        body: @escaping @Sendable (Parameter, inout Xoshiro256StarStar) throws -> Output
    ) {
        self.id = id
        self.parameters = parameters
        self.replicates = replicates
        self.version = version
        self.tolerance = tolerance
        self.uses = uses
        self.cost = cost
        self.location = SourceLocation(file: file, line: line)
        self.body = body
    }
}

/// The results of one experiment: each parameter point with its replicates' outputs, in order.
public struct ExperimentResults<Parameter: Codable & Sendable, Output: Codable & Sendable>: Codable, Sendable {
    /// One parameter point and the outputs of its replicates.
    public struct Point: Codable, Sendable {
        /// The parameter point.
        public var parameter: Parameter
        /// One output per replicate, in replicate order.
        public var replicates: [Output]
    }

    /// The experiment's id.
    public var experiment: ExperimentID
    /// The points, in declaration order.
    public var points: [Point]

    /// The replicates of every point whose parameter satisfies `predicate`, in point order.
    public func replicates(where predicate: (Parameter) -> Bool) -> [Output] {
        points.filter { predicate($0.parameter) }.flatMap(\.replicates)
    }

    /// The replicates of the point `parameter`; an error naming the experiment and its points
    /// when it has no such point (a typo in a chapter, or a point removed from the declaration).
    public func replicates(at parameter: Parameter) throws -> [Output] where Parameter: Equatable {
        guard let point = points.first(where: { $0.parameter == parameter }) else {
            let known = points.map { (try? CanonicalJSON.encode($0.parameter)).map { String(decoding: $0, as: UTF8.self) } ?? "?" }
            let wanted = (try? CanonicalJSON.encode(parameter)).map { String(decoding: $0, as: UTF8.self) } ?? "\(parameter)"
            throw NotebookError.missingPoint(experiment: experiment.rawValue, parameter: wanted, known: known)
        }
        return point.replicates
    }

    /// The first replicate's output at the point `parameter` (the only one when the experiment
    /// has one replicate); an error when there is no such point.
    public func output(at parameter: Parameter) throws -> Output where Parameter: Equatable {
        guard let first = try replicates(at: parameter).first else {
            throw NotebookError.missingPoint(experiment: experiment.rawValue, parameter: "\(parameter)", known: [])
        }
        return first
    }
}

/// An experiment with its types erased, as the runner and the cache see it.
protocol AnyExperiment: Sendable {
    var id: ExperimentID { get }
    var replicates: Int { get }
    var version: Int { get }
    var tolerance: Double { get }
    var uses: [SourceUse] { get }
    var cost: ExperimentCost { get }
    var location: SourceLocation { get }
    var pointCount: Int { get }
    /// Canonical JSON of each parameter point.
    func parameterJSON() throws -> [String]
    /// Runs one replicate of one point.
    func runUnit(point: Int, generator: inout Xoshiro256StarStar) throws -> any Sendable
    /// Encodes all unit outputs (point-major, replicate-minor) as the experiment's results file.
    func encodeResults(_ outputs: [any Sendable]) throws -> [UInt8]
    /// The canonical JSON of one unit's output in a results file of this experiment.
    func unitJSON(inResults bytes: [UInt8], point: Int, replicate: Int) throws -> [UInt8]
    /// The canonical JSON of a unit's output.
    func unitJSON(_ output: any Sendable) throws -> [UInt8]
    /// A unit's output from its canonical JSON (as another process computed it).
    func decodeUnit(_ json: [UInt8]) throws -> any Sendable
    /// Whether units can be replayed iteration by iteration.
    var isReplayable: Bool { get }
    /// For each unit of a results file, the final-state parts its output carries that do not
    /// match the last recorded state digest, keyed "point/replicate" (replayable experiments only).
    func finalPartMismatches(inResults bytes: [UInt8]) throws -> [String: [String]]
    /// Replays one unit against the digests recorded in a results file while `proceed` says so.
    func replay(
        point: Int, replicate: Int, inResults bytes: [UInt8], generator: inout Xoshiro256StarStar, proceed: (Int) -> Bool
    ) throws -> ReplayReport?
}

extension Experiment: AnyExperiment {
    var pointCount: Int { parameters.count }

    func parameterJSON() throws -> [String] {
        try parameters.map { String(decoding: try CanonicalJSON.encode($0), as: UTF8.self) }
    }

    func runUnit(point: Int, generator: inout Xoshiro256StarStar) throws -> any Sendable {
        try body(parameters[point], &generator)
    }

    func encodeResults(_ outputs: [any Sendable]) throws -> [UInt8] {
        var points = [ExperimentResults<Parameter, Output>.Point]()
        for (index, parameter) in parameters.enumerated() {
            let slice = outputs[(index * replicates)..<((index + 1) * replicates)]
            // The runner fills outputs only from this experiment's units, so the cast cannot fail.
            points.append(.init(parameter: parameter, replicates: slice.map { $0 as! Output }))
        }
        return try CanonicalJSON.encode(ExperimentResults(experiment: id, points: points))
    }

    private func decodeResults(_ bytes: [UInt8]) throws -> ExperimentResults<Parameter, Output> {
        try CanonicalJSON.decode(ExperimentResults<Parameter, Output>.self, from: bytes)
    }

    private func unit(in results: ExperimentResults<Parameter, Output>, point: Int, replicate: Int) throws -> Output {
        guard point < results.points.count, replicate < results.points[point].replicates.count else {
            throw NotebookError.missingUnit(experiment: id.rawValue, point: point, replicate: replicate)
        }
        return results.points[point].replicates[replicate]
    }

    func unitJSON(inResults bytes: [UInt8], point: Int, replicate: Int) throws -> [UInt8] {
        try CanonicalJSON.encode(try unit(in: try decodeResults(bytes), point: point, replicate: replicate))
    }

    func unitJSON(_ output: any Sendable) throws -> [UInt8] {
        // Outputs come from this experiment's own units, so the cast cannot fail.
        try CanonicalJSON.encode(output as! Output)
    }

    func decodeUnit(_ json: [UInt8]) throws -> any Sendable {
        try CanonicalJSON.decode(Output.self, from: json)
    }

    var isReplayable: Bool { replayer != nil }

    func finalPartMismatches(inResults bytes: [UInt8]) throws -> [String: [String]] {
        guard let replayer else { return [:] }
        var mismatches = [String: [String]]()
        for (p, point) in try decodeResults(bytes).points.enumerated() {
            for (r, output) in point.replicates.enumerated() {
                let parts = replayer.finalPartMismatches(output)
                if !parts.isEmpty { mismatches["\(p)/\(r)"] = parts }
            }
        }
        return mismatches
    }

    func replay(
        point: Int, replicate: Int, inResults bytes: [UInt8], generator: inout Xoshiro256StarStar, proceed: (Int) -> Bool
    ) throws -> ReplayReport? {
        guard let replayer else { return nil }
        let committed = try unit(in: try decodeResults(bytes), point: point, replicate: replicate)
        return try replayer.replay(parameters[point], &generator, committed, proceed)
    }
}
