// The listing the form writes: its answers cleaned, its YAML file, its path and GitHub's "new file" address.
// Pure: no DOM.
import YAML from "../vendor/yaml/index.js";

// The id rule of the catalog (defs.schema.json, id): lowercase letters, digits and single hyphens, at most 60.
export const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const ID_MAX = 60;

/** A title as a listing id: "Summer Clinic Aide" is summer-clinic-aide. */
export function slugify(title) {
  const plain = String(title).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const words = plain.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return words.slice(0, ID_MAX).replace(/-+$/, "");
}

/** The answers without empty values, lists or groups: a field left blank is not written at all. */
export function clean(value) {
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === "object") {
    const out = {};
    for (const [key, inner] of Object.entries(value)) {
      const kept = clean(inner);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === "" || value === null || value === undefined) return undefined;
  return value;
}

/** The listing as the YAML file the catalog holds, with the editor's schema line for its place. */
export function toYaml(listing) {
  const body = YAML.stringify(listing, { lineWidth: 0, minContentWidth: 0 });
  return "# yaml-language-server: $schema=../../../schemas/opportunity.schema.json\n" + body;
}

/** Where the file goes: catalog/employers/<org>/<id>.yml. */
export function filePath(org, id) {
  return `catalog/employers/${org}/${id}.yml`;
}

/** GitHub's web editor for a new file with the listing in it, on the repository's branch. */
export function newFileUrl(repoUrl, branch, org, id, yaml) {
  const query = new URLSearchParams({ filename: filePath(org, id), value: yaml });
  return `${repoUrl.replace(/\/+$/, "")}/new/${encodeURIComponent(branch)}?${query.toString().replace(/\+/g, "%20")}`;
}
