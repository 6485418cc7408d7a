import Foundation

/// Little-endian byte encodings of numbers, for state digests.
enum StateBytes {
    static func append(_ values: [Float], to bytes: inout [UInt8]) {
        append(Int64(values.count), to: &bytes)
        #if _endian(little)
        // The memory already holds the little-endian bit patterns: copy it in one go.
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

extension AlphaZeroTrainer {
    /// The whole state that the next iteration depends on, in named parts: the trained network,
    /// the self-play network, the optimiser (moments and step count), the replay buffer and the
    /// iteration records. Every random stream is named by (seed, iteration, game), so there is no
    /// generator state to carry. Two trainers with equal parts continue identically; a digest of
    /// the parts after each iteration lets a replay name the first iteration, and the part, where
    /// a run stops reproducing.
    public var stateParts: [(name: String, bytes: [UInt8])] {
        var buffered = [UInt8]()
        buffered.reserveCapacity(buffer.first.map { 8 + buffer.count * 4 * ($0.input.count + $0.policy.count + $0.legal.count + 4) } ?? 8)
        StateBytes.append(Int64(buffer.count), to: &buffered)
        for example in buffer {
            StateBytes.append(example.input, to: &buffered)
            StateBytes.append(example.policy, to: &buffered)
            StateBytes.append(example.legal, to: &buffered)
            StateBytes.append([example.value], to: &buffered)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Records are plain numbers and flags, so their JSON is a fixed function of their values.
        let records = (try? encoder.encode(history)).map(Array.init) ?? []
        return [
            ("network", WeightsFile.encode(network)),
            ("self-play network", WeightsFile.encode(selfPlayNetwork)),
            ("optimiser", optimiser.stateBytes),
            ("replay buffer", buffered),
            ("records", records),
        ]
    }
}
