/// How a claim fared when its experiments were rerun under other base seeds.
public enum ClaimRobustness: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Rerun under `runs` other seeds; the claim held in `held` of them, and `sameValue` says
    /// whether its measured value was the same every time.
    case reseeded(held: Int, runs: Int, sameValue: Bool)
    /// The claim reads only expensive or timing experiments, which are not reseeded.
    case notReseeded

    /// "held under 19 of 20 other seeds", or why it was not reseeded.
    public var description: String {
        switch self {
        case .reseeded(let held, let runs, let same): "held under \(held) of \(runs) other seeds" + (same && runs > 1 ? ", with the same value each time" : "")
        case .notReseeded: "not reseeded (it reads only expensive or timing experiments, which are not rerun)"
        }
    }
}

/// The outcome of `report reseed`: for every claim, how often it held when the standard
/// experiments were rerun under other base seeds, with the keys of the experiments it read.
/// Kept in the output folder (`reseed.json`) so that the writers can print it next to each claim
/// for as long as those experiments are unchanged.
public struct ReseedRecord: Hashable, Codable, Sendable {
    /// One claim's outcome.
    public struct Entry: Hashable, Codable, Sendable {
        /// The chapter.
        public var chapter: String
        /// Whether any experiment the claim reads was rerun.
        public var reseeded: Bool
        /// Runs in which the claim held.
        public var held: Int
        /// Runs made.
        public var runs: Int
        /// The claim's measured value in each run, in seed order.
        public var measured: [Double]
        /// The cache key of every experiment the claim read, by id, when the record was made.
        public var experiments: [String: String]
        /// Digest of the claim's own declaration (statement and check) when the record was made.
        public var code: String

        /// The robustness this entry states.
        public var robustness: ClaimRobustness {
            reseeded ? .reseeded(held: held, runs: runs, sameValue: Set(measured).count == 1) : .notReseeded
        }
    }

    /// The file's name in the output folder.
    public static let fileName = "reseed.json"

    /// The base seeds used, in order.
    public var seeds: [UInt64] = []
    /// Outcomes by claim id.
    public var claims: [String: Entry] = [:]

    /// Creates an empty record.
    public init() {}

    /// The entries whose claim and experiments are unchanged since the record was made, given
    /// the current key of every experiment and the digest of every claim's declaration, by id;
    /// the other claims' ids are returned apart.
    public func current(keys: [String: String], claimCodes: [String: String]) -> (fresh: [String: Entry], stale: [String]) {
        var fresh = [String: Entry]()
        var stale = [String]()
        for (id, entry) in claims {
            if claimCodes[id] == entry.code, entry.experiments.allSatisfy({ keys[$0.key] == $0.value }) { fresh[id] = entry } else { stale.append(id) }
        }
        return (fresh, stale.sorted())
    }
}
