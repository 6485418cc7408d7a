/// Text from a user's file made safe and aligned for a terminal.
enum TerminalText {
    /// `text` with control and format characters (right-to-left overrides, zero-width marks,
    /// escape sequences) written as `\u{XXXX}`, so a name cannot reorder or hide the output.
    /// The zero-width joiner stays: emoji sequences need it.
    static func sanitized(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\u{200D}" {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Columns `text` takes in a terminal: 2 for East Asian wide and emoji characters, 0 for
    /// combining marks, 1 otherwise.
    static func width(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let first = character.unicodeScalars.first else { return total }
            if character.unicodeScalars.allSatisfy({ [.nonspacingMark, .enclosingMark, .format].contains($0.properties.generalCategory) }) { return total }
            return total + (isWide(first) || first.properties.isEmojiPresentation ? 2 : 1)
        }
    }

    /// `text` followed by spaces up to `columns` terminal columns.
    static func padded(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - width(text)))
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                                           0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD]
        return wide.contains { $0.contains(scalar.value) }
    }
}
