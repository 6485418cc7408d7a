/// The textbook normal-form games, payoffs as usually given.
public enum ClassicGames {
    private static func r(_ rows: [[Int]]) -> [[Rational]] { rows.map { $0.map { Rational($0) } } }

    /// Prisoner's dilemma, in years of prison as negative payoffs: defecting strictly dominates,
    /// yet both cooperating is better for both.
    public static let prisonersDilemma = NormalFormGame(
        title: "Prisoner's dilemma", rowStrategies: ["Cooperate", "Defect"], columnStrategies: ["Cooperate", "Defect"],
        row: r([[-1, -3], [0, -2]]), column: r([[-1, 0], [-3, -2]]))

    /// Matching pennies: the row player wins on a match, the column player on a mismatch.
    public static let matchingPennies = NormalFormGame(
        title: "Matching pennies", rowStrategies: ["Heads", "Tails"], columnStrategies: ["Heads", "Tails"], zeroSum: r([[1, -1], [-1, 1]]))

    /// Rock-paper-scissors, win 1, lose -1.
    public static let rockPaperScissors = NormalFormGame(
        title: "Rock-paper-scissors", rowStrategies: ["Rock", "Paper", "Scissors"], columnStrategies: ["Rock", "Paper", "Scissors"],
        zeroSum: r([[0, -1, 1], [1, 0, -1], [-1, 1, 0]]))

    /// A biased rock-paper-scissors whose unique equilibrium is far from uniform.
    public static let biasedRockPaperScissors = NormalFormGame(
        title: "Biased rock-paper-scissors", rowStrategies: ["Rock", "Paper", "Scissors"], columnStrategies: ["Rock", "Paper", "Scissors"],
        zeroSum: r([[0, -25, 50], [25, 0, -5], [-50, 5, 0]]))

    /// Battle of the sexes: both want to meet, each prefers a different venue.
    public static let battleOfTheSexes = NormalFormGame(
        title: "Battle of the sexes", rowStrategies: ["Ballet", "Soccer"], columnStrategies: ["Ballet", "Soccer"],
        row: r([[3, 0], [0, 2]]), column: r([[2, 0], [0, 3]]))

    /// Stag hunt: hunting the stag together pays best, but the hare is safe.
    public static let stagHunt = NormalFormGame(
        title: "Stag hunt", rowStrategies: ["Stag", "Hare"], columnStrategies: ["Stag", "Hare"],
        row: r([[4, 0], [3, 3]]), column: r([[4, 3], [0, 3]]))

    /// Chicken: swerving is safe, going straight wins unless both do.
    public static let chicken = NormalFormGame(
        title: "Chicken", rowStrategies: ["Swerve", "Straight"], columnStrategies: ["Swerve", "Straight"],
        row: r([[0, -1], [1, -10]]), column: r([[0, 1], [-1, -10]]))

    /// Shapley's game: a non-zero-sum variant of rock-paper-scissors on which fictitious play cycles.
    public static let shapley = NormalFormGame(
        title: "Shapley's game", rowStrategies: ["A", "B", "C"], columnStrategies: ["A", "B", "C"],
        row: r([[0, 0, 1], [1, 0, 0], [0, 1, 0]]), column: r([[0, 1, 0], [0, 0, 1], [1, 0, 0]]))

    /// A pure coordination game with a better and a worse convention.
    public static let coordination = NormalFormGame(
        title: "Coordination", rowStrategies: ["Left", "Right"], columnStrategies: ["Left", "Right"],
        row: r([[2, 0], [0, 1]]), column: r([[2, 0], [0, 1]]))

    /// The climbing game (Claus and Boutilier): a shared reward whose best joint action is
    /// surrounded by heavy penalties for miscoordination.
    public static let climbing = NormalFormGame(
        title: "Climbing game", rowStrategies: ["a", "b", "c"], columnStrategies: ["a", "b", "c"],
        row: r([[11, -30, 0], [-30, 7, 6], [0, 0, 5]]), column: r([[11, -30, 0], [-30, 7, 6], [0, 0, 5]]))
}
