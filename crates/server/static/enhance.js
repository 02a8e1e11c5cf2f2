/*
 * Attune — small progressive enhancements. Every page works without this file.
 *
 *  1. Invite links: "#code=XXXXX-..." in the address is copied into
 *     input[name=code] and removed from the address bar.
 *  2. button[data-copy="some-id"] copies the text of #some-id and shows
 *     "Copied" for a moment. Such buttons may carry the `hidden` attribute
 *     so they only appear when this script runs.
 *  3. form[data-confirm="message"] asks once before submitting.
 *  4. input[type=password][data-strength] gets a rough, live strength hint
 *     written into #<input id>-strength. If data-strength holds a number it
 *     is used as the minimum length. The server's check is the real one.
 *  5. Links in the navigation that point at the current page get
 *     aria-current="page".
 *  6. An error summary (.alert[tabindex="-1"]) is focused on load so screen
 *     reader and keyboard users land on it.
 */
(function () {
  "use strict";

  function each(selector, fn) {
    var list = document.querySelectorAll(selector);
    for (var i = 0; i < list.length; i += 1) { fn(list[i]); }
  }

  /* 1. Invite code from the URL fragment ---------------------------------- */
  function takeCodeFromHash() {
    var hash = window.location.hash || "";
    if (hash.length < 2) { return; }
    var code = null;
    try {
      code = new URLSearchParams(hash.slice(1)).get("code");
    } catch (e) {
      var match = /(?:^#|&)code=([^&]*)/.exec(hash);
      if (match) {
        try { code = decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e2) { code = match[1]; }
      }
    }
    if (code === null) { return; }
    code = code.trim();

    var input = document.querySelector("input[name=code]");
    if (input && code && !input.value) {
      input.value = code;
    }
    // Remove the code from the address bar (and from this history entry),
    // whether or not there was a field to put it in.
    try {
      window.history.replaceState(null, "", window.location.pathname);
    } catch (e) { /* ignore */ }
  }

  /* 2. Copy buttons -------------------------------------------------------- */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function setupCopyButton(button) {
    var targetId = button.getAttribute("data-copy");
    if (!targetId) { return; }
    var original = button.textContent;
    var timer = null;
    button.hidden = false;
    if (!button.getAttribute("type")) { button.setAttribute("type", "button"); }

    function show(label) {
      button.textContent = label;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { button.textContent = original; }, 2000);
    }

    button.addEventListener("click", function (event) {
      event.preventDefault();
      var target = document.getElementById(targetId);
      if (!target) { return; }
      var text = ("value" in target && typeof target.value === "string" && target.tagName !== "BUTTON")
        ? target.value
        : target.textContent;
      text = (text || "").trim();
      copyText(text).then(function () {
        show("Copied");
      }, function () {
        // Could not copy: select the text so the person can copy it by hand.
        try {
          var range = document.createRange();
          range.selectNodeContents(target);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        } catch (e) { /* ignore */ }
        show("Selected \u2014 copy it by hand");
      });
    });
  }

  /* 3. Gentle confirmation ------------------------------------------------- */
  function onSubmitConfirm(event) {
    var form = event.target;
    if (!form || !form.getAttribute) { return; }
    var message = form.getAttribute("data-confirm");
    if (!message) { return; }
    if (!window.confirm(message)) {
      event.preventDefault();
    }
  }

  /* 4. Password strength --------------------------------------------------- */
  var COMMON = /^(password|passwort|qwerty|letmein|iloveyou|welcome|admin|abc123|123456|111111|000000)/i;

  function estimate(value, minLength) {
    var length = Array.from(value).length;
    if (length === 0) { return { level: 0, text: "" }; }

    var pool = 0;
    if (/[a-z]/.test(value)) { pool += 26; }
    if (/[A-Z]/.test(value)) { pool += 26; }
    if (/[0-9]/.test(value)) { pool += 10; }
    if (/[^A-Za-z0-9]/.test(value)) { pool += 33; }

    var unique = new Set(Array.from(value.toLowerCase())).size;
    // Repeated characters add little; count them at a discount.
    var effective = Math.min(length, unique * 2);
    var bits = effective * Math.log2(Math.max(pool, 2));
    if (COMMON.test(value)) { bits = Math.min(bits, 20); }
    if (/^(.)\1+$/.test(value)) { bits = Math.min(bits, 10); }

    var note = " (a rough guide only)";
    if (minLength && length < minLength) {
      return {
        level: 1,
        text: "Too short for now: " + length + " of at least " + minLength + " characters."
      };
    }
    if (bits < 40) {
      return { level: 1, text: "Easy to guess. A few unrelated words strung together are longer and easier to remember." + note };
    }
    if (bits < 60) {
      return { level: 2, text: "Fair. Adding another word or a few more characters would help." + note };
    }
    if (bits < 80) {
      return { level: 3, text: "Good." + note };
    }
    return { level: 4, text: "Strong." + note };
  }

  function setupStrength(input) {
    if (!input.id) { return; }
    var output = document.getElementById(input.id + "-strength");
    if (!output) { return; }
    var min = parseInt(input.getAttribute("data-strength"), 10);
    if (!(min > 0)) {
      min = parseInt(input.getAttribute("minlength"), 10);
    }
    if (!(min > 0)) { min = 0; }
    if (!output.hasAttribute("aria-live")) { output.setAttribute("aria-live", "polite"); }
    if (!output.classList.contains("strength")) { output.classList.add("strength"); }

    var pending = null;
    function update() {
      var result = estimate(input.value, min);
      output.textContent = result.text;
      output.setAttribute("data-level", String(result.level));
    }
    input.addEventListener("input", function () {
      // Small delay so screen readers are not flooded while typing.
      window.clearTimeout(pending);
      pending = window.setTimeout(update, 350);
    });
    if (input.value) { update(); }
  }

  /* 5. Current page in the navigation -------------------------------------- */
  function markCurrentLinks() {
    var here = window.location.pathname.replace(/\/+$/, "") || "/";
    each(".site-nav a[href]", function (link) {
      var href = (link.getAttribute("href") || "").replace(/\/+$/, "") || "/";
      if (href === here && !link.hasAttribute("aria-current")) {
        link.setAttribute("aria-current", "page");
      }
    });
    // In a space, the place that holds this page: the longest link that starts it
    // (a topic of the inventory belongs to "Inventory"); the overview only for itself.
    var best = null;
    var bestLength = -1;
    each(".space-nav a[href]", function (link) {
      var href = (link.getAttribute("href") || "").replace(/\/+$/, "");
      var exact = href === here;
      var below = here.indexOf(href + "/") === 0 && href.split("/").length > 3;
      if ((exact || below) && href.length > bestLength) {
        best = link;
        bestLength = href.length;
      }
    });
    if (best) {
      if (!best.hasAttribute("aria-current")) { best.setAttribute("aria-current", "page"); }
      // On a phone the places scroll sideways: bring this one into view without moving the
      // page, now and whenever the width changes (a phone turned sideways and back).
      var current = best;
      var reveal = function () {
        var strip = current.closest("ul");
        if (strip && strip.scrollWidth > strip.clientWidth) {
          strip.scrollLeft = current.offsetLeft - strip.offsetLeft - 56;
        }
      };
      reveal();
      window.addEventListener("resize", reveal);
    }
  }

  /* 6. Focus the error summary --------------------------------------------- */
  function focusErrorSummary() {
    var summary = document.querySelector(".alert[tabindex=\"-1\"]");
    if (summary && typeof summary.focus === "function") {
      try { summary.focus(); } catch (e) { /* ignore */ }
    }
  }

  function init() {
    try { takeCodeFromHash(); } catch (e) { /* ignore */ }
    try { each("button[data-copy]", setupCopyButton); } catch (e) { /* ignore */ }
    try { each("input[type=password][data-strength]", setupStrength); } catch (e) { /* ignore */ }
    try { markCurrentLinks(); } catch (e) { /* ignore */ }
    try { focusErrorSummary(); } catch (e) { /* ignore */ }
  }

  document.addEventListener("submit", onSubmitConfirm);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
