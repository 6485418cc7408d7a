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
