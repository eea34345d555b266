// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // Listening on the document, not the button, because the button shows the moment the "js" class lands:
  // a tap before DOMContentLoaded (other deferred scripts still running) must open the menu too.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".nav-button");
    if (!button) return;
    var nav = button.closest(".main-nav");
    if (!nav) return;
    var open = nav.classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();
