// The compare page's keys and conflict marking. The page works without this file:
// links and the form carry the same state in the URL.
(function () {
  "use strict";
  let current = -1;

  function differences() {
    return Array.from(document.querySelectorAll("tr[data-difference]"));
  }

  function move(step) {
    const rows = differences();
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, current + step));
    rows.forEach((row) => row.classList.remove("current"));
    const row = rows[current];
    row.classList.add("current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center", behavior: "instant" });
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  function showKeys() {
    const dialog = document.getElementById("keys");
    if (dialog && !dialog.open) dialog.showModal();
  }

  function markConflict(link) {
    document.querySelectorAll(".passage[data-marked]").forEach((p) => p.removeAttribute("data-marked"));
    const ids = (link.dataset.passages || "").split(" ");
    const passages = ids.map((id) => document.getElementById(id)).filter(Boolean);
    passages.forEach((p) => p.setAttribute("data-marked", ""));
    if (passages.length) passages[0].scrollIntoView({ block: "center", behavior: "instant" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === "j") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
    else if (event.key === "?") { showKeys(); event.preventDefault(); }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-open-keys]")) showKeys();
  });

  // After htmx swaps the comparison in: start the key walk again, and bring a chosen
  // conflict's passages into view.
  document.addEventListener("htmx:afterSettle", function () {
    current = -1;
    const chosen = document.querySelector(".conflict.chosen a");
    if (chosen) markConflict(chosen);
  });

  document.addEventListener("DOMContentLoaded", function () {
    const chosen = document.querySelector(".conflict.chosen a");
    if (chosen) markConflict(chosen);
  });
})();
