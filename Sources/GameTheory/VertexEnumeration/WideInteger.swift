/// Exact arithmetic on 128-bit integers for integer pivoting: the products of two entries are
/// kept at full 256-bit width, and a quotient known to be exact is found by multiplying with the
/// divisor's inverse modulo 2^128 (Jebelean's exact division), which needs no long division.
enum WideInteger {
    /// The full product `a * b` as a 256-bit two's-complement number (high half signed), from
    /// four 64 x 64-bit products (the standard library's generic full-width product is slow).
    @inline(__always)
    static func product(_ a: Int128, _ b: Int128) -> (high: Int128, low: UInt128) {
        let (x, y) = (a.magnitude, b.magnitude)
        let p00 = UInt128(_low: x._low, _high: 0) &* UInt128(_low: y._low, _high: 0)
        let p01 = UInt128(_low: x._low, _high: 0) &* UInt128(_low: y._high, _high: 0)
        let p10 = UInt128(_low: x._high, _high: 0) &* UInt128(_low: y._low, _high: 0)
        let p11 = UInt128(_low: x._high, _high: 0) &* UInt128(_low: y._high, _high: 0)
        let (middle, middleCarry) = p01.addingReportingOverflow(p10)
        let (low, lowCarry) = p00.addingReportingOverflow(UInt128(_low: 0, _high: middle._low))
        var high = p11 &+ UInt128(_low: middle._high, _high: middleCarry ? 1 : 0) &+ (lowCarry ? 1 : 0)
        guard (a < 0) != (b < 0) else { return (Int128(bitPattern: high), low) }
        // Two's-complement negation of the 256-bit magnitude.
        let (negatedLow, borrow) = (0 as UInt128).subtractingReportingOverflow(low)
        high = ~high &+ (borrow ? 0 : 1)
        return (Int128(bitPattern: high), negatedLow)
    }

    /// A `Double` near `x` (within a relative 2^-52), without the standard library's generic
    /// conversion.
    @inline(__always)
    static func approximate(_ x: Int128) -> Double {
        // From the magnitude, so the two halves never cancel.
        let magnitude = x.magnitude
        let value = Double(magnitude._high) * 0x1p64 + Double(magnitude._low)
        return x < 0 ? -value : value
    }

    /// `x - y` for 256-bit two's-complement numbers.
    @inline(__always)
    static func difference(_ x: (high: Int128, low: UInt128), _ y: (high: Int128, low: UInt128)) -> (high: Int128, low: UInt128) {
        let (low, borrow) = x.low.subtractingReportingOverflow(y.low)
        return (x.high &- y.high &- (borrow ? 1 : 0), low)
    }

    /// Whether `x < y` for 256-bit two's-complement numbers.
    @inline(__always)
    static func less(_ x: (high: Int128, low: UInt128), _ y: (high: Int128, low: UInt128)) -> Bool {
        x.high != y.high ? x.high < y.high : x.low < y.low
    }

    /// A divisor prepared for exact division: its trailing zero bits and the inverse of its odd
    /// part modulo 2^128.
    struct Divisor {
        let shift: Int
        let inverse: UInt128

        init(_ divisor: Int128) {
            precondition(divisor != 0, "division by zero")
            shift = divisor.trailingZeroBitCount
            let odd = UInt128(bitPattern: divisor >> shift)
            // Newton's iteration doubles the correct low bits: 3, 6, 12, ..., 192 >= 128.
            var inverse = odd
            for _ in 0..<6 { inverse = inverse &* (2 &- odd &* inverse) }
            self.inverse = inverse
        }
    }

    /// `x / divisor` when the division is exact and the quotient fits in an `Int128` (the caller
    /// has checked both).
    @inline(__always)
    static func exactQuotient(_ x: (high: Int128, low: UInt128), by divisor: Divisor) -> Int128 {
        let t = divisor.shift
        let shifted = t == 0 ? x.low : (x.low >> t) | (UInt128(bitPattern: x.high) << (128 - t))
        return Int128(bitPattern: shifted &* divisor.inverse)
    }

    /// `x / divisor` for a 128-bit `x` when the division is exact.
    @inline(__always)
    static func exactQuotient(_ x: Int128, by divisor: Divisor) -> Int128 {
        Int128(bitPattern: UInt128(bitPattern: x >> divisor.shift) &* divisor.inverse)
    }
}
