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
