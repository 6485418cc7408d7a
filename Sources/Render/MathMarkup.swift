/// Converts the LaTeX subset of the chapters into Pango markup for inline and display math in
/// the PDF: Greek and operator symbols as Unicode, letters in italic, scripts as raised or
/// lowered smaller text, `\frac` as a slashed fraction. (Markdown keeps the LaTeX as written.)
enum MathMarkup {
    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
        "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
        "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "approx": "≈", "sim": "∼", "cdot": "·", "times": "×",
        "in": "∈", "notin": "∉", "forall": "∀", "exists": "∃", "infty": "∞", "to": "→", "rightarrow": "→",
        "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "mid": "|", "sum": "∑", "prod": "∏", "top": "⊤",
        "ldots": "…", "cdots": "⋯", "pm": "±", "partial": "∂", "nabla": "∇", "propto": "∝", "|": "‖",
        "{": "{", "}": "}", "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "langle": "⟨", "rangle": "⟩",
        ",": "\u{2009}", ";": "\u{2005}", "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", " ": " ", "setminus": "∖",
        "subseteq": "⊆", "cup": "∪", "cap": "∩", "emptyset": "∅", "ell": "ℓ", "star": "⋆", "ast": "∗",
    ]
    static let operators: Set<String> = ["max", "min", "arg", "ln", "log", "exp", "sup", "inf", "lim", "Pr", "TV", "sqrt"]
    static let accents: [String: String] = ["hat": "\u{0302}", "bar": "\u{0304}", "tilde": "\u{0303}", "vec": "\u{20D7}", "dot": "\u{0307}"]
    static let blackboard: [Character: String] = ["E": "𝔼", "R": "ℝ", "N": "ℕ", "P": "ℙ", "Z": "ℤ", "Q": "ℚ"]
    static let calligraphic: [Character: String] = [
        "A": "𝒜", "B": "ℬ", "C": "𝒞", "D": "𝒟", "E": "ℰ", "F": "ℱ", "G": "𝒢", "H": "ℋ", "L": "ℒ", "M": "ℳ",
        "N": "𝒩", "O": "𝒪", "P": "𝒫", "R": "ℛ", "S": "𝒮", "T": "𝒯", "X": "𝒳",
    ]

    /// Pango markup for `latex`.
    static func markup(_ latex: String) -> String {
        var parser = Parser(chars: Array(latex))
        return parser.sequence(until: nil)
    }

    struct Parser {
        let chars: [Character]
        var i = 0

        mutating func sequence(until closer: Character?) -> String {
            var out = ""
            while i < chars.count {
                let c = chars[i]
                if let closer, c == closer {
                    i += 1
                    return out
                }
                out += atom()
            }
            return out
        }

        /// One group, command, script or character.
        mutating func atom() -> String {
            let c = chars[i]
            switch c {
            case "{":
                i += 1
                return sequence(until: "}")
            case "^", "_":
                i += 1
                guard i < chars.count else { return "" }
                let inner = atom()
                let shift = c == "^" ? "superscript" : "subscript"
                return "<span baseline_shift=\"\(shift)\" font_scale=\"\(shift)\">\(inner)</span>"
            case "\\":
                i += 1
                return command()
            case " ":
                i += 1
                return ""
            case "'":
                i += 1
                return "′"
            default:
                i += 1
                if c.isLetter { return "<i>\(PangoMarkup.escape(String(c)))</i>" }
                if "=<>+".contains(c) { return "\u{2009}\(PangoMarkup.escape(String(c)))\u{2009}" }
                if c == "-" { return "\u{2009}−\u{2009}" }
                return PangoMarkup.escape(String(c))
            }
        }

        mutating func name() -> String {
            var name = ""
            if i < chars.count, !chars[i].isLetter {
                name.append(chars[i])
                i += 1
                return name
            }
            while i < chars.count, chars[i].isLetter {
                name.append(chars[i])
                i += 1
            }
            return name
        }

        mutating func argument() -> String {
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { return "" }
            return atom()
        }

        mutating func rawArgument() -> String {
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count, chars[i] == "{" else { return i < chars.count ? { defer { i += 1 }; return String(chars[i]) }() : "" }
            var depth = 0
            var text = ""
            while i < chars.count {
                let c = chars[i]
                i += 1
                if c == "{" { depth += 1; if depth == 1 { continue } }
                if c == "}" { depth -= 1; if depth == 0 { break } }
                text.append(c)
            }
            return text
        }

        mutating func command() -> String {
            let command = name()
            if let symbol = symbols[command] {
                return ["leq", "le", "geq", "ge", "neq", "approx", "in", "to", "rightarrow", "leftarrow", "gets", "propto", "sim"].contains(command)
                    ? "\u{2009}\(PangoMarkup.escape(symbol))\u{2009}" : PangoMarkup.escape(symbol)
            }
            if operators.contains(command) && command != "sqrt" { return command + (command == "arg" ? "\u{2009}" : "") }
            switch command {
            case "frac", "dfrac", "tfrac":
                let numerator = argument()
                let denominator = argument()
                return "(\(numerator))/(\(denominator))"
            case "sqrt":
                return "√(\(argument()))"
            case "text", "mathrm", "operatorname", "textrm":
                return PangoMarkup.escape(rawArgument())
            case "mathbf", "boldsymbol":
                return "<b>\(argument())</b>"
            case "mathbb":
                return rawArgument().map { blackboard[$0] ?? String($0) }.joined()
            case "mathcal":
                return rawArgument().map { calligraphic[$0] ?? String($0) }.joined()
            case "left", "right", "big", "Big", "bigg", "Bigg":
                if i < chars.count, chars[i] == "." { i += 1; return "" }
                return ""
            case "underbrace", "overbrace":
                let body = argument()
                if i < chars.count, chars[i] == "_" || chars[i] == "^" {
                    i += 1
                    _ = argument()
                }
                return body
            default:
                if let mark = accents[command] {
                    let base = rawArgument()
                    return "<i>\(PangoMarkup.escape(base))\(mark)</i>"
                }
                return PangoMarkup.escape("\\" + command)
            }
        }
    }
}
