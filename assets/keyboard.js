// Keyboard reordering of bullets, handled in the browser so typing sends nothing extra
// to the server: ArrowUp/ArrowDown on a bullet's grip handle, or Alt+ArrowUp/ArrowDown
// while editing its text, presses that bullet's "Move bullet up/down" button and keeps
// the focus on the moved bullet once the list has re-rendered.
document.addEventListener("keydown", (event) => {
  if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
  const target = event.target;
  if (!(target instanceof Element)) return;
  const onHandle = target.classList.contains("bullet-handle");
  if (!onHandle && !(event.altKey && target.tagName === "TEXTAREA")) return;
  const row = target.closest(".bullet-row");
  if (!row) return;
  const direction = event.key === "ArrowUp" ? "up" : "down";
  const button = row.querySelector(`[aria-label="Move bullet ${direction}"]`);
  if (!button) return;
  event.preventDefault();
  const focusId = target.id;
  const list = row.parentElement;
  const refocus = () => document.getElementById(focusId)?.focus();
  const observer = new MutationObserver(() => {
    observer.disconnect();
    refocus();
  });
  if (list && focusId) {
    observer.observe(list, { childList: true });
    setTimeout(() => observer.disconnect(), 5000);
  }
  button.click();
});

// Ctrl+Z (Cmd+Z) outside a text field presses the page's Undo button, where it has one.
document.addEventListener("keydown", (event) => {
  if (event.key.toLowerCase() !== "z" || !(event.ctrlKey || event.metaKey) || event.shiftKey) return;
  const target = event.target;
  if (target instanceof Element && target.closest("input, textarea, [contenteditable]")) return;
  const undo = document.getElementById("undo-button");
  if (!undo || undo.disabled) return;
  event.preventDefault();
  undo.click();
});

// A job posting pasted into the tailoring page's box is matched at once, without waiting
// for the pause in typing that saves typed text: the paste lands, then its form is sent.
// A rich paste (copied from a job board's page) sends the clipboard's HTML instead, in the
// form's hidden posting_* fields: the server reads its headings and list items and the
// box shows the text it read (resume_app/tailoring/pasted.py). The HTML is slimmed first
// (Chrome copies every element's computed style); one too large for the websocket's 1 MB
// message pastes as plain text.
const POSTING_MESSAGE_LIMIT = 900000;

function slimHtml(html) {
  // DOMParser's document runs no script and loads nothing.
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.querySelectorAll("script, style, link, meta, svg, img, picture, video, iframe, template").forEach((node) => node.remove());
  doc.querySelectorAll("[style]").forEach((node) => node.removeAttribute("style"));
  return doc.body ? doc.body.innerHTML : html;
}

document.addEventListener("paste", (event) => {
  const target = event.target;
  if (!(target instanceof HTMLTextAreaElement) || target.id !== "posting-text" || !target.form) return;
  const form = target.form;
  const rich = event.clipboardData ? event.clipboardData.getData("text/html") : "";
  const fields = ["html", "plain", "span"].map((key) => form.elements.namedItem(`posting_${key}`));
  if (rich.trim() && fields.every((field) => field instanceof HTMLInputElement)) {
    const html = slimHtml(rich);
    const plain = event.clipboardData.getData("text/plain");
    if (new Blob([html, plain, target.value]).size < POSTING_MESSAGE_LIMIT) {
      event.preventDefault();
      const values = [html, plain, `${target.selectionStart},${target.selectionEnd}`];
      fields.forEach((field, index) => (field.value = values[index]));
      try {
        form.requestSubmit(); // the form's data is read during this call
      } finally {
        fields.forEach((field) => (field.value = ""));
      }
      return;
    }
  }
  setTimeout(() => form.requestSubmit(), 0);
});

// "Next unsure field": the server names the field in #focus-request and counts up its
// data-seq; this scrolls to the field and puts the cursor in it once it is on the page (the
// entry opened by the same event renders a moment later). Done here, not by a script the
// server sends, because that would need eval, which the content security policy forbids.
new MutationObserver((changes) => {
  const request = changes.find((change) => change.target.id === "focus-request")?.target;
  const id = request?.dataset.target;
  if (!id) return;
  let tries = 0;
  const go = () => {
    const element = document.getElementById(id);
    if (element) {
      element.scrollIntoView({ block: "center" });
      element.focus({ preventScroll: true });
    } else if (tries++ < 100) {
      setTimeout(go, 30);
    }
  };
  go();
}).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["data-seq"] });
