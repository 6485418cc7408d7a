import Foundation
import Search

/// Monte Carlo tree search inside MuZero's learned model. The root is the representation of the
/// real position and only its legal moves are expanded; below the root nothing of the game's
/// rules is used: a child's latent state and the reward of the move come from the dynamics, its
/// priors and value from the prediction, and every action is allowed. Selection uses a
/// `TreePolicy` from the Search library (PUCT as AlphaZero uses it), scoring each child by the
/// mean of r − v′ for the player choosing: the move's reward minus the value of the position it
/// leads to for the opponent. Nodes store their latent states, since they cannot be recomputed
/// from a game position.
public struct LatentSearch<Policy: TreePolicy> {
    /// One node: the action that led here, its prior and reward, and the statistics of the
    /// action for the player who took it.
    public struct Node: Sendable {
        /// The action from the parent (-1 at the root).
        public var action: Int
        /// The parent's index, -1 at the root.
        public var parent: Int32
        /// The index of the first child, -1 while unexpanded.
        public var firstChild: Int32 = -1
        /// The number of children.
        public var childCount: Int32 = 0
        /// Visits N.
        public var visits: Int32 = 0
        /// Sum of the returns backed up through this node, for the player who took `action`.
        public var valueSum: Double = 0
        /// The prior of the action.
        public var prior: Float
        /// The reward the dynamics predicted for the action (0 at the root).
        public var reward: Float = 0
        /// The latent state, empty until the node is evaluated.
        public var latent: [Float] = []
    }

    /// The model searched.
    public let network: MuZeroNetwork
    /// The tree policy.
    public let policy: Policy
    /// The nodes; index 0 is the root.
    public private(set) var nodes: [Node]
    /// The prediction's value of the root position, for the player to move.
    public let rootValue: Double
    /// The prediction's policy at the root, over all actions (illegal ones included).
    public let rootPolicy: [Float]

    /// A search from the real position encoded as `observation`, with `legalActions` the only
    /// moves considered at the root (priors renormalised over them).
    public init(network: MuZeroNetwork, observation: [Float], legalActions: [Int], policy: Policy) {
        self.network = network
        self.policy = policy
        let latent = network.represent(observation, batch: 1)
        let (priors, values) = network.predict(latent, batch: 1)
        rootValue = Double(values[0])
        rootPolicy = priors
        var root = Node(action: -1, parent: -1, prior: 1)
        root.latent = latent
        nodes = [root]
        let total = legalActions.reduce(Float(0)) { $0 + priors[$1] }
        expand(0, actions: legalActions, priors: legalActions.map { total > 0 ? priors[$0] / total : 1 / Float(legalActions.count) })
    }

    /// Mixes `noise` (one share per root child, in the order of the legal actions) into the
    /// root's priors, as self-play does with Dirichlet noise.
    public mutating func mixRootPriors(with noise: [Double], fraction: Double) {
        let first = Int(nodes[0].firstChild)
        for k in 0..<min(noise.count, Int(nodes[0].childCount)) {
            nodes[first + k].prior = Float((1 - fraction) * Double(nodes[first + k].prior) + fraction * noise[k])
        }
    }

    /// Runs `simulations` simulations.
    public mutating func search(simulations: Int) {
        for _ in 0..<simulations { simulate() }
    }

    /// One simulation: descend by the tree policy to an unevaluated node, evaluate it with the
    /// dynamics and the prediction, expand it over every action, and back the return up.
    public mutating func simulate() {
        var index = 0
        while nodes[index].firstChild >= 0 { index = selectChild(of: index) }
        // Below the root every node is reached through an action, so index > 0 here unless the
        // root has no legal action.
        guard index > 0 else { return }
        let parent = Int(nodes[index].parent)
        let (latent, rewards) = network.step(nodes[parent].latent, actions: [nodes[index].action], batch: 1)
        let (priors, values) = network.predict(latent, batch: 1)
        nodes[index].latent = latent
        nodes[index].reward = rewards[0]
        expand(index, actions: Array(0..<network.shape.actions), priors: priors)
        // `value` is for the player to move at the node; each node keeps r − v′ for the player
        // who moved into it.
        var value = Double(values[0])
        while index >= 0 {
            value = Double(nodes[index].reward) - value
            nodes[index].visits += 1
            nodes[index].valueSum += value
            index = Int(nodes[index].parent)
        }
    }

    private func selectChild(of index: Int) -> Int {
        let node = nodes[index]
        let factor = policy.parentFactor(parentVisits: Int(node.visits))
        var best = Int(node.firstChild)
        var bestScore = -Double.infinity
        for child in Int(node.firstChild)..<Int(node.firstChild + node.childCount) {
            let c = nodes[child]
            let score = policy.score(valueSum: c.valueSum, visits: Int(c.visits), parentFactor: factor, prior: Double(c.prior))
            if score > bestScore {
                bestScore = score
                best = child
            }
        }
        return best
    }

    private mutating func expand(_ index: Int, actions: [Int], priors: [Float]) {
        nodes[index].firstChild = Int32(nodes.count)
        nodes[index].childCount = Int32(actions.count)
        for (k, action) in actions.enumerated() {
            nodes.append(Node(action: action, parent: Int32(index), prior: priors[k]))
        }
    }

    /// The root's children: action, visits, mean return for the player to move, prior.
    public var rootChildren: [(action: Int, visits: Int, mean: Double, prior: Double)] {
        let root = nodes[0]
        return (Int(root.firstChild)..<Int(root.firstChild + root.childCount)).map { i in
            let c = nodes[i]
            return (c.action, Int(c.visits), c.visits > 0 ? c.valueSum / Double(c.visits) : 0, Double(c.prior))
        }
    }

    /// The search's value of the root for the player to move: the mean over its simulations.
    public var searchValue: Double {
        nodes[0].visits > 0 ? -nodes[0].valueSum / Double(nodes[0].visits) : rootValue
    }

    /// The most visited root action (the first in legal order among equals).
    public var mostVisitedAction: Int? {
        rootChildren.max { $0.visits < $1.visits || ($0.visits == $1.visits && $0.action > $1.action) }?.action
    }
}
