// The checker's rules between fields (generator/check/rules.py) that a first listing meets, which a schema
// cannot say: who has the students on payroll, a deadline or another way to say when to apply, dates in order,
// and ranges whose lowest end is not above their highest. The words are the checker's templates
// (generator/check/messages.py, TEMPLATES), written into the page when the site is built. Pure: no DOM.
import { fieldName, fill } from "./messages.js";

// The dates of a listing, in the order they must come (rules.py, DATE_FIELDS).
const DATE_ORDER = [["application", "opens"], ["application", "deadline"], ["schedule", "start"], ["schedule", "end"]];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function at(listing, path) {
  return path.reduce((value, key) => (value && typeof value === "object" ? value[key] : undefined), listing);
}

// A date the checker would read as one (a wrong one is the schema's to report), else null.
function realDate(value) {
  const match = typeof value === "string" && DATE.exec(value);
  if (!match) return null;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.getUTCDate() === Number(match[3]) && day.getUTCMonth() === Number(match[2]) - 1 ? value : null;
}

function range(listing, path, code, t) {
  const found = at(listing, path) || {};
  if (typeof found.min !== "number" || typeof found.max !== "number" || found.min <= found.max) return [];
  const values = { min: found.min, max: found.max };
  return [{ path: [...path, "min"], what: fill(t[code][0], values), fix: fill(t[code][1], values), reads: [path.concat("max").join(".")] }];
}

/**
 * The problems of a listing that only the checker's own rules find: [{path, what, fix, reads}], where `reads`
 * names the other fields whose answer brings the problem up (the employer who picks "paid" sees, at the
 * employer of record, that one is needed).
 */
export function crossProblems(listing, text) {
  const t = text.templates;
  const out = [];
  const pay = listing.pay || {};
  // Wages need someone who puts the student on payroll; a stipend or a fee does not (rules.py, payer).
  if (pay.type === "paid" && listing.employer_of_record === undefined) {
    const values = { type: pay.type };
    out.push({ path: ["employer_of_record"], what: fill(t["missing-employer-of-record"][0], values), fix: t["missing-employer-of-record"][1], reads: ["pay.type"] });
  }
  const application = listing.application || {};
  if ("deadline" in application && application.rolling === true) {
    out.push({ path: ["application", "rolling"], what: t["deadline-and-rolling"][0], fix: t["deadline-and-rolling"][1], reads: ["application.deadline"] });
  } else if (
    listing.status === "open" && !("deadline" in application) && !("windows" in application)
    && application.rolling !== true && !("expected" in application) && application.mode !== "none"
  ) {
    out.push({ path: ["application", "deadline"], what: t["missing-deadline"][0], fix: t["missing-deadline"][1], reads: ["application.mode", "application.rolling"] });
  }
  const dated = DATE_ORDER.map((path) => [path, realDate(at(listing, path))]).filter(([, day]) => day);
  for (let i = 1; i < dated.length; i += 1) {
    const [first, a] = dated[i - 1];
    const [second, b] = dated[i];
    if (a > b) {
      const values = { field: fieldName(second), value: b, earlier: fieldName(first), earlier_value: a };
      out.push({ path: second, what: fill(t["date-order"][0], values), fix: t["date-order"][1], reads: [first.join(".")] });
    }
  }
  out.push(...range(listing, ["eligibility", "grades"], "grades-order", t));
  out.push(...range(listing, ["eligibility", "age"], "age-order", t));
  return out;
}
