/// A max-priority queue of integer items with at most one entry per item: inserting an item
/// that is already queued keeps the larger of its two priorities (prioritized sweeping's rule).
///
/// A binary heap kept as two parallel arrays (priorities, items) with each item's position, so
/// that raising a queued item's priority is a sift up from where it is.
public struct IndexedPriorityQueue: Sendable {
    private var priorities: [Double] = []
    private var items: [Int] = []
    private var position: [Int]

    /// An empty queue for items `0..<capacity`.
    public init(capacity: Int) {
        position = [Int](repeating: -1, count: capacity)
        priorities.reserveCapacity(min(capacity, 1 << 16))
        items.reserveCapacity(min(capacity, 1 << 16))
    }

    /// The number of queued items.
    public var count: Int { items.count }
    /// Whether nothing is queued.
    public var isEmpty: Bool { items.isEmpty }

    /// Queues `item` with `priority`, or raises its priority if it is queued with a lower one.
    public mutating func insert(_ item: Int, priority: Double) {
        let at = position[item]
        if at >= 0 {
            guard priority > priorities[at] else { return }
            siftUp(from: at, priority: priority, item: item)
        } else {
            priorities.append(priority)
            items.append(item)
            siftUp(from: items.count - 1, priority: priority, item: item)
        }
    }

    /// Removes and returns the item of highest priority.
    public mutating func popMax() -> (item: Int, priority: Double)? {
        guard let topItem = items.first else { return nil }
        let topPriority = priorities[0]
        position[topItem] = -1
        let lastItem = items.removeLast()
        let lastPriority = priorities.removeLast()
        if !items.isEmpty { siftDown(from: 0, priority: lastPriority, item: lastItem) }
        return (topItem, topPriority)
    }

    /// Moves the hole at `index` up until `priority` fits, then puts the item there.
    private mutating func siftUp(from index: Int, priority: Double, item: Int) {
        var i = index
        priorities.withUnsafeMutableBufferPointer { p in
            items.withUnsafeMutableBufferPointer { it in
                position.withUnsafeMutableBufferPointer { pos in
                    while i > 0 {
                        let parent = (i - 1) >> 1
                        guard priority > p[parent] else { break }
                        p[i] = p[parent]
                        it[i] = it[parent]
                        pos[it[i]] = i
                        i = parent
                    }
                    p[i] = priority
                    it[i] = item
                    pos[item] = i
                }
            }
        }
    }

    /// Moves the hole at `index` down until `priority` fits, then puts the item there.
    private mutating func siftDown(from index: Int, priority: Double, item: Int) {
        var i = index
        let n = items.count
        priorities.withUnsafeMutableBufferPointer { p in
            items.withUnsafeMutableBufferPointer { it in
                position.withUnsafeMutableBufferPointer { pos in
                    while true {
                        var child = 2 * i + 1
                        guard child < n else { break }
                        if child + 1 < n, p[child + 1] > p[child] { child += 1 }
                        guard p[child] > priority else { break }
                        p[i] = p[child]
                        it[i] = it[child]
                        pos[it[i]] = i
                        i = child
                    }
                    p[i] = priority
                    it[i] = item
                    pos[item] = i
                }
            }
        }
    }
}
