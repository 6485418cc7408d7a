import BigInt

/// The dictionary of a polytope `{z >= 0 : M z <= 1}` with a positive integer matrix `M`
/// (`constraints` x `dimension`), kept by integer (fraction-free) pivoting: every entry is the
/// current basis's determinant `D` times the entry of the rational dictionary, so all arithmetic
/// is exact and no fraction is ever reduced.
///
/// Variables `0..<dimension` are the coordinates `z`, `dimension..<dimension + constraints` the
/// slacks; column `variables` is the right-hand side. The slack basis (the vertex `z = 0`) starts
/// it, and its columns give the lexicographic ratio test that makes every pivot well defined in a
/// degenerate polytope (the bases it visits are those of a perturbed, simple polytope whose
/// vertices map onto all of the original's).
///
/// Entries live in 128-bit integers while they fit, and move to arbitrary precision for good at
/// the first pivot that would overflow.
final class PolytopeTableau {
    /// Number of constraints (rows).
    let constraints: Int
    /// Number of coordinates.
    let dimension: Int
    /// Coordinates plus slacks.
    let variables: Int
    /// The basic variable of each row.
    private(set) var basis: [Int]
    private var small: SmallEntries
    private var large: LargeEntries?

    /// The slack basis of `{z >= 0 : matrix z <= 1}`; `matrix` holds positive integers.
    init(_ matrix: [[BigInt]]) {
        constraints = matrix.count
        dimension = matrix[0].count
        variables = dimension + constraints
        basis = Array(dimension..<variables)
        let width = variables + 1
        var cells = [BigInt](repeating: 0, count: constraints * width)
        for (i, line) in matrix.enumerated() {
            for (j, value) in line.enumerated() { cells[i * width + j] = value }
            cells[i * width + dimension + i] = 1
            cells[i * width + width - 1] = 1
        }
        let limit = BigInt(1) << 62
        if cells.allSatisfy({ $0.magnitude < limit.magnitude }) {
            small = SmallEntries(rows: constraints, width: width, cells: cells.map { Int128($0) })
        } else {
            small = SmallEntries(rows: 0, width: width, cells: [])
            large = LargeEntries(rows: constraints, width: width, cells: cells, determinant: 1)
        }
    }

    /// Whether the entries have moved to arbitrary precision.
    var isLarge: Bool { large != nil }

    /// The row that leaves when `entering` enters, by the lexicographic minimum-ratio test; `nil`
    /// when the column has no positive entry (the edge is unbounded).
    func leavingRow(entering: Int) -> Int? {
        if large == nil { return small.leavingRow(entering: entering, slacks: dimension..<variables) }
        return large!.leavingRow(entering: entering, slacks: dimension..<variables)
    }

    /// Pivots `entering` into the basis at `row`.
    func pivot(row: Int, entering: Int) {
        if large == nil {
            if small.pivot(row: row, column: entering) {
                basis[row] = entering
                return
            }
            large = LargeEntries(small)
            small = SmallEntries(rows: 0, width: small.width, cells: [])
        }
        large!.pivot(row: row, column: entering)
        basis[row] = entering
    }

    /// Whether the basic variable of `row` is zero (a degenerate row).
    func isZero(row: Int) -> Bool {
        large == nil ? small.cells[row * small.width + variables] == 0 : large!.cells[row * large!.width + variables].isZero
    }

    /// The basic variable's value in each row, as (numerator, common positive denominator).
    func values() -> (numerators: [BigInt], denominator: BigInt) {
        if let large { return ((0..<constraints).map { large.cells[$0 * large.width + variables] }, large.determinant) }
        return ((0..<constraints).map { BigInt(small.cells[$0 * small.width + variables]) }, BigInt(small.determinant))
    }
}

/// Tableau entries in 128-bit integers, with the basis determinant.
struct SmallEntries {
    let rows: Int
    let width: Int
    var cells: [Int128]
    var determinant: Int128 = 1
    private var scratch: [Int128]

    init(rows: Int, width: Int, cells: [Int128]) {
        self.rows = rows
        self.width = width
        self.cells = cells
        scratch = cells
    }

