import BigInt
import Foundation
import GameTheory
import Testing

@Suite("Game files")
struct GameFileTests {
    private func error(_ json: String) -> String? {
        do {
            _ = try GameFile.decode(Data(json.utf8))
            return nil
        } catch { return "\(error)" }
    }

    @Test("fractions parse and print exactly; JSON numbers are read as written")
    func rationals() {
        #expect(Rational("3/5")!.description == "3/5" && Rational("-2/4")!.description == "-1/2" && Rational("6/3")!.description == "2")
        #expect(Rational("0.1")! == Rational(1) / Rational(10) && Rational("1.5e-3")! == Rational(3) / Rational(2000))
        #expect(Rational(shortestDecimal: 0.1)! == Rational("1/10")! && Rational("abc") == nil && Rational("1/0") == nil)
        #expect(Rational("-1/18")!.doubleValue == -1.0 / 18)
    }

    @Test("a game survives a round trip through its file, fractions included")
    func roundTrip() throws {
        for game in [ClassicGames.prisonersDilemma, ClassicGames.biasedRockPaperScissors, KuhnPoker.game] {
            #expect(try GameFile.decode(GameFile.encode(game)) == game)
        }
        let three = NormalFormGame(title: "three", players: ["a", "b", "c"], strategies: [["x", "y"], ["u"], ["p", "q", "r"]],
                                   payoffs: (0..<6).map { [Rational($0), Rational("1/3")!, Rational(-$0)] })
        #expect(try GameFile.decode(GameFile.encode(three)) == three)
    }

    @Test("malformed files name what is wrong and where")
    func malformed() {
        let head = #""players": ["A", "B"], "strategies": [["x", "y"], ["u", "v"]]"#
        #expect(error("{" + head + #", "payoffs": [[[1, 2], [3, 4]], [[5, 6]]]}"#)
            == "payoffs[1]: expected 2 entries (one per strategy of B), found 1")
        #expect(error("{" + head + #", "payoffs": [[[1, 2], [3, 4, 5]], [[5, 6], [7, 8]]]}"#)
            == "payoffs[0][1]: expected 2 payoffs (one per player), found 3")
        #expect(error("{" + head + #", "payoffs": [[[1, "two"], [3, 4]], [[5, 6], [7, 8]]]}"#)
            == "payoffs[0][0][1]: \"two\" is not a number or a fraction such as \"3/5\"")
        #expect(error("{" + head + #", "payoffs": [[[1, true], [3, 4]], [[5, 6], [7, 8]]]}"#)
            == "payoffs[0][0][1]: expected a payoff (a number or a fraction string), found true")
        #expect(error("{" + head + "}") == "payoffs: missing")
        #expect(error(#"{"players": ["A"], "strategies": [["x"], ["y"]], "payoffs": [[1]]}"#)
            == "strategies: expected 1 lists (one per player), found 2")
        #expect(error(#"{"players": ["A"], "strategies": [["x"]], "payoffs": [[1]], "colour": 1}"#)?.hasPrefix("colour: unknown field") == true)
        #expect(error("[1, 2")?.hasPrefix("not valid JSON") == true)
    }

    @Test("JSON numbers are read from their text exactly: 0.3000000000000000001 is not 3/10, 1e400 is 10^400")
    func exactNumbers() throws {
        func payoff(_ text: String) throws -> Rational {
            let json = #"{"players": ["A"], "strategies": [["x"]], "payoffs": "# + "[[" + text + "]]}"
            let game = try GameFile.decode(Data(json.utf8))
            return game.payoffs[0][0]
        }
        #expect(try payoff("0.3000000000000000001") == Rational("3000000000000000001/10000000000000000000")!)
        #expect(try payoff("0.3000000000000000001") != Rational("3/10")!)
        #expect(try payoff("1e400") == Rational(BigInt(10).power(400)))
        #expect(try payoff("-2.5E-3") == Rational("-1/400")!)
        #expect(try payoff("123456789012345678901234567890") == Rational("123456789012345678901234567890")!)
        #expect(error(#"{"players": ["A"], "strategies": [["x"]], "payoffs": [[1e99999]]}"#)?.contains("exponent") == true)
        for bad in ["01", "1.", ".5", "+1", "1e", "-", "NaN", "Infinity"] {
            #expect(error(#"{"players": ["A"], "strategies": [["x"]], "payoffs": [["# + bad + "]]}")?.hasPrefix("not valid JSON at line 1") == true, "\(bad)")
        }
    }

    @Test("plain messages: duplicate names, duplicate fields, deep nesting, a folder or a missing file, bytes that are not UTF-8")
    func messages() throws {
        #expect(error(#"{"players": ["A", "A"], "strategies": [["x"], ["y"]], "payoffs": [[[1, 2]]]}"#)
            == "players[1]: \"A\" is already the name of player 1; names must differ")
        #expect(error(#"{"players": ["A"], "strategies": [["x", "x"]], "payoffs": [[1], [2]]}"#)
            == "strategies[0][1]: \"x\" is already the name of strategy of A 1; names must differ")
        #expect(error("{\"players\": [\"A\"],\n \"players\": [\"B\"]}") == "not valid JSON at line 2, column 2: the field \"players\" appears twice")
        #expect(error(String(repeating: "[", count: 100_000))?.contains("nested more than") == true)
        #expect(throws: GameFileError.self) { try GameFile.decode(Data([0x7B, 0xFF, 0x7D])) }
        let folder = FileManager.default.temporaryDirectory
        do { _ = try GameFile.read(folder); Issue.record("a folder was read") } catch { #expect("\(error)".contains("is a folder")) }
        do { _ = try GameFile.read(folder.appendingPathComponent("no-such-game.json")); Issue.record("a missing file was read") } catch {
            #expect("\(error)".hasPrefix("there is no file"))
        }
        let unicode = #"{"players": ["\u05d0\u202e", "😀"], "strategies": [["x"], ["y"]], "payoffs": [[[1, 2]]]}"#
        #expect(try GameFile.decode(Data(unicode.utf8)).players == ["\u{5d0}\u{202e}", "😀"])
    }
}
