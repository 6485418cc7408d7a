import Games
import Randomness

/// How the move is chosen once the search is done.
public enum FinalMoveRule: Hashable, Sendable {
    /// The most visited child (robust: many visits mean a well-estimated value).
    case mostVisits
    /// The child with the highest mean value.
    case highestMean
    /// The child with the highest lower confidence bound, mean - z * sqrt(1 / visits).
    case lowerConfidenceBound(z: Double)
}

/// Counts of the four phases, for tests and for the chapter's pictures.
public struct SearchStatistics: Hashable, Sendable {
    /// Descents from the root (one per simulation).
    public var selections = 0
    /// Nodes whose children were created.
    public var expansions = 0
    /// Positions evaluated (rollouts or value estimates); terminal positions are scored directly.
    public var evaluations = 0
    /// Values propagated back to the root (one per simulation).
    public var backups = 0
}

/// Monte Carlo tree search: repeated simulations of selection (by a tree policy), expansion
/// (all children of a leaf at once, with the evaluator's priors), evaluation (a rollout or a value
/// function) and backup (visit counts and value sums along the path). Nodes live in one array;
/// the tree below the chosen move can be kept for the next search.
public struct MCTS<Game: TwoPlayerGame, Policy: TreePolicy, Eval: Evaluator> where Eval.Game == Game {
    /// One node: the move that led here and the statistics of that move, from the point of view
    /// of the player who made it.
    public struct Node: Sendable {
        /// The move from the parent (nil at the root).
        public var move: Game.Move?
        /// The parent's index, -1 at the root.
        public var parent: Int32
        /// The index of the first child, -1 while unexpanded.
        public var firstChild: Int32 = -1
        /// The number of children.
        public var childCount: Int32 = 0
        /// Visits N.
        public var visits: Int32 = 0
        /// Sum of the values backed up through this node, for the player who moved into it.
        public var valueSum: Double = 0
        /// The evaluator's prior for the move.
        public var prior: Float
    }

    /// The tree policy.
    public var policy: Policy
    /// The evaluator.
    public var evaluator: Eval
    /// The nodes; index 0 is the root.
    public private(set) var nodes: [Node] = []
    /// The root position.
    public private(set) var root: Game
    /// Phase counts since the search was created.
    public private(set) var statistics = SearchStatistics()

    /// A search from `position`.
    public init(position: Game, policy: Policy, evaluator: Eval) {
        self.policy = policy
        self.evaluator = evaluator
        root = position
        nodes = [Node(move: nil, parent: -1, prior: 1)]
    }

    /// Runs `simulations` simulations from the root.
    public mutating func search<G: RandomNumberGenerator>(simulations: Int, using generator: inout G) {
        for _ in 0..<simulations { simulate(using: &generator) }
    }

    /// One simulation: selection, expansion, evaluation, backup.
    public mutating func simulate<G: RandomNumberGenerator>(using generator: inout G) {
        // Selection: descend by the tree policy while the node is expanded.
        statistics.selections += 1
        var index = 0
        var position = root
        while nodes[index].firstChild >= 0 {
            index = selectChild(of: index)
            position.playUnchecked(nodes[index].move!)
        }
        // Evaluation of the leaf (for the player to move there), with expansion if it goes on.
        var value: Double
        if let outcome = position.outcome {
            value = outcome.value(for: position.currentPlayer)
        } else {
            let (estimate, priors) = evaluator.evaluate(position, using: &generator)
            statistics.evaluations += 1
            value = estimate
            expand(index, position: position, priors: priors)
        }
        // Backup: each node's sum is kept for the player who moved into it, the opponent of the
        // player to move at the node.
        statistics.backups += 1
        nodes.withUnsafeMutableBufferPointer { tree in
            while index >= 0 {
                value = -value
                tree[index].visits += 1
                tree[index].valueSum += value
                index = Int(tree[index].parent)
            }
        }
    }

    @inline(__always)
    private func selectChild(of index: Int) -> Int {
        nodes.withUnsafeBufferPointer { tree in
            let node = tree[index]
            var best = Int(node.firstChild)
            var bestScore = -Double.infinity
            let factor = policy.parentFactor(parentVisits: Int(node.visits))
            for child in Int(node.firstChild)..<Int(node.firstChild + node.childCount) {
                let c = tree[child]
                let score = policy.score(valueSum: c.valueSum, visits: Int(c.visits), parentFactor: factor, prior: Double(c.prior))
                if score > bestScore {
                    bestScore = score
                    best = child
                }
            }
            return best
        }
    }

