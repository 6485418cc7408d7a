import Synchronization

/// The Slurm jobs this process has submitted and not yet seen finish, so that Ctrl-C or
/// SIGTERM can cancel them (`scancel`) before the process exits; a rerun then resumes.
public enum ActiveArrays {
    private static let ids = Mutex<Set<String>>([])

    static func add(_ id: String) { ids.withLock { _ = $0.insert(id) } }

    static func remove(_ removed: some Sequence<String>) { ids.withLock { $0.subtract(removed) } }

    /// Cancels every job still active; returns their ids.
    @discardableResult
    public static func cancelAll() -> [String] {
        let active = ids.withLock { ids -> [String] in
            defer { ids.removeAll() }
            return ids.sorted()
        }
        SlurmClient().cancel(active)
        return active
    }
}
