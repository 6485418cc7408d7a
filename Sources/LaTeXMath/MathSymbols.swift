/// The commands of the LaTeX subset and what they stand for.
enum MathSymbols {
    static let symbols: [String: (String, MathClass)] = {
        var table = [String: (String, MathClass)]()
        let greek: [String: String] = [
            "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
            "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
            "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
            "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
            "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        ]
        for (name, symbol) in greek { table[name] = (symbol, .ordinary) }
        let relations: [String: String] = [
            "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼",
            "in": "∈", "notin": "∉", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒",
            "Leftrightarrow": "⇔", "mid": "∣", "propto": "∝", "subseteq": "⊆", "subset": "⊂", "equiv": "≡",
            "mapsto": "↦", "ll": "≪", "gg": "≫",
        ]
        for (name, symbol) in relations { table[name] = (symbol, .relation) }
        let binaries: [String: String] = ["cdot": "⋅", "times": "×", "pm": "±", "mp": "∓", "setminus": "∖", "cup": "∪", "cap": "∩", "ast": "∗", "star": "⋆", "circ": "∘"]
        for (name, symbol) in binaries { table[name] = (symbol, .binary) }
        let ordinary: [String: String] = [
            "forall": "∀", "exists": "∃", "infty": "∞", "top": "⊤", "bot": "⊥", "ldots": "…", "cdots": "⋯", "dots": "…",
            "partial": "∂", "nabla": "∇", "emptyset": "∅", "ell": "ℓ", "|": "‖", "lvert": "|", "rvert": "|", "vert": "|",
            "lVert": "‖", "rVert": "‖", "Vert": "‖", "neg": "¬", "prime": "′", "hbar": "ℏ",
        ]
        for (name, symbol) in ordinary { table[name] = (symbol, .ordinary) }
        table["{"] = ("{", .opening)
        table["}"] = ("}", .closing)
        table["langle"] = ("⟨", .opening)
        table["rangle"] = ("⟩", .closing)
        table["lbrace"] = ("{", .opening)
        table["rbrace"] = ("}", .closing)
        table["_"] = ("_", .ordinary)
        return table
    }()

    static let spaces: [String: Double] = [",": 3.0 / 18, ":": 4.0 / 18, ";": 5.0 / 18, "!": -3.0 / 18, " ": 0.33, "quad": 1, "qquad": 2]
    static let largeOperators: [String: String] = ["sum": "∑", "prod": "∏", "int": "∫", "bigcup": "⋃", "bigcap": "⋂"]
    static let operatorNames: Set<String> = ["max", "min", "arg", "ln", "log", "exp", "sup", "inf", "lim", "Pr", "det", "sin", "cos", "tanh", "argmax", "argmin"]
    static let limitOperators: Set<String> = ["max", "min", "sup", "inf", "lim", "argmax", "argmin"]
    static let relations: Set<String> = ["=", "<", ">", "≤", "≥", "≠", "≈", "∈", "→", "←"]
    static let delimiters: [String: String] = [
        "{": "{", "}": "}", "|": "‖", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩", "lvert": "|", "rvert": "|",
        "lVert": "‖", "rVert": "‖", "vert": "|", "Vert": "‖",
    ]
}
