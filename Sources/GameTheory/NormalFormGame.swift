/// A finite game in normal (strategic) form: each player picks one of its pure strategies at the
/// same time, and each profile of picks pays every player an exact rational amount.
public struct NormalFormGame: Hashable, Sendable {
    /// A name for people.
    public var title: String
    /// The players' names, one per player.
    public var players: [String]
    /// Each player's pure strategies, by name.
    public var strategies: [[String]]
    /// `payoffs[profile][player]`, profiles in row-major order (the first player's strategy
    /// varies slowest): see `profileIndex(_:)`.
    public var payoffs: [[Rational]]

    /// A game from its parts; `payoffs` holds one vector of `players.count` payoffs per profile,
    /// in row-major order.
    public init(title: String, players: [String], strategies: [[String]], payoffs: [[Rational]]) {
        precondition(players.count == strategies.count && players.count >= 1, "one strategy list per player")
        precondition(strategies.allSatisfy { !$0.isEmpty }, "every player needs a strategy")
        precondition(payoffs.count == strategies.map(\.count).reduce(1, *), "one payoff vector per profile")
        precondition(payoffs.allSatisfy { $0.count == players.count }, "one payoff per player in each profile")
        self.title = title
        self.players = players
        self.strategies = strategies
        self.payoffs = payoffs
    }

    /// A two-player game from the row player's matrix `row` and the column player's `column`.
    public init(title: String, players: [String] = ["Row", "Column"], rowStrategies: [String], columnStrategies: [String],
                row: [[Rational]], column: [[Rational]]) {
        precondition(row.count == rowStrategies.count && column.count == rowStrategies.count, "one matrix row per row strategy")
        var payoffs = [[Rational]]()
        for i in rowStrategies.indices {
            precondition(row[i].count == columnStrategies.count && column[i].count == columnStrategies.count, "one entry per column strategy")
            for j in columnStrategies.indices { payoffs.append([row[i][j], column[i][j]]) }
        }
        self.init(title: title, players: players, strategies: [rowStrategies, columnStrategies], payoffs: payoffs)
    }

    /// A two-player zero-sum game from the row player's matrix (the column player gets its negative).
    public init(title: String, players: [String] = ["Row", "Column"], rowStrategies: [String], columnStrategies: [String], zeroSum row: [[Rational]]) {
        self.init(title: title, players: players, rowStrategies: rowStrategies, columnStrategies: columnStrategies,
                  row: row, column: row.map { $0.map { -$0 } })
    }

    /// Number of players.
    public var playerCount: Int { players.count }
    /// Number of pure strategies of each player.
    public var shape: [Int] { strategies.map(\.count) }

    /// The position of `profile` (one strategy index per player) in `payoffs`.
    public func profileIndex(_ profile: [Int]) -> Int {
        var index = 0
        for (player, choice) in profile.enumerated() { index = index * strategies[player].count + choice }
        return index
    }

    /// The profile at position `index` of `payoffs`.
    public func profile(at index: Int) -> [Int] {
        var rest = index
        var profile = [Int](repeating: 0, count: playerCount)
        for player in stride(from: playerCount - 1, through: 0, by: -1) {
            profile[player] = rest % strategies[player].count
            rest /= strategies[player].count
        }
        return profile
    }

    /// Every profile, in the order of `payoffs`.
    public var profiles: [[Int]] { payoffs.indices.map(profile(at:)) }

    /// What `player` gets at `profile`.
    public func payoff(_ player: Int, at profile: [Int]) -> Rational { payoffs[profileIndex(profile)][player] }

    /// The two payoff matrices of a two-player game; `nil` for other numbers of players.
    public var bimatrix: Bimatrix? {
        guard playerCount == 2 else { return nil }
        let (m, n) = (strategies[0].count, strategies[1].count)
        let a = (0..<m).map { i in (0..<n).map { j in payoffs[i * n + j][0] } }
        let b = (0..<m).map { i in (0..<n).map { j in payoffs[i * n + j][1] } }
        return Bimatrix(row: a, column: b)
    }

    /// Whether the payoffs of every profile add up to zero.
    public var isZeroSum: Bool { payoffs.allSatisfy { $0.reduce(Rational.zero, +).isZero } }
}
