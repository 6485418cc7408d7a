import Foundation

/// Turns the TeX of a BibTeX field into plain Unicode text: accents (`{\"o}`, `\'e`, `\c{c}`),
/// special letters (`\ss`, `\o`, `\aa`), escaped symbols (`\&`), dashes (`--`, `---`), ties (`~`),
/// TeX quotes, and grouping braces, which are dropped. Unknown commands keep their argument.
public enum TeXText {
    /// Combining marks of the accent commands.
    static let accents: [String: String] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}", "=": "\u{0304}", ".": "\u{0307}",
        "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}", "c": "\u{0327}", "k": "\u{0328}", "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
    ]
    /// Letters and symbols written as commands.
    static let symbols: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł",
        "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
        "textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘", "ldots": "…", "dots": "…",
        "textasciitilde": "~", "textbackslash": "\\", "S": "§", "P": "¶", "copyright": "©", "pounds": "£", "euro": "€",
        "alpha": "α", "beta": "β", "gamma": "γ", "epsilon": "ε", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ",
        "LaTeX": "LaTeX", "TeX": "TeX",
    ]

    /// The plain text of `tex`.
    public static func plain(_ tex: String) -> String {
        var reader = Reader(chars: Array(tex))
        let text = reader.text(until: nil)
        return text.precomposedStringWithCanonicalMapping
    }

    private struct Reader {
        let chars: [Character]
        var i = 0

        /// How deep commands' arguments nest now; past `maximumNesting` commands are dropped
        /// instead of read recursively, so no input overflows the stack.
        var nesting = 0
        static let maximumNesting = 64

        /// Text up to the unmatched `}` (consumed) or the end. Grouping braces are dropped.
        mutating func text(until closer: Character?) -> String {
            var out = ""
            var depth = 0
            while i < chars.count {
                let c = chars[i]
                if c == "}" {
                    i += 1
                    if depth > 0 {
                        depth -= 1
                    } else if closer != nil {
                        return out
                    }
                    continue
                }
                if c == "{" {
                    i += 1
                    depth += 1
                    continue
                }
                if c == "\\" {
                    if nesting >= Self.maximumNesting {
                        i += 1
                        continue
                    }
                    nesting += 1
                    out += command()
                    nesting -= 1
                    continue
                }
                if c == "-" {
                    var n = 0
                    while i < chars.count, chars[i] == "-" { n += 1; i += 1 }
                    out += n >= 3 ? "—" : n == 2 ? "–" : "-"
                    continue
                }
                if c == "~" { out += "\u{00A0}"; i += 1; continue }
                if c == "`", i + 1 < chars.count, chars[i + 1] == "`" { out += "“"; i += 2; continue }
                if c == "'", i + 1 < chars.count, chars[i + 1] == "'" { out += "”"; i += 2; continue }
                if c == "$" { i += 1; continue }
                if c.isNewline || c == "\t" {
                    if !out.hasSuffix(" ") { out += " " }
                    i += 1
                    continue
                }
                if c == " ", out.hasSuffix(" ") { i += 1; continue }
                out.append(c)
                i += 1
            }
            return out
        }

        /// One command after a backslash.
        mutating func command() -> String {
            i += 1
            guard i < chars.count else { return "" }
            let c = chars[i]
            // One-character commands: accents and escaped symbols.
            if !c.isLetter {
                i += 1
                if let mark = TeXText.accents[String(c)] { return accented(mark) }
                switch c {
                case "&", "%", "$", "#", "_", "{", "}": return String(c)
                case " ": return " "
                case "\\": return " "
                case "-": return ""  // a discretionary hyphen
                case ",": return "\u{2009}"
                default: return String(c)
                }
            }
            var name = ""
            while i < chars.count, chars[i].isLetter, chars[i].isASCII { name.append(chars[i]); i += 1 }
            if let mark = TeXText.accents[name] { return accented(mark) }
            // A control word swallows the spaces after it.
            let afterName = i
            while i < chars.count, chars[i] == " " { i += 1 }
            if let symbol = TeXText.symbols[name] {
                // `{}` after a symbol command only ends the word.
                if i + 1 < chars.count, chars[i] == "{", chars[i + 1] == "}" { i += 2 }
                return symbol
            }
            // Unknown commands (\emph, \textit, \url, \mbox …) leave their argument.
            if i < chars.count, chars[i] == "{" {
                i += 1
                return text(until: "}")
            }
            i = afterName
            return ""
        }

        /// The next letter (bare, or the first letter of a group) with `mark` after it.
        mutating func accented(_ mark: String) -> String {
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { return mark }
            if chars[i] == "{" {
                i += 1
                let inner = text(until: "}")
                guard let first = inner.first else { return mark }
                return String(dotless(first)) + mark + inner.dropFirst()
            }
            if chars[i] == "\\" {
                let inner = command()
                guard let first = inner.first else { return mark }
                return String(dotless(first)) + mark + inner.dropFirst()
            }
            let letter = chars[i]
            i += 1
            return String(letter) + mark
        }

        /// `\i` and `\j` under an accent are plain i and j.
        func dotless(_ c: Character) -> Character {
            c == "ı" ? "i" : c == "ȷ" ? "j" : c
        }
    }
}
