// The new-listing form's pure modules: the checker's words for the validator's errors, and the file it writes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import YAML from "../../site_overrides/assets/vendor/yaml/index.js";
import { fieldName, fill, problems } from "../../site_overrides/assets/contribute/messages.js";
import { clean, filePath, newFileUrl, slugify, toYaml } from "../../site_overrides/assets/contribute/listing.js";

// The templates as the build writes them (generator/render/contribute_form.py, script_messages), for the parts
// these tests use: the page reads the real ones, and the browser test compares them with the checker's output.
const TEXT = {
  templates: {
    "missing-key": ["The required key `{name}` is missing{where}", "Add `{name}:`{gloss}"],
    "empty-value": ["{field} is empty", "Fill in {words}"],
    blank: ["{field} is blank", "Write some text"],
    "not-allowed": ["{field} has the value `{value}`, which is not allowed here", "Use one of: {allowed}"],
    "too-large": ["{field} is {value}, but it must be at most {limit}", "Use a number up to {limit}"],
    "too-small": ["{field} is {value}, but it must be {bound} {limit}", "Use a number {bound} {limit}"],
    "wrong-type": ["{field} should be {words}, not {value}", "Write {words}"],
    other: ["{field} is not in the expected form", "See the field reference for an example"],
  },
  patterns: { date: ["is not a date written YYYY-MM-DD", "Write the date like 2027-03-15"] },
  types: { integer: "a whole number", string: "text" },
  or_remove: ", or remove the line",
};
const SCHEMA = {
  type: "object",
  required: ["title", "sites"],
  properties: {
    title: { $ref: "#/$defs/line", description: "Short title. More." },
    seats: { type: "integer", minimum: 1, maximum: 500 },
    start: { $ref: "#/$defs/date" },
    pay: { type: "object", properties: { type: { enum: ["paid", "unpaid"] } } },
    sites: { type: "array", items: { type: "object", required: ["name"], properties: { name: { $ref: "#/$defs/line" } } } },
  },
  $defs: { line: { type: "string", minLength: 1, pattern: "\\S" }, date: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" } },
};

test("places are named in words, as the checker names them", () => {
  assert.equal(fieldName(["sites", 1, "zip"]), "`sites`, item 2, `zip`");
  assert.equal(fieldName(["pay", "type"]), "`pay.type`");
  assert.equal(fieldName([]), "the file");
  assert.equal(fill("{a} and {b} but {c}", { a: 1, b: "x" }), "1 and x but {c}");
});

test("a missing key, a number too large, a wrong kind and a bad date read as the checker's messages", () => {
  const found = problems({ seats: 900, start: "June 1", pay: { type: "paid-ish" }, sites: [{}] }, SCHEMA, TEXT);
  const lines = found.map((p) => `${p.what}. ${p.fix}.`);
  assert.deepEqual(lines, [
    "The required key `title` is missing. Add `title:` (Short title).",
    "The required key `name` is missing in `sites`, item 1. Add `name:`.",
    "`pay.type` has the value `paid-ish`, which is not allowed here. Use one of: `paid`, `unpaid`.",
    "`start` is not a date written YYYY-MM-DD. Write the date like 2027-03-15.",
    "`seats` is 900, but it must be at most 500. Use a number up to 500.",
  ]);
  const typed = problems({ title: "x", sites: [], seats: "300+" }, SCHEMA, TEXT);
  assert.equal(typed[0].what, "`seats` should be a whole number, not the text `300+`");
  assert.equal(problems({ title: " ", sites: [] }, SCHEMA, TEXT)[0].what, "`title` is blank");
  assert.deepEqual(problems({ title: "A title", sites: [{ name: "Clinic" }] }, SCHEMA, TEXT), []);
});

test("the file leaves blank answers out and reads back as the same listing", () => {
  const listing = clean({ title: "Aide", seats: undefined, pay: { type: "" }, sites: [{ name: "Clinic", zip: "90802" }, {}], days: [] });
  assert.deepEqual(listing, { title: "Aide", sites: [{ name: "Clinic", zip: "90802" }] });
  const text = toYaml({ ...listing, start: "2027-06-01", description: "One.\n\nTwo.\n" });
  assert.match(text, /^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schemas\/opportunity\.schema\.json\n/);
  assert.match(text, /zip: "90802"/);  // a ZIP code stays text
  assert.match(text, /description: \|\n {2}One\.\n\n {2}Two\.\n/);
  assert.deepEqual(YAML.parse(text), { ...listing, start: "2027-06-01", description: "One.\n\nTwo.\n" });
});

test("ids come from titles, and the GitHub address carries the path and the file", () => {
  assert.equal(slugify("Summer Clinic Aide!"), "summer-clinic-aide");
  assert.equal(slugify("Enfermería   básica -- 2027"), "enfermeria-basica-2027");
  assert.ok(slugify("x".repeat(80)).length <= 60);
  assert.equal(filePath("acme", "aide"), "catalog/employers/acme/aide.yml");
  const url = new URL(newFileUrl("https://github.com/o/r/", "main", "acme", "aide", "title: A & B\n"));
  assert.equal(url.origin + url.pathname, "https://github.com/o/r/new/main");
  assert.equal(url.searchParams.get("filename"), "catalog/employers/acme/aide.yml");
  assert.equal(url.searchParams.get("value"), "title: A & B\n");
  assert.ok(!url.search.includes("+"));  // spaces as %20, which GitHub's editor keeps as spaces
});

test("the vendored packages are the versions package.json pins", () => {
  const pinned = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url))).dependencies;
  for (const [name, folder] of [["@cfworker/json-schema", "cfworker-json-schema"], ["yaml", "yaml"]]) {
    const vendored = JSON.parse(readFileSync(new URL(`../../site_overrides/assets/vendor/${folder}/npm-package.json`, import.meta.url)));
    assert.equal(vendored.version, pinned[name], name);
  }
});

