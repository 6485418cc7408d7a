import BigInt
import Foundation

/// An exact fraction of arbitrary-precision integers, always in lowest terms with a positive
/// denominator, so that equal values have equal representations.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The numerator (carries the sign).
    public let numerator: BigInt
    /// The denominator, at least 1.
    public let denominator: BigInt

    /// The fraction `numerator / denominator`, reduced; the denominator must not be zero.
    public init(_ numerator: BigInt, _ denominator: BigInt = 1) {
        precondition(!denominator.isZero, "a fraction's denominator must not be zero")
        let divisor = numerator.greatestCommonDivisor(with: denominator)
        let sign: BigInt = denominator.signum() < 0 ? -1 : 1
        if divisor == 1 {
            self.numerator = sign * numerator
            self.denominator = sign * denominator
        } else {
            self.numerator = sign * numerator / divisor
            self.denominator = sign * denominator / divisor
        }
    }

    /// The integer `value`.
    public init(_ value: Int) {
        numerator = BigInt(value)
        denominator = 1
    }

    /// Parses an integer ("-3"), a fraction ("3/5", "-1/18") or a decimal ("0.25", "1.5e-3"),
    /// exactly; `nil` for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let top = BigInt(String(parts[0])), let bottom = BigInt(String(parts[1])), !bottom.isZero else { return nil }
            self.init(top, bottom)
            return
        }
        guard parts.count == 1, let value = Rational.decimal(trimmed) else { return nil }
        self = value
    }

    /// The exact value of a finite `Double` as a person wrote it: its shortest decimal form, so
    /// 0.1 becomes 1/10 rather than the binary fraction nearest to it.
    public init?(shortestDecimal value: Double) {
        guard value.isFinite, let exact = Rational.decimal("\(value)") else { return nil }
        self = exact
    }

    private static func decimal(_ text: String) -> Rational? {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let power = Int(mantissa[mantissa.index(after: e)...]), abs(power) < 10_000 else { return nil }
            exponent = power
            mantissa = mantissa[..<e]
        }
        var negative = false
        if mantissa.first == "-" || mantissa.first == "+" {
            negative = mantissa.first == "-"
            mantissa = mantissa.dropFirst()
        }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, !mantissa.isEmpty, mantissa != ".",
              pieces.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard let digits = BigInt(String(pieces[0]) + String(fraction)) ?? (pieces[0].isEmpty && fraction.isEmpty ? nil : BigInt(0))
        else { return nil }
        exponent -= fraction.count
        let scale = BigInt(10).power(abs(exponent))
        let signed = negative ? -digits : digits
        return exponent >= 0 ? Rational(signed * scale) : Rational(signed, scale)
    }

    /// Zero.
    public static let zero = Rational(0)
    /// One.
    public static let one = Rational(1)

    /// Whether the value is zero.
    public var isZero: Bool { numerator.isZero }
    /// -1, 0 or 1.
    public var sign: Int { numerator.signum() < 0 ? -1 : (numerator.isZero ? 0 : 1) }
    /// Whether the denominator is 1.
    public var isInteger: Bool { denominator == 1 }

    /// The nearest `Double` (exact for small fractions).
    public var doubleValue: Double {
        if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator), abs(n) < 1 << 53, d < 1 << 53 {
            return Double(n) / Double(d)
        }
        // Keep 60 significant bits of the quotient before converting.
        let shift = max(0, 60 - (numerator.magnitude.bitWidth - denominator.magnitude.bitWidth))
        let scaled = (numerator << shift) / denominator
        return Double(scaled) / Double(sign: .plus, exponent: shift, significand: 1)
    }

    /// "3/5", "-1/18", or "2" for integers.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }

    /// The exact sum.
    public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator { return Rational(a.numerator + b.numerator, a.denominator) }
        return Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    /// The exact difference.
    public static func - (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator { return Rational(a.numerator - b.numerator, a.denominator) }
        return Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }

    /// The negation.
    public static prefix func - (a: Rational) -> Rational {
        Rational(raw: -a.numerator, a.denominator)
    }

    /// The exact product.
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    /// The quotient; `b` must not be zero.
    public static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }

    /// Adds in place.
    public static func += (a: inout Rational, b: Rational) { a = a + b }
    /// Subtracts in place.
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    /// Multiplies in place.
    public static func *= (a: inout Rational, b: Rational) { a = a * b }

    /// Orders by value.
    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    private init(raw numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    /// An integer literal.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: Codable {
    /// Decodes a fraction string ("3/5") or a JSON number.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = Rational(text) {
            self = value
        } else if let number = try? container.decode(Double.self), let value = Rational(shortestDecimal: number) {
            self = value
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a number or a fraction such as \"3/5\"")
        }
    }

    /// Encodes as a fraction string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
