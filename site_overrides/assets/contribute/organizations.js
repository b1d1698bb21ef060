// The organizations a new listing may go in, from organizations.json (generator/render/contribute_form.py): the
// page does not carry them, so that it stays the same size however large the catalog grows.
import { fill } from "./messages.js";

/** Each organization by id, with its name in the page's language, from the file's rows. */
export function organizationIndex(file, lang) {
  const byId = new Map();
  const byName = new Map();
  for (const row of (file && file.organizations) || []) {
    const name = (row.names && row.names[lang]) || row.name;
    byId.set(row.id, { id: row.id, name, lang: name === row.name ? "en" : lang });
    for (const known of [name, row.name]) {
      const key = known.trim().toLowerCase();
      if (!byName.has(key)) byName.set(key, row.id);
    }
  }
  return { byId, byName };
}

/** The id an employer means by what they typed: an id of the list, else the id of a name typed in full; else the
 * text itself, which `organizationProblem` then reports. */
export function resolveOrganization(index, typed) {
  const text = typed.trim();
  if (!text || index.byId.has(text)) return text;
  return index.byName.get(text.toLowerCase()) || text;
}

/** The checker's problem for a listing in a folder that is no organization of the catalog, or null. */
export function organizationProblem(index, org, text) {
  if (!org || index.byId.has(org)) return null;
  const [what, fix] = text.templates["missing-organization"];
  return { path: ["organization"], what: fill(what, { org }), fix: fill(fix, { org }) };
}
