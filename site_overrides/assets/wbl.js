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

  // The header's menu is a <label> for Material's drawer checkbox, which works with a pointer and no script.
  // A label is no control for keyboards and screen readers, so a button with the same look and content takes
  // its place: it toggles the drawer, says whether it is open (aria-expanded), moves the focus to the drawer's
  // first link when it opens; Escape closes the drawer and brings the focus back.
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector("label.wbl-menu-button");
  if (drawer && label) {
    var menu = document.createElement("button");
    menu.type = "button";
    menu.className = label.className;
    while (label.firstChild) menu.appendChild(label.firstChild);
    if (document.getElementById("wbl-sections")) menu.setAttribute("aria-controls", "wbl-sections");
    label.parentNode.replaceChild(menu, label);
    var firstLink = function () { return document.querySelector(".md-sidebar--primary .md-nav__link"); };
    var sync = function () { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
    var toggle = function (open) {
      if (drawer.checked === open) return;
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change"));
    };
    drawer.addEventListener("change", sync);
    menu.addEventListener("click", function () {
      toggle(!drawer.checked);
      var link = firstLink();
      if (drawer.checked && link) setTimeout(function () { link.focus(); }, 50);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawer.checked) return;
      toggle(false);
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
})();
