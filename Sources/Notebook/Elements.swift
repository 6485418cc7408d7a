import Foundation
import Charts

/// A paragraph of inline Markdown: `*emphasis*`, `**strong**`, `` `code` ``, `$math$`,
/// `[links](url)` and references `@fig-…`, `@tbl-…`, `@eq-…`, `@sec-…`.
public struct Prose: Sendable {
    /// The paragraph's source text.
    public let text: String

    /// Creates a paragraph.
    public init(_ text: String) {
        self.text = text
    }
}

/// A display equation in the LaTeX subset both writers understand, numbered if it has an id.
public struct Equation: Sendable {
    /// The id, for `@eq-…` references.
    public let id: EquationID?
    /// The formula's LaTeX source.
    public let latex: String

    /// Creates a display equation.
    public init(_ latex: String, id: EquationID? = nil) {
        self.id = id
        self.latex = latex
    }
}

/// A figure computed from results: one chart or several panels, with a caption.
public struct Figure: Sendable {
    /// The id, `fig-…`.
    public let id: FigureID
    /// The caption (inline Markdown).
    public let caption: String
    let make: @Sendable (RunResults) throws -> FigureSpec

    /// Declares a figure drawn by `make` from the run's results.
    public init(_ id: FigureID, caption: String, make: @escaping @Sendable (RunResults) throws -> FigureSpec) {
        self.id = id
        self.caption = caption
        self.make = make
    }

    /// Declares a figure of one chart.
    public init(_ id: FigureID, caption: String, chart: @escaping @Sendable (RunResults) throws -> Chart) {
        self.init(id, caption: caption) { FigureSpec(try chart($0)) }
    }
}

/// A table computed from results.
public struct Table: Sendable {
    /// The id, `tbl-…`.
    public let id: TableID
    /// The caption (inline Markdown).
    public let caption: String
    let make: @Sendable (RunResults) throws -> TableData

    /// Declares a table built by `make` from the run's results.
    public init(_ id: TableID, caption: String, make: @escaping @Sendable (RunResults) throws -> TableData) {
        self.id = id
        self.caption = caption
        self.make = make
    }
}

/// The contents of a table: a header and rows of cell text. Cells that read as numbers are
/// right-aligned by the writers.
public struct TableData: Hashable, Codable, Sendable {
    /// The column titles (inline Markdown).
    public var header: [String]
    /// The rows; each has one cell per column.
    public var rows: [[String]]
    /// Cells drawn highlighted (a tinted background in the PDF, a ★ in Markdown), as [row, column].
    public var highlighted: [[Int]]

    /// Creates a table; every row must have as many cells as the header.
    public init(header: [String], rows: [[String]], highlighted: [[Int]] = []) {
        precondition(rows.allSatisfy { $0.count == header.count }, "every table row needs one cell per column")
        self.header = header
        self.rows = rows
        self.highlighted = highlighted
    }

    /// Whether the body cell at `row`, `column` is highlighted.
    public func isHighlighted(row: Int, column: Int) -> Bool {
        highlighted.contains([row, column])
    }

    /// Whether column `index` holds numbers (every non-empty body cell parses as one, ignoring
    /// thousands separators, signs and a trailing unit such as %), so it is right-aligned.
    public func isNumeric(column index: Int) -> Bool {
        let cells = rows.map { $0[index] }.filter { !Self.isPlaceholder($0) }
        return !cells.isEmpty && cells.allSatisfy(Self.isNumber)
    }

