import Charts

/// Laid-out math: an advance width, the height above and the depth below the baseline, and
/// drawing instructions relative to the box's left end on the baseline (y grows downward).
struct MathBox {
    /// One drawing instruction.
    enum Item {
        /// A run of glyphs with its baseline at (x, y), optionally stretched vertically around `pivot`.
        case glyphs(String, font: String, x: Double, y: Double, stretch: Double, pivot: Double)
        /// A filled rectangle, (x, y) its top-left corner.
        case rule(x: Double, y: Double, width: Double, height: Double)
        /// A stroked path.
        case stroke([PathElement], width: Double)
    }

    var width: Double
    var ascent: Double
    var descent: Double
    var items: [Item] = []

    /// An empty box.
    static let empty = MathBox(width: 0, ascent: 0, descent: 0)

    /// The items moved by (dx, dy).
    func shifted(dx: Double, dy: Double) -> [Item] {
        items.map { item in
            switch item {
            case .glyphs(let text, let font, let x, let y, let stretch, let pivot):
                return .glyphs(text, font: font, x: x + dx, y: y + dy, stretch: stretch, pivot: pivot + dy)
            case .rule(let x, let y, let w, let h):
                return .rule(x: x + dx, y: y + dy, width: w, height: h)
            case .stroke(let elements, let width):
                return .stroke(elements.map { element in
                    switch element {
                    case .move(let x, let y): .move(x + dx, y + dy)
                    case .line(let x, let y): .line(x + dx, y + dy)
                    case .circle(let x, let y, let r): .circle(centerX: x + dx, centerY: y + dy, radius: r)
                    case .close: .close
                    }
                }, width: width)
            }
        }
    }
}

/// Maps letters to the Unicode math alphabets that TeX Gyre Pagella Math draws.
enum MathAlphabet {
    static func italic(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            let v = scalar.value
            switch v {
            case 0x68: return Unicode.Scalar(0x210E)!  // italic h is Planck's constant
            case 0x61...0x7A: return Unicode.Scalar(0x1D44E + v - 0x61)!
            case 0x41...0x5A: return Unicode.Scalar(0x1D434 + v - 0x41)!
            case 0x3B1...0x3C9: return Unicode.Scalar(0x1D6FC + v - 0x3B1)!
            case 0x3F5: return Unicode.Scalar(0x1D716)!
            case 0x3D1: return Unicode.Scalar(0x1D717)!
            case 0x3D5: return Unicode.Scalar(0x1D719)!
            default: return scalar
            }
        }))
    }

    static func styled(_ text: String, _ font: MathFontStyle) -> String {
        let exceptions: [UInt32: UInt32]
        let capitals: UInt32
        let small: UInt32?
        switch font {
        case .blackboard:
            exceptions = [0x43: 0x2102, 0x48: 0x210D, 0x4E: 0x2115, 0x50: 0x2119, 0x51: 0x211A, 0x52: 0x211D, 0x5A: 0x2124]
            capitals = 0x1D538
            small = 0x1D552
        case .calligraphic:
            exceptions = [0x42: 0x212C, 0x45: 0x2130, 0x46: 0x2131, 0x48: 0x210B, 0x49: 0x2110, 0x4C: 0x2112, 0x4D: 0x2133, 0x52: 0x211B]
            capitals = 0x1D49C
            small = nil
        case .bold:
            exceptions = [:]
            capitals = 0x1D400
            small = 0x1D41A
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            let v = scalar.value
            if let e = exceptions[v] { return Unicode.Scalar(e)! }
            if (0x41...0x5A).contains(v) { return Unicode.Scalar(capitals + v - 0x41)! }
            if let small, (0x61...0x7A).contains(v) { return Unicode.Scalar(small + v - 0x61)! }
            return scalar
        }))
    }
}

/// The math alphabets other than italic.
enum MathFontStyle {
    case blackboard, calligraphic, bold
}
