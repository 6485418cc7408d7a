import Randomness
import Testing

@testable import Tabular

@Suite("The tabular deterministic model")
struct DeterministicModelTests {
    @Test("records the last outcome of each pair and samples only observed pairs, uniformly")
    func recordAndSample() {
        var model = DeterministicModel(stateCount: 3, actionCount: 2)
        var generator = Xoshiro256StarStar(seed: 9)
        #expect(model.samplePair(using: &generator) == nil)
        model.record(state: 0, action: 1, transition: Transition(reward: 0, nextState: 1, isTerminal: false))
        model.record(state: 2, action: 0, transition: Transition(reward: 1, nextState: 0, isTerminal: true))
        model.record(state: 0, action: 1, transition: Transition(reward: 0, nextState: 2, isTerminal: false))
        #expect(model.observedCount == 2)
        #expect(model.outcome(state: 0, action: 1)?.nextState == 2)
        var counts = [Int: Int]()
        for _ in 0..<4000 {
            let pair = model.samplePair(using: &generator)!
            counts[pair.state, default: 0] += 1
        }
        #expect(counts.keys.sorted() == [0, 2])
        #expect(abs(counts[0]! - 2000) < 200)
    }

    @Test("greedy ties are broken uniformly at random")
    func tieBreaking() {
        let values = ActionValues(stateCount: 1, actionCount: 4)
        var generator = Xoshiro256StarStar(seed: 12)
        var counts = [0, 0, 0, 0]
        for _ in 0..<8000 { counts[values.greedyAction(in: 0, using: &generator)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 2000) < 200 }, "\(counts)")
    }
}
