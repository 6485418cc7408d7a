import Charts
import Foundation
import Notebook
import Tabular

/// The libraries the experiments run, and the chapter file with the code they call.

private let compounding = Experiment(
    "exp-compounding", parameters: ModelErrorEnvironment.allCases.map { ModelDataPoint(environment: $0, transitionsPerPair: 50) },
    replicates: 20
) { point, generator in
    ModelErrorLab.compounding(point, using: &generator)
}

private let dataSizes = [10, 30, 100, 300, 1000, 3000, 10_000]

private let errorAgainstData = Experiment(
    "exp-error-data", parameters: dataSizes.map { ModelDataPoint(environment: .randomSparse, transitionsPerPair: $0) },
    replicates: 10
) { point, generator in
    ModelErrorLab.compounding(point, using: &generator)
}

private let bias = Experiment(
    "exp-bias", parameters: [2, 5, 10, 20, 50, 100, 1000].map { ModelDataPoint(environment: .randomSparse, transitionsPerPair: $0) },
    replicates: 30
) { point, generator in
    ModelErrorLab.bias(point, using: &generator)
}

private let ensemble = Experiment(
    "exp-ensemble", parameters: [ModelErrorEnvironment.randomDense], replicates: 10
) { environment, generator in
    ModelErrorLab.ensemble(environment, using: &generator)
}

private let rollouts = Experiment(
    "exp-rollouts", parameters: [5, 20, 100].map { ModelDataPoint(environment: .randomDense, transitionsPerPair: $0) },
    replicates: 60
) { point, generator in
    ModelErrorLab.rollouts(point, using: &generator)
}

private let online = Experiment(
    "exp-online", parameters: [ModelErrorEnvironment.randomSparse], replicates: 20
) { environment, generator in
    ModelErrorLab.online(environment, using: &generator)
}

