/// How much the value and reward terms of MuZero's loss count against the policy term.
///
/// The value target of an early game is mostly noise (the result of near-random play) while a
/// reward of 1 comes once per game, so with equal weights the value and policy gradients decide
/// what the shared hidden state encodes and the reward head never learns which moves win.
/// MuZero's Reanalyse runs weight the value loss 0.25 for the same reason (overfitting to noisy
/// value targets); a larger reward weight makes the rare winning move count.
public struct MuZeroLossWeights: Codable, Hashable, Sendable {
    /// Multiplies every value term.
    public var value: Float
    /// Multiplies every reward term.
    public var reward: Float

    /// Creates weights.
    public init(value: Float, reward: Float) {
        self.value = value
        self.reward = reward
    }

    /// Every term as the paper's loss has it.
    public static let unit = MuZeroLossWeights(value: 1, reward: 1)
}
