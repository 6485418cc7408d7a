import Foundation

/// The text checks of ``BookLint``: what a copy editor marks in running text. Numbers in
/// computer notation ("1e-12", "visits^2.5") belong in math; the book's epsilon is ε
/// (`\varepsilon`, as in text and figures), and a conditional bar is `\mid`; a path named in
/// the text must exist in the repository.
enum TextLint {
    /// The problems of one piece of inline text, as sentences without location.
    static func problems(in inlines: [Inline], fileExists: ((String) -> Bool)?) -> [String] {
        var problems = [String]()
        for inline in inlines {
            switch inline {
            case .text(let text):
                problems += computerNotation(in: text)
                if let fileExists { problems += paths(in: text).filter { !fileExists($0) }.map(missingPath) }
            case .code(let code):
                if let fileExists { problems += paths(in: code).filter { !fileExists($0) }.map(missingPath) }
            case .math(let latex): problems += mathProblems(in: latex)
            case .emphasis(let inner), .strong(let inner), .link(let inner, _): problems += self.problems(in: inner, fileExists: fileExists)
            case .reference, .citation: break
            }
        }
        return problems
    }

    private static func missingPath(_ path: String) -> String {
        "names \"\(path)\", which the repository does not hold"
    }

    /// "1e-12", "2.5E+3" and "x^2" written as plain text, and "12345" without its comma.
    static func computerNotation(in text: String) -> [String] {
        var found = [String]()
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "," || $0 == ";" }) {
            let w = String(word)
            if w.range(of: #"^[0-9]{5,}(\.[0-9]+)?$"#, options: .regularExpression) != nil {
                found.append("writes \"\(w)\" without grouping; the book groups thousands with a comma (12,345)")
            } else if w.range(of: #"^[0-9]+(\.[0-9]+)?[eE][-+−]?[0-9]+$"#, options: .regularExpression) != nil {
                found.append("writes \"\(w)\" in computer notation; write it as math, such as $10^{-12}$")
            } else if w.contains("^"), w.range(of: #"[A-Za-z0-9)]\^[-−]?[A-Za-z0-9({]"#, options: .regularExpression) != nil {
                found.append("writes \"\(w)\" with a caret; write the power as math, such as $10^{-3}$ or $N^{2.5}$")
            }
        }
        return found
    }

    /// `\epsilon` (the book writes ε) and a bare `|` used as a conditional bar inside parentheses.
    static func mathProblems(in latex: String) -> [String] {
        var found = [String]()
        if latex.range(of: #"\\epsilon(?![a-zA-Z])"#, options: .regularExpression) != nil {
            found.append("writes \\epsilon in $\(latex)$; the book's epsilon is ε, so write \\varepsilon as in the text and figures")
        }
        // Count bare bars per parenthesised group: an odd count is a conditional bar, not |x|.
        let chars = Array(latex)
        var counts = [0]
        var i = 0
        var conditional = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                // Skip a command and, for \left| or \right|, its delimiter.
                var j = i + 1
                while j < chars.count, chars[j].isLetter { j += 1 }
                let name = String(chars[(i + 1)..<j])
                if j == i + 1 { j += 1 } else if name == "left" || name == "right" { j += 1 }
                i = j
                continue
            }
            if c == "(" || c == "[" { counts.append(0) }
            if c == "|" { counts[counts.count - 1] += 1 }
            if (c == ")" || c == "]"), counts.count > 1 {
                if counts.removeLast() % 2 == 1 { conditional = true }
            }
            i += 1
        }
        if conditional {
            found.append("uses a bare | as a conditional bar in $\(latex)$; write \\mid, which LaTeX spaces as a relation")
        }
        return found
    }

    /// Words that look like paths in the repository: a slash between names, ending in a slash or
    /// in a file name with an extension (`chapters/`, `data/connect-four/Test_L3_R1`,
    /// `Sources/Games/ConnectFour.swift`); not URLs, fractions or "and/or".
    static func paths(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).compactMap { word -> String? in
            var w = String(word)
            while let last = w.last, ",.;:)".contains(last), !(last == "." && w.hasSuffix("/.")) { w.removeLast() }
            while let first = w.first, "(\"“‘".contains(first) { w.removeFirst() }
            guard w.contains("/"), !w.contains("://"), !w.hasPrefix("/"), !w.hasPrefix("#"),
                w.range(of: #"^[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+)*/?$"#, options: .regularExpression) != nil,
                w.contains(where: \.isLetter)
            else { return nil }
            let last = w.split(separator: "/").last.map(String.init) ?? ""
            let isFolder = w.hasSuffix("/")
            let hasExtension = last.range(of: #"^[^.]+\.[A-Za-z]{1,6}$"#, options: .regularExpression) != nil
            return isFolder || hasExtension ? w : nil
        }
    }
}
