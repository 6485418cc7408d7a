import BigInt

/// Kuhn poker as a normal-form game. Three cards (J < Q < K), one dealt to each player, an ante
/// of 1 each. The first player checks or bets 1; after a check the second player checks (showdown
/// for 1) or bets 1; facing a bet a player calls (showdown for 2) or folds (losing the ante).
///
/// A pure strategy of the first player picks, for each card, one of: bet; check then fold;
/// check then call (27 strategies). The second player picks, for each card, a reply to a bet
/// (call or fold) and to a check (bet or check) (64 strategies). Payoffs average the six deals.
public enum KuhnPoker {
    /// The first player's plans for one card.
    public enum OpeningPlan: Int, CaseIterable, Sendable { case bet, checkFold, checkCall }

    /// The cards, weakest first.
    public static let cards = ["J", "Q", "K"]

    /// The first player's winnings in one deal.
    static func payoff(first: Int, second: Int, plan: OpeningPlan, callsBet: Bool, betsAfterCheck: Bool) -> Int {
        let showdown = first > second ? 1 : -1
        switch plan {
        case .bet: return callsBet ? 2 * showdown : 1
        case .checkFold, .checkCall:
            if !betsAfterCheck { return showdown }
            return plan == .checkCall ? 2 * showdown : -1
        }
    }

    /// The game: 27 strategies for the first player, 64 for the second, zero-sum.
    public static let game: NormalFormGame = {
        func name(_ plans: [String]) -> String { zip(cards, plans).map { "\($0):\($1)" }.joined(separator: " ") }
        let firstPlans = (0..<27).map { index in (0..<3).map { OpeningPlan(rawValue: index / [9, 3, 1][$0] % 3)! } }
        let secondPlans = (0..<64).map { index in (0..<3).map { card in (calls: index >> (2 * (2 - card) + 1) & 1 == 1, bets: index >> (2 * (2 - card)) & 1 == 1) } }
        let matrix = firstPlans.map { plan in
            secondPlans.map { reply -> Rational in
                var total = 0
                for first in 0..<3 {
                    for second in 0..<3 where second != first {
                        total += payoff(first: first, second: second, plan: plan[first], callsBet: reply[second].calls, betsAfterCheck: reply[second].bets)
                    }
                }
                return Rational(BigInt(total), 6)
            }
        }
        let firstNames = firstPlans.map { name($0.map { ["bet", "check-fold", "check-call"][$0.rawValue] }) }
        let secondNames = secondPlans.map { name($0.map { ($0.calls ? "call" : "fold") + "/" + ($0.bets ? "bet" : "check") }) }
        return NormalFormGame(title: "Kuhn poker", players: ["First", "Second"], rowStrategies: firstNames, columnStrategies: secondNames, zeroSum: matrix)
    }()
}
