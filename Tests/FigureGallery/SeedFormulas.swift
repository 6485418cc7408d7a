/// Every formula of the seed text, shared by the parser tests and the typesetting tests.
public enum SeedFormulas {
    /// The formulas, in LaTeX.
    public static let all = [
        "\\text{TV}(\\hat{P}^H, P^H) \\leq H \\cdot \\epsilon",
        "\\epsilon = \\max_{s,a} \\left| \\hat{P}(\\cdot|s,a) - P(\\cdot|s,a) \\right|_1",
        "\\text{UCB}(s, a) = \\underbrace{Q(s, a)}_{\\text{exploitation}} + \\underbrace{c \\sqrt{\\frac{\\ln N(s)}{N(s, a)}}}_{\\text{exploration}}",
        "U(s,a) = Q(s,a) + c_{\\text{puct}} \\, P(s,a) \\frac{\\sqrt{\\sum_b N(s,b)}}{1 + N(s,a)}",
        "\\ell = (z - v_\\theta(s))^2 - \\pi_{\\text{MCTS}}^\\top \\log p_\\theta(s) + c\\|\\theta\\|^2",
        "\\forall i, \\forall \\pi_i: \\quad u_i(\\pi_i^*, \\pi_{-i}^*) \\geq u_i(\\pi_i, \\pi_{-i}^*)",
        "P(s'|s, a_1, a_2, \\ldots, a_n), \\quad R_i(s, a_1, a_2, \\ldots, a_n)",
    ]
}
