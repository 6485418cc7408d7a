import Dispatch
import Foundation
import Synchronization

/// Runs independent jobs on up to `workers` threads and returns their results in job order, so
/// the outcome never depends on the number of workers or on scheduling.
public struct WorkerPool: Sendable {
    /// The most jobs run at once.
    public let workers: Int

    /// A pool of `workers` threads (at least one).
    public init(workers: Int) {
        self.workers = max(1, workers)
    }

    /// Runs `count` jobs, `job(i)` for each i, calling `finished(i)` as each one ends (from the
    /// worker thread); returns the results by index.
    public func run<T: Sendable>(count: Int, job: @Sendable (Int) -> T, finished: @Sendable (Int) -> Void = { _ in }) -> [T] {
        let next = Atomic<Int>(0)
        let slots = Mutex<[T?]>([T?](repeating: nil, count: count))
        let threads = min(workers, count)
        guard threads > 0 else { return [] }
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let value = job(index)
                slots.withLock { $0[index] = value }
                finished(index)
            }
        }
        return slots.withLock { $0.map { $0! } }
    }
}
