// The web player: keeps the transcript in step with the native <audio>, seeks on a sentence, sets speed.
(function () {
  "use strict";

  var audio = document.getElementById("audio");
  if (!audio) {
    return;
  }
  var cues = Array.prototype.slice.call(document.querySelectorAll("button.cue[data-start]"));
  var starts = cues.map(function (cue) { return Number(cue.getAttribute("data-start")) / 1000; });
  var status = document.getElementById("player-status");
  var controls = document.querySelector(".controls");
  var speedButtons = Array.prototype.slice.call(document.querySelectorAll("button.speed[data-rate]"));
  var current = -1;

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
    var cue = cues[index];
    cue.setAttribute("aria-current", "true");
    // Follow along only while playing and when the reader is not working elsewhere on the page.
    if (!audio.paused && (document.activeElement === document.body || cues.indexOf(document.activeElement) >= 0
        || document.activeElement === audio)) {
      cue.scrollIntoView({ block: "nearest" });
    }
  }

  function sync() {
    highlight(cueAt(audio.currentTime));
  }

  function seekTo(index) {
    audio.currentTime = starts[index];
    highlight(index);
    var playing = audio.play();
    if (playing && playing.catch) {
      playing.catch(function () { /* the reader can press play; the position is already set */ });
    }
  }

  cues.forEach(function (cue, index) {
    // A <button> turns Enter and Space into click, so keyboard and pointer share this path.
    cue.addEventListener("click", function () { seekTo(index); });
  });

  function showRate() {
    var rate = audio.playbackRate;
    speedButtons.forEach(function (button) {
      var pressed = Math.abs(Number(button.getAttribute("data-rate")) - rate) < 0.001;
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
    });
  }

  speedButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      var rate = Number(button.getAttribute("data-rate"));
      audio.playbackRate = rate;
      audio.defaultPlaybackRate = rate;
      showRate(); // at once: the ratechange event comes a moment later
      if (status) {
        status.textContent = "Playback speed " + button.textContent;
      }
    });
  });

  if (controls) {
    controls.hidden = false; // the speed buttons only work with this script, so they appear with it
  }
  ["timeupdate", "seeked", "seeking", "play", "loadedmetadata"].forEach(function (name) {
    audio.addEventListener(name, sync);
  });
  audio.addEventListener("ratechange", showRate);
  showRate();
  sync();
})();