    private mutating func expand(_ index: Int, position: Game, priors: [Double]?) {
        statistics.expansions += 1
        let moves = position.legalMoves
        nodes[index].firstChild = Int32(nodes.count)
        nodes[index].childCount = Int32(moves.count)
        let uniform = 1 / Double(max(moves.count, 1))
        for (k, move) in moves.enumerated() {
            nodes.append(Node(move: move, parent: Int32(index), prior: Float(priors?[k] ?? uniform)))
        }
    }

    /// Mixes `noise` (one share per root child, in legal-move order) into the root's priors:
    /// `(1 - fraction) * prior + fraction * noise`, as AlphaZero does with Dirichlet noise in
    /// self-play. Expands the root first if needed.
    public mutating func mixRootPriors<G: RandomNumberGenerator>(with noise: [Double], fraction: Double, using generator: inout G) {
        if nodes[0].firstChild < 0, root.outcome == nil { simulate(using: &generator) }
        let first = Int(nodes[0].firstChild)
        guard first >= 0 else { return }
        for k in 0..<min(noise.count, Int(nodes[0].childCount)) {
            let prior = Double(nodes[first + k].prior)
            nodes[first + k].prior = Float((1 - fraction) * prior + fraction * noise[k])
        }
    }

    /// The root's children: move, visits and mean value for the player to move at the root.
    public var rootChildren: [(move: Game.Move, visits: Int, mean: Double, prior: Double)] {
        children(of: 0)
    }

    /// The children of node `index`.
    public func children(of index: Int) -> [(move: Game.Move, visits: Int, mean: Double, prior: Double)] {
        let node = nodes[index]
        guard node.firstChild >= 0 else { return [] }
        return (Int(node.firstChild)..<Int(node.firstChild + node.childCount)).map { i in
            let c = nodes[i]
            return (c.move!, Int(c.visits), c.visits > 0 ? c.valueSum / Double(c.visits) : 0, Double(c.prior))
        }
    }

    /// The move chosen by `rule` (ties go to the first in move order).
    public func bestMove(_ rule: FinalMoveRule = .mostVisits) -> Game.Move? {
        let children = rootChildren
        guard !children.isEmpty else { return nil }
        func key(_ c: (move: Game.Move, visits: Int, mean: Double, prior: Double)) -> Double {
            switch rule {
            case .mostVisits: Double(c.visits)
            case .highestMean: c.visits > 0 ? c.mean : -.infinity
            case .lowerConfidenceBound(let z): c.visits > 0 ? c.mean - z * (1 / Double(c.visits)).squareRoot() : -.infinity
            }
        }
        var best = children[0]
        for c in children.dropFirst() where key(c) > key(best) { best = c }
        return best.move
    }

    /// Moves the root to the child reached by `move`, keeping its subtree (statistics and all)
    /// for the next search; other branches are dropped.
    public mutating func advance(by move: Game.Move) {
        var next = root
        next.playUnchecked(move)
        let children = nodes[0].firstChild >= 0 ? Array(Int(nodes[0].firstChild)..<Int(nodes[0].firstChild + nodes[0].childCount)) : []
        guard let child = children.first(where: { nodes[$0].move == move }) else {
            self = MCTS(position: next, policy: policy, evaluator: evaluator)
            return
        }
        // Copy the subtree breadth first into a fresh array, renumbering parents and children.
        var kept = [Node]()
        var queue = [(old: child, parent: Int32(-1))]
        var head = 0
        while head < queue.count {
            let (old, parent) = queue[head]
            head += 1
            var node = nodes[old]
            node.parent = parent
            let newIndex = Int32(kept.count)
            if parent >= 0, kept[Int(parent)].firstChild < 0 { kept[Int(parent)].firstChild = newIndex }
            let first = node.firstChild
            node.firstChild = -1
            if parent < 0 { node.move = nil }
            kept.append(node)
            if first >= 0 {
                for c in Int(first)..<Int(first + node.childCount) { queue.append((c, newIndex)) }
            }
        }
        nodes = kept
        root = next
    }
}

import Foundation
