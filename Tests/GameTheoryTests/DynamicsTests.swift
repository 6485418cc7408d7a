import GameTheory
import Randomness
import Testing

@Suite("Learning dynamics")
struct DynamicsTests {
    @Test("fictitious play on rock-paper-scissors: NashConv falls roughly like T^-1/2 (about 0.15 at 100 steps, 0.015 at 10,000)")
    func fictitiousPlayConverges() {
        var play = FictitiousPlay(game: ClassicGames.rockPaperScissors.bimatrix!)
        while play.steps < 100 { play.step() }
        let early = play.nashConv
        while play.steps < 10_000 { play.step() }
        #expect(early > 0.08 && early < 0.25)
        #expect(play.nashConv > 0.005 && play.nashConv < 0.03)
    }

    @Test("fictitious play on Shapley's game from an off-diagonal opening cycles: runs grow about 1.47x and NashConv stays near 0.28")
    func shapleyCycles() {
        var play = FictitiousPlay(game: ClassicGames.shapley.bimatrix!, openingRow: 0, openingColumn: 1)
        var runs = [Int]()
        var length = 1
        var last = play.lastActions
        while play.steps < 20_000 {
            play.step()
            if play.lastActions == last { length += 1 } else {
                runs.append(length)
                (length, last) = (1, play.lastActions)
            }
        }
        let ratio = Double(runs[runs.count - 1]) / Double(runs[runs.count - 2])
        #expect(abs(ratio - 1.47) < 0.1)
        #expect(play.nashConv > 0.25)
    }

    @Test("regret matching's average strategy approaches the equilibrium of rock-paper-scissors from a pure start")
    func regretMatching() {
        var rm = RegretMatching(game: ClassicGames.rockPaperScissors.bimatrix!, row: [1, 0, 0], column: [0, 1, 0])
        for _ in 0..<10_000 { rm.step() }
        #expect(rm.nashConv < 0.03)
        for p in rm.averageRow { #expect(abs(p - 1.0 / 3) < 0.02) }
    }

    @Test("replicator dynamics on rock-paper-scissors: both integrators keep the simplex; RK4 conserves x1 x2 x3, Euler lets it fall")
    func replicator() {
        let dynamics = ReplicatorDynamics(payoffs: ClassicGames.rockPaperScissors.bimatrix!.rowValues)
        let start = [0.5, 0.3, 0.2]
        for integrator in [Integrator.euler, .rungeKutta4] {
            let orbit = dynamics.orbit(from: start, steps: 5000, by: 0.01, using: integrator)
            for x in orbit { #expect(abs(x.reduce(0, +) - 1) < 1e-12) }
        }
        let product = { (x: [Double]) in x.reduce(1, *) }
        let rk4 = dynamics.orbit(from: start, steps: 5000, by: 0.01, using: .rungeKutta4).last!
        let euler = dynamics.orbit(from: start, steps: 5000, by: 0.01, using: .euler).last!
        #expect(abs(product(rk4) / product(start) - 1) < 1e-6)
        #expect(product(euler) < 0.99 * product(start))
    }

    @Test("independent Q-learners settle in a coordination game but keep switching in matching pennies")
    func independentLearners() {
        for (game, settles) in [(ClassicGames.coordination, true), (ClassicGames.matchingPennies, false)] {
            var generator = Xoshiro256StarStar(seed: 11)
            var learners = IndependentQLearners(game: game.bimatrix!, settings: QLearningSettings())
            var switches = 0
            var last = (learners.rowPolicy, learners.columnPolicy)
            for t in 0..<20_000 {
                learners.step(using: &generator)
                let now = (learners.rowPolicy, learners.columnPolicy)
                if t >= 10_000 && (now.0 != last.0 || now.1 != last.1) { switches += 1 }
                last = now
            }
            #expect(settles ? switches == 0 : switches > 100, "\(game.title): \(switches) switches")
        }
    }

    @Test("the joint-action learner finds the climbing game's best joint action (11)")
    func jointActionLearner() {
        var generator = Xoshiro256StarStar(seed: 5)
        var learner = JointActionLearner(game: ClassicGames.climbing.bimatrix!, settings: QLearningSettings())
        for _ in 0..<20_000 { learner.step(using: &generator) }
        #expect(learner.greedyJointAction == (0, 0))
    }

    @Test("naive self-play on Kuhn poker never becomes less exploitable; the pool of past selves does")
    func selfPlay() {
        let kuhn = KuhnPoker.game.bimatrix!
        var naive = SelfPlayDynamics(game: kuhn, opponent: .latest)
        var pool = SelfPlayDynamics(game: kuhn, opponent: .pool)
        for _ in 0..<1000 { naive.step(); pool.step() }
        #expect(naive.nashConv > 1)
        #expect(pool.nashConv < 0.02)
    }
}

@Suite("Credit assignment in a team")
struct TeamRewardTests {
    @Test("a difference reward is the team reward minus the counterfactual one, which for a sum is the agent's own contribution")
    func differenceReward() {
        let bandit = TeamBandit(agents: 6, contributions: [0, 0.25, 0.5, 0.75, 1])
        var generator = Xoshiro256StarStar(seed: 3)
        for _ in 0..<200 {
            let actions = (0..<6).map { _ in generator.uniformIndex(below: 5) }
            for i in 0..<6 {
                // Oracle: recompute both team rewards from scratch.
                var counterfactual = actions
                counterfactual[i] = 0
                let expected = actions.map { bandit.contributions[$0] }.reduce(0, +) - counterfactual.map { bandit.contributions[$0] }.reduce(0, +)
                #expect(abs(bandit.differenceReward(actions, agent: i) - expected) < 1e-12)
                #expect(abs(bandit.differenceReward(actions, agent: i) - bandit.contributions[actions[i]]) < 1e-12)
            }
        }
        #expect(bandit.bestAction == 4)
    }

    @Test("alone, an agent's team reward is its difference reward (the default contributes 0): both signals learn the same run")
    func singleAgentSignalsAgree() {
        let bandit = TeamBandit(agents: 1, contributions: [0, 0.25, 0.5, 0.75, 1])
        var a = Xoshiro256StarStar(seed: 11)
        var b = Xoshiro256StarStar(seed: 11)
        let settings = QLearningSettings(stepSize: 0.1, exploration: 0.1)
        let global = learnTeam(bandit, signal: .global, steps: 500, every: 50, settings: settings, using: &a)
        let difference = learnTeam(bandit, signal: .difference, steps: 500, every: 50, settings: settings, using: &b)
        #expect(global == difference)
        #expect(global.checkpoints == Array(stride(from: 50, through: 500, by: 50)))
    }

    @Test("with difference rewards a large team learns as fast as a small one; with the team reward it lags")
    func teamSizeMatters() {
        func finalShare(_ agents: Int, _ signal: TeamSignal) -> Double {
            var generator = Xoshiro256StarStar(seed: 5)
            let run = learnTeam(TeamBandit(agents: agents, contributions: [0, 0.25, 0.5, 0.75, 1]), signal: signal, steps: 2_000, every: 2_000,
                                settings: QLearningSettings(stepSize: 0.1, exploration: 0.1), using: &generator)
            return run.optimalShare[0]
        }
        #expect(finalShare(32, .difference) >= 0.95)
        #expect(finalShare(32, .global) <= 0.5)
    }
}
