/// The kinds of element an id can name; each has the prefix its ids must start with.
public protocol IdentifierKind: Sendable {
    /// The required prefix, such as `fig-`.
    static var prefix: String { get }
    /// What the element is called in references ("Figure", "Table", …).
    static var noun: String { get }
}

/// Sections (`sec-`).
public enum SectionKind: IdentifierKind {
    public static let prefix = "sec-"
    public static let noun = "Section"
}

/// Figures (`fig-`).
public enum FigureKind: IdentifierKind {
    public static let prefix = "fig-"
    public static let noun = "Figure"
}

/// Tables (`tbl-`).
public enum TableKind: IdentifierKind {
    public static let prefix = "tbl-"
    public static let noun = "Table"
}

/// Display equations (`eq-`).
public enum EquationKind: IdentifierKind {
    public static let prefix = "eq-"
    public static let noun = "Equation"
}

/// Experiments (`exp-`).
public enum ExperimentKind: IdentifierKind {
    public static let prefix = "exp-"
    public static let noun = "Experiment"
}

/// Claims (`clm-`).
public enum ClaimKind: IdentifierKind {
    public static let prefix = "clm-"
    public static let noun = "Claim"
}

/// An id typed by the kind of element it names, so a figure id cannot be passed where a table id
/// is expected. Written as a string literal: `"fig-steps"`. The prefix is checked when the book is
/// validated, which reports a wrong one with the chapter it is in.
public struct ElementID<Kind: IdentifierKind>: Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The id's text, prefix included.
    public let rawValue: String

    /// Creates an id from its text.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an id from a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Whether the id has its kind's prefix and a non-empty name of letters, digits and dashes.
    public var isWellFormed: Bool {
        rawValue.hasPrefix(Kind.prefix) && rawValue.count > Kind.prefix.count
            && rawValue.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            && rawValue == rawValue.lowercased()
    }

    /// The id's text.
    public var description: String { rawValue }

    /// Orders ids by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes an id from its text.
    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes an id as its text.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A section id.
public typealias SectionID = ElementID<SectionKind>
/// A figure id.
public typealias FigureID = ElementID<FigureKind>
/// A table id.
public typealias TableID = ElementID<TableKind>
/// An equation id.
public typealias EquationID = ElementID<EquationKind>
/// An experiment id.
public typealias ExperimentID = ElementID<ExperimentKind>
/// A claim id.
public typealias ClaimID = ElementID<ClaimKind>