    /// Whether column `index` prints its numbers by one precision rule: every number with a
    /// decimal point has the same number of decimals (whole numbers are counts and may stand
    /// beside them), or every number has the same number of significant digits (a whole number
    /// may have more, as it cannot be shortened). Columns that are not numeric pass.
    public func hasOnePrecision(column index: Int) -> Bool {
        guard isNumeric(column: index) else { return true }
        let numbers = rows.map { $0[index] }.filter { !Self.isPlaceholder($0) }.map { cell -> String in
            let first = cell.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? cell
            return first.filter { $0.isNumber || $0 == "." }
        }
        let fractional = numbers.filter { $0.contains(".") }
        let decimals = Set(fractional.map { $0.split(separator: ".", omittingEmptySubsequences: false).last!.count })
        if decimals.count <= 1 { return true }
        func significant(_ number: String) -> Int {
            let digits = number.filter(\.isNumber).drop { $0 == "0" }
            return number.contains(".") ? digits.count : digits.count
        }
        let target = fractional.map(significant)
        guard let s = target.first, target.allSatisfy({ $0 == s }) else { return false }
        return numbers.filter { !$0.contains(".") }.allSatisfy { significant($0) >= s }
    }

    /// Cells that stand for a missing value and do not decide a column's alignment.
    static func isPlaceholder(_ cell: String) -> Bool {
        ["", "—", "–", "-", "n/a", "N/A", "?"].contains(cell.trimmingCharacters(in: .whitespaces))
    }

    /// A number, possibly signed, grouped, approximate or a percentage or ratio, optionally
    /// followed by a short unit ("25.9 min", "97×", "≈ 0.5", "1,130 positions" is not: a unit is
    /// one word of at most five letters).
    static func isNumber(_ cell: String) -> Bool {
        var text = cell.trimmingCharacters(in: .whitespaces)
        if let space = text.lastIndex(of: " ") {
            let unit = text[text.index(after: space)...]
            if !unit.isEmpty, unit.count <= 5, unit.allSatisfy({ $0.isLetter || $0 == "/" || $0 == "²" }), Double(String(unit)) == nil {
                text = String(text[..<space])
            }
        }
        let stripped = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\u{2009}", with: "")
            .replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "**", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "%×x≈~±+ "))
            .replacingOccurrences(of: "−", with: "-")
        if Double(stripped) != nil { return true }
        // An exact fraction such as −1/18.
        let parts = stripped.split(separator: "/")
        return parts.count == 2 && Int(parts[0]) != nil && Int(parts[1]) != nil
    }
}

/// A boxed aside: a note, a tip or a warning.
public struct Callout: Sendable {
    /// The kinds of callout.
    public enum Kind: String, Codable, Sendable {
        /// Background information.
        case note
        /// Practical advice.
        case tip
        /// A pitfall.
        case warning
    }

    /// The kind.
    public let kind: Kind
    /// An optional title.
    public let title: String?
    /// The contents.
    public let content: [Block]

    /// Creates a callout.
    public init(_ kind: Kind, title: String? = nil, @ChapterBuilder content: () -> [Block]) {
        self.kind = kind
        self.title = title
        self.content = content()
    }
}

/// A numbered section with its contents.
public struct Section: Sendable {
    /// The id, for `@sec-…` references.
    public let id: SectionID?
    /// The heading.
    public let title: String
    /// The contents, which may hold subsections.
    public let content: [Block]

    /// Creates a section.
    public init(_ title: String, id: SectionID? = nil, @ChapterBuilder content: () -> [Block]) {
        self.id = id
        self.title = title
        self.content = content()
    }
}

/// One element of a chapter.
public enum Block: Sendable {
    /// A section with its contents.
    case section(Section)
    /// A paragraph.
    case prose(Prose)
    /// A display equation.
    case equation(Equation)
    /// An experiment (it runs; the writers show a one-line summary of its design).
    case experiment(any AnyExperimentBox)
    /// A figure.
    case figure(Figure)
    /// A table.
    case table(Table)
    /// A checked claim.
    case claim(Claim)
    /// A callout box.
    case callout(Callout)
}

/// The public face of a type-erased experiment inside a ``Block``.
public protocol AnyExperimentBox: Sendable {
    /// The experiment's id.
    var experimentID: ExperimentID { get }
}

extension Experiment: AnyExperimentBox {
    /// The experiment's id.
    public var experimentID: ExperimentID { id }
}
