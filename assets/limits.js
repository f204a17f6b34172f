// Every text field has a maxLength: the limit the server checks, well under the websocket's
// 1 MB message (a larger one is dropped on the way, unsaved and unannounced). The browser
// stops typing and cuts a paste at that length; this says so in one sentence, so that what
// the page shows is what is saved and nothing is cut without a word.
function limitNote() {
  let note = document.getElementById("limit-note");
  if (!note) {
    note = document.createElement("p");
    note.id = "limit-note";
    note.setAttribute("role", "status");
    note.style.cssText =
      "position:fixed;bottom:1em;left:50%;transform:translateX(-50%);margin:0;padding:0.5em 1em;" +
      "background:var(--amber-3,#fff7e0);color:var(--amber-11,#7a4d00);border:1px solid var(--amber-7,#e0b050);" +
      "border-radius:6px;font-size:14px;z-index:1000;max-width:90vw";
    document.body.appendChild(note);
  }
  return note;
}

let limitTimer = null;

function sayLimit(field, cut) {
  const note = limitNote();
  const limit = field.maxLength.toLocaleString("en-US");
  const rest = cut ? "; what was pasted past that was not kept." : ".";
  note.textContent = `This field holds at most ${limit} characters${rest}`;
  note.hidden = false;
  clearTimeout(limitTimer);
  limitTimer = setTimeout(() => (note.hidden = true), 8000);
}

document.addEventListener(
  "paste",
  (event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !(field.maxLength > 0)) return;
    const pasted = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    const kept = field.value.length - (field.selectionEnd - field.selectionStart);
    if (kept + pasted.length > field.maxLength) sayLimit(field, true);
  },
  true,
);

document.addEventListener("input", (event) => {
  const field = event.target;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !(field.maxLength > 0)) return;
  const note = document.getElementById("limit-note");
  if (field.value.length >= field.maxLength && (!note || note.hidden)) sayLimit(field, false);
});
