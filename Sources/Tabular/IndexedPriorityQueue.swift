/// A max-priority queue of integer items with at most one entry per item: inserting an item
/// that is already queued keeps the larger of its two priorities (prioritized sweeping's rule).
public struct IndexedPriorityQueue: Sendable {
    private var heap: [(priority: Double, item: Int)] = []
    private var position: [Int]

    /// An empty queue for items `0..<capacity`.
    public init(capacity: Int) {
        position = [Int](repeating: -1, count: capacity)
    }

    /// The number of queued items.
    public var count: Int { heap.count }
    /// Whether nothing is queued.
    public var isEmpty: Bool { heap.isEmpty }

    /// Queues `item` with `priority`, or raises its priority if it is queued with a lower one.
    public mutating func insert(_ item: Int, priority: Double) {
        let at = position[item]
        if at >= 0 {
            guard priority > heap[at].priority else { return }
            heap[at].priority = priority
            siftUp(at)
        } else {
            heap.append((priority, item))
            position[item] = heap.count - 1
            siftUp(heap.count - 1)
        }
    }

    /// Removes and returns the item of highest priority.
    public mutating func popMax() -> (item: Int, priority: Double)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        position[top.item] = -1
        if !heap.isEmpty {
            heap[0] = last
            position[last.item] = 0
            siftDown(0)
        }
        return (top.item, top.priority)
    }

    private mutating func swapEntries(_ i: Int, _ j: Int) {
        heap.swapAt(i, j)
        position[heap[i].item] = i
        position[heap[j].item] = j
    }

    private mutating func siftUp(_ index: Int) {
        var i = index
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].priority > heap[parent].priority else { return }
            swapEntries(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var i = index
        while true {
            let left = 2 * i + 1
            let right = left + 1
            var largest = i
            if left < heap.count, heap[left].priority > heap[largest].priority { largest = left }
            if right < heap.count, heap[right].priority > heap[largest].priority { largest = right }
            guard largest != i else { return }
            swapEntries(i, largest)
            i = largest
        }
    }
}
