// Keyboard shortcuts for the review page. The page works without this
// script: every action is a plain form.
(function () {
  "use strict";
  function submit(id) {
    var f = document.getElementById(id);
    if (f) { f.requestSubmit ? f.requestSubmit() : f.submit(); return true; }
    return false;
  }
  function typing(el) {
    if (!el) return false;
    var t = el.tagName;
    return t === "INPUT" || t === "TEXTAREA" || (t === "SELECT" && el.id !== "reason") || el.isContentEditable;
  }
  var rejecting = false;
  document.addEventListener("keydown", function (e) {
    var el = document.activeElement;
    if (e.key === "Escape") {
      rejecting = false;
      if (el && el.blur) el.blur();
      return;
    }
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && el && el.form && el.form.id === "correct-form") {
      e.preventDefault();
      submit("correct-form");
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(el)) return;
    if (rejecting && e.key >= "1" && e.key <= "9") {
      var sel = document.getElementById("reason");
      var i = parseInt(e.key, 10);
      if (sel && i < sel.options.length) {
        e.preventDefault();
        sel.selectedIndex = i;
        submit("reject-form");
      }
      return;
    }
    switch (e.key) {
      case "a": e.preventDefault(); submit("accept-form"); break;
      case "r": {
        e.preventDefault();
        rejecting = true;
        var r = document.getElementById("reason");
        if (r) r.focus();
        break;
      }
      case "e": {
        e.preventDefault();
        var box = document.getElementById("correct-box");
        if (box) box.open = true;
        var c = document.getElementById("concepts");
        if (c) c.focus();
        break;
      }
      case "n": e.preventDefault(); submit("skip-form"); break;
      case "u": e.preventDefault(); submit("undo-form"); break;
    }
  });
  // Reject with a reason picked with the mouse or the keyboard on the select.
  var reason = document.getElementById("reason");
  if (reason) {
    reason.addEventListener("keydown", function (e) {
      if (e.key >= "1" && e.key <= "9") {
        var i = parseInt(e.key, 10);
        if (i < reason.options.length) {
          e.preventDefault();
          reason.selectedIndex = i;
          submit("reject-form");
        }
      }
    });
  }
  // Tests (and impatient people) can tell when the keys work.
  document.documentElement.dataset.keys = "ready";
})();
