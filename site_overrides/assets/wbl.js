// Small enhancements shared by every page. The site works without them.
(function () {
  "use strict";
  // "Print flyer" needs a script, so it is shown only when one runs.
  Array.prototype.forEach.call(document.querySelectorAll("button.wbl-print"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

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

  // The header's menu is a <label> for Material's drawer checkbox: make it a real button for keyboards
  // (Enter or Space opens it and moves focus into it, Escape closes it and returns focus) and say its state.
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector(".wbl-menu-button");
  if (drawer && menu) {
    var firstLink = function () { return document.querySelector(".md-sidebar--primary .md-nav__link"); };
    var sync = function () { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
    drawer.addEventListener("change", sync);
    menu.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      var before = drawer.checked;
      // Material's own script may already toggle on Enter: look once every handler has run.
      setTimeout(function () {
        if (drawer.checked === before) {
          drawer.checked = !before;
          drawer.dispatchEvent(new Event("change"));
        }
        var link = firstLink();
        if (drawer.checked && link) setTimeout(function () { link.focus(); }, 50);
      }, 0);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawer.checked) return;
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change"));
      menu.focus();
    });
    sync();
  }

  // Titles without a Spanish translation are marked lang="en" in the page; the header repeats the title.
  var heading = document.querySelector(".md-content h1");
  var topic = document.querySelector('[data-md-component="header-topic"] .md-ellipsis');
  if (heading && topic) {
    var marked = heading.querySelector("[lang]");
    if (marked && marked.textContent.trim() === heading.textContent.trim()) topic.setAttribute("lang", marked.getAttribute("lang"));
  }

  var browse = document.getElementById("wbl-browse");
  if (browse) {
    var script = document.createElement("script");
    script.src = browse.getAttribute("data-script");
    script.defer = true;
    document.head.appendChild(script);
  }
})();
