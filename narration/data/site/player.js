// The web player: large controls around the native <audio>, keyboard shortcuts, the position remembered per
// episode, and the transcript kept in step (the current sentence highlighted and kept in view).
// Without this script the page still works: the browser's own controls and a plain transcript.
(function () {
  "use strict";

  var audio = document.getElementById("audio");
  var controls = document.getElementById("controls");
  if (!audio || !controls) {
    return;
  }
  var say = window.narrationSay; // the page's own wording (display.js)
  var $ = function (id) { return document.getElementById(id); };
  var all = function (selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); };
  var playButton = $("play");
  var slider = $("position");
  var status = $("player-status");
  var followButton = $("follow");
  var nativeButton = $("native");
  var speedButtons = all("button.speed[data-rate]");
  var rates = speedButtons.map(function (button) { return Number(button.getAttribute("data-rate")); });
  var cues = all(".cue[data-start]");
  var starts = cues.map(function (cue) { return Number(cue.getAttribute("data-start")) / 1000; });
  var positionKey = "narration:position:" + (audio.getAttribute("data-episode") || location.pathname);
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var BACK = 15;
  var FORWARD = 30;
  var current = -1;
  var following = true;
  var autoScrollUntil = 0;
  var restored = false;
  var lastSaved = -1;

  function store(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, String(value));
      }
    } catch (error) { /* storage switched off: nothing is remembered */ }
  }

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function announce(text) {
    status.textContent = text;
  }

  // "1:05" for the large clock; "1 min 05 s" for screen readers.
  function clock(seconds) {
    var whole = Math.max(0, Math.round(seconds || 0));
    var minutes = Math.floor(whole / 60);
    var rest = whole % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function spoken(seconds) {
    var whole = Math.max(0, Math.round(seconds || 0));
    var minutes = Math.floor(whole / 60);
    var rest = whole % 60;
    return minutes ? minutes + " min " + (rest < 10 ? "0" : "") + rest + " s" : rest + " s";
  }

  function duration() {
    return isFinite(audio.duration) ? audio.duration : Number(slider.max);
  }

  function showTime() {
    var now = audio.currentTime;
    $("elapsed").textContent = clock(now);
    $("remaining").textContent = clock(duration() - now);
    slider.max = String(Math.max(1, Math.round(duration())));
    if (document.activeElement !== slider) {
      slider.value = String(Math.round(now));
    }
    slider.setAttribute("aria-valuetext", say("position_text", { elapsed: spoken(now), total: spoken(duration()) }));
  }

  function showPlaying() {
    var playing = !audio.paused;
    playButton.querySelector(".label").textContent = say(playing ? "pause" : "play");
    playButton.classList.toggle("playing", playing);
  }

  function play() {
    var started = audio.play();
    if (started && started.catch) {
      started.catch(function () { announce(say("press_play")); });
    }
  }

  function toggle() {
    if (audio.paused) {
      play();
    } else {
      audio.pause();
    }
  }

  function seekBy(seconds) {
    audio.currentTime = Math.min(Math.max(0, audio.currentTime + seconds), duration());
    announce(say(seconds < 0 ? "moved_back" : "moved_forward",
                 { seconds: Math.abs(seconds), time: spoken(audio.currentTime) }));
    following = true;
  }

  // --- the position, remembered per episode --------------------------------------------------------------
  function savePosition(force) {
    if (!restored) {
      return; // never overwrite the remembered place before it was restored
    }
    var now = audio.currentTime;
    if (audio.ended || now >= duration() - 1) {
      store(positionKey, null);
    } else if (force || Math.abs(now - lastSaved) >= 1) {
      store(positionKey, now.toFixed(1));
      lastSaved = now;
    }
  }

  function restorePosition() {
    if (restored) {
      return;
    }
    restored = true;
    var saved = Number(stored(positionKey));
    if (saved >= 3 && saved < duration() - 3) {
      audio.currentTime = saved;
      lastSaved = saved;
      announce(say("continuing", { time: spoken(saved) }));
    }
    showTime();
    sync();
    if (location.hash === "#audio") { // the index's Play links
      playButton.focus();
      play();
    }
  }

  // --- the transcript ------------------------------------------------------------------------------------
  // The last sentence that has started by time t (pauses keep the previous sentence highlighted).
  function cueAt(t) {
    var low = 0;
    var high = starts.length - 1;
    var found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (starts[middle] <= t + 0.05) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  function inView(element) {
    var box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }

  function reveal(cue) {
    autoScrollUntil = Date.now() + 1000;
    cue.scrollIntoView({ block: "center", behavior: reducedMotion.matches ? "auto" : "smooth" });
  }

  function highlight(index) {
    if (index === current) {
      return;
    }
    if (current >= 0) {
      cues[current].removeAttribute("aria-current");
    }
    current = index;
    if (index < 0) {
      return;
    }
    cues[index].setAttribute("aria-current", "true");
    if (following && !audio.paused && !inView(cues[index])) {
      reveal(cues[index]);
    }
  }

  function sync() {
    highlight(cueAt(audio.currentTime));
  }

  // The listener scrolled the current sentence out of view: stop following and offer the way back.
  function onScroll() {
    if (Date.now() < autoScrollUntil || current < 0) {
      return;
    }
    var visible = inView(cues[current]);
    following = visible;
    followButton.hidden = visible;
  }

  function followAgain() {
    following = true;
    followButton.hidden = true;
    if (current >= 0) {
      reveal(cues[current]);
      cues[current].focus({ preventScroll: true });
    }
  }

  function seekToCue(index) {
    audio.currentTime = starts[index];
    following = true;
    followButton.hidden = true;
    highlight(index);
    play();
  }

  // --- speed ---------------------------------------------------------------------------------------------
  function setRate(rate, aloud) {
    audio.playbackRate = rate;
    audio.defaultPlaybackRate = rate;
    store("narration:rate", rate);
    showRate();
    if (aloud) {
      announce(say("rate", { rate: String(rate).replace(".", say("decimal")) }));
    }
  }

  function showRate() {
    speedButtons.forEach(function (button, index) {
      button.setAttribute("aria-pressed", Math.abs(rates[index] - audio.playbackRate) < 0.001 ? "true" : "false");
    });
  }

  function stepRate(direction) {
    var index = rates.indexOf(audio.playbackRate);
    if (index < 0) {
      index = rates.indexOf(1);
    }
    var next = Math.min(Math.max(0, index + direction), rates.length - 1);
    setRate(rates[next], true);
  }

  // --- keyboard shortcuts ---------------------------------------------------------------------------------
  var KEYS = {
    " ": function () { toggle(); },
    k: function () { toggle(); },
    ArrowLeft: function () { seekBy(-BACK); },
    j: function () { seekBy(-BACK); },
    ArrowRight: function () { seekBy(FORWARD); },
    l: function () { seekBy(FORWARD); },
    "-": function () { stepRate(-1); },
    "+": function () { stepRate(1); },
    "=": function () { stepRate(1); }
  };

  function onKey(event) {
    var target = event.target;
    var tag = target.tagName;
    var action = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || tag === "AUDIO" || target.isContentEditable) {
      return; // the field or the native player uses these keys itself
    }
    if (event.key === " " && (tag === "BUTTON" || tag === "A" || tag === "SUMMARY")) {
      return; // Space presses the focused button
    }
    event.preventDefault();
    action();
  }

  // --- wiring ---------------------------------------------------------------------------------------------
  playButton.addEventListener("click", toggle);
  $("back").addEventListener("click", function () { seekBy(-BACK); });
  $("forward").addEventListener("click", function () { seekBy(FORWARD); });
  slider.addEventListener("input", function () {
    audio.currentTime = Number(slider.value);
    following = true;
  });
  speedButtons.forEach(function (button, index) {
    button.addEventListener("click", function () { setRate(rates[index], true); });
  });
  nativeButton.addEventListener("click", function () {
    audio.controls = !audio.controls;
    nativeButton.setAttribute("aria-expanded", audio.controls ? "true" : "false");
    nativeButton.textContent = say(audio.controls ? "native_hide" : "native_show");
  });
  cues.forEach(function (cue, index) {
    // Sentences are spans (so they wrap as running text) with a button's role, focus and keys.
    cue.setAttribute("role", "button");
    cue.setAttribute("tabindex", "0");
    cue.addEventListener("click", function () { seekToCue(index); });
    cue.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        seekToCue(index);
      }
    });
  });
  followButton.addEventListener("click", followAgain);
  document.addEventListener("keydown", onKey);
  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("scrollend", function () { autoScrollUntil = 0; });
  ["timeupdate", "seeked", "seeking", "durationchange"].forEach(function (name) {
    audio.addEventListener(name, function () {
      showTime();
      sync();
      savePosition(false);
    });
  });
  ["play", "pause"].forEach(function (name) {
    audio.addEventListener(name, function () {
      showPlaying();
      sync();
      savePosition(true);
    });
  });
  audio.addEventListener("ended", function () { store(positionKey, null); });
  audio.addEventListener("ratechange", showRate);
  window.addEventListener("pagehide", function () { savePosition(true); });

  audio.controls = false; // the large controls replace the native ones, which stay one button away
  controls.hidden = false;
  var rate = Number(stored("narration:rate"));
  setRate(rates.indexOf(rate) >= 0 ? rate : 1, false);
  showPlaying();
  showTime();
  sync();
  if (audio.readyState >= 1) {
    restorePosition();
  } else {
    audio.addEventListener("loadedmetadata", restorePosition);
  }
})();
