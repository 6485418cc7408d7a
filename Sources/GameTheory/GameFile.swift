import Foundation

/// What is wrong with a game file, naming the place (`payoffs[1][0]`) and what was expected.
public struct GameFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the file: a JSON path such as `payoffs[1][0]`, or empty for the whole file.
    public let location: String
    /// What was expected and what was found.
    public let problem: String

    /// An error at `location`.
    public init(_ location: String, _ problem: String) {
        self.location = location
        self.problem = problem
    }

    /// "location: problem".
    public var description: String { location.isEmpty ? problem : "\(location): \(problem)" }
}

/// The JSON game file format, version 1:
///
/// ```json
/// {
///   "format": "rl-notes-game", "version": 1,
///   "title": "Prisoner's dilemma",
///   "players": ["Row", "Column"],
///   "strategies": [["Cooperate", "Defect"], ["Cooperate", "Defect"]],
///   "payoffs": [[[-1, -1], [-3, 0]],
///               [[0, -3], [-2, -2]]]
/// }
/// ```
///
/// `payoffs` nests one array level per player, indexed by that player's strategy (the first
/// player outermost); the innermost array holds one payoff per player. A payoff is a JSON number
/// (read exactly as written: 0.1 is 1/10) or a string holding an integer, a decimal or a fraction
/// ("-1/18"). `format` and `version` may be left out; `title` defaults to the file's name.
public enum GameFile {
    /// The version this code reads and writes.
    public static let version = 1

