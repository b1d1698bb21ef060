// Small enhancements shared by every page. The site works without them.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.wbl-copy") : null;
    if (!button) return;
    var text = button.getAttribute("data-copy");
    var done = function () {
      var label = button.textContent;
      button.textContent = button.getAttribute("data-copied");
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt("", text); });
    } else {
      window.prompt("", text);
    }
  });
  var browse = document.getElementById("wbl-browse");
  if (browse) {
    var script = document.createElement("script");
    script.src = browse.getAttribute("data-script");
    script.defer = true;
    document.head.appendChild(script);
  }
})();
