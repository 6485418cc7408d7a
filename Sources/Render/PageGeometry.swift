/// A4 pages with book margins, in points.
struct PageGeometry {
    let width = 595.276
    let height = 841.89
    let left = 72.0
    let right = 72.0
    let top = 78.0
    let bottom = 72.0

    var textWidth: Double { width - left - right }
    var textTop: Double { top }
    var textBottom: Double { height - bottom }
    var textHeight: Double { textBottom - textTop }
}

/// The fonts of the typeset book.
enum BookFonts {
    static let family = "TeX Gyre Pagella"
    static let body = "\(family) 10.5"
    static let small = "\(family) 9"
    static let caption = "\(family) 9.5"
    static let equation = "\(family) 11.5"
    static let furniture = "\(family) Italic 9"
    static let bodyLeading = 2.6
    static let bodySize = 10.5
    static let captionSize = 9.5
}
