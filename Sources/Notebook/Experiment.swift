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
    /// Source files or folders (relative to the package root) whose contents the results depend on.
    public let dependencies: [String]
    /// Where the experiment is declared; its source text is part of the cache key.
    public let location: SourceLocation
    /// Whether `report check` recomputes it.
    public let cost: ExperimentCost
    let body: @Sendable (Parameter, inout Xoshiro256StarStar) throws -> Output

    /// Declares an experiment.
    ///
    /// - Parameters:
    ///   - id: the experiment id, `exp-…`.
    ///   - parameters: the parameter points.
    ///   - replicates: runs per point, each with its own random stream.
    ///   - version: a number to bump when results must be recomputed for a reason outside the key.
    ///   - tolerance: relative difference allowed by `report check` (0: the numbers must be identical).
    ///   - dependencies: library sources the experiment runs, e.g. `["Sources/Tabular"]`.
    ///   - cost: `.expensive` or `.timing` to keep `report check` from recomputing it.
    ///   - body: computes one replicate of one point.
    public init(
        _ id: ExperimentID, parameters: [Parameter], replicates: Int = 1, version: Int = 1, tolerance: Double = 0,
        dependencies: [String] = [], cost: ExperimentCost = .standard, file: String = #filePath, line: Int = #line,
        body: @escaping @Sendable (Parameter, inout Xoshiro256StarStar) throws -> Output
    ) {
        self.id = id
        self.parameters = parameters
        self.replicates = replicates
        self.version = version
        self.tolerance = tolerance
        self.dependencies = dependencies
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

    /// The replicates of the first point whose parameter satisfies `predicate`.
    public func replicates(where predicate: (Parameter) -> Bool) -> [Output] {
        points.first { predicate($0.parameter) }?.replicates ?? []
    }
}

/// An experiment with its types erased, as the runner and the cache see it.
protocol AnyExperiment: Sendable {
    var id: ExperimentID { get }
    var replicates: Int { get }
    var version: Int { get }
    var tolerance: Double { get }
    var dependencies: [String] { get }
    var cost: ExperimentCost { get }
    var location: SourceLocation { get }
    var pointCount: Int { get }
    /// Canonical JSON of each parameter point.
    func parameterJSON() throws -> [String]
    /// Runs one replicate of one point.
    func runUnit(point: Int, generator: inout Xoshiro256StarStar) throws -> any Sendable
    /// Encodes all unit outputs (point-major, replicate-minor) as the experiment's results file.
    func encodeResults(_ outputs: [any Sendable]) throws -> [UInt8]
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
}
