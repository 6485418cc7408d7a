import Charts
import Foundation

/// What a claim expects of its measured value.
public enum Expectation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// At most the bound.
    case atMost(Double)
    /// At least the bound.
    case atLeast(Double)
    /// Within the closed interval.
    case between(Double, Double)
    /// Within `tolerance` of `target`, either side.
    case near(Double, tolerance: Double)

    /// Whether `value` meets the expectation.
    public func isMet(by value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case .atMost(let bound): return value <= bound
        case .atLeast(let bound): return value >= bound
        case .between(let low, let high): return value >= low && value <= high
        case .near(let target, let tolerance): return abs(value - target) <= tolerance
        }
    }

    /// The expectation in words, such as "≤ 4" or "868.7 ± 150".
    public var description: String {
        switch self {
        case .atMost(let bound): "≤ \(ClaimCheck.format(bound))"
        case .atLeast(let bound): "≥ \(ClaimCheck.format(bound))"
        case .between(let low, let high): "in [\(ClaimCheck.format(low)), \(ClaimCheck.format(high))]"
        case .near(let target, let tolerance): "\(ClaimCheck.format(target)) ± \(ClaimCheck.format(tolerance))"
        }
    }
}

/// The outcome of checking a claim against a run: the measured value and what was expected.
public struct ClaimCheck: Hashable, Codable, Sendable {
    /// The value the run produced.
    public var measured: Double
    /// What the claim expects of it.
    public var expectation: Expectation
    /// A unit for the measured value, such as "steps".
    public var unit: String?
    /// Further measured numbers that explain the value.
    public var detail: String?
    /// Further checks that must hold too, for a sentence that states more than one result.
    public var further: [ClaimCheck]
    /// How the claim fared under other seeds, when `report reseed` has measured it for the
    /// current experiments.
    public var robustness: ClaimRobustness?

    /// Creates a check of `measured` against `expectation`, and of every check in `further`.
    public init(_ measured: Double, _ expectation: Expectation, unit: String? = nil, detail: String? = nil, and further: [ClaimCheck] = []) {
        self.measured = measured
        self.expectation = expectation
        self.unit = unit
        self.detail = detail
        self.further = further
    }

    /// Whether the claim holds on this run: its value and every further check.
    public var passed: Bool { expectation.isMet(by: measured) && further.allSatisfy(\.passed) }

    /// "measured 3 episodes, expected ≤ 4", followed by the further checks.
    public var summary: String {
        let unitText = unit.map { " " + $0 } ?? ""
        var text = "measured \(Self.format(measured))\(unitText), expected \(expectation)"
        if let detail { text += "; \(detail)" }
        for check in further { text += "; and " + check.summary }
        if let robustness { text += "; \(robustness)" }
        // Details come from chapter code (rationals, formatted strings): set them as the text is.
        return Typography.refined(text, after: nil)
    }

    /// A number as the book prints it: at most four significant decimals, no trailing zeros,
    /// thousands grouped with a comma and a true minus sign (155,327; −0.501).
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded() && abs(value) < 1e15 { return NumberText.fixed(value, decimals: 0) }
        let magnitude = abs(value)
        // Five decimals would print 1.3e-12 as 0: tiny values go to scientific notation.
        if magnitude < 1e-4 { return NumberText.scientific(value, digits: 2, trimmingZeros: true) }
        let decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : magnitude >= 0.01 ? 3 : 5
        var text = NumberText.fixed(value, decimals: decimals)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// A sentence of the text that states a result, checked on every run against the results.
public struct Claim: Sendable {
    /// The id, `clm-…`.
    public let id: ClaimID
    /// The sentence (inline Markdown), printed with the check's outcome.
    public let statement: String
    /// Where the claim is declared; its source text keys its reseed record.
    public let location: SourceLocation
    let check: @Sendable (RunResults) throws -> ClaimCheck

    /// Declares a claim checked by `check`.
    public init(
        _ id: ClaimID, _ statement: String, file: String = #filePath, line: Int = #line, check: @escaping @Sendable (RunResults) throws -> ClaimCheck
    ) {
        self.id = id
        self.statement = statement
        self.location = SourceLocation(file: file, line: line)
        self.check = check
    }
}
