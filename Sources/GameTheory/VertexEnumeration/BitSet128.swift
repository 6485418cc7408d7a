/// A set of integers in 0..<128 (labels or variables of a polytope) in two machine words.
struct BitSet128: Hashable, Sendable {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0

    /// The empty set.
    init() {}

    /// The set of `members`.
    init<S: Sequence<Int>>(_ members: S) {
        for member in members { insert(member) }
    }

    /// Adds `member`.
    mutating func insert(_ member: Int) {
        if member < 64 { low |= 1 << UInt64(member) } else { high |= 1 << UInt64(member - 64) }
    }

    /// Removes `member`.
    mutating func remove(_ member: Int) {
        if member < 64 { low &= ~(1 << UInt64(member)) } else { high &= ~(1 << UInt64(member - 64)) }
    }

    /// Whether `member` is in the set.
    func contains(_ member: Int) -> Bool {
        member < 64 ? low & (1 << UInt64(member)) != 0 : high & (1 << UInt64(member - 64)) != 0
    }

    /// Number of members.
    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    /// Whether every member of `other` is a member.
    func isSuperset(of other: BitSet128) -> Bool {
        other.low & ~low == 0 && other.high & ~high == 0
    }

    /// The members not in `other`.
    func subtracting(_ other: BitSet128) -> BitSet128 {
        var result = self
        result.low &= ~other.low
        result.high &= ~other.high
        return result
    }

    /// The members, ascending.
    var members: [Int] { (0..<128).filter(contains) }
}
