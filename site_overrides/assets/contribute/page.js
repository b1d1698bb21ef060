// The form that writes a new listing (/contribute/new/): reads the answers, checks them with the schema the
// checker uses (messages.js), shows the problems, a preview card and the YAML file, and links "Submit on GitHub"
// to GitHub's editor with the file filled in. Nothing leaves the page until the employer follows that link.
import { problems } from "./messages.js";
import { crossProblems } from "./rules.js";
import { ID, ID_MAX, clean, filePath, newFileUrl, slugify, toYaml } from "./listing.js";
import { organizationIndex, organizationProblem, resolveOrganization } from "./organizations.js";
import { fillCard } from "../browse/results.js";
import { dateWriter, dayNumber } from "../browse/status.js";

const root = document.getElementById("wbl-cform");
const form = document.getElementById("wbl-cform-form");
const data = JSON.parse(document.getElementById("wbl-cform-data").textContent);
const labels = data.labels;
// The schema, the checker's message templates and the fixed answers: rules.json, read when the page loads.
let rules = null;
const lang = root.dataset.lang;
const touched = new Set();
let idEdited = false;
let counter = 0;
// Filled from organizations.json when the page loads; null until then (or if it could not be read), when any
// well-formed folder name is taken as it is and the checker judges it.
let orgs = null;

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function number(text, whole) {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (whole ? /^-?\d+$/.test(trimmed) : /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;  // left as text: the check says what is wrong with it, as the checker would
}

function read(field) {
  const widget = field.dataset.widget;
  if (widget === "checkboxes") return [...field.querySelectorAll("input:checked")].map((box) => box.value);
  const input = field.querySelector("input, select, textarea");
  const value = input.value;
  if (widget === "lines") return value.split("\n").map((line) => line.trim()).filter(Boolean);
  if (widget === "boolean") return value === "" ? undefined : value === "true";
  if (widget === "integer" || widget === "number") return number(value, widget === "integer");
  if (widget === "textarea") return value.trim() ? value.replace(/\s+$/, "") + "\n" : "";
  return value.trim();
}

// The answers under an element: fields by their key, groups as mappings, lists as lists of their items.
function collect(element, into) {
  for (const child of element.children) {
    if (child.tagName === "TEMPLATE") continue;
    if (child.dataset.key !== undefined) {
      into[child.dataset.key] = read(child);
    } else if (child.dataset.object !== undefined) {
      // Merged: the sections of each language each hold a part of `translations`.
      into[child.dataset.object] = collect(child, into[child.dataset.object] || {});
    } else if (child.dataset.list !== undefined) {
      const items = child.querySelectorAll(":scope > [data-items] > [data-item]");
      into[child.dataset.list] = [...items].map((item) => collect(item, {}));
    } else {
      collect(child, into);
    }
  }
  return into;
}

function listing() {
  const answers = collect(form, {});
  return clean({ ...rules.fixed, ...answers }) || {};
}

function addItem(list) {
  const template = list.querySelector(":scope > template[data-item-template]");
  counter += 1;
  const html = template.innerHTML.replaceAll("__N__", String(counter));
  const holder = document.createElement("div");
  holder.innerHTML = html;
  const item = holder.firstElementChild;
  list.querySelector(":scope > [data-items]").append(item);
  renumber(list);
  return item;
}

function renumber(list) {
  const items = list.querySelectorAll(":scope > [data-items] > [data-item]");
  items.forEach((item, i) => {
    item.querySelector("[data-item-number]").textContent = String(i + 1);
  });
}

// The element that shows a problem at `path`: the field itself, else the nearest group or list around it.
function locate(path) {
  let scope = form;
  const names = [];
  for (const part of path) {
    if (typeof part === "number") {
      const list = scope.querySelector(`[data-field="${names.join(".")}"]`);
      const items = list ? list.querySelectorAll(":scope > [data-items] > [data-item]") : [];
      if (!items[part]) break;
      scope = items[part];
    } else {
      names.push(part);
    }
  }
  while (names.length) {
    const found = scope.querySelector(`[data-field="${names.join(".")}"]`);
    if (found) return found;
    names.pop();
  }
  return null;
}

// The paragraph under a field, group or list that shows its problem, added the first time it has one; a field's
// control is then described by it too.
function problemOf(element) {
  const shown = element.querySelector(":scope > [data-problem]");
  if (shown) return shown;
  const holder = document.createElement("p");
  holder.className = "wbl-cform__problem";
  holder.dataset.problem = "";
  holder.hidden = true;
  element.append(holder);
  const control = element.querySelector(":scope > input, :scope > select, :scope > textarea");
  if (control) {
    holder.id = `${control.id}-problem`;
    const described = control.getAttribute("aria-describedby");
    control.setAttribute("aria-describedby", described ? `${described} ${holder.id}` : holder.id);
  }
  return holder;
}

// Money as the server writes it (i18n.money): in the site's locale for the language, whole dollars from $100.
function money(amount) {
  const whole = Number.isInteger(amount) && amount >= 100;
  const digits = whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  return new Intl.NumberFormat(data.locale, { style: "currency", currency: "USD", ...digits }).format(amount);
}

function payText(pay) {
  if (!pay) return "";
  if (pay.type === "unpaid") return labels.unpaid;
  if (pay.type === "free") return labels.browse_pay_free;
  if (pay.type === "fee") return labels.browse_pay_fee;
  const label = pay.type === "stipend" ? labels.stipend : labels.paid;
  if (typeof pay.amount !== "number") return label || "";
  const unit = { hour: labels.per_hour, week: labels.cform_per_week, month: labels.cform_per_month, total: labels.cform_total }[pay.unit];
  return `${label}: ${money(pay.amount)}${unit ? ` ${unit}` : ""}`;
}

function gradesText(eligibility) {
  const grades = eligibility && eligibility.grades;
  if (!grades || grades.min === undefined) return "";
  if (grades.max === undefined || grades.max === grades.min) return labels.grade_one.replace("{min}", grades.min);
  return labels.grade_range.replace("{min}", grades.min).replace("{max}", grades.max);
}

// The card the listing will have, filled as the browse page fills its cards (results.js fillCard), in a fresh
// copy of the page's card each time: fillCard takes out the parts a listing does not have.
let cardTemplate = null;
function preview(value, org) {
  const list = document.getElementById("cf-preview");
  if (!cardTemplate) cardTemplate = list.firstElementChild.cloneNode(true);
  const known = orgs && orgs.byId.get(org);
  const site = (value.sites || [])[0] || {};
  const deadline = value.application && value.application.deadline;
  const dated = typeof deadline === "string" && /^\d{4}-\d{2}-\d{2}$/.test(deadline);
  const texts = {
    title: value.title || "",
    org: known ? known.name : "",
    orgLang: known && known.lang !== lang ? known.lang : undefined,
    format: data.formats[value.format] || value.format || "",
    statusLabel: labels.status_open,
    status: "open",
    pay: payText(value.pay),
    grades: gradesText(value.eligibility),
    where: site.mode === "remote" ? labels.remote : site.city || site.name || "",
    deadline: dated ? dateWriter(data.locale)(dayNumber(deadline)) : "",
  };
  list.replaceChildren(fillCard(cardTemplate.cloneNode(true), texts));
}

function update() {
  const value = listing();
  const typed = document.getElementById("cf-organization").value;
  const org = orgs ? resolveOrganization(orgs, typed) : typed.trim();
  const id = document.getElementById("cf-id").value.trim();
  const found = [...problems(value, rules.schema, rules.messages), ...crossProblems(value, rules.messages)];
  const unknown = (orgs || !ID.test(org)) && organizationProblem(orgs || organizationIndex(null, lang), org, rules.messages);
  if (!org) found.unshift({ path: ["organization"], what: labels.cform_org_missing, fix: "", own: true });
  else if (unknown) found.unshift(unknown);
  const chosen = document.getElementById("cf-organization-chosen");
  const named = orgs && orgs.byId.get(org);
  chosen.textContent = named ? labels.cform_org_chosen.replace("{name}", named.name) : "";
  if (!id) found.unshift({ path: ["id"], what: labels.cform_id_missing, fix: "", own: true });
  else if (!ID.test(id) || id.length > ID_MAX) found.unshift({ path: ["id"], what: labels.cform_id_bad, fix: "", own: true });

  for (const element of form.querySelectorAll("[data-problem]")) {
    element.hidden = true;
    element.textContent = "";
  }
  const list = document.getElementById("cf-problems");
  list.replaceChildren();
  for (const problem of found) {
    const sentence = problem.fix ? `${problem.what}. ${problem.fix}.` : problem.what;
    const item = document.createElement("li");
    item.textContent = sentence;
    if (problem.own) item.lang = lang;
    list.append(item);
    const element = locate(problem.path);
    const name = element && element.dataset.field;
    // A rule between fields shows once the employer has answered either side of it.
    if (element && (touched.has(name) || (problem.reads || []).some((other) => touched.has(other)))) {
      const holder = problemOf(element);
      if (holder && !holder.textContent) {
        holder.textContent = sentence;
        holder.lang = problem.own ? lang : "en";
        holder.hidden = false;
      }
    }
  }
  const status = document.getElementById("cf-status");
  status.textContent = found.length ? labels.cform_status_problems.replace("{n}", found.length) : labels.cform_status_ok;

  const yaml = toYaml(value);
  document.getElementById("cf-yaml").textContent = yaml;
  document.getElementById("cf-file-path").textContent = filePath(org || "…", id || "…");
  preview(value, org);
  const submit = document.getElementById("cf-submit");
  const ready = found.length === 0 && root.dataset.repoUrl;
  submit.setAttribute("aria-disabled", ready ? "false" : "true");
  submit.href = ready ? newFileUrl(root.dataset.repoUrl, root.dataset.branch || "main", org, id, yaml) : "#cf-problems-heading";
}

function touch(target) {
  const field = target.closest("[data-field]");
  if (field) touched.add(field.dataset.field);
}

// The suggestions of the organization field. The file is the site's own; read once, the page works offline.
async function loadOrganizations() {
  const input = document.getElementById("cf-organization");
  try {
    const response = await fetch(input.dataset.source);
    if (!response.ok) return;
    orgs = organizationIndex(await response.json(), lang);
  } catch {
    return;
  }
  const options = [...orgs.byId.values()].map((org) => {
    const option = document.createElement("option");
    option.value = org.id;
    option.textContent = org.name;
    if (org.lang !== lang) option.lang = org.lang;
    return option;
  });
  document.getElementById("cf-organization-choices").replaceChildren(...options);
}

// Each field's help, in English, before its example: in the form and in the copies that "Add another" makes.
function writeHelp(root) {
  for (const paragraph of root.querySelectorAll("p.wbl-cform__help[id$='-help']")) {
    const field = paragraph.closest("[data-field]");
    const text = field && rules.help[field.dataset.field];
    if (!text || paragraph.querySelector("[data-help]")) continue;
    const span = document.createElement("span");
    span.lang = "en";
    span.dataset.help = "";
    span.textContent = text;
    paragraph.prepend(span);
  }
  for (const template of root.querySelectorAll("template")) writeHelp(template.content);
}

// Without its rules the form cannot check anything: it stays hidden and the page says so.
async function loadRules() {
  try {
    const response = await fetch(root.dataset.rules);
    if (response.ok) rules = await response.json();
  } catch {
    rules = null;
  }
}

async function start() {
  await Promise.all([loadOrganizations(), loadRules()]);
  if (!rules) {
    document.getElementById("cf-unavailable").hidden = false;
    return;
  }
  writeHelp(form);
  for (const input of form.querySelectorAll("[data-today]")) {
    if (!input.value) input.value = today();
  }
  for (const list of form.querySelectorAll("[data-list]")) {
    if (list.closest("template")) continue;
    if (list.hasAttribute("data-required")) addItem(list);
  }
  form.addEventListener("input", (event) => {
    if (event.target.id === "cf-id") idEdited = event.target.value.trim() !== "";
    if (event.target.id === "cf-title" && !idEdited) document.getElementById("cf-id").value = slugify(event.target.value);
    // The organization is judged once it is left or chosen (change): while its name is being typed, every
    // letter would be a folder that does not exist.
    if (event.target.id !== "cf-organization") touch(event.target);
    update();
  });
  form.addEventListener("change", (event) => {
    touch(event.target);
    update();
  });
  form.addEventListener("click", (event) => {
    const choice = event.target.closest("[data-choose]");
    if (choice) {
      const field = choice.closest("[data-field]");
      field.querySelector("input").value = choice.dataset.choose;
      touch(choice);
      update();
      return;
    }
    const add = event.target.closest("[data-add-item]");
    if (add) {
      const item = addItem(add.closest("[data-list]"));
      const first = item.querySelector("input, select, textarea");
      if (first) first.focus();
      update();
      return;
    }
    const remove = event.target.closest("[data-remove-item]");
    if (remove) {
      const list = remove.closest("[data-list]");
      remove.closest("[data-item]").remove();
      renumber(list);
      update();
    }
  });
  document.getElementById("cf-submit").addEventListener("click", (event) => {
    if (event.currentTarget.getAttribute("aria-disabled") === "true") {
      event.preventDefault();
      for (const field of form.querySelectorAll("[data-field]")) touched.add(field.dataset.field);
      update();
      document.getElementById("cf-problems-heading").scrollIntoView();
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  document.getElementById("cf-status").textContent = labels.cform_status_empty;
  update();
}

start();
