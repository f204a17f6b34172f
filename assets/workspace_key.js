// The page asks for this browser's workspace key (after Redis lost its state, say) by
// counting up data-seq on the hidden #workspace-key-form; this answers each new number by
// submitting the key from local storage. Done here, not by a script the server sends,
// because that would need eval, which the content security policy forbids.
(() => {
  const STORAGE_NAME = "resume_app_workspace";
  const answer = () => {
    const form = document.getElementById("workspace-key-form");
    const seq = form?.dataset.seq || "0";
    // Each page has a form (and a count) of its own: the answered number is kept on the form.
    if (!form || seq === "0" || seq === form.answeredSeq) return;
    form.answeredSeq = seq;
    form.elements.namedItem("key").value = window.localStorage.getItem(STORAGE_NAME) || "";
    try {
      form.requestSubmit(); // the form's data is read during this call
    } finally {
      form.elements.namedItem("key").value = "";
    }
  };
  // The form may appear with a request already made, or its number may change later.
  new MutationObserver(answer).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-seq"],
  });
})();
