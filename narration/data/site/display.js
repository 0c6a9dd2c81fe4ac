// The text size and colour scheme the reader chose, remembered on this device; the feed address's copy button; and the
// page's wording for the scripts (window.narrationSay, which player.js uses too).
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

  // The scripts' messages in the page's language: a JSON block at the end of the page (the page has no English
  // left in a Spanish page's scripts); a {name} in a message is filled from `values`.
  var words = null;

  function say(key, values) {
    if (words === null) {
      var block = document.getElementById("page-words");
      try {
        words = block ? JSON.parse(block.textContent) : null;
      } catch (error) {
        words = {};
      }
    }
    return String((words && words[key]) || key).replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  window.narrationSay = say;

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
      status.textContent = ok ? say("copied", { address: field.value }) : say("copy_by_hand");
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
