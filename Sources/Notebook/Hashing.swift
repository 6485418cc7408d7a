import Crypto
import Foundation

/// SHA-256 digests as lowercase hex, the currency of cache keys and the lock file.
public enum Digest {
    /// The SHA-256 of `bytes`.
    public static func sha256<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        SHA256.hash(data: Array(bytes)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The SHA-256 of a string's UTF-8 bytes.
    public static func sha256(_ text: String) -> String { sha256(Array(text.utf8)) }

    /// The SHA-256 of the canonical JSON of `value`.
    public static func sha256<T: Encodable>(json value: T) throws -> String { sha256(try CanonicalJSON.encode(value)) }
}