let modelErrorChapter = Chapter(
    "model-error", title: "World models and their errors", uses: [.module("Tabular"), .file("chapters/Compute/ModelErrorExperiments.swift")]
) {
    Prose("""
        A world model [@ha2018world; @sutton2018, ch. 8] is an estimate of the environment's dynamics, $\\hat{P}(s' \\mid s,a) \\approx P(s' \\mid s,a)$, \
        and of its rewards, $\\hat{R}(s,a) \\approx R(s,a)$. In a game the rules give the model for free \
        and it is exact; everywhere else it is learned from experience, which makes learning it a \
        supervised problem with the usual consequence: the estimate is wrong, and wrong by an amount \
        that shrinks only as data grow. This chapter measures how those errors behave when the model \
        is used for planning: how they accumulate over a multi-step prediction, how fast they fall \
        with data, how planning exploits them, and what the usual remedies buy. The models here \
        predict states of a small tabular world directly; agents such as MuZero \
        [@schrittwieser2020muzero] instead learn a model of an abstract latent state, trained only \
        to predict rewards, values and policies, which sidesteps modelling every detail of the \
        observations but faces the same compounding of errors over a rollout.
        """)
    Section("Three ways to learn a tabular model", id: "sec-learned-models") {
        Prose("""
            We learn models from $N$ sampled transitions of every state–action pair. A *deterministic* \
            model keeps the last next state it saw, as Dyna-Q does. A *probabilistic* model keeps \
            counts and predicts relative frequencies, the maximum-likelihood estimate. A *bootstrap \
            ensemble* learns ten count models, each from a resample with replacement of the same data, \
            and uses their disagreement as a measure of its own uncertainty. The environments are \
            stochastic: the Dyna maze made slippery (one move in five goes in a random direction; the \
            goal sends the agent back to the start, so the task never ends) and random MDPs with 30 \
            states, 4 actions and 3 or 10 possible successors per pair, a new one for every replicate.
            """)
    }
    Section("How errors compound", id: "sec-compounding") {
        Prose("""
            Let $\\varepsilon = \\max_{s,a} \\lVert \\hat{P}(\\cdot \\mid s,a) - P(\\cdot \\mid s,a) \\rVert_1$ be the \
            model's worst one-step error. Rolling the model forward $H$ steps under a policy gives a \
            predicted state distribution $\\hat{d}_H$; the true one is $d_H$. The classical argument \
            [@kearns2002near; see also @janner2019mbpo] (add and subtract one model step at a time) bounds their total variation distance, which \
            is half the L1 distance, by the sum of the one-step errors:
            """)
        Equation("\\text{TV}(\\hat{P}^H, P^H) \\leq H \\cdot \\varepsilon", id: "eq-tv-bound")
        Prose("""
            The argument in fact gives the sharper constant $\\text{TV}(\\hat{d}_H, d_H) \\leq H \\cdot \\varepsilon / 2$, \
            because each one-step error enters as a total variation, which is half of $\\varepsilon$; we \
            check the sharper form, and @eq-tv-bound follows from it. The distributions are computed \
            exactly, by multiplying the start distribution by the policy's transition matrix $H$ times \
            in both the true and the learned MDP, under the uniformly random policy, with $N = 50$ \
            transitions per pair and 20 replicates per environment. @fig-compounding plots the drift \
            against the bound, and @tbl-compounding lists it beside the one-step error.
            """)
        compounding
        Figure("fig-compounding", caption: "Total variation distance between the true and the predicted state distribution after $H$ steps (log–log; mean and 95% band over 20 models, count models from 50 transitions per pair), against the bound $H \\varepsilon / 2$ (dashed). TV can never exceed 1.") { results in
            ModelErrorFigures.compounding(try results[compounding])
        }
        Claim("clm-bound-holds", "The bound holds at every horizon, in every environment and for every learned model: the largest ratio of measured drift to $H \\varepsilon / 2$ is below 1.") { results in
            let runs = try results[compounding].points.flatMap(\.replicates)
            let worst = runs.map { run in (1...ModelErrorLab.horizon).map { h in run.totalVariation[h - 1] / (Double(h) * run.epsilon / 2) }.max()! }.max()!
            let deterministic = runs.map { run in (1...ModelErrorLab.horizon).map { h in run.deterministicTotalVariation[h - 1] / (Double(h) * run.deterministicEpsilon / 2) }.max()! }.max()!
            return ClaimCheck(max(worst, deterministic), .atMost(1), unit: "(largest ratio)", detail: "count models \(ClaimCheck.format(worst)), deterministic models \(ClaimCheck.format(deterministic))")
        }
        Claim("clm-bound-loose", "Yet the error does not grow linearly: after 50 steps the drift is at most twice the one-step drift in every environment, because the chain forgets where it started and both distributions approach similar stationary ones.") { results in
            let ratios = try results[compounding].points.map { point in
                SampleSummary(point.replicates.map { $0.totalVariation[ModelErrorLab.horizon - 1] }).mean / SampleSummary(point.replicates.map { $0.totalVariation[0] }).mean
            }
            return ClaimCheck(ratios.max()!, .atMost(2), unit: "(TV at H = 50 over TV at H = 1)", detail: ratios.map(ClaimCheck.format).joined(separator: ", "))
        }
        Claim("clm-bound-tightness", "So the linear bound is informative only for short horizons: at $H = 1$ the measured drift is within a factor of 10 of it, at $H = 50$ the bound overstates the drift more than a hundredfold.") { results in
            let points = try results[compounding].points
            let first = points.map { p in SampleSummary(p.replicates.map { $0.totalVariation[0] / ($0.epsilon / 2) }).mean }
            let last = points.map { p in SampleSummary(p.replicates.map { $0.totalVariation[ModelErrorLab.horizon - 1] / (Double(ModelErrorLab.horizon) * $0.epsilon / 2) }).mean }
            return ClaimCheck(
                last.max()!, .atMost(0.01), unit: "(largest mean ratio at H = 50)",
                and: [ClaimCheck(first.min()!, .atLeast(0.1), unit: "(smallest mean ratio at H = 1)", detail: "per environment " + first.map(ClaimCheck.format).joined(separator: ", "))])
        }
        Table("tbl-compounding", caption: "One-step error $\\varepsilon$ and drift after 1, 10 and 50 steps for the count model and the deterministic (last outcome) model, means over 20 replicates with $N = 50$.") { results in
            let rows = try results[compounding].points.map { point -> [String] in
                let r = point.replicates
                func mean(_ f: (CompoundingRun) -> Double) -> String { NumberText.fixed(SampleSummary(r.map(f)).mean, decimals: 3) }
                return [point.parameter.environment.rawValue, mean(\.epsilon), mean { $0.totalVariation[0] }, mean { $0.totalVariation[9] }, mean { $0.totalVariation[49] },
                        mean(\.deterministicEpsilon), mean { $0.deterministicTotalVariation[49] }]
            }
            return TableData(header: ["environment", "$\\varepsilon$ counts", "TV, $H = 1$", "TV, $H = 10$", "TV, $H = 50$", "$\\varepsilon$ last outcome", "TV, $H = 50$, last outcome"], rows: rows)
        }
        Claim("clm-deterministic", "A deterministic model of a stochastic world is wrong almost everywhere ($\\varepsilon$ close to its maximum of 2) and drifts about eight times further than the count model after 50 steps.") { results in
            let ratios = try results[compounding].points.map { p in
                SampleSummary(p.replicates.map { $0.deterministicTotalVariation[49] }).mean / SampleSummary(p.replicates.map { $0.totalVariation[49] }).mean
            }
            return ClaimCheck(ratios.min()!, .atLeast(5), unit: "(smallest ratio of drifts at H = 50)", detail: ratios.map(ClaimCheck.format).joined(separator: ", "))
        }
    }
    Section("Error against data", id: "sec-error-data") {
        Prose("""
            Each row of a count model is an average of $N$ samples, so its error should fall like \
            $1/\\sqrt{N}$; the worst row over 120 pairs follows the same rate. @fig-error-data measures \
            it from 10 to 10,000 transitions per pair on the sparse random MDPs.
            """)
        errorAgainstData
        Figure("fig-error-data", caption: "The worst one-step error $\\varepsilon$ of a count model against the number of transitions per pair (log–log; mean and 95% band over 10 MDPs), with a $1/\\sqrt{N}$ line through the first point.") { results in
            ModelErrorFigures.errorAgainstData(try results[errorAgainstData])
        }
        Claim("clm-sqrt-rate", "$\\varepsilon$ falls like $1/\\sqrt{N}$: the least-squares slope of $\\log \\varepsilon$ against $\\log N$ is $-1/2$ within 0.05.") { results in
            let points = try results[errorAgainstData].points
            let slope = ModelErrorLab.logLogSlope(points.map { Double($0.parameter.transitionsPerPair) }, points.map { SampleSummary($0.replicates.map(\.epsilon)).mean })
            return ClaimCheck(slope, .near(-0.5, tolerance: 0.05), unit: "(slope)")
        }
    }
    Section("Model bias: planning exploits the errors", id: "sec-model-bias") {
        Prose("""
            A planner does not use the model's errors at random. Value iteration in the learned model \
            looks for the policy that the *model* rates best, and among many policies the one rated \
            best is disproportionately often one whose rating is too high. So the value the model \
            predicts for its own plan is optimistic, and the plan is worse in reality than promised. \
            @fig-bias plans optimally in count models learned from $N$ transitions per pair and \
            evaluates the plan exactly in the true MDP.
            """)
        bias
        Figure("fig-bias", caption: "How much the model overrates its own optimal plan (predicted minus real value of the start state) and how much the plan loses against the true optimum (optimal minus real), mean and 95% band over 30 random MDPs, discount 0.9. Values at the start are about 8.") { results in
            ModelErrorFigures.bias(try results[bias])
        }
        Claim("clm-optimism", "With 2 transitions per pair the model overrates its own plan: the predicted value exceeds the real one on average, the 95% interval of the gap lies above zero.") { results in
            let gaps = try results[bias].points[0].replicates.map { $0.predicted - $0.real }
            let summary = SampleSummary(gaps)
            return ClaimCheck(summary.confidenceInterval().lowerBound, .atLeast(0), unit: "(lower end of the gap's interval)", detail: "mean gap \(ClaimCheck.format(summary.mean)), optimistic in \(gaps.filter { $0 > 0 }.count) of \(gaps.count) MDPs")
        }
        Claim("clm-gap-shrinks", "The gap closes with data: at 1,000 transitions per pair it is less than a tenth of what it is at 2.") { results in
            let points = try results[bias].points
            let first = SampleSummary(points.first!.replicates.map { $0.predicted - $0.real }).mean
            let last = SampleSummary(points.last!.replicates.map { $0.predicted - $0.real }).mean
            return ClaimCheck(abs(last) / first, .atMost(0.1), unit: "(ratio of gaps)", detail: "gap \(ClaimCheck.format(first)) at N = 2, \(ClaimCheck.format(last)) at N = 1,000")
        }
    }
    Section("What helps", id: "sec-mitigations") {
        Prose("""
            Three remedies are common: know where the model is unsure, use it only for short \
            predictions, and keep correcting it with real data [@janner2019mbpo; @sutton2018, sec. 8.3]. Each is measured here.
            """)
        Section("Ensemble disagreement as uncertainty", id: "sec-ensemble") {
            Prose("""
                Pairs seen rarely have poor estimates, and the ensemble members, trained on different \
                resamples, disagree most exactly there. In @fig-ensemble each point is one state–action \
                pair of a dense random MDP whose pairs were observed between 3 and 300 times.
                """)
            ensemble
            Figure("fig-ensemble", caption: "Disagreement of a 10-member bootstrap ensemble against the true L1 error of the count model, one point per state–action pair (one MDP, 120 pairs).") { results in
                ModelErrorFigures.ensemble(try results[ensemble].points[0].replicates[0])
            }
            Claim("clm-ensemble", "Disagreement tracks the true error: the correlation across pairs averages at least 0.5 over 10 MDPs.") { results in
                let correlations = try results[ensemble].points[0].replicates.map(\.correlation)
                return ClaimCheck(SampleSummary(correlations).mean, .atLeast(0.5), unit: "(mean Pearson correlation)", detail: "range \(ClaimCheck.format(correlations.min()!))–\(ClaimCheck.format(correlations.max()!))")
            }
        }
        Section("Short rollouts", id: "sec-short-rollouts") {
            Prose("""
                A model can be asked for a short prediction and a model-free estimate can take over from \
                there: the value of a state is estimated by $k$ steps in the model followed by a \
                model-free value at step $k$, here a Monte Carlo average of five real returns. The \
                model-free part is unbiased but noisy, the model part has little noise but compounding \
                bias; $k$ sets the mix. @fig-rollouts computes the error of the uniformly random policy's \
                value exactly for $k$ from 0 to 20.
                """)
            rollouts
            Figure("fig-rollouts", caption: "Mean absolute error of the value estimate against the model rollout length $k$, for models learned from 5, 20 and 100 transitions per pair (dense random MDPs, mean and 95% band over 60).") { results in
                ModelErrorFigures.rollouts(try results[rollouts])
            }
            Claim("clm-rollouts-poor-model", "With a poor model (5 transitions per pair) the best rollout is short: averaged over 60 MDPs the error is smallest for a $k$ below 15, and longer rollouts make it worse again: at $k = 20$ it is at least 2% higher than at the best $k$.") { results in
                let runs = try results[rollouts].points[0].replicates
                let errors = (0...20).map { k in SampleSummary(runs.map { $0.error[k] }).mean }
                let best = errors.indices.min { errors[$0] < errors[$1] }!
                return ClaimCheck(Double(best), .atMost(14), unit: "(k with the smallest error)", and: [ClaimCheck(errors[20] / errors[best], .atLeast(1.02), unit: "(error at k = 20 over the smallest)")])
            }
            Claim("clm-rollouts-good-model", "With a good model (100 transitions per pair) longer rollouts keep helping: the error is smallest at $k \\geq 15$.") { results in
                let runs = try results[rollouts].points[2].replicates
                let errors = (0...20).map { k in SampleSummary(runs.map { $0.error[k] }).mean }
                let best = errors.indices.min { errors[$0] < errors[$1] }!
                return ClaimCheck(Double(best), .atLeast(15), unit: "(k with the smallest error)")
            }
        }
        Section("Continuous correction", id: "sec-correction") {
            Prose("""
                Finally, a model that keeps learning from the data the agent gathers gets better without \
                limit, while one frozen early keeps its errors forever, and so does every plan made \
                with it. In @fig-online a random behaviour policy gathers data in a sparse random MDP; at \
                each checkpoint the agent plans optimally in its online model and in a copy frozen after \
                300 steps, and both plans are evaluated exactly.
                """)
            online
            Figure("fig-online", caption: "Left: regret $V^*(s_0) - V^{\\hat\\pi}(s_0)$ of the plan made in the online model and in the model frozen after 300 steps. Right: the online model's worst and mean L1 error (mean and 95% band over 20 MDPs).") { results in
                ModelErrorFigures.online(try results[online].points[0].replicates)
            }
            Claim("clm-online-regret", "After 100,000 real steps the plan from the online model is within 0.01 of optimal, while the frozen model's plan stays far from it.") { results in
                let runs = try results[online].points[0].replicates
                let online = SampleSummary(runs.map { $0.onlineRegret.last! }).mean
                let frozen = SampleSummary(runs.map { $0.frozenRegret.last! }).mean
                return ClaimCheck(online, .atMost(0.01), unit: "(mean regret, online model)", and: [ClaimCheck(frozen, .atLeast(0.1), unit: "(mean regret, frozen model)")])
            }
        }
    }
}
