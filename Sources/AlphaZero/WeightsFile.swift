import Foundation

/// Why a weights file was rejected.
public enum WeightsFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file does not start with the format's header line.
    case notAWeightsFile
    /// A version this code does not read.
    case unsupportedVersion(Int)
    /// The header's shape is not the one expected.
    case shapeMismatch(expected: NetworkShape, found: NetworkShape)
    /// Fewer or more bytes than the shape needs.
    case wrongLength(expected: Int, found: Int)
    /// The checksum does not match: the file is corrupt.
    case corrupt

    /// The message.
    public var description: String {
        switch self {
        case .notAWeightsFile: "not an RL Notes weights file (the first line must start with 'rlnotes-policy-value-network')"
        case .unsupportedVersion(let v): "weights file version \(v) is not supported (this build reads version \(WeightsFile.version))"
        case .shapeMismatch(let e, let f): "the weights are for a network with \(f.inputs) inputs, hidden \(f.hidden), \(f.moves) moves; expected \(e.inputs) inputs, hidden \(e.hidden), \(e.moves) moves"
        case .wrongLength(let e, let f): "the weights file has \(f) bytes of parameters; its shape needs \(e)"
        case .corrupt: "the weights file's checksum does not match its contents: the file is corrupt"
        }
    }
}

/// The weights file format, version 1: one header line of ASCII text,
/// `rlnotes-policy-value-network 1 inputs=<n> hidden=<a,b,…> moves=<m> checksum=<16 hex digits>\n`,
/// then every parameter as a little-endian IEEE-754 float32, layer by layer (trunk layers, policy
/// head, value head), each layer's weights input-major and then its biases. The checksum is
/// 64-bit FNV-1a over the parameter bytes.
public enum WeightsFile {
    /// The version written.
    public static let version = 1
    static let magic = "rlnotes-policy-value-network"

    /// The file's bytes for `network`.
    public static func encode(_ network: PolicyValueNetwork) -> [UInt8] {
        var body = [UInt8]()
        for value in network.parameters { withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) } }
        let shape = network.shape
        let header = "\(magic) \(version) inputs=\(shape.inputs) hidden=\(shape.hidden.map(String.init).joined(separator: ",")) moves=\(shape.moves) checksum=\(String(format: "%016llx", fnv1a(body)))\n"
        return Array(header.utf8) + body
    }

    /// The network in `bytes`; `expected`, when given, must match the file's shape.
    public static func decode(_ bytes: [UInt8], expected: NetworkShape? = nil) throws -> PolicyValueNetwork {
        guard let newline = bytes.firstIndex(of: 10), let header = String(bytes: bytes[..<newline], encoding: .utf8) else { throw WeightsFileError.notAWeightsFile }
        let fields = header.split(separator: " ").map(String.init)
        guard fields.count == 6, fields[0] == magic else { throw WeightsFileError.notAWeightsFile }
        guard let version = Int(fields[1]) else { throw WeightsFileError.notAWeightsFile }
        guard version == Self.version else { throw WeightsFileError.unsupportedVersion(version) }
        func value(_ field: String, _ name: String) throws -> String {
            guard field.hasPrefix(name + "=") else { throw WeightsFileError.notAWeightsFile }
            return String(field.dropFirst(name.count + 1))
        }
        guard let inputs = Int(try value(fields[2], "inputs")), let moves = Int(try value(fields[4], "moves")),
            let checksum = UInt64(try value(fields[5], "checksum"), radix: 16)
        else { throw WeightsFileError.notAWeightsFile }
        let hiddenText = try value(fields[3], "hidden")
        let hidden = hiddenText.isEmpty ? [] : try hiddenText.split(separator: ",").map { text -> Int in
            guard let width = Int(text), width > 0 else { throw WeightsFileError.notAWeightsFile }
            return width
        }
        let shape = NetworkShape(inputs: inputs, hidden: hidden, moves: moves)
        if let expected, expected != shape { throw WeightsFileError.shapeMismatch(expected: expected, found: shape) }
        let body = Array(bytes[(newline + 1)...])
        var generator = ZeroGenerator()
        var network = PolicyValueNetwork(shape: shape, using: &generator)
        let count = network.parameters.count
        guard body.count == count * 4 else { throw WeightsFileError.wrongLength(expected: count * 4, found: body.count) }
        guard fnv1a(body) == checksum else { throw WeightsFileError.corrupt }
        let values = (0..<count).map { k -> Float in
            let bits = UInt32(body[4 * k]) | UInt32(body[4 * k + 1]) << 8 | UInt32(body[4 * k + 2]) << 16 | UInt32(body[4 * k + 3]) << 24
            return Float(bitPattern: bits)
        }
        network.setParameters(values)
        return network
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// A generator that only shapes a network before its parameters are overwritten.
private struct ZeroGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { 1 << 40 }
}
