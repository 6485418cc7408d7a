import AlphaZero
import Foundation

/// Why a MuZero weights file was rejected.
public enum MuZeroWeightsFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file does not start with the format's header line.
    case notAWeightsFile
    /// A version this code does not read.
    case unsupportedVersion(Int)
    /// The header's shape is not the one expected.
    case shapeMismatch(found: String, expected: String)
    /// Fewer or more bytes than the shape needs.
    case wrongLength(found: Int, expected: Int)
    /// The checksum does not match: the file is corrupt.
    case checksumMismatch

    /// The message.
    public var description: String {
        switch self {
        case .notAWeightsFile: "not a MuZero weights file: it must start with 'rlnotes-muzero-network <version> …'"
        case .unsupportedVersion(let v): "MuZero weights file version \(v) is not supported (this build reads version \(MuZeroWeightsFile.version))"
        case .shapeMismatch(let found, let expected): "the weights are for a network \(found), but \(expected) was expected"
        case .wrongLength(let found, let expected): "the weights file holds \(found) parameter bytes where its shape needs \(expected): it is truncated or padded"
        case .checksumMismatch: "the weights file's checksum does not match its parameters: the file is corrupt"
        }
    }
}

/// MuZero's weights file, version 1: one ASCII header line,
/// `rlnotes-muzero-network 1 inputs=<n> actions=<a> latent=<l> hidden=<h,…> checksum=<16 hex digits>\n`,
/// then every parameter as a little-endian float32, layer by layer in the network's order
/// (representation, dynamics, reward head, prediction, policy head, value head), each layer's
/// weights input-major and then its biases. The checksum is 64-bit FNV-1a over the parameter bytes.
public enum MuZeroWeightsFile {
    /// The version written.
    public static let version = 1
    static let magic = "rlnotes-muzero-network"

    static func describe(_ shape: MuZeroShape) -> String {
        "inputs=\(shape.inputs) actions=\(shape.actions) latent=\(shape.latent) hidden=\(shape.hidden.map(String.init).joined(separator: ","))"
    }

    /// The file's bytes for `network`.
    public static func encode(_ network: MuZeroNetwork) -> [UInt8] {
        var body = [UInt8]()
        for value in network.parameters { withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) } }
        let header = "\(magic) \(version) \(describe(network.shape)) checksum=\(String(format: "%016llx", checksum(body)))\n"
        return Array(header.utf8) + body
    }

    /// The network in `bytes`; `expected`, when given, must match the file's shape.
    public static func decode(_ bytes: [UInt8], expected: MuZeroShape? = nil) throws -> MuZeroNetwork {
        guard let newline = bytes.firstIndex(of: 10), let header = String(bytes: bytes[..<newline], encoding: .ascii) else { throw MuZeroWeightsFileError.notAWeightsFile }
        let fields = header.split(separator: " ").map(String.init)
        guard fields.count == 7, fields[0] == magic else { throw MuZeroWeightsFileError.notAWeightsFile }
        guard let version = Int(fields[1]) else { throw MuZeroWeightsFileError.notAWeightsFile }
        guard version == Self.version else { throw MuZeroWeightsFileError.unsupportedVersion(version) }
        var values = [String: String]()
        for field in fields[2...] {
            let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw MuZeroWeightsFileError.notAWeightsFile }
            values[parts[0]] = parts[1]
        }
        guard let inputs = values["inputs"].flatMap(Int.init), let actions = values["actions"].flatMap(Int.init), let latent = values["latent"].flatMap(Int.init),
              let hiddenText = values["hidden"], let sum = values["checksum"].flatMap({ UInt64($0, radix: 16) })
        else { throw MuZeroWeightsFileError.notAWeightsFile }
        let hidden = hiddenText.isEmpty ? [] : try hiddenText.split(separator: ",").map { text -> Int in
            guard let width = Int(text) else { throw MuZeroWeightsFileError.notAWeightsFile }
            return width
        }
        let shape = MuZeroShape(inputs: inputs, actions: actions, latent: latent, hidden: hidden)
        if let expected, expected != shape { throw MuZeroWeightsFileError.shapeMismatch(found: describe(shape), expected: describe(expected)) }
        var shaper = ShapeOnlyGenerator()
        var network = MuZeroNetwork(shape: shape, using: &shaper)
        let body = Array(bytes[(newline + 1)...])
        let count = network.parameters.count
        guard body.count == 4 * count else { throw MuZeroWeightsFileError.wrongLength(found: body.count, expected: 4 * count) }
        guard checksum(body) == sum else { throw MuZeroWeightsFileError.checksumMismatch }
        network.setParameters((0..<count).map { k in
            Float(bitPattern: UInt32(body[4 * k]) | UInt32(body[4 * k + 1]) << 8 | UInt32(body[4 * k + 2]) << 16 | UInt32(body[4 * k + 3]) << 24)
        })
        return network
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// A generator that only shapes a network before its parameters are overwritten.
private struct ShapeOnlyGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { 1 << 40 }
}
