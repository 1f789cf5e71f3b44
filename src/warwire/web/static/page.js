/* Detail pages: colour swatches from data attributes (the CSP allows no inline style). */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-colour]"), function (el) {
    var c = el.getAttribute("data-colour");
    if (/^#[0-9a-fA-F]{3,8}$/.test(c)) el.style.backgroundColor = c;
  });
})();
