import AlphaZero

extension MuZeroSettings {
    /// The tic-tac-toe run of this project: a 32-wide hidden state, two hidden layers of 64 in
    /// each function, 5 unrolled steps, value targets the game's result; 50 simulations per
    /// self-play move with moves sampled in proportion to visits throughout, 200 games and 400
    /// minibatches of 128 per iteration, 100 iterations, Adam at 2e-3 and 2e-4 for the last 40%.
    public static let ticTacToe = MuZeroSettings(
        latent: 32, hidden: [64, 64],
        selfPlay: MuZeroSelfPlaySettings(simulations: 50, exploration: 1.5, dirichletAlpha: 1, noiseFraction: 0.25, exploratoryMoves: 9),
        unrollSteps: 5, tdSteps: 10, iterations: 100, gamesPerIteration: 200, bufferGames: 2_000, stepsPerIteration: 400, batchSize: 128,
        learningRate: 2e-3, learningRateSteps: [LearningRateStep(iteration: 60, rate: 2e-4)], l2: 1e-4)
}

extension MuZeroSettings {
    /// The Connect Four run of this project, sized for under half an hour on two cores: a
    /// 64-wide hidden state, two hidden layers of 256 in each function, 5 unrolled steps, value
    /// targets the game's result; games opening with 0 to 4 random moves, 50 simulations per
    /// self-play move, moves drawn in proportion to visits for the first 10 searched plies and to
    /// visits^2.5 (temperature 0.4) after; 100 games and 100 minibatches of 128 per iteration;
    /// Adam at 1e-3, 3e-4 from half the iterations and 1e-4 from four fifths. The value terms of
    /// the loss weigh 0.25 and the reward terms 100: with the paper's equal weights the noisy
    /// value targets of early self-play decide what the hidden state encodes, and after 60
    /// iterations the reward head ranks a winning move first in under a third of positions that
    /// have one (`benchmarks muzero-diagnose-c4`); with these weights, in three quarters.
    public static func connectFour(iterations: Int) -> MuZeroSettings {
        MuZeroSettings(
            latent: 64, hidden: [256, 256],
            selfPlay: MuZeroSelfPlaySettings(
                simulations: 50, exploration: 1.5, dirichletAlpha: 1, noiseFraction: 0.25, exploratoryMoves: 10, lateTemperature: 0.4, randomOpeningPlies: 4),
            unrollSteps: 5, tdSteps: 50, iterations: iterations, gamesPerIteration: 100, bufferGames: 2_000, stepsPerIteration: 100, batchSize: 128,
            learningRate: 1e-3,
            learningRateSteps: [LearningRateStep(iteration: iterations / 2, rate: 3e-4), LearningRateStep(iteration: iterations * 4 / 5, rate: 1e-4)],
            l2: 1e-4, lossWeights: MuZeroLossWeights(value: 0.25, reward: 100))
    }
}
