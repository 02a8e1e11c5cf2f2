/*
 * Attune — save-as-you-go for form[data-autosave]. The form works without this file
 * (its Save button posts it as usual); with it, each change is saved in the background and
 * [data-autosave-status] says so.
 *
 * A "limit" is shown to everyone in the space, so a newly chosen limit is never saved in the
 * background: the person presses Save themselves, after reading what that means. Radios that
 * held a saved limit when the page loaded carry data-saved.
 */
(function () {
  "use strict";

  function setup(form) {
    var status = form.querySelector("[data-autosave-status]");
    var timer = null;
    var busy = false;
    var again = false;

    function say(text) {
      if (status) { status.textContent = text; }
    }

    function unsavedLimit() {
      var checked = form.querySelectorAll('input[type="radio"][value="limit"]:checked');
      for (var i = 0; i < checked.length; i += 1) {
        if (!checked[i].hasAttribute("data-saved")) { return true; }
      }
      return false;
    }

    function save() {
      if (unsavedLimit()) {
        say("Press \u201cSave answers\u201d to declare your limit. It will be shown to the space.");
        return;
      }
      if (busy) { again = true; return; }
      busy = true;
      say("Saving\u2026");
      var body = new URLSearchParams(new FormData(form));
      fetch(form.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" }
      }).then(function (res) {
        say(res.ok ? "Saved." : "Not saved. Press \u201cSave answers\u201d to see why.");
      }).catch(function () {
        say("Not saved \u2014 the connection dropped. Your choices are still on this page.");
      }).then(function () {
        busy = false;
        if (again) { again = false; save(); }
      });
    }

    form.addEventListener("change", function () {
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(save, 400);
    });
  }

  function init() {
    var forms = document.querySelectorAll("form[data-autosave]");
    for (var i = 0; i < forms.length; i += 1) { setup(forms[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