test("the checker's rules between fields: employer of record, deadline, date order and ranges", async () => {
  const { crossProblems } = await import("../../site_overrides/assets/contribute/rules.js");
  const text = {
    templates: {
      "missing-employer-of-record": ["A listing with pay type `{type}` must say who the employer of record is", "Add `employer_of_record: self`"],
      "missing-deadline": ["An open listing needs a deadline or `rolling: true`", "Add `deadline: YYYY-MM-DD`"],
      "deadline-and-rolling": ["The listing has both a deadline and `rolling: true`", "Keep one"],
      "date-order": ["{field} ({value}) is before {earlier} ({earlier_value})", "Dates go in this order: opens, deadline, start, end"],
      "grades-order": ["The lowest grade ({min}) is higher than the highest grade ({max})", "Swap `min` and `max`"],
      "age-order": ["The minimum age ({min}) is higher than the maximum age ({max})", "Swap `min` and `max`"],
    },
  };
  const good = {
    status: "open", pay: { type: "paid" }, employer_of_record: "self",
    application: { mode: "apply", opens: "2027-02-01", deadline: "2027-03-15" },
    schedule: { start: "2027-06-01", end: "2027-07-30" }, eligibility: { grades: { min: 9, max: 12 }, age: { min: 14 } },
  };
  assert.deepEqual(crossProblems(good, text), []);
  const codes = (listing) => crossProblems(listing, text).map((p) => p.what);
  assert.deepEqual(codes({ ...good, employer_of_record: undefined }), ["A listing with pay type `paid` must say who the employer of record is"]);
  assert.deepEqual(codes({ ...good, pay: { type: "stipend" }, employer_of_record: undefined }), []);  // as the checker: wages only
  assert.deepEqual(codes({ ...good, application: { mode: "apply" } }), ["An open listing needs a deadline or `rolling: true`"]);
  for (const way of [{ rolling: true }, { windows: [] }, { expected: "In March." }, { mode: "none" }]) {
    assert.deepEqual(codes({ ...good, application: { mode: "apply", ...way } }), [], JSON.stringify(way));
  }
  assert.deepEqual(codes({ ...good, status: "closed", application: { mode: "apply" } }), []);
  assert.deepEqual(codes({ ...good, application: { ...good.application, rolling: true } }), ["The listing has both a deadline and `rolling: true`"]);
  const order = crossProblems({ ...good, application: { mode: "apply", deadline: "2027-07-01" } }, text);
  assert.deepEqual(order.map((p) => [p.path.join("."), p.what]), [["schedule.start", "`schedule.start` (2027-06-01) is before `application.deadline` (2027-07-01)"]]);
  assert.deepEqual(codes({ ...good, schedule: { start: "2027-06-01", end: "2027-02-30" } }), []);  // not a date: the schema says so
  assert.deepEqual(codes({ ...good, eligibility: { grades: { min: 12, max: 9 }, age: { min: 18, max: 16 } } }), [
    "The lowest grade (12) is higher than the highest grade (9)",
    "The minimum age (18) is higher than the maximum age (16)",
  ]);
});

test("an organization is found by its id or its full name, and an unknown one is told in the checker's words", async () => {
  const { organizationIndex, organizationProblem, resolveOrganization } = await import(
    "../../site_overrides/assets/contribute/organizations.js"
  );
  const file = {
    format: 1,
    organizations: [
      { id: "acme", name: "Acme Fabrication" },
      { id: "clinica", name: "Community Clinic", names: { es: "Clínica Comunitaria" } },
    ],
  };
  const index = organizationIndex(file, "es");
  assert.deepEqual(index.byId.get("clinica"), { id: "clinica", name: "Clínica Comunitaria", lang: "es" });
  assert.deepEqual(index.byId.get("acme"), { id: "acme", name: "Acme Fabrication", lang: "en" });
  assert.equal(resolveOrganization(index, " acme "), "acme");
  assert.equal(resolveOrganization(index, "clínica comunitaria"), "clinica");
  assert.equal(resolveOrganization(index, "Community Clinic"), "clinica");
  assert.equal(resolveOrganization(index, "acme-shop"), "acme-shop");
  assert.equal(organizationProblem(index, "acme", {}), null);
  const text = {
    templates: {
      "missing-organization": [
        "The folder catalog/employers/{org}/ has no organization.yml",
        "Add organization.yml describing the organization (see CONTRIBUTING.md)",
      ],
    },
  };
  assert.deepEqual(organizationProblem(index, "acme-shop", text), {
    path: ["organization"],
    what: "The folder catalog/employers/acme-shop/ has no organization.yml",
    fix: "Add organization.yml describing the organization (see CONTRIBUTING.md)",
  });
});
