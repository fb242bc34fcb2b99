// Public pages' enhancements. Every page works without this file.
// "Use my location": asks the browser for the position and opens /near with it. When the
// browser refuses, has no geolocation or takes too long, the page says so and the place
// pickers below (plain forms) remain.
(function () {
  "use strict";
  var button = document.getElementById("use-location");
  if (!button) return;
  var status = document.getElementById("location-status");
  var say = function (text) { if (status) status.textContent = text; };
  if (!("geolocation" in navigator)) {
    button.hidden = true;
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    say(button.getAttribute("data-locating"));
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var form = document.getElementById("near-filters");
        var params = new URLSearchParams(form ? new FormData(form) : undefined);
        ["place", "ward", "district", "at"].forEach(function (k) { params.delete(k); });
        params.set("lat", position.coords.latitude.toFixed(5));
        params.set("lon", position.coords.longitude.toFixed(5));
        window.location.href = "/near?" + params.toString();
      },
      function () {
        button.disabled = false;
        say(button.getAttribute("data-failed"));
        var pick = document.getElementById("choose");
        if (pick) pick.focus();
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 }
    );
  });
})();

// Maps: drag to pan, wheel or pinch or the + / − buttons to zoom, double-tap to zoom in. The
// map is a plain SVG whose viewBox we move; without this script it is a still picture whose
// pins are links.
(function () {
  "use strict";
  var maps = document.querySelectorAll("svg[data-map]");
  Array.prototype.forEach.call(maps, function (svg) {
    var start = svg.getAttribute("viewBox").split(" ").map(Number);
    var box = start.slice();
    var apply = function () { svg.setAttribute("viewBox", box.map(function (v) { return v.toFixed(0); }).join(" ")); };
    // Zoom by `factor` around the point (fx, fy), fractions of the drawing's width and height.
    var zoom = function (factor, fx, fy) {
      var width = Math.min(Math.max(box[2] * factor, start[2] / 8), start[2] * 4);
      var height = width * start[3] / start[2];
      box[0] += (box[2] - width) * fx;
      box[1] += (box[3] - height) * fy;
      box[2] = width;
      box[3] = height;
      apply();
    };
    var fraction = function (event) {
      var rect = svg.getBoundingClientRect();
      return [(event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height];
    };
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var f = fraction(event);
      zoom(event.deltaY < 0 ? 0.8 : 1.25, f[0], f[1]);
    }, { passive: false });
    // Pointer drag (one finger or the mouse) pans; two fingers pinch.
    var pointers = {};
    var last = null;
    var spread = function () {
      var ids = Object.keys(pointers);
      if (ids.length < 2) return 0;
      var a = pointers[ids[0]], b = pointers[ids[1]];
      return Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
    };
    var moved = 0;
    svg.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = event;
      last = spread();
      moved = 0;
    });
    svg.addEventListener("pointermove", function (event) {
      var before = pointers[event.pointerId];
      if (!before) return;
      pointers[event.pointerId] = event;
      var rect = svg.getBoundingClientRect();
      if (Object.keys(pointers).length === 1) {
        var dx = event.clientX - before.clientX, dy = event.clientY - before.clientY;
        moved += Math.abs(dx) + Math.abs(dy);
        if (moved < 6) return;
        if (!svg.hasPointerCapture(event.pointerId)) svg.setPointerCapture(event.pointerId);
        box[0] -= dx * box[2] / rect.width;
        box[1] -= dy * box[3] / rect.height;
        apply();
      } else {
        var now = spread();
        if (last && now) {
          var f = fraction(event);
          zoom(last / now, f[0], f[1]);
        }
        last = now;
        moved = 99;
      }
    });
    var release = function (event) {
      delete pointers[event.pointerId];
      last = spread();
    };
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", release);
    // A drag is not a tap: do not follow a pin's link at the end of one.
    svg.addEventListener("click", function (event) {
      if (moved >= 6) event.preventDefault();
    }, true);
    svg.addEventListener("dblclick", function (event) {
      event.preventDefault();
      var f = fraction(event);
      zoom(0.5, f[0], f[1]);
    });
    // Buttons, for keyboards and for people who cannot pinch.
    var controls = document.createElement("div");
    controls.className = "map-controls";
    [["+", 0.67, "zoom-in"], ["−", 1.5, "zoom-out"], ["⟲", 0, "reset"]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      button.setAttribute("aria-label", svg.getAttribute("data-" + spec[2]) || spec[2]);
      button.addEventListener("click", function () {
        if (spec[1] === 0) { box = start.slice(); apply(); } else { zoom(spec[1], 0.5, 0.5); }
      });
      controls.appendChild(button);
    });
    svg.parentNode.insertBefore(controls, svg.nextSibling);
  });

  // Tap-to-select: a pin leads to its row in the list; mark that row.
  var select = function () {
    var current = document.querySelector(".near-row.selected");
    if (current) current.classList.remove("selected");
    var id = window.location.hash.slice(1);
    var row = id && document.getElementById(id);
    if (row && row.classList.contains("near-row")) row.classList.add("selected");
  };
  window.addEventListener("hashchange", select);
  select();

  // After Back, show the filters of the results on screen, not what was typed and left.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    Array.prototype.forEach.call(document.querySelectorAll("form[method=get]"), function (form) { form.reset(); });
  });
})();
