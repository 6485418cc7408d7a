/// The web edition's style sheet: the PDF's TeX Gyre fonts, a sidebar that folds above the text
/// on narrow screens, light and dark themes from `prefers-color-scheme`, and a print layout.
/// Wide content (tables, code, long formulas) scrolls inside its own box, never the page.
enum SiteStyle {
    /// The font files the site ships, by the file names ``FontFiles`` of the Cairo layer knows.
    static var fontFiles: [String] { fontFaces.map(\.file) }

    /// The `@font-face` rules, each with the file it loads.
    static let fontFaces: [(file: String, rule: String)] = [
        ("texgyrepagella-regular.otf", #"@font-face { font-family: "Pagella"; src: url("fonts/texgyrepagella-regular.otf") format("opentype"); font-display: swap; }"#),
        ("texgyrepagella-italic.otf", #"@font-face { font-family: "Pagella"; font-style: italic; src: url("fonts/texgyrepagella-italic.otf") format("opentype"); font-display: swap; }"#),
        ("texgyrepagella-bold.otf", #"@font-face { font-family: "Pagella"; font-weight: bold; src: url("fonts/texgyrepagella-bold.otf") format("opentype"); font-display: swap; }"#),
        ("texgyrepagella-bolditalic.otf", #"@font-face { font-family: "Pagella"; font-weight: bold; font-style: italic; src: url("fonts/texgyrepagella-bolditalic.otf") format("opentype"); font-display: swap; }"#),
        ("texgyreheros-regular.otf", #"@font-face { font-family: "Heros"; src: url("fonts/texgyreheros-regular.otf") format("opentype"); font-display: swap; }"#),
        ("texgyreheros-bold.otf", #"@font-face { font-family: "Heros"; font-weight: bold; src: url("fonts/texgyreheros-bold.otf") format("opentype"); font-display: swap; }"#),
        ("texgyrecursor-regular.otf", #"@font-face { font-family: "Cursor"; src: url("fonts/texgyrecursor-regular.otf") format("opentype"); font-display: swap; }"#),
        ("texgyrepagella-math.otf", #"@font-face { font-family: "Pagella Math"; src: url("fonts/texgyrepagella-math.otf") format("opentype"); font-display: swap; }"#),
    ]

    /// The style sheet, with the `@font-face` rules of the shipped fonts among `fonts` (a site
    /// without them falls back to the reader's fonts, and links to no missing file).
    static func css(fonts: Set<String>) -> String {
        fontFaces.filter { fonts.contains($0.file) }.map(\.rule).joined(separator: "\n") + "\n\n" + rules
    }

    static let rules = """
        :root {
          color-scheme: light dark;
          --text: #1f1f1f; --muted: #5c5c5c; --background: #fdfdfb; --panel: #f3f2ee; --rule: #d9d7d0;
          --link: #0b5cad; --code: #f1efe9; --held: #1d7a3a; --failed: #b3261e; --highlight: #fff3c4;
          --kw: #8f2a8a; --ty: #1b5e87; --str: #a3401a; --num: #2d6b2d; --com: #707070; --attr: #8a5a00;
          --measure: 42rem;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --text: #e6e4de; --muted: #a8a59c; --background: #17181a; --panel: #202226; --rule: #3a3c40;
            --link: #8bbcf0; --code: #26282c; --held: #6fcf8a; --failed: #ff8a80; --highlight: #4a4120;
            --kw: #e39be0; --ty: #8cc7f0; --str: #f0a57e; --num: #a6d99a; --com: #9a9a9a; --attr: #e0b860;
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--background); color: var(--text); font: 1.0625rem/1.55 "Pagella", "Palatino Linotype", Palatino, serif; }
        a { color: var(--link); }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: var(--panel); padding: .3rem .6rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr); min-height: 100vh; }
        .sidebar { font-family: "Heros", "Helvetica Neue", Arial, sans-serif; font-size: .85rem; line-height: 1.4; background: var(--panel);
          border-right: 1px solid var(--rule); padding: 1.2rem 1rem; position: sticky; top: 0; height: 100vh; overflow-y: auto; }
        .sidebar ol { list-style: none; margin: 0; padding: 0; }
        .sidebar li { margin: .35rem 0; }
        .sidebar .sections { margin: .3rem 0 .5rem .8rem; font-size: .8rem; }
        .sidebar a { text-decoration: none; color: var(--text); }
        .sidebar a:hover, .sidebar a[aria-current] { color: var(--link); }
        .sidebar a[aria-current] { font-weight: bold; }
        .book-title { font-weight: bold; font-size: .95rem; margin: 0 0 1rem; }
        .search input { width: 100%; font: inherit; padding: .3rem .4rem; border: 1px solid var(--rule); border-radius: 4px; background: var(--background); color: var(--text); }
        .search-results { margin: .4rem 0 1rem !important; }
        main { max-width: calc(var(--measure) + 4rem); padding: 1.5rem 2rem 4rem; min-width: 0; }
        h1, h2, h3, h4 { line-height: 1.25; font-weight: bold; }
        h1 { font-size: 2rem; margin: .5rem 0 1.5rem; }
        h2 { font-size: 1.45rem; margin-top: 2.2rem; }
        h3 { font-size: 1.15rem; margin-top: 1.8rem; }
        .number { color: var(--muted); margin-right: .2rem; }
        .anchor { visibility: hidden; text-decoration: none; color: var(--muted); font-weight: normal; }
        h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { visibility: visible; }
        p { margin: .7rem 0; hyphens: auto; }
        .subtitle { font-size: 1.2rem; font-style: italic; margin-top: -1rem; }
        .author, .generated { color: var(--muted); }
        ol.chapters > li { margin-bottom: 1.2rem; }
        ol.chapters h3 { margin: .3rem 0; }
        .summary { margin: .2rem 0; }
        ul.sections { margin: .2rem 0; font-size: .95rem; }
        ul.references { padding-left: 0; list-style: none; }
        ul.references li { margin: .6rem 0; padding-left: 1.5rem; text-indent: -1.5rem; overflow-wrap: anywhere; }
        code { font-family: "Cursor", "Courier New", monospace; font-size: .92em; background: var(--code); padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
        math { font-family: "Pagella Math", math; font-size: 1.05em; }
        .equation { display: flex; align-items: center; gap: 1rem; margin: 1rem 0; overflow-x: auto; overflow-y: hidden; }
        .equation math { flex: 1; }
        .equation-number { color: var(--muted); }
        figure { margin: 1.8rem 0; }
        .chart-frame { background: #ffffff; border-radius: 6px; padding: .4rem; max-width: 100%; }
        .chart-frame svg { display: block; width: 100%; height: auto; max-width: 100%; font-family: "Heros", "Helvetica Neue", Arial, sans-serif; }
        figcaption, caption { font-size: .92rem; text-align: left; margin-top: .5rem; caption-side: top; }
        .label { font-weight: bold; }
        .files { font-family: "Heros", Arial, sans-serif; font-size: .78rem; white-space: nowrap; }
        .table-wrap { overflow-x: auto; margin: 1.5rem 0; }
        table { border-collapse: collapse; font-size: .92rem; font-variant-numeric: tabular-nums; }
        th, td { padding: .25rem .6rem; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
        thead th { border-bottom: 2px solid var(--text); }
        .num { text-align: right; }
        td.highlight { background: var(--highlight); }
        .claim { border-left: 4px solid var(--held); background: var(--panel); padding: .5rem .8rem; margin: 1rem 0; border-radius: 0 4px 4px 0; }
        .claim.failed { border-left-color: var(--failed); }
        .badge { font-family: "Heros", Arial, sans-serif; font-size: .75rem; font-weight: bold; color: var(--held); border: 1px solid currentColor; border-radius: 999px; padding: 0 .45rem; white-space: nowrap; }
        .failed .badge { color: var(--failed); }
        .claim .check { display: block; color: var(--muted); font-size: .82rem; margin-top: .25rem; overflow-wrap: anywhere; }
        .cell { border: 1px solid var(--rule); border-radius: 6px; margin: 1rem 0; padding: .4rem .8rem; font-size: .88rem; }
        .cell p { margin: .2rem 0; }
        .cell-label { font-family: "Heros", Arial, sans-serif; font-weight: bold; font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        .provenance { color: var(--muted); overflow-wrap: anywhere; }
        details.code summary { cursor: pointer; color: var(--link); margin: .2rem 0; }
        pre { background: var(--code); padding: .7rem .9rem; border-radius: 4px; overflow-x: auto; line-height: 1.4; font-size: .85rem; }
        pre code { background: none; padding: 0; overflow-wrap: normal; font-size: 1em; }
        .kw { color: var(--kw); } .ty { color: var(--ty); } .str { color: var(--str); } .num { } code .num { color: var(--num); }
        .com { color: var(--com); font-style: italic; } .attr { color: var(--attr); } .label { }
        .callout { border: 1px solid var(--rule); border-left: 4px solid var(--link); padding: .3rem 1rem; margin: 1.2rem 0; border-radius: 0 4px 4px 0; }
        .callout.warning { border-left-color: var(--failed); }
        .callout.tip { border-left-color: var(--held); }
        .callout-title { font-weight: bold; }
        .pager { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); font-family: "Heros", Arial, sans-serif; font-size: .9rem; }
        .pager .next { margin-left: auto; text-align: right; }
        @media (max-width: 50rem) {
          .layout { display: block; }
          .sidebar { position: static; height: auto; border-right: none; border-bottom: 1px solid var(--rule); padding: .8rem 1rem; }
          /* On a phone the contents shrink to one line of chapter links; the page's own headings follow. */
          .sidebar .sections { display: none; }
          .sidebar ol.chapters > li { display: inline-block; margin: .15rem .9rem .15rem 0; }
          .book-title { margin-bottom: .5rem; }
          main { padding: 1rem 1rem 3rem; }
          h1 { font-size: 1.6rem; }
        }
        @media print {
          .sidebar, .pager, .skip, .anchor { display: none; }
          .layout { display: block; }
          main { max-width: none; padding: 0; }
          body { background: white; color: black; font-size: 11pt; }
          a { color: inherit; text-decoration: none; }
          figure, table, .claim, .cell { break-inside: avoid; }
        }

        """
}
