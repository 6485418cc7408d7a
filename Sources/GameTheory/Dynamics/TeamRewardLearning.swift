import Randomness

/// A team of N agents that each pick one of K actions and are paid one shared team reward,
/// the sum of their contributions G(a) = Σᵢ c(aᵢ). An agent learning from G sees the other
/// agents' choices as noise, and worse, credits its own action with every improvement the others
/// make: the credit-assignment problem, which grows with the team.
public struct TeamBandit: Hashable, Codable, Sendable {
    /// Agents in the team.
    public let agents: Int
    /// What each action contributes to the team reward, the same for every agent; action 0 is
    /// the default an agent is compared against.
    public let contributions: [Double]

    /// A team of `agents` with these per-action contributions.
    public init(agents: Int, contributions: [Double]) {
        precondition(agents >= 1 && contributions.count >= 2, "a team needs an agent and two actions")
        self.agents = agents
        self.contributions = contributions
    }

    /// The team reward of a joint action.
    public func teamReward(_ actions: [Int]) -> Double {
        actions.reduce(0) { $0 + contributions[$1] }
    }

    /// Agent `i`'s difference reward (Wolpert and Tumer): the team reward minus the team reward
    /// had the agent taken the default action instead, all else equal. For a sum of
    /// contributions it is exactly c(aᵢ) − c(0): the others' choices drop out.
    public func differenceReward(_ actions: [Int], agent i: Int) -> Double {
        var counterfactual = actions
        counterfactual[i] = 0
        return teamReward(actions) - teamReward(counterfactual)
    }

    /// The action with the largest contribution (the lowest index among equals).
    public var bestAction: Int { argmax(contributions) }
}

/// Which reward each learner of a team learns from.
public enum TeamSignal: String, Hashable, Codable, Sendable, CaseIterable {
    /// The shared team reward G(a).
    case global
    /// The agent's difference reward G(a) − G(a with its action replaced by the default).
    case difference
}

/// How a team learned: the share of agents whose greedy action is the best one, at checkpoints.
public struct TeamLearningRun: Hashable, Codable, Sendable {
    /// The steps at which the share was taken.
    public var checkpoints: [Int]
    /// The share of agents whose greedy action is the best, at each checkpoint.
    public var optimalShare: [Double]
}

/// Trains a team of independent ε-greedy learners (one value per own action, Q ← Q + α (r − Q))
/// for `steps` rounds on `signal`, recording every `every` rounds the share of agents whose
/// greedy action is the best.
public func learnTeam<G: RandomNumberGenerator>(
    _ bandit: TeamBandit, signal: TeamSignal, steps: Int, every: Int, settings: QLearningSettings, using generator: inout G
) -> TeamLearningRun {
    var values = [[Double]](repeating: [Double](repeating: 0, count: bandit.contributions.count), count: bandit.agents)
    var actions = [Int](repeating: 0, count: bandit.agents)
    var run = TeamLearningRun(checkpoints: [], optimalShare: [])
    let best = bandit.bestAction
    for step in 1...steps {
        for i in 0..<bandit.agents { actions[i] = epsilonGreedyAction(values[i], exploration: settings.exploration, using: &generator) }
        let team = bandit.teamReward(actions)
        for i in 0..<bandit.agents {
            // The difference reward of a sum is c(aᵢ) − c(0) (`differenceReward`, in O(1)).
            let reward = signal == .global ? team : bandit.contributions[actions[i]] - bandit.contributions[0]
            values[i][actions[i]] += settings.stepSize * (reward - values[i][actions[i]])
        }
        if step % every == 0 {
            run.checkpoints.append(step)
            run.optimalShare.append(Double(values.filter { argmax($0) == best }.count) / Double(bandit.agents))
        }
    }
    return run
}
