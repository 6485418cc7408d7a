/// The role of a math symbol, which decides the space around it (TeX's atom classes).
public enum MathClass: String, Hashable, Sendable {
    /// Letters, digits and most symbols.
    case ordinary
    /// Binary operators such as + and ·.
    case binary
    /// Relations such as = and ≤.
    case relation
    /// Opening delimiters.
    case opening
    /// Closing delimiters.
    case closing
    /// Commas and semicolons.
    case punctuation
}

/// A font style applied to a group.
public enum MathFont: String, Hashable, Sendable {
    /// Upright text (`\text`, `\mathrm`, `\operatorname`).
    case roman
    /// Double-struck capitals (`\mathbb`).
    case blackboard
    /// Script capitals (`\mathcal`).
    case calligraphic
    /// Bold (`\mathbf`).
    case bold
}

/// An accent over a base.
public enum MathAccent: String, Hashable, Sendable {
    /// `\hat`.
    case hat
    /// `\bar`.
    case bar
    /// `\tilde`.
    case tilde
}

/// One node of a parsed formula.
public indirect enum MathNode: Hashable, Sendable {
    /// A letter (drawn in math italic), `text` is a single character.
    case letter(String)
    /// A number, drawn upright.
    case number(String)
    /// A symbol with its class (Greek letters are ordinary symbols).
    case symbol(String, MathClass)
    /// An upright operator name such as max or ln; `limits` puts scripts below/above in display style.
    case operatorName(String, limits: Bool)
    /// A large operator (∑, ∏) whose scripts go below and above in display style.
    case largeOperator(String)
    /// A braced group.
    case group([MathNode])
    /// A base with a subscript and/or superscript.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
    /// A stacked fraction.
    case fraction(MathNode, MathNode)
    /// A square root.
    case radical(MathNode)
    /// An accent over a base.
    case accent(MathAccent, MathNode)
    /// A brace under a body, with a label below it.
    case underbrace(MathNode, label: MathNode?)
    /// Delimiters that grow with their contents (`\left( … \right)`); "." is an empty delimiter.
    case delimited(left: String, body: MathNode, right: String)
    /// A group in a font style.
    case styled(MathFont, MathNode)
    /// Upright text.
    case text(String)
    /// Horizontal space in ems.
    case space(Double)
}

/// A formula that does not parse: the position (in characters) and what is wrong there.
public struct MathSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The formula.
    public let source: String
    /// The offset, in characters, where the problem is.
    public let position: Int
    /// What is wrong.
    public let reason: String

    /// "reason at character N in `source`".
    public var description: String { "\(reason) at character \(position + 1) of `\(source)`" }
}
