/// Whom a self-playing agent trains against.
public enum SelfPlayOpponent: String, Codable, Sendable {
    /// The latest version of itself: naive self-play, iterated best response.
    case latest
    /// A uniform mixture of all its past versions: fictitious self-play (fictitious play).
    case pool
}

/// Self-play on a two-player game in its simplest form: each iteration both players replace their
/// strategy by a pure best response to their opponent, either the latest version or the pool of
/// all past versions. The strategy that counts is the latest one for naive self-play and the
/// pool's average for fictitious self-play.
public struct SelfPlayDynamics: Sendable {
    /// The game.
    public let game: Bimatrix
    /// Whom each iteration responds to.
    public let opponent: SelfPlayOpponent
    private var pool: FictitiousPlay
    private var latest: (row: Int, column: Int)

    /// Both players start on their first strategy.
    public init(game: Bimatrix, opponent: SelfPlayOpponent) {
        self.game = game
        self.opponent = opponent
        pool = FictitiousPlay(game: game)
        latest = (0, 0)
    }

    /// The current strategies: the latest pure strategies, or the pool's empirical mixes.
    public var strategies: (row: [Double], column: [Double]) {
        switch opponent {
        case .latest:
            return ((0..<game.rows).map { $0 == latest.row ? 1 : 0 }, (0..<game.columns).map { $0 == latest.column ? 1 : 0 })
        case .pool:
            return (pool.averageRow, pool.averageColumn)
        }
    }

    /// NashConv of the current strategies.
    public var nashConv: Double { game.nashConv(strategies.row, strategies.column) }

    /// The latest pure strategies.
    public var latestActions: (row: Int, column: Int) { opponent == .latest ? latest : pool.lastActions }

    /// One iteration of best responses.
    public mutating func step() {
        switch opponent {
        case .latest:
            let row = argmax(game.rowPayoffs(against: (0..<game.columns).map { $0 == latest.column ? 1 : 0 }))
            let column = argmax(game.columnPayoffs(against: (0..<game.rows).map { $0 == latest.row ? 1 : 0 }))
            latest = (row, column)
        case .pool:
            pool.step()
        }
    }
}