    /// Reads and checks a game file.
    public static func read(_ url: URL) throws -> NormalFormGame {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw GameFileError("", "there is no file at \(url.path)")
        }
        guard !isFolder.boolValue else { throw GameFileError("", "\(url.path) is a folder; give the path of a game file (JSON) inside it") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GameFileError("", "cannot read \(url.path) (\(FileManager.default.isReadableFile(atPath: url.path) ? "a read error" : "permission denied"))")
        }
        return try decode(data, defaultTitle: url.deletingPathExtension().lastPathComponent)
    }

    /// Parses and checks the bytes of a game file.
    public static func decode(_ data: Data, defaultTitle: String = "game") throws -> NormalFormGame {
        guard String(validating: data, as: UTF8.self) != nil else { throw GameFileError("", "not UTF-8 text; a game file is JSON") }
        let value = try JSONValue.parse(Array(data))
        guard case .object(let fields) = value else { throw GameFileError("", "expected a JSON object with \"players\", \"strategies\" and \"payoffs\"") }
        let known: Set = ["format", "version", "title", "players", "strategies", "payoffs"]
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw GameFileError(unknown, "unknown field (expected one of \(known.sorted().joined(separator: ", ")))")
        }
        if let format = fields["format"], format != .string("rl-notes-game") { throw GameFileError("format", "expected \"rl-notes-game\"") }
        if let version = fields["version"], version.exactNumber != Rational(Self.version) {
            throw GameFileError("version", "this is version \(Self.version) of the format; the file says \(version)")
        }
        var title = defaultTitle
        if let given = fields["title"] {
            guard case .string(let text) = given else { throw GameFileError("title", "expected a string") }
            title = text
        }
        guard let playersValue = fields["players"] else { throw GameFileError("players", "missing (a list of player names)") }
        let players = try strings(playersValue, at: "players")
        guard players.count >= 1 else { throw GameFileError("players", "expected at least one player") }
        try requireDistinct(players, at: "players", what: "player")
        guard let strategiesValue = fields["strategies"] else { throw GameFileError("strategies", "missing (one list of strategy names per player)") }
        guard case .array(let lists) = strategiesValue else { throw GameFileError("strategies", "expected one list of strategy names per player") }
        guard lists.count == players.count else {
            throw GameFileError("strategies", "expected \(players.count) lists (one per player), found \(lists.count)")
        }
        let strategies = try lists.enumerated().map { k, list in
            let names = try strings(list, at: "strategies[\(k)]")
            guard !names.isEmpty else { throw GameFileError("strategies[\(k)]", "player \(players[k]) needs at least one strategy") }
            try requireDistinct(names, at: "strategies[\(k)]", what: "strategy of \(players[k])")
            return names
        }
        guard let payoffValue = fields["payoffs"] else { throw GameFileError("payoffs", "missing") }
        var payoffs = [[Rational]]()
        try collect(payoffValue, depth: 0, at: "payoffs", players: players, strategies: strategies, into: &payoffs)
        return NormalFormGame(title: title, players: players, strategies: strategies, payoffs: payoffs)
    }

    /// The file's bytes for `game`: integers as JSON numbers, other values as fraction strings.
    public static func encode(_ game: NormalFormGame) -> Data {
        func quoted(_ text: String) -> String {
            let data = try! JSONEncoder().encode(text)
            return String(decoding: data, as: UTF8.self)
        }
        func payoff(_ value: Rational) -> String { value.isInteger ? value.description : "\"\(value)\"" }
        func nest(_ player: Int, _ prefix: [Int], indent: String) -> String {
            if player == game.playerCount {
                return "[" + game.payoffs[game.profileIndex(prefix)].map(payoff).joined(separator: ", ") + "]"
            }
            let inner = game.strategies[player].indices.map { nest(player + 1, prefix + [$0], indent: indent + " ") }
            let separator = player == game.playerCount - 1 ? ", " : ",\n" + indent + " "
            return "[" + inner.joined(separator: separator) + "]"
        }
        let lines = [
            "{",
            "  \"format\": \"rl-notes-game\", \"version\": \(version),",
            "  \"title\": \(quoted(game.title)),",
            "  \"players\": [\(game.players.map(quoted).joined(separator: ", "))],",
            "  \"strategies\": [\(game.strategies.map { "[" + $0.map(quoted).joined(separator: ", ") + "]" }.joined(separator: ", "))],",
            "  \"payoffs\": \(nest(0, [], indent: "              "))",
            "}",
        ]
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private static func strings(_ value: JSONValue, at location: String) throws -> [String] {
        guard case .array(let items) = value else { throw GameFileError(location, "expected a list of names") }
        return try items.enumerated().map { k, item in
            guard case .string(let text) = item else { throw GameFileError("\(location)[\(k)]", "expected a name (a string), found \(item)") }
            return text
        }
    }

    private static func collect(_ value: JSONValue, depth: Int, at location: String, players: [String], strategies: [[String]],
                                into payoffs: inout [[Rational]]) throws {
        guard case .array(let items) = value else {
            throw GameFileError(location, depth < players.count
                ? "expected a list of \(strategies[depth].count) entries, one per strategy of \(players[depth]), found \(value)"
                : "expected a list of \(players.count) payoffs, one per player, found \(value)")
        }
        if depth == players.count {
            guard items.count == players.count else {
                throw GameFileError(location, "expected \(players.count) payoffs (one per player), found \(items.count)")
            }
            payoffs.append(try items.enumerated().map { k, item in try number(item, at: "\(location)[\(k)]") })
            return
        }
        guard items.count == strategies[depth].count else {
            throw GameFileError(location, "expected \(strategies[depth].count) entries (one per strategy of \(players[depth])), found \(items.count)")
        }
        for (k, item) in items.enumerated() {
            try collect(item, depth: depth + 1, at: "\(location)[\(k)]", players: players, strategies: strategies, into: &payoffs)
        }
    }

    private static func number(_ value: JSONValue, at location: String) throws -> Rational {
        switch value {
        case .number(let text):
            guard let exact = Rational(text) else { throw GameFileError(location, "\(text) has an exponent beyond ±9999; write the payoff with a smaller exponent") }
            return exact
        case .string(let text):
            guard let exact = Rational(text) else { throw GameFileError(location, "\"\(text)\" is not a number or a fraction such as \"3/5\"") }
            return exact
        default:
            throw GameFileError(location, "expected a payoff (a number or a fraction string), found \(value)")
        }
    }

    private static func requireDistinct(_ names: [String], at location: String, what: String) throws {
        var seen = [String: Int]()
        for (k, name) in names.enumerated() {
            if let first = seen[name] { throw GameFileError("\(location)[\(k)]", "\"\(name)\" is already the name of \(what) \(first + 1); names must differ") }
            seen[name] = k
        }
    }
}

extension JSONValue {
    /// The exact value of a number (nil for anything else).
    var exactNumber: Rational? {
        if case .number(let text) = self { return Rational(text) }
        return nil
    }
}
