extension TrainingSettings {
    /// The tic-tac-toe run of this project: a [64, 64] network, 100 simulations per self-play
    /// move with moves sampled in proportion to visits throughout (tic-tac-toe is short, and wide
    /// coverage of positions matters more than sharp play), 200 games and 400 minibatches of 64
    /// per iteration, 20 iterations.
    public static let ticTacToe = TrainingSettings(
        hidden: [64, 64], selfPlay: SelfPlaySettings(simulations: 100, exploration: 1.5, dirichletAlpha: 1, noiseFraction: 0.25, exploratoryMoves: 9),
        iterations: 20, gamesPerIteration: 200, bufferSize: 40_000, stepsPerIteration: 400, batchSize: 64, learningRate: 2e-3, l2: 1e-4)

    /// The Connect Four run of this project, sized for half an hour on two cores: a [512, 256]
    /// network; games opening with 0 to 4 random moves; 100 simulations per self-play move,
    /// moves drawn in proportion to visits for the first 10 searched plies and to visits^2.5
    /// (temperature 0.4) after; value targets (z + q) / 2; 200
    /// games and 250 minibatches of 128 per iteration; Adam at 1e-3 for the first half of the
    /// iterations, 3e-4 to four fifths, then 1e-4.
    public static func connectFour(iterations: Int) -> TrainingSettings {
        TrainingSettings(
            hidden: [512, 256],
            selfPlay: SelfPlaySettings(
                simulations: 100, exploration: 1.5, dirichletAlpha: 1, noiseFraction: 0.25, exploratoryMoves: 10, lateTemperature: 0.4, searchValueShare: 0.5,
                randomOpeningPlies: 4),
            iterations: iterations, gamesPerIteration: 200, bufferSize: 100_000, stepsPerIteration: 250, batchSize: 128,
            learningRate: 1e-3,
            learningRateSteps: [LearningRateStep(iteration: iterations / 2, rate: 3e-4), LearningRateStep(iteration: iterations * 4 / 5, rate: 1e-4)],
            l2: 1e-4)
    }
}
