// Coding with a mouse: the text selected in a document's passages becomes the start and end
// (character offsets into the document's text) that the "Apply code" form sends.
//
// Each passage's text sits in a span carrying its own offsets (data-start, data-end), so
// the checkboxes and labels between passages never count. Offsets are counted in Unicode
// characters, as the server counts them. Ticking a passage's checkbox clears a mouse
// selection, and selecting text clears the ticks: the form sends one or the other.
// Without this script the ticked passages are sent, and the server works out the offsets.

const form = document.querySelector("form[data-coding-form]");

const characters = (text) => Array.from(text).length;

function offsetIn(unit, node, offset) {
  const before = document.createRange();
  before.setStart(unit, 0);
  before.setEnd(node, offset);
  return Number(unit.dataset.start) + characters(before.toString());
}

function selected(container, selection) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const units = Array.from(container.querySelectorAll(".peerval-unit")).filter((unit) =>
    range.intersectsNode(unit),
  );
  if (units.length === 0) return null;
  const first = units[0];
  const last = units[units.length - 1];
  const start = first.contains(range.startContainer)
    ? offsetIn(first, range.startContainer, range.startOffset)
    : Number(first.dataset.start);
  const end = last.contains(range.endContainer)
    ? offsetIn(last, range.endContainer, range.endOffset)
    : Number(last.dataset.end);
  if (end <= start) return null;
  return { start, end, text: range.toString().trim() };
}

if (form) {
  const container = form.querySelector("[data-passages]");
  const start = form.querySelector("input[name=start]");
  const end = form.querySelector("input[name=end]");
  const status = document.getElementById("selection-status");
  const boxes = () => Array.from(container.querySelectorAll("input[type=checkbox]"));

  document.addEventListener("selectionchange", () => {
    const found = selected(container, document.getSelection());
    if (!found) return; // keep the last selection while the code is chosen and applied
    start.value = String(found.start);
    end.value = String(found.end);
    boxes().forEach((box) => {
      box.checked = false;
    });
    const shown = found.text.length > 80 ? `${found.text.slice(0, 80)}\u2026` : found.text;
    status.textContent = `Selected text: \u201c${shown}\u201d`;
  });

  container.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "checkbox") {
      start.value = "";
      end.value = "";
      status.textContent = "";
    }
  });
}
