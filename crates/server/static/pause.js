// Attune — pause.js
// Keeps the pause banner of an open space page current without a reload (D2). It asks
// GET /api/v1/spaces/{id}/pause every few seconds while the page is visible, and stops after a
// long time without any input so an idle tab does not keep a session alive forever. Without
// JavaScript the banner is correct on every page load.
(function () {
  "use strict";
  var area = document.getElementById("pause-area");
  if (!area) return;
  var space = area.getAttribute("data-space");
  var banner = document.getElementById("pause-banner");
  var text = document.getElementById("pause-text");
  var revisit = document.getElementById("pause-revisit-when");
  var liftForm = document.getElementById("pause-lift-form");
  var liftButton = document.getElementById("pause-lift");
  var pauseForm = document.getElementById("pause-form");
  var EVERY_MS = 3000;
  var IDLE_STOP_MS = 15 * 60 * 1000;
  var lastInput = Date.now();

  ["keydown", "pointerdown", "scroll", "touchstart"].forEach(function (name) {
    window.addEventListener(name, function () { lastInput = Date.now(); }, { passive: true });
  });

  // The undo button turns into "Lift my pause" once the ten seconds are over.
  if (liftButton) {
    var left = parseInt(liftButton.getAttribute("data-undo-left") || "0", 10);
    if (left > 0) {
      setTimeout(function () { liftButton.textContent = "Lift my pause"; }, left * 1000);
    }
  }

  function inWords(secs) {
    var hours = Math.round(secs / 3600);
    if (secs <= 90 * 60) return "within the hour";
    if (hours < 36) return "in about " + hours + " hours";
    return "in about " + Math.round(secs / 86400) + " days";
  }

  function show(view) {
    var mine = null;
    var others = [];
    view.pauses.forEach(function (p) {
      if (p.by_me) mine = p; else others.push(p.by);
    });
    if (!view.paused) {
      banner.hidden = true;
      liftForm.hidden = true;
      pauseForm.hidden = false;
      area.setAttribute("data-paused", "false");
      return;
    }
    var sentence;
    if (mine && others.length === 0) {
      sentence = "You paused this space. Everything waits, for everyone, until you lift it.";
    } else if (mine) {
      sentence = "You and " + others.join(", ") + " paused this space. Everything waits until each pause is lifted.";
    } else {
      sentence = others.join(", ") + " paused this space. Everything waits until they lift it. Nobody needs to explain.";
    }
    text.textContent = sentence;
    var latest = 0;
    view.pauses.forEach(function (p) { if (p.revisit_at > latest) latest = p.revisit_at; });
    revisit.textContent = inWords(latest - Date.now() / 1000);
    banner.hidden = false;
    liftForm.hidden = !mine;
    pauseForm.hidden = !!mine;
    area.setAttribute("data-paused", "true");
  }

  function poll() {
    if (Date.now() - lastInput > IDLE_STOP_MS) return;
    if (document.visibilityState === "visible") {
      fetch("/api/v1/spaces/" + encodeURIComponent(space) + "/pause", {
        credentials: "same-origin",
        headers: { "Accept": "application/json" },
      })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (view) { if (view) show(view); })
        .catch(function () {});
    }
    setTimeout(poll, EVERY_MS);
  }
  setTimeout(poll, EVERY_MS);
})();
