/*
 * Attune — quick exit.
 *
 * Without JavaScript the quick-exit button is a plain form POST to
 * /quick-exit; the server signs this browser out, sends Clear-Site-Data and
 * answers 303 -> /away.
 *
 * With JavaScript we do the same request in the background and then replace
 * the current history entry with /away, so "Back" does not return to the
 * page that was on screen. Shortcut: press Shift three times within 1.2 s.
 */
(function () {
  "use strict";

  var EXIT_URL = "/quick-exit";
  var AWAY_URL = "/away";
  var WINDOW_MS = 1200;
  var WAIT_MS = 300;

  var leaving = false;
  var shiftTimes = [];

  function clearStorage() {
    try { window.sessionStorage.clear(); } catch (e) { /* ignore */ }
    try { window.localStorage.clear(); } catch (e) { /* ignore */ }
  }

  function goAway() {
    clearStorage();
    try {
      window.location.replace(AWAY_URL);
    } catch (e) {
      window.location.href = AWAY_URL;
    }
  }

  function formData(form) {
    try {
      return form ? new FormData(form) : new FormData();
    } catch (e) {
      return null;
    }
  }

  function quickExit() {
    if (leaving) { return; }
    leaving = true;

    var form = document.getElementById("quick-exit-form");
    var done = false;

    function finish() {
      if (done) { return; }
      done = true;
      goAway();
    }

    // If the background request cannot even be sent (old browser, blocked),
    // fall back to the ordinary form submission, which the server turns
    // into a sign-out and a redirect. submit() does not fire "submit", so
    // this does not loop back into our handler.
    function fallback() {
      if (done) { return; }
      done = true;
      clearStorage();
      if (form && typeof form.submit === "function") {
        try { form.submit(); return; } catch (e) { /* fall through */ }
      }
      goAway();
    }

    if (typeof window.fetch !== "function") {
      fallback();
      return;
    }

    var request;
    try {
      request = window.fetch(EXIT_URL, {
        method: "POST",
        body: formData(form),
        credentials: "same-origin",
        redirect: "manual",
        cache: "no-store",
        keepalive: true
      });
    } catch (e) {
      fallback();
      return;
    }

    // Wait at most WAIT_MS for the server; keepalive lets the request
    // finish even after we have navigated away.
    window.setTimeout(finish, WAIT_MS);
    request.then(finish, fallback);
  }

  function onKeyDown(event) {
    if (event.key !== "Shift") {
      shiftTimes = [];
      return;
    }
    if (event.repeat) { return; }
    if (event.ctrlKey || event.altKey || event.metaKey) {
      shiftTimes = [];
      return;
    }
    var now = Date.now();
    shiftTimes.push(now);
    while (shiftTimes.length && now - shiftTimes[0] > WINDOW_MS) {
      shiftTimes.shift();
    }
    if (shiftTimes.length >= 3) {
      shiftTimes = [];
      quickExit();
    }
  }

  function onSubmit(event) {
    var form = event.target;
    if (form && form.id === "quick-exit-form") {
      event.preventDefault();
      quickExit();
    }
  }

  document.addEventListener("keydown", onKeyDown, true);
  // Capture phase, so this runs before any other submit handler.
  document.addEventListener("submit", onSubmit, true);

  // Expose for other scripts (e.g. a future "leave now" link), nothing else.
  window.attuneQuickExit = quickExit;
})();
