import LaTeXMath

/// Checks that formulas parse, turning a syntax error into one that names the chapter.
enum FormulaCheck {
    /// Throws if `latex` does not parse.
    static func validate(_ latex: String, chapter: String) throws {
        do {
            _ = try MathParser.parse(latex)
        } catch let error as MathSyntaxError {
            throw NotebookError.malformedFormula(chapter: chapter, formula: latex, position: error.position, reason: error.reason)
        }
    }

    /// Throws if any `$…$` formula in the inline Markdown `text` does not parse.
    static func validateInline(_ text: String, chapter: String) throws {
        for formula in InlineMarkdown.formulas(in: text) { try validate(formula, chapter: chapter) }
    }
}
