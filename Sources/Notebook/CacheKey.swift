/// Everything an experiment's results depend on. Its digest is the cache key; the parts are kept in
/// the lock file so that `report explain` can name the part that changed. Never a timestamp.
public struct KeyParts: Hashable, Codable, Sendable {
    /// `chapter/experiment`.
    public var experiment: String
    /// Digest of the canonical JSON of the parameter points.
    public var parameters: String
    /// The number of parameter points.
    public var points: Int
    /// Replicates per point.
    public var replicates: Int
    /// The book's base seed.
    public var seed: UInt64
    /// Digest of the experiment's declaration in the chapter file.
    public var code: String
    /// Digest of each declared source dependency, by path.
    public var dependencies: [String: String]
    /// The experiment's own version number.
    public var version: Int
    /// The runner's version: bumped when seeding or the results format changes.
    public var engine: String

    /// The cache key: the digest of all parts.
    public var key: String { (try? Digest.sha256(json: self)) ?? "" }

    /// The parts that differ from `old`, in words, one line each.
    public func changes(since old: KeyParts) -> [String] {
        var lines = [String]()
        if parameters != old.parameters || points != old.points {
            lines.append("parameters changed (\(old.points) points, \(old.parameters.prefix(12)) → \(points) points, \(parameters.prefix(12)))")
        }
        if replicates != old.replicates { lines.append("replicates changed (\(old.replicates) → \(replicates))") }
        if seed != old.seed { lines.append("seed changed (\(old.seed) → \(seed))") }
        if code != old.code { lines.append("the experiment's declaration in the chapter changed (\(old.code.prefix(12)) → \(code.prefix(12)))") }
        for path in Set(dependencies.keys).union(old.dependencies.keys).sorted() where dependencies[path] != old.dependencies[path] {
            switch (old.dependencies[path], dependencies[path]) {
            case (nil, .some): lines.append("now uses \(path)")
            case (.some, nil): lines.append("no longer uses \(path)")
            case let (.some(before), .some(after)): lines.append("source dependency \(path) changed (\(before.prefix(12)) → \(after.prefix(12)))")
            default: break
            }
        }
        if version != old.version { lines.append("version changed (\(old.version) → \(version))") }
        if engine != old.engine { lines.append("engine changed (\(old.engine) → \(engine))") }
        return lines
    }
}
