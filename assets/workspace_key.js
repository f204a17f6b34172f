// The page asks for this browser's workspace key (after Redis lost its state, say) by
// putting a new value in data-seq of the hidden #workspace-key-form; this answers each new value by
// submitting the key from local storage. Done here, not by a script the server sends,
// because that would need eval, which the content security policy forbids.
(() => {
  const STORAGE_NAME = "resume_app_workspace";
  const answer = () => {
    const form = document.getElementById("workspace-key-form");
    const seq = form?.dataset.seq || "";
    // Each page has a form of its own: the request it answered last is kept on the form.
    if (!form || !seq || seq === form.answeredSeq) return;
    form.answeredSeq = seq;
    form.elements.namedItem("key").value = window.localStorage.getItem(STORAGE_NAME) || "";
    try {
      form.requestSubmit(); // the form's data is read during this call
    } finally {
      form.elements.namedItem("key").value = "";
    }
  };
  // The form may be there with a request already made before this script ran, appear with
  // one, or get a new one later.
  answer();
  new MutationObserver(answer).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-seq"],
  });
})();
