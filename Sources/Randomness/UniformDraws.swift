extension RandomNumberGenerator {
    /// A uniform integer in `0..<upperBound`, by Lemire's multiply-and-reject method.
    ///
    /// The project uses this instead of `Int.random(in:using:)` so that the mapping from bits to
    /// integers is fixed by this code, not by the standard library's version.
    @inlinable @inline(__always)
    public mutating func uniformIndex(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "uniformIndex(below:) needs a positive bound")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    /// A uniform double in `[0, 1)` built from the top 53 bits of one draw.
    @inlinable
    public mutating func uniformUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `probability`.
    @inlinable
    public mutating func bernoulli(_ probability: Double) -> Bool {
        uniformUnit() < probability
    }
}
