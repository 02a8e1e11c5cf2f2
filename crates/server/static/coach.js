/* Live wording hints for any <textarea data-coach>. Enhancement only: without JavaScript the
 * form's "Check my wording" button posts the form to /coach/review, which shows the same hints
 * from the server and then sends the form on. Sends the text to our own /api/v1/coach, which
 * stores nothing; hints appear in [data-coach-hints="<textarea id>"], replacing what is there. */
(function () {
  'use strict';
  var LABELS = {
    absolute: 'Always / never',
    blame: 'Blame',
    pressure: 'Pressure',
    mind_reading: 'Mind reading',
    generalisation: 'Generalisation',
    dismissive: 'Dismissing feelings'
  };

  function render(box, text, advice) {
    while (box.firstChild) box.removeChild(box.firstChild);
    if (!advice || !advice.flags || advice.flags.length === 0) return;
    var chars = Array.from(text);
    var list = document.createElement('ul');
    list.className = 'plain stack tight';
    advice.flags.forEach(function (f) {
      var li = document.createElement('li');
      li.className = 'hint';
      var strong = document.createElement('strong');
      strong.textContent = (LABELS[f.kind] || f.kind) + ': ';
      li.appendChild(strong);
      li.appendChild(document.createTextNode('“' + chars.slice(f.start, f.end).join('') + '” — ' + f.explanation));
      list.appendChild(li);
    });
    box.appendChild(list);
    if (advice.suggestion) {
      var p = document.createElement('p');
      p.className = 'hint';
      p.textContent = 'Another way to say it: ' + advice.suggestion;
      box.appendChild(p);
    }
  }

  function attach(area) {
    var box = document.querySelector('[data-coach-hints="' + area.id + '"]');
    if (!box) return;
    var timer = null;
    var last = '';
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = area.value;
        if (text === last) return;
        last = text;
        if (text.trim() === '' || Array.from(text).length > 10000) { render(box, text, null); return; }
        fetch('/api/v1/coach', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: text })
        }).then(function (r) { return r.ok ? r.json() : null; })
          .then(function (advice) { if (area.value === text) render(box, text, advice); })
          .catch(function () { /* hints are optional; stay quiet on errors */ });
      }, 400);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('textarea[data-coach]'), attach);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
