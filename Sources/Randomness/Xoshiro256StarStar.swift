/// The project's random number generator: xoshiro256** (Blackman and Vigna, 2018).
///
/// Every random draw in the report comes from one of these, seeded through ``SplitMix64`` and
/// derived per stream with ``StreamID``, so results never depend on the platform's generator.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// The generator's four state words: two generators with equal words draw the same numbers.
    public var stateWords: [UInt64] { [s0, s1, s2, s3] }

    /// Creates a generator whose 256-bit state is expanded from `seed` with SplitMix64.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// Creates the generator of one named stream: the same stream always yields the same numbers.
    public init(stream: StreamID) {
        self.init(seed: stream.seed)
    }

    /// Returns the next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    @inlinable @inline(__always)
    func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }
}

extension Xoshiro256StarStar {
    /// Creates a generator with an explicit 256-bit state (not all zero), for reference tests.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** needs a non-zero state")
        s0 = state.0
        s1 = state.1
        s2 = state.2
        s3 = state.3
    }
}
