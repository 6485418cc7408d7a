/// The identity of one random stream: a base seed and a path of names, such as
/// `[chapter, experiment, parameter point, replicate]`.
///
/// Distinct paths give statistically independent seeds; the same path always gives the same seed,
/// on every platform and for any number of worker threads.
public struct StreamID: Hashable, Sendable, CustomStringConvertible {
    /// The seed shared by every stream of one report.
    public let baseSeed: UInt64
    /// The names that identify this stream under the base seed.
    public let path: [String]

    /// Creates the stream named by `path` under `baseSeed`.
    public init(baseSeed: UInt64, path: [String]) {
        self.baseSeed = baseSeed
        self.path = path
    }

    /// The stream one level below this one, named `component`.
    public func appending(_ component: String) -> StreamID {
        StreamID(baseSeed: baseSeed, path: path + [component])
    }

    /// The 64-bit seed of this stream: each path component is hashed with FNV-1a and folded in
    /// through the SplitMix64 finaliser, with a separator so that `["ab","c"]` and `["a","bc"]` differ.
    public var seed: UInt64 {
        var state = SplitMix64.mix(baseSeed ^ 0x5157_4E4F_5445_5321)
        for component in path {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in component.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
            state = SplitMix64.mix(state &+ hash)
        }
        return state
    }

    /// The path joined by slashes, after the base seed.
    public var description: String {
        "\(baseSeed):" + path.joined(separator: "/")
    }
}
