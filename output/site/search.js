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
    const words = box.value.toLowerCase().split(/\s+/).filter((w) => w.length > 1);
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
