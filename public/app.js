// Progressive enhancement only: every page works without this file.
// Copy buttons on the cite box: shown only when the Clipboard API is there.
for (const button of document.querySelectorAll("button.copy[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value ?? source.textContent ?? "");
      button.textContent = "Copied";
    } catch {
      source.select?.();
      button.textContent = "Press Ctrl+C";
    }
  });
}

// The memo: its URL is the memo; the browser also remembers the last one (localStorage), so
// "Add to memo" buttons add to it without a page load, and the Memo link in the header opens it.
const MEMO_KEY = "memo-items";
const loadMemo = () => {
  try {
    const items = JSON.parse(localStorage.getItem(MEMO_KEY) ?? "[]");
    return Array.isArray(items) ? items.filter((s) => typeof s === "string" && /^[a-z0-9/-]+$/.test(s)) : [];
  } catch {
    return [];
  }
};
const saveMemo = (items) => {
  try {
    localStorage.setItem(MEMO_KEY, JSON.stringify(items));
  } catch {
    /* storage full or disabled: the URL still carries the memo */
  }
};
const memoHref = (items) => (items.length ? `/memo?items=${items.join(",")}` : "/memo");
const showMemo = (items) => {
  const link = document.getElementById("memo-link");
  if (link) {
    link.href = memoHref(items);
    link.textContent = items.length ? `Memo (${items.length})` : "Memo";
  }
  for (const field of document.querySelectorAll("[data-memo-items-field]")) field.value = items.join(",");
  for (const button of document.querySelectorAll("button[data-memo-add]")) {
    if (items.includes(button.dataset.memoAdd)) {
      button.textContent = "In memo ✓";
      button.setAttribute("aria-pressed", "true");
    }
  }
};
const memoPage = document.querySelector(".memo[data-memo-items]");
if (memoPage) {
  const shown = memoPage.dataset.memoItems.split(",").filter(Boolean);
  const remembered = loadMemo();
  const restore = document.getElementById("memo-restore");
  if (shown.length === 0 && remembered.length && restore) {
    // An empty /memo does not forget the remembered memo: it offers it.
    restore.querySelector("a").href = memoHref(remembered);
    restore.querySelector("span").textContent = String(remembered.length);
    restore.hidden = false;
  } else {
    saveMemo(shown);
  }
}
showMemo(loadMemo());
for (const button of document.querySelectorAll("button[data-memo-add]")) {
  button.addEventListener("click", (event) => {
    event.preventDefault();
    const items = loadMemo();
    if (!items.includes(button.dataset.memoAdd)) items.push(button.dataset.memoAdd);
    saveMemo(items);
    showMemo(items);
  });
}

// "Scroll the table sideways": said on phones before every wide table (so it is there without
// this file); where the table fits the screen after all, the cue is hidden.
function fitScrollCues() {
  for (const cue of document.querySelectorAll(".scroll-cue")) {
    const table = cue.nextElementSibling;
    if (table && table.tagName === "TABLE") cue.classList.toggle("fits", table.scrollWidth <= table.clientWidth + 1);
  }
}
fitScrollCues();
window.addEventListener("resize", fitScrollCues);

// Folded penalty ladders print open: the stylesheet opens them where the browser allows it; this
// opens them for the others, and folds back the ones the reader had not opened.
addEventListener("beforeprint", () => {
  for (const d of document.querySelectorAll("details.more-steps:not([open])")) {
    d.dataset.printOpened = "";
    d.open = true;
  }
});
addEventListener("afterprint", () => {
  for (const d of document.querySelectorAll("details.more-steps[data-print-opened]")) {
    d.open = false;
    delete d.dataset.printOpened;
  }
});
