// When an htmx request fails (a permission refused, the server down), say so instead of
// silently leaving the page as it was.
(function () {
  "use strict";
  function tell(text) {
    const region = document.querySelector("main [role=status]");
    if (!region) return;
    region.innerHTML = "";
    const list = document.createElement("ul");
    list.className = "messages";
    const item = document.createElement("li");
    item.className = "message message-error";
    item.textContent = text;
    list.appendChild(item);
    region.appendChild(list);
  }
  document.addEventListener("htmx:responseError", function (event) {
    const status = event.detail.xhr.status;
    tell(status === 403 ? "You may not do this: your role does not allow it."
      : status === 404 ? "That is no longer there; reload the page."
      : "The server could not do this (error " + status + "). Nothing was changed; try again.");
  });
  document.addEventListener("htmx:sendError", function () {
    tell("The server could not be reached. Nothing was changed; check the connection and try again.");
  });
})();
