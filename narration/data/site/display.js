// Text size and colours the reader chose, remembered on this device; and the feed address's copy button.
// Loaded in <head> without defer, so the saved choice applies before the page is first drawn.
(function () {
  "use strict";

  var root = document.documentElement;
  var SETTINGS = { "text-size": "normal", theme: "auto" };

  function load(name) {
    try {
      return window.localStorage.getItem("narration:" + name);
    } catch (error) {
      return null; // storage switched off: the page keeps its defaults
    }
  }

  function save(name, value) {
    try {
      window.localStorage.setItem("narration:" + name, value);
    } catch (error) { /* not remembered, still applied */ }
  }

  function apply(name, value) {
    if (value === SETTINGS[name] || !value) {
      root.removeAttribute("data-" + name);
    } else {
      root.setAttribute("data-" + name, value);
    }
  }

  Object.keys(SETTINGS).forEach(function (name) { apply(name, load(name)); });

  function bindChoices(name) {
    var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-" + name + "]"));
    function show() {
      var current = root.getAttribute("data-" + name) || SETTINGS[name];
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", button.getAttribute("data-" + name) === current ? "true" : "false");
      });
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var value = button.getAttribute("data-" + name);
        apply(name, value);
        save(name, value);
        show();
      });
    });
    show();
  }

  function copyFeed() {
    var field = document.getElementById("feed-url");
    var button = document.getElementById("copy-feed");
    var status = document.getElementById("copy-status");
    if (!field || !button) {
      return;
    }
    function done(ok) {
      status.textContent = ok ? "Copied: " + field.value : "Select the address and copy it (Ctrl+C or Command+C).";
    }
    button.addEventListener("click", function () {
      field.focus();
      field.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () {
          done(document.execCommand && document.execCommand("copy"));
        });
      } else {
        done(document.execCommand && document.execCommand("copy"));
      }
    });
    button.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("display");
    if (panel) {
      panel.hidden = false; // the choices need this script, so they appear with it
    }
    Object.keys(SETTINGS).forEach(bindChoices);
    copyFeed();
  });
})();
