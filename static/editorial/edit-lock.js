// The edit lock is taken when someone starts editing, not when they open the form
// (review walk 5 #1): the first change in the form sends one small POST.
(function () {
  "use strict";
  function start() {
    var notice = document.getElementById("editing-lock");
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
