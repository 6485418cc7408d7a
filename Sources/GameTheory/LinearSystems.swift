/// Small dense linear systems, in doubles (for screening) and exactly (for deciding).
enum LinearSystems {
    /// Solves the `size` x `size` system held row-major in `matrix`, with right-hand side `rhs`,
    /// in place by Gaussian elimination with partial pivoting; the solution is left in `rhs`.
    /// Returns false when a pivot is below `singular` in magnitude.
    @inline(__always)
    static func solve(_ matrix: UnsafeMutablePointer<Double>, _ rhs: UnsafeMutablePointer<Double>, size: Int, singular: Double) -> Bool {
        for column in 0..<size {
            var pivot = column
            var largest = abs(matrix[column * size + column])
            for r in (column + 1)..<size where abs(matrix[r * size + column]) > largest {
                largest = abs(matrix[r * size + column])
                pivot = r
            }
            if largest < singular { return false }
            if pivot != column {
                for c in column..<size { swap(&matrix[pivot * size + c], &matrix[column * size + c]) }
                swap(&rhs[pivot], &rhs[column])
            }
            let inverse = 1 / matrix[column * size + column]
            for r in (column + 1)..<size {
                let factor = matrix[r * size + column] * inverse
                if factor == 0 { continue }
                for c in (column + 1)..<size { matrix[r * size + c] -= factor * matrix[column * size + c] }
                rhs[r] -= factor * rhs[column]
            }
        }
        for r in stride(from: size - 1, through: 0, by: -1) {
            var sum = rhs[r]
            for c in (r + 1)..<size { sum -= matrix[r * size + c] * rhs[c] }
            rhs[r] = sum / matrix[r * size + r]
        }
        return true
    }

    /// The exact solution of the square system `matrix * x = rhs`, or `nil` when it is singular.
    static func solve(_ matrix: [[Rational]], _ rhs: [Rational]) -> [Rational]? {
        var a = matrix
        var b = rhs
        let n = b.count
        for column in 0..<n {
            guard let pivot = (column..<n).first(where: { !a[$0][column].isZero }) else { return nil }
            if pivot != column {
                a.swapAt(pivot, column)
                b.swapAt(pivot, column)
            }
            let inverse = Rational.one / a[column][column]
            for r in (column + 1)..<n where !a[r][column].isZero {
                let factor = a[r][column] * inverse
                for c in (column + 1)..<n where !a[column][c].isZero { a[r][c] -= factor * a[column][c] }
                a[r][column] = .zero
                b[r] -= factor * b[column]
            }
        }
        var x = [Rational](repeating: .zero, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[r]
            for c in (r + 1)..<n where !a[r][c].isZero { sum -= a[r][c] * x[c] }
            x[r] = sum / a[r][r]
        }
        return x
    }
}

extension LinearSystems {
    /// The unique exact solution of `matrix * x = rhs` with at least as many equations as
    /// unknowns, or `nil` when there is none or more than one.
    static func solveUnique(_ matrix: [[Rational]], _ rhs: [Rational], unknowns: Int) -> [Rational]? {
        var rows = zip(matrix, rhs).map { $0 + [$1] }
        var pivotRow = 0
        var pivotColumns = [Int]()
        for column in 0..<unknowns {
            guard let found = (pivotRow..<rows.count).first(where: { !rows[$0][column].isZero }) else { continue }
            rows.swapAt(found, pivotRow)
            let inverse = Rational.one / rows[pivotRow][column]
            rows[pivotRow] = rows[pivotRow].map { $0 * inverse }
            for r in rows.indices where r != pivotRow && !rows[r][column].isZero {
                let factor = rows[r][column]
                for c in column...unknowns where !rows[pivotRow][c].isZero { rows[r][c] -= factor * rows[pivotRow][c] }
            }
            pivotColumns.append(column)
            pivotRow += 1
        }
        guard pivotColumns.count == unknowns, rows[pivotRow...].allSatisfy({ $0[unknowns].isZero }) else { return nil }
        return (0..<unknowns).map { rows[$0][unknowns] }
    }
}
