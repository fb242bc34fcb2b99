// Staff pages: enhancements only. Every form works without this file.
"use strict";

// The same folding as the server: no diacritics, đ → d, lowercase.
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
}

function setUpStockTake(form) {
  const storageKey = "ocop-stocktake:" + form.dataset.site;
  const rows = Array.from(form.querySelectorAll(".row"));
  const field = (row, prefix) => row.querySelector('[name="' + prefix + "-" + row.id.slice(4) + '"]');

  // − / + change the count in place and add up the buttons' total ("sold 2" is a delta).
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button.step");
    if (!button) return;
    event.preventDefault();
    const row = button.closest(".row");
    const quantity = field(row, "q");
    const delta = field(row, "d");
    const current = parseInt(quantity.value, 10);
    if (Number.isNaN(current)) return;
    const moved = Math.max(0, current + parseInt(button.dataset.step, 10));
    delta.value = String(parseInt(delta.value || "0", 10) + (moved - current));
    quantity.value = String(moved);
    remember();
  });

  // Unsaved counts survive an accidental reload, for rows nobody changed since.
  function remember() {
    const saved = {};
    for (const row of rows) {
      saved[row.id] = {
        v: field(row, "v").value,
        q: field(row, "q").value,
        d: field(row, "d").value,
        ok: field(row, "ok").checked,
      };
    }
    try { localStorage.setItem(storageKey, JSON.stringify(saved)); } catch (_) { /* private mode */ }
  }
  function restore() {
    let saved;
    try { saved = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (_) { saved = null; }
    if (!saved) return;
    let restored = false;
    for (const row of rows) {
      const s = saved[row.id];
      if (!s || s.v !== field(row, "v").value) continue;
      const q = field(row, "q"), d = field(row, "d"), ok = field(row, "ok");
      if (q.value !== s.q || d.value !== s.d || ok.checked !== s.ok) {
        q.value = s.q; d.value = s.d; ok.checked = s.ok;
        restored = true;
      }
    }
    const notice = document.getElementById("restored");
    if (restored && notice) notice.hidden = false;
  }
  form.addEventListener("input", remember);
  form.addEventListener("change", remember);
  form.addEventListener("submit", () => {
    try { localStorage.removeItem(storageKey); } catch (_) { /* nothing kept */ }
  });
  restore();

  // The filter box filters as the clerk types, keeping unsaved counts on the page.
  const filter = document.getElementById("filter");
  if (filter) {
    const apply = () => {
      const words = fold(filter.value).split(/[^a-z0-9]+/).filter(Boolean);
      for (const row of rows) {
        row.hidden = !words.every((w) => row.dataset.search.includes(w));
      }
      for (const group of form.querySelectorAll("fieldset.group")) {
        group.hidden = !group.querySelector(".row:not([hidden])");
      }
    };
    filter.addEventListener("input", apply);
    filter.form.addEventListener("submit", (event) => { event.preventDefault(); apply(); });
  }
}

// Adding a product: scan its barcode or QR code where the browser can.
function setUpScanner(button) {
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const video = document.getElementById("scanner");
    const input = document.getElementById("q");
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (_) { return; }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const detector = new window.BarcodeDetector();
    const look = async () => {
      const codes = await detector.detect(video).catch(() => []);
      if (codes.length === 0) { requestAnimationFrame(look); return; }
      stream.getTracks().forEach((t) => t.stop());
      video.hidden = true;
      const value = codes[0].rawValue;
      const page = value.match(/\/products\/([a-z0-9-]+)/);
      input.value = page ? page[1] : value;
      input.form.submit();
    };
    look();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("stocktake");
  if (form) setUpStockTake(form);
  const scan = document.getElementById("scan");
  if (scan) setUpScanner(scan);
});

// Label pages: a print button (the browser's own print works too).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
});
