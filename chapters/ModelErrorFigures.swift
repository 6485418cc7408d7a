import Charts
import Foundation
import Notebook

/// The charts of the `model-error` chapter.
enum ModelErrorFigures {
    /// TV distance against H per environment, with the bound H * epsilon / 2, small multiples.
    static func compounding(_ results: ExperimentResults<ModelDataPoint, CompoundingRun>) -> FigureSpec {
        let horizons = Array(1...ModelErrorLab.horizon)
        let panels = results.points.map { point -> Chart in
            let runs = point.replicates
            let tv = horizons.map { h in SampleSummary(runs.map { $0.totalVariation[h - 1] }) }
            let epsilon = SampleSummary(runs.map(\.epsilon)).mean
            return Chart(title: point.parameter.environment.rawValue, x: Axis("Horizon H", scale: .log), y: Axis("TV distance", scale: .log), width: 220, height: 200, legend: .hidden) {
                AreaMark(x: horizons.map(Double.init), lower: tv.map { max(1e-4, $0.confidenceInterval().lowerBound) }, upper: tv.map { $0.confidenceInterval().upperBound }, series: "measured")
                LineMark(points: zip(horizons, tv).map { DataPoint(x: Double($0), y: $1.mean) }, series: "measured")
                LineMark(points: horizons.map { DataPoint(x: Double($0), y: Double($0) * epsilon / 2) }, series: "bound H·ε/2", width: 1.2, dash: [4, 3])
                RuleMark(.horizontal, at: 1, label: "TV ≤ 1")
            }
        }
        return .facets(panels, columns: panels.count)
    }

    /// epsilon against transitions per pair, log-log, with a 1/sqrt(N) reference.
    static func errorAgainstData(_ results: ExperimentResults<ModelDataPoint, CompoundingRun>) -> Chart {
        let ns = results.points.map { Double($0.parameter.transitionsPerPair) }
        let eps = results.points.map { SampleSummary($0.replicates.map(\.epsilon)) }
        let anchor = eps[0].mean * ns[0].squareRoot()
        return Chart(x: Axis("Transitions per state–action pair N", scale: .log), y: Axis("ε (max L1 error)", scale: .log), width: 420, height: 240) {
            AreaMark(x: ns, lower: eps.map { $0.confidenceInterval().lowerBound }, upper: eps.map { $0.confidenceInterval().upperBound }, series: "count model")
            LineMark(points: zip(ns, eps).map { DataPoint(x: $0, y: $1.mean) }, series: "count model")
            PointMark(points: zip(ns, eps).map { DataPoint(x: $0, y: $1.mean) }, series: "count model")
            LineMark(points: ns.map { DataPoint(x: $0, y: anchor / $0.squareRoot()) }, series: "∝ 1/√N", width: 1.2, dash: [4, 3])
        }
    }

    /// Predicted and real value of the model's optimal policy, and the optimum, against data.
    static func bias(_ results: ExperimentResults<ModelDataPoint, BiasRun>) -> Chart {
        let ns = results.points.map { Double($0.parameter.transitionsPerPair) }
        func series(_ name: String, _ value: (BiasRun) -> Double) -> [Mark] {
            let s = results.points.map { SampleSummary($0.replicates.map(value)) }
            return AreaMark(x: ns, lower: s.map { $0.confidenceInterval().lowerBound }, upper: s.map { $0.confidenceInterval().upperBound }, series: name).marks
                + LineMark(points: zip(ns, s).map { DataPoint(x: $0, y: $1.mean) }, series: name).marks
        }
        return Chart(x: Axis("Transitions per state–action pair N", scale: .log), y: Axis("Value difference at the start"), width: 420, height: 250) {
            series("predicted − real (optimism)") { $0.predicted - $0.real }
            series("optimal − real (loss)") { $0.optimal - $0.real }
            RuleMark(.horizontal, at: 0)
        }
    }

    /// Disagreement against true error per pair, one run.
    static func ensemble(_ run: EnsembleRun) -> Chart {
        Chart(x: Axis("Ensemble disagreement"), y: Axis("True L1 error of the model"), width: 300, height: 240, legend: .hidden) {
            PointMark(points: zip(run.disagreement, run.error).map { DataPoint(x: $0, y: $1) }, series: "pairs", radius: 1.8)
        }
    }

    /// Value error against rollout length k.
    static func rollouts(_ results: ExperimentResults<ModelDataPoint, RolloutRun>) -> Chart {
        let ks = Array(0...20)
        return Chart(x: Axis("Model rollout length k"), y: Axis("Mean |V̂ − V| over states"), width: 420, height: 240) {
            for point in results.points {
                let s = ks.map { k in SampleSummary(point.replicates.map { $0.error[k] }) }
                let name = "N = \(point.parameter.transitionsPerPair)"
                AreaMark(x: ks.map(Double.init), lower: s.map { $0.confidenceInterval().lowerBound }, upper: s.map { $0.confidenceInterval().upperBound }, series: name)
                LineMark(points: zip(ks, s).map { DataPoint(x: Double($0), y: $1.mean) }, series: name)
            }
        }
    }

    /// Regret of planning in an online model and in a frozen one, and the online model's error.
    static func online(_ runs: [OnlineRun]) -> FigureSpec {
        let steps = runs[0].steps.map(Double.init)
        func band(_ name: String, _ values: (OnlineRun) -> [Double]) -> [Mark] {
            let s = steps.indices.map { i in SampleSummary(runs.map { values($0)[i] }) }
            return AreaMark(x: steps, lower: s.map { $0.confidenceInterval().lowerBound }, upper: s.map { $0.confidenceInterval().upperBound }, series: name).marks
                + LineMark(points: zip(steps, s).map { DataPoint(x: $0, y: $1.mean) }, series: name).marks
        }
        let regret = Chart(title: "Regret of the planned policy", x: Axis("Real steps", scale: .log), y: Axis("V*(start) − V(start)"), width: 225, height: 230, legend: .bottom) {
            band("model updated online") { $0.onlineRegret }
            band("model frozen at 300 steps") { $0.frozenRegret }
        }
        let error = Chart(title: "Error of the online model", x: Axis("Real steps", scale: .log), y: Axis("L1 error", scale: .log), width: 225, height: 230, legend: .bottom) {
            band("ε (worst pair)") { $0.onlineEpsilon }
            band("mean over pairs") { $0.onlineMeanError }
        }
        return FigureSpec(panels: [regret, error], columns: 2)
    }
}
