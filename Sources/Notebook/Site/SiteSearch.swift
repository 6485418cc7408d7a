import Foundation

/// The web edition's search: an index of every section's headings, prose and captions built
/// with the site, and a few lines of script that load it on first use and list the sections
/// whose text holds every word typed. Without script the box stays hidden and nothing is lost.
enum SiteSearch {
    /// The index as a script that sets `RLNotesSearch` to `[[title, url, text], …]` (a script
    /// rather than JSON, so it loads from `file://` too).
    static func index(book: ResolvedBook, links: SiteLinks) throws -> [UInt8] {
        var entries = [[String]]()
        for chapter in book.chapters {
            let inline = SiteInline(links: links, chapter: chapter.id)
            var title = "\(chapter.number) \(chapter.title)"
            var url = SiteLinks.page(ofChapter: chapter.id)
            var text = [String]()
            func flush() {
                entries.append([title, url, text.joined(separator: " ")])
                text = []
            }
            func collect(_ blocks: [ResolvedBlock]) {
                for block in blocks {
                    switch block {
                    case .heading(let number, _, let heading, let id):
                        flush()
                        title = "\(number) \(inline.plain(heading))"
                        url = SiteLinks.page(ofChapter: chapter.id) + "#" + SiteLinks.headingAnchor(id: id, number: number, chapter: chapter.id)
                    case .paragraph(let inlines): text.append(inline.plain(inlines))
                    case .figure(let figure): text.append("Figure \(figure.number). " + inline.plain(figure.caption))
                    case .table(_, let number, let caption, _): text.append("Table \(number). " + inline.plain(caption))
                    case .claim(_, let statement, _): text.append(inline.plain(statement))
                    case .callout(_, let heading, let content):
                        if let heading { text.append(heading) }
                        collect(content)
                    case .equation, .experiment: break
                    }
                }
            }
            collect(chapter.blocks)
            flush()
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(entries)
        return Array("window.RLNotesSearch = ".utf8) + Array(json) + Array(";\n".utf8)
    }

    /// The search box's behaviour; it only reads the index and writes text nodes and links.
    static let script = """
        // Search over the prebuilt index (search-index.js), loaded the first time the box is used.
        document.addEventListener("DOMContentLoaded", () => {
          const panel = document.querySelector(".search"), box = document.getElementById("search-box"), list = document.getElementById("search-results");
          if (!panel || !box || !list) return;
          panel.hidden = false;
          let loading = null;
          const load = () => loading || (loading = new Promise((done) => {
            const tag = document.createElement("script");
            tag.src = "search-index.js"; tag.onload = done; document.head.appendChild(tag);
          }));
          box.addEventListener("input", async () => {
            await load();
            const words = box.value.toLowerCase().split(/\\s+/).filter((w) => w.length > 1);
            list.replaceChildren();
            if (!words.length) return;
            for (const [title, url, text] of window.RLNotesSearch) {
              const haystack = (title + " " + text).toLowerCase();
              if (!words.every((w) => haystack.includes(w))) continue;
              const item = document.createElement("li"), link = document.createElement("a");
              link.href = url; link.textContent = title; item.appendChild(link); list.appendChild(item);
              if (list.children.length >= 12) break;
            }
          });
        });

        """
}
