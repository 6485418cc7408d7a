import Foundation

/// The typographer's pass over the book's text, as SmartyPants does for HTML: straight quotes
/// become curly ones, a hyphen before a number becomes a minus sign (U+2212), and an "x" between
/// or after numbers ("2 x 2", "3.6x") becomes a multiplication sign. Code and formulas are left
/// as they are; every writer sees the refined text.
public enum Typography {
    /// `inlines` with their text refined; the character before each text run (across emphasis,
    /// code and formulas) decides whether a quote opens or closes.
    public static func refined(_ inlines: [Inline]) -> [Inline] {
        var previous: Character?
        return refined(inlines, previous: &previous)
    }

    private static func refined(_ inlines: [Inline], previous: inout Character?) -> [Inline] {
        inlines.map { inline -> Inline in
            switch inline {
            case .text(let text):
                let out = refined(text, after: previous)
                previous = out.last ?? previous
                return .text(out)
            case .emphasis(let inner): return .emphasis(refined(inner, previous: &previous))
            case .strong(let inner): return .strong(refined(inner, previous: &previous))
            case .link(let inner, let url): return .link(refined(inner, previous: &previous), url: url)
            case .code, .math, .reference, .citation:
                // These end like a word: a quote after them closes.
                previous = "x"
                return inline
            }
        }
    }

    /// One text run, `previous` being the character before it (nil at the start of a block).
    static func refined(_ text: String, after previous: Character?) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (i, c) in chars.enumerated() {
            let before: Character? = i > 0 ? chars[i - 1] : previous
            let after: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            let opensHere = before.map { $0.isWhitespace || "([{\u{2014}\u{2013}/\u{201C}\u{2018}".contains($0) } ?? true
            switch c {
            case "\"": out.append(opensHere ? "\u{201C}" : "\u{201D}")
            case "'": out.append(opensHere ? "\u{2018}" : "\u{2019}")
            case "-" where opensHere || before == "=" || before == "(":
                // A sign, not a hyphen: "-0.5", "(-3, 4)"; never "1-2" or "x-axis".
                let next = after == "." && i + 2 < chars.count ? chars[i + 2] : after
                out.append(next?.isNumber == true ? "\u{2212}" : "-")
            case "x" where isTimes(chars, at: i):
                out.append("\u{00D7}")
            default: out.append(c)
            }
        }
        return out
    }

    /// Whether the "x" at `i` stands for "times": between numbers set apart by spaces
    /// ("2 x 2"), or straight after a number and before a word boundary ("3.6x", "97x faster").
    private static func isTimes(_ chars: [Character], at i: Int) -> Bool {
        let before: Character? = i > 0 ? chars[i - 1] : nil
        let after: Character? = i + 1 < chars.count ? chars[i + 1] : nil
        if before == " ", after == " ", i >= 2, chars[i - 2].isNumber, i + 2 < chars.count, chars[i + 2].isNumber { return true }
        if let before, before.isNumber, after.map({ !$0.isLetter && !$0.isNumber }) ?? true {
            // The number must stand alone, not end a word such as "L1x".
            var j = i - 1
            while j >= 0, chars[j].isNumber || chars[j] == "." || chars[j] == "," { j -= 1 }
            return j < 0 || !(chars[j].isLetter || chars[j] == "_")
        }
        return false
    }
}