    /// The lexicographic minimum-ratio row for `entering`: smallest right-hand side over pivot
    /// entry, ties broken by the `slacks` columns in order (the initial basis).
    func leavingRow(entering c: Int, slacks: Range<Int>) -> Int? {
        cells.withUnsafeBufferPointer { t in
            let w = width
            var best = -1
            for row in 0..<rows where t[row * w + c] > 0 {
                if best < 0 { best = row; continue }
                let (pa, pb) = (t[row * w + c], t[best * w + c])
                var left = WideInteger.product(t[row * w + w - 1], pb)
                var right = WideInteger.product(t[best * w + w - 1], pa)
                var column = slacks.lowerBound
                while left == right && column < slacks.upperBound {
                    left = WideInteger.product(t[row * w + column], pb)
                    right = WideInteger.product(t[best * w + column], pa)
                    column += 1
                }
                if WideInteger.less(left, right) { best = row }
            }
            return best < 0 ? nil : best
        }
    }

    /// The integer pivot on (`row`, `column`): row `row` stays, every other entry becomes
    /// `(t[i][j] * p - t[i][c] * t[r][j]) / D`. Returns false, changing nothing, when some
    /// entry would not fit in 128 bits.
    mutating func pivot(row r: Int, column c: Int) -> Bool {
        let w = width
        let p = cells[r * w + c]
        let divisor = WideInteger.Divisor(determinant)
        // A quotient whose bound is below 2^125 fits in an Int128 with a margin far above
        // Double's rounding; the bound is |a p| + |f b| over |D|, compared without dividing.
        let budget = 0x1p125 * abs(WideInteger.approximate(determinant))
        let fits = UInt128(1) << 62
        let pSmall = p.magnitude < fits
        let pMagnitude = abs(WideInteger.approximate(p))
        let ok = cells.withUnsafeBufferPointer { old in
            scratch.withUnsafeMutableBufferPointer { new in
                for j in 0..<w { new[r * w + j] = old[r * w + j] }
                for i in 0..<rows where i != r {
                    let f = old[i * w + c]
                    let fSmall = f.magnitude < fits
                    let fMagnitude = abs(WideInteger.approximate(f))
                    for j in 0..<w {
                        let a = old[i * w + j]
                        let b = old[r * w + j]
                        if pSmall && fSmall && a.magnitude < fits && b.magnitude < fits {
                            // Both products and their difference fit in 128 bits.
                            new[i * w + j] = WideInteger.exactQuotient(a &* p &- f &* b, by: divisor)
                        } else {
                            if abs(WideInteger.approximate(a)) * pMagnitude + fMagnitude * abs(WideInteger.approximate(b)) >= budget { return false }
                            new[i * w + j] = WideInteger.exactQuotient(WideInteger.difference(WideInteger.product(a, p), WideInteger.product(f, b)), by: divisor)
                        }
                    }
                }
                return true
            }
        }
        guard ok else { return false }
        swap(&cells, &scratch)
        determinant = p
        return true
    }
}

/// Tableau entries in arbitrary precision, with the basis determinant.
struct LargeEntries {
    let rows: Int
    let width: Int
    var cells: [BigInt]
    var determinant: BigInt

    init(rows: Int, width: Int, cells: [BigInt], determinant: BigInt) {
        self.rows = rows
        self.width = width
        self.cells = cells
        self.determinant = determinant
    }

    init(_ small: SmallEntries) {
        self.init(rows: small.rows, width: small.width, cells: small.cells.map { BigInt($0) }, determinant: BigInt(small.determinant))
    }

    /// The lexicographic minimum-ratio row, as for `SmallEntries`.
    func leavingRow(entering c: Int, slacks: Range<Int>) -> Int? {
        let w = width
        var best = -1
        for row in 0..<rows where cells[row * w + c].signum() > 0 {
            if best < 0 { best = row; continue }
            let (pa, pb) = (cells[row * w + c], cells[best * w + c])
            var left = cells[row * w + w - 1] * pb
            var right = cells[best * w + w - 1] * pa
            var column = slacks.lowerBound
            while left == right && column < slacks.upperBound {
                left = cells[row * w + column] * pb
                right = cells[best * w + column] * pa
                column += 1
            }
            if left < right { best = row }
        }
        return best < 0 ? nil : best
    }

    /// The integer pivot on (`row`, `column`), as for `SmallEntries`.
    mutating func pivot(row r: Int, column c: Int) {
        let w = width
        let p = cells[r * w + c]
        for i in 0..<rows where i != r {
            let f = cells[i * w + c]
            for j in 0..<w {
                let a = cells[i * w + j]
                let b = cells[r * w + j]
                let numerator = f.isZero || b.isZero ? a * p : a * p - f * b
                cells[i * w + j] = numerator.isZero ? 0 : numerator / determinant
            }
        }
        determinant = p
    }
}
