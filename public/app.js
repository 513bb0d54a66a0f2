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
