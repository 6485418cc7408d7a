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
}
