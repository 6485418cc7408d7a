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
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw GameFileError("", "cannot read \(url.path): \(error.localizedDescription)") }
        return try decode(data, defaultTitle: url.deletingPathExtension().lastPathComponent)
    }

    /// Parses and checks the bytes of a game file.
    public static func decode(_ data: Data, defaultTitle: String = "game") throws -> NormalFormGame {
        let value: JSONValue
        do { value = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw GameFileError("", "not valid JSON (\(jsonProblem(error)))")
        }
        guard case .object(let fields) = value else { throw GameFileError("", "expected a JSON object with \"players\", \"strategies\" and \"payoffs\"") }
        let known: Set = ["format", "version", "title", "players", "strategies", "payoffs"]
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw GameFileError(unknown, "unknown field (expected one of \(known.sorted().joined(separator: ", ")))")
        }
        if let format = fields["format"], format != .string("rl-notes-game") { throw GameFileError("format", "expected \"rl-notes-game\"") }
        if let version = fields["version"], version != .number(Double(Self.version)) {
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
        guard let strategiesValue = fields["strategies"] else { throw GameFileError("strategies", "missing (one list of strategy names per player)") }
        guard case .array(let lists) = strategiesValue else { throw GameFileError("strategies", "expected one list of strategy names per player") }
        guard lists.count == players.count else {
            throw GameFileError("strategies", "expected \(players.count) lists (one per player), found \(lists.count)")
        }
        let strategies = try lists.enumerated().map { k, list in
            let names = try strings(list, at: "strategies[\(k)]")
            guard !names.isEmpty else { throw GameFileError("strategies[\(k)]", "player \(players[k]) needs at least one strategy") }
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
        case .number(let x):
            guard let exact = Rational(shortestDecimal: x) else { throw GameFileError(location, "\(x) is not a finite number") }
            return exact
        case .string(let text):
            guard let exact = Rational(text) else { throw GameFileError(location, "\"\(text)\" is not a number or a fraction such as \"3/5\"") }
            return exact
        default:
            throw GameFileError(location, "expected a payoff (a number or a fraction string), found \(value)")
        }
    }

    private static func jsonProblem(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
        }
        return "\(error)"
    }
}

/// A JSON document as a tree, for checking a file step by step.
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null } else if let b = try? container.decode(Bool.self) { self = .bool(b) } else if let x = try? container.decode(Double.self) {
            self = .number(x)
        } else if let s = try? container.decode(String.self) { self = .string(s) } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .number(let x): x == x.rounded() && abs(x) < 1e15 ? "\(Int(x))" : "\(x)"
        case .string(let s): "\"\(s)\""
        case .array(let a): "a list of \(a.count)"
        case .object: "an object"
        }
    }
}
