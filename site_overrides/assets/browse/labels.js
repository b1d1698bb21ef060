// The page's interface text: the labels JSON's `ui` entries, which the build writes from the translation
// catalogs (generator/render/browse.py, UI_TEXT). A missing entry shows its own name, never another language.

export function uiText(labels) {
  const ui = Object.assign({}, (labels && labels.ui) || {});
  return new Proxy(ui, { get: (text, name) => (name in text ? text[name] : String(name)) });
}

// What the status line says for n results; format writes a number in the page's language.
export function resultsText(n, ui, format) {
  return n === 0 ? ui.none : n === 1 ? ui.result : ui.results.replace("{n}", format(n));
}

// A chip's accessible name: "Remove filter: <facet>: <value>".
export function removeText(ui, text) {
  return ui.remove.replace("{label}", text);
}

// The number of filters in use, as the filters' badge shows it ("" for none).
export function badgeText(n, format) {
  return n ? "(" + format(n) + ")" : "";
}

// A listing's grades as its card says them ("Grades 9–12", or "Grade 9" for one grade), from its values of
// the grade facet and the page's two forms of the text; "" without either.
export function gradesText(grades, ui) {
  const numbers = (grades || []).map(Number).filter(Number.isFinite);
  if (!numbers.length) return "";
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const text = min === max ? ui.grade_one : ui.grade_range;
  return text ? text.replaceAll("{min}", String(min)).replaceAll("{max}", String(max)) : "";
}

// What each slot of a result card shows (data-slot in the page's card template), from the listing's card
// record (data.js card) and the page's labels; `formats` is the format facet's labels by value.
export function cardTexts(r, ui, formats) {
  const format = r.format || "";
  return {
    href: r.href || "",
    title: r.title || r.href || "",
    titleLang: r.titleLang || "",
    // The track of a listing that has several, beside its title; a listing's own card has none.
    ...(r.track ? { track: r.track, trackLang: r.trackLang || "" } : {}),
    org: r.org || "",
    orgLang: r.orgLang || "",
    format: formats && Object.hasOwn(formats, format) ? formats[format] : format,
    status: r.status || "",
    statusLabel: r.statusLabel || "",
    ...(r.statusLang ? { statusLang: r.statusLang } : {}),
    pay: r.pay || "",
    grades: gradesText(r.grades, ui),
    // Text and place names taking turns, text first; a plain text names no place.
    whereParts: Array.isArray(r.where) ? r.where : [r.where || ""],
    where: Array.isArray(r.where) ? r.where.join("") : r.where || "",
    deadline: r.deadline || "",
    // How the deadline stands today (status.js cardToday), and whether it counts days (not printed).
    ...(r.deadlineNote ? { deadlineNote: r.deadlineNote, deadlineCounts: Boolean(r.deadlineCounts) } : {}),
    // How far the nearest site is, when the visitor gave a place (main.js adds it to the record).
    ...(r.distance ? { distance: r.distance } : {}),
  };
}

// What dropping one filter would find, as its button says: "4 results without “Paid”".
export function relaxText(n, label, ui, format) {
  return (n === 1 ? ui.search_relax_one : ui.search_relax_many).replace("{n}", format(n)).replace("{label}", label);
}

// "Did you mean {query}?" as the text before and after the suggested query, which the page shows as a button.
export function suggestionParts(ui) {
  const [before, after = ""] = ui.search_did_you_mean.split("{query}");
  return { before, after };
}
