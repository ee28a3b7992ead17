// The edit lock is taken when someone starts editing, not when they open the form
// (review walk 5 #1): the first change in the form sends one small POST.
(function () {
  "use strict";
  // Whether a reviewer took over while this form was open (walk 6 #4): asked only when
  // the page is looked at again (focus, tab shown), never on a timer.
  function watch(notice) {
    var url = notice.dataset.statusUrl;
    if (!url) return;
    var asking = false;
    function check() {
      if (asking || document.visibilityState === "hidden") return;
      asking = true;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.text(); // read to the end, so the request is finished
        })
        .then(function (body) {
          asking = false;
          var answer = JSON.parse(body);
          if (!answer.taken_over) return;
          var told = document.createElement("p");
          told.setAttribute("role", "alert");
          told.className = "editing-lock lock-lost";
          told.textContent = answer.message;
          notice.replaceWith(told);
          notice = told;
          url = null;
        })
        .catch(function () {
          asking = false; // the save still refuses and says why
        });
    }
    function maybe() {
      if (url) check();
    }
    document.addEventListener("visibilitychange", maybe);
    window.addEventListener("focus", maybe);
  }
  function start() {
    var notice = document.getElementById("editing-lock");
    if (notice) watch(notice);
    if (!notice || !notice.dataset.lockUrl) return;
    var form = notice.closest("form");
    if (!form) return;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var sent = false;
    function show(which) {
      notice.querySelectorAll("[class^=lock-]").forEach(function (el) {
        if (el.tagName === "SPAN") el.hidden = !el.classList.contains(which);
      });
      var button = notice.querySelector(".lock-button");
      if (button) button.hidden = true;
    }
    function lock(event) {
      if (sent || event.target.type === "hidden") return;
      sent = true;
      fetch(notice.dataset.lockUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": token ? token.value : "" },
      })
        .then(function (response) {
          show(response.ok ? "lock-taken" : "lock-refused");
          return response.text(); // read to the end, so the request is finished
        })
        .catch(function () {
          sent = false; // the save still takes the lock
        });
    }
    form.addEventListener("input", lock);
    form.addEventListener("change", lock);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
