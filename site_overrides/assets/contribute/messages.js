// Problems with a listing, in the checker's words. The templates come from generator/check/messages.py
// (TEMPLATES, PATTERN_TEXT, TYPE_WORDS), written into the page when the site is built; this module only fills
// them in, the way the checker does, for the errors of the schema validator. Pure: no DOM.
import { Validator } from "../vendor/cfworker-json-schema/index.js";

// Keywords that only say that something inside them failed: their inner errors are the ones to show.
const WRAPPERS = new Set(["$ref", "properties", "items", "prefixItems", "allOf", "anyOf", "oneOf", "if", "then", "else",
  "additionalItems", "unevaluatedProperties", "patternProperties", "dependentSchemas", "contains", "not"]);
// The order the checker reports problems of one place in (messages.py, _rank).
const RANK = ["additionalProperties", "required", "type", "enum", "pattern", "minLength", "format"];

/** A place in a file in words: `sites`, item 2, `zip` (messages.py, field_name). */
export function fieldName(path) {
  if (!path.length) return "the file";
  const parts = [];
  let keys = [];
  for (const part of path) {
    if (typeof part === "number") {
      if (keys.length) parts.push("`" + keys.join(".") + "`");
      parts.push(`item ${part + 1}`);
      keys = [];
    } else {
      keys.push(part);
    }
  }
  if (keys.length) parts.push("`" + keys.join(".") + "`");
  return parts.join(", ");
}

/** A template with `{name}` places filled in (Python's str.format for plain names). */
export function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function describe(value) {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null || value === undefined) return "an empty value";
  if (typeof value === "string") return `the text \`${value.length <= 40 ? value : value.slice(0, 37) + "..."}\``;
  if (typeof value === "number") return `the number ${value}`;
  if (Array.isArray(value)) return "a list";
  return "a set of keys";
}

function pointer(location) {
  return location.replace(/^#\/?/, "").split("/").filter((p) => p !== "")
    .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The schema node a keyword location points into, through $refs, and the last shared definition passed. */
function schemaAt(root, location) {
  let node = root;
  let def = "";
  const parts = pointer(location);
  for (const part of parts.slice(0, -1)) {
    if (part === "$ref") {
      const ref = node.$ref;
      def = ref.slice("#/$defs/".length);
      node = pointer(ref).reduce((n, p) => n[p], root);
    } else {
      node = node[part];
    }
    if (node === undefined) return { node: {}, def };
  }
  return { node, def };
}

// A property's own keys beside its $ref (descriptions) over the shared definition's (the rules).
function own(node, root) {
  return node.$ref ? { ...pointer(node.$ref).reduce((n, p) => n[p], root), ...node } : node;
}

/** Whether the key at `path` is required where it is (for "or remove the line"). */
function isRequired(root, path) {
  let node = root;
  const deref = (n) => (n && n.$ref ? own(n, root) : n);
  for (const part of path.slice(0, -1)) {
    node = deref(node);
    if (!node) return false;
    node = typeof part === "number" ? node.items : (node.properties || {})[part];
  }
  node = deref(node);
  return Boolean(node && path.length && (node.required || []).includes(path[path.length - 1]));
}

/** The problems of a listing: [{path, what, fix}], one per place, in the checker's words. */
export function problems(listing, schema, text) {
  const validator = new Validator(schema, "2020-12", false);
  const errors = validator.validate(listing).errors.filter((e) => !WRAPPERS.has(e.keyword));
  errors.sort((a, b) => rank(a.keyword) - rank(b.keyword));
  const seen = new Set();
  const out = [];
  for (const error of errors) {
    const path = pointer(error.instanceLocation).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const { node, def } = schemaAt(schema, error.keywordLocation);
    const value = path.reduce((v, p) => (v == null ? undefined : v[p]), listing);
    const found = one(error.keyword, { path, node, def, value, schema, text });
    for (const problem of found) {
      // One problem per place, as the checker reports it; a missing key is its own place. The same error comes
      // again from each conditional part of the schema that applies.
      const key = problem.path.join("/") + (error.keyword === "required" ? "" : "\u0000value");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(problem);
    }
  }
  return out;
}

function rank(keyword) {
  const i = RANK.indexOf(keyword);
  return i < 0 ? RANK.length : i;
}

function one(keyword, { path, node, def, value, schema, text }) {
  const t = text.templates;
  const field = fieldName(path);
  const make = (code, values, fix) => ({ path, what: fill(t[code][0], { field, ...values }), fix: fix ?? fill(t[code][1], { field, ...values }) });
  const optional = !isRequired(schema, path);
  const orRemove = optional ? text.or_remove || ", or remove the line" : "";
  switch (keyword) {
    case "required": {
      const given = value && typeof value === "object" ? value : {};
      return (node.required || []).filter((k) => !(k in given)).map((name) => {
        const description = String(((node.properties || {})[name] || {}).description || "");
        const first = description.split(". ")[0].replace(/\.$/, "");
        const where = path.length ? ` in ${field}` : "";
        return { path: [...path, name], what: fill(t["missing-key"][0], { name, where }), fix: fill(t["missing-key"][1], { name, gloss: first ? ` (${first})` : "" }) };
      });
    }
    case "type": {
      const wanted = Array.isArray(node.type) ? node.type[0] : node.type;
      const words = text.types[wanted] || wanted;
      if (value === null || value === undefined) return [make("empty-value", { words }, fill(t["empty-value"][1], { words }) + orRemove)];
      return [make("wrong-type", { words, value: describe(value) })];
    }
    case "enum":
      return [make("not-allowed", { value: String(value).slice(0, 60), allowed: (node.enum || []).map((a) => `\`${a}\``).join(", ") })];
    case "minLength":
    case "pattern":
    case "format": {
      if (typeof value === "string" && !value.trim()) return [make("blank", {}, t.blank[1] + orRemove)];
      const pattern = text.patterns[def];
      if (pattern) return [{ path, what: `${field} ${pattern[0]}`, fix: pattern[1] }];
      return [make("other", {})];
    }
    case "maxLength":
      return [make("too-long", { length: String(value).length, limit: node.maxLength })];
    case "minimum":
    case "exclusiveMinimum":
      return [make("too-small", { value, bound: keyword === "minimum" ? "at least" : "more than", limit: node[keyword] })];
    case "maximum":
    case "exclusiveMaximum":
      return [make("too-large", { value, limit: node[keyword] })];
    case "minItems":
      return [make("too-few", { limit: node.minItems, items: node.minItems === 1 ? "item" : "items" })];
    case "maxItems":
      return [make("too-many", { limit: node.maxItems })];
    case "uniqueItems":
      return [make("duplicate-item", {})];
    case "additionalProperties":
      return [];  // the form writes only the schema's own keys
    default:
      return [make("other", {})];
  }
}
