"""Mistakes people who do not program make in catalog files, each with the exact message it gets.

Every message says what is wrong and how to fix it, names places in words (`sites`, item 1), and never
suggests a value that would fail in turn. Each case is one edit to the minimal fixture catalog.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, check_lines, edit

from generator.check.messages import suggest
from generator.commands.cli import main

LISTING = "employers/acme/welding-intern.yml"
ORG = "employers/acme/organization.yml"
SHOWN = "catalog/employers/acme/welding-intern.yml"
SHOWN_ORG = "catalog/employers/acme/organization.yml"
SECTOR = "  - Manufacturing and Product Development"
SCHEDULE_END = '  end: "2027-08-06"'
GRADES = "  grades:\n    min: 11\n    max: 12"
PERSONAL = (
    "is an address at gmail.com, which is usually a person's own. Use a role address on the organization's own "
    "domain, such as internships@your-org.org: a personal address puts that person's details on a public page "
    "and stops working when they leave."
)
# A region's sectors, as many as Los Angeles has: more than a message lists in full.
SECTORS = [
    ("agriculture", "Agriculture and Natural Resources", "Agricultura y Recursos Naturales"),
    ("arts", "Arts, Media, and Entertainment", "Artes, Medios y Entretenimiento"),
    ("building", "Building and Construction Trades", "Oficios de la Construcción"),
    ("business", "Business and Finance", "Negocios y Finanzas"),
    ("education", "Education, Child Development, and Family Services", "Educación y Servicios Familiares"),
    ("energy", "Energy, Environment, and Utilities", "Energía, Medio Ambiente y Servicios Públicos"),
    ("engineering", "Engineering and Architecture", "Ingeniería y Arquitectura"),
    ("fashion", "Fashion and Interior Design", "Moda y Diseño de Interiores"),
    ("health", "Health Science and Medical Technology", "Ciencias de la Salud y Tecnología Médica"),
    ("hospitality", "Hospitality, Tourism, and Recreation", "Hotelería, Turismo y Recreación"),
    ("ict", "Information and Communication Technologies", "Tecnologías de la Información y Comunicación"),
    ("manufacturing", "Manufacturing and Product Development", "Manufactura y Desarrollo de Productos"),
    ("marketing", "Marketing, Sales, and Services", "Mercadotecnia, Ventas y Servicios"),
    ("public", "Public Services", "Servicios Públicos"),
    ("transportation", "Transportation", "Transporte"),
]

MISTAKES = [
    # -- YAML typed the way people type it ---------------------------------------------------
    (
        "tab-indent",
        "  unit: hour",
        "\tunit: hour",
        "16:1: error: A tab is used for indentation. Indent with spaces instead of tabs.",
    ),
    (
        "no-space-after-colon",
        "status: open",
        "status: open\nseats:300",
        "50:6: error: `seats:300` has no space after its `:`. Add a space after the colon: `seats: 300`.",
    ),
    (
        "no-space-after-colon-text",
        "title: Welding Internship",
        "title:Welding Internship",
        "2:6: error: `title:Welding Internship` has no space after its `:`. Add a space after the colon: `title: Welding Internship`.",
    ),
    (
        "no-space-after-colon-nested",
        "  unit: hour",
        "  unit:hour",
        "16:7: error: `unit:hour` has no space after its `:`. Add a space after the colon: `unit: hour`.",
    ),
    (
        "no-space-after-dash",
        SECTOR,
        "  -Manufacturing and Product Development",
        "10:3: error: `sectors` should be a list, not the text `-Manufacturing and Product Development`. Add a space after the dash: `- Manufacturing and Product Development`.",
    ),
    (
        "curly-quotes",
        "status: open",
        "status: \u201copen\u201d",
        "49:9: error: `status` is wrapped in curly quotes (\u201c \u201d), which are read as part of the value. Remove them: write `status: open`.",
    ),
    (
        "curly-quotes-number",
        "status: open",
        "status: open\nseats: \u201c30\u201d",
        "50:8: error: `seats` is wrapped in curly quotes (\u201c \u201d), which are read as part of the value. Remove them: write `seats: 30`.",
    ),
    (
        "colon-inside-text",
        "summary: A paid summer internship in a welding shop.",
        "summary: Note: a paid internship",
        "3:14: error: A `: ` inside this value makes it look like a new key. Put the whole value in double quotes.",
    ),
    (
        "duplicate-key",
        "status: open",
        "status: open\ntitle: Welding",
        "50:1: error: The key `title` appears twice in the same block (first on line 2). Keep one of them and delete the other.",
    ),
    # -- true and false ------------------------------------------------------------------
    (
        "boolean-Yes",
        "work_permit: true",
        "work_permit: Yes",
        "23:16: error: `eligibility.work_permit` should be true or false, not the text `Yes`. Write true or false in lowercase (yes, no, on and off are read as text here).",
    ),
    (
        "boolean-No",
        "work_permit: true",
        "work_permit: No",
        "23:16: error: `eligibility.work_permit` should be true or false, not the text `No`. Write true or false in lowercase (yes, no, on and off are read as text here).",
    ),
    (
        "boolean-required",
        "work_permit: true",
        "work_permit: required",
        "23:16: error: `eligibility.work_permit` should be true or false, not the text `required`. Write true or false.",
    ),
    # -- dates ---------------------------------------------------------------------------
    (
        "date-us",
        'deadline: "2027-03-15"',
        "deadline: 3/15/2027",
        "32:13: error: `application.deadline` is not a date written YYYY-MM-DD. Write it year first, as 2027-03-15.",
    ),
    (
        "date-words",
        'deadline: "2027-03-15"',
        "deadline: March 15, 2027",
        "32:13: error: `application.deadline` is not a date written YYYY-MM-DD. Write it year first, as 2027-03-15.",
    ),
    (
        "date-not-real",
        'deadline: "2027-03-15"',
        "deadline: 2/30/2027",
        "32:13: error: `application.deadline` is not a date written YYYY-MM-DD. Write the date like 2027-03-15.",
    ),
    # -- numbers as people write them ---------------------------------------------------------
    (
        "money-per-hour",
        "amount: 18.5",
        "amount: $18.50/hr",
        "15:11: error: `pay.amount` should be a number, not the text `$18.50/hr`. Write the number only, without the $ sign, such as 18.5; the unit goes on its own line, `unit: hour`.",
    ),
    (
        "money-an-hour",
        "amount: 18.5",
        "amount: 18.50 an hour",
        "15:11: error: `pay.amount` should be a number, not the text `18.50 an hour`. Write the number only, such as 18.5; the unit goes on its own line, `unit: hour`.",
    ),
    (
        "money-comma",
        "amount: 18.5",
        "amount: 1,200",
        "15:11: error: `pay.amount` should be a number, not the text `1,200`. Write the number only, such as 1200 (no commas).",
    ),
    (
        "seats-plus",
        "status: open",
        "status: open\nseats: 300+",
        "50:8: error: `seats` should be a whole number, not the text `300+`. Write the number only, such as 300; to say 'at least' or 'about', say so in `description`.",
    ),
    (
        "seats-quoted",
        "status: open",
        'status: open\nseats: "30"',
        "50:8: error: `seats` should be a whole number, not the text `30`. Remove the quotes: write `seats: 30`.",
    ),
    (
        "seats-words",
        "status: open",
        "status: open\nseats: thirty",
        "50:8: error: `seats` should be a whole number, not the text `thirty`. Write a whole number only, in digits, such as 30, or remove the line.",
    ),
    (
        "age-plus",
        "    min: 16",
        "    min: 16+",
        "22:10: error: `eligibility.age.min` should be a whole number, not the text `16+`. Write the number only, such as 16; `min` already means 'at least'.",
    ),
    (
        "age-as-text",
        "  age:\n    min: 16",
        "  age: 16+",
        "21:8: error: `eligibility.age` should be a set of `key: value` lines, not the text `16+`. Write it as `age: {min: 16}`.",
    ),
    (
        "grade-ordinal",
        "    max: 12",
        "    max: 12th",
        "20:10: error: `eligibility.grades.max` should be a whole number, not the text `12th`. Write the grade as a number from 6 to 14 only, such as 12.",
    ),
    (
        "grade-ordinal-out-of-range",
        "    max: 12",
        "    max: 15th",
        "20:10: error: `eligibility.grades.max` should be a whole number, not the text `15th`. Write the grade as a number from 6 to 14 only, such as 12.",
    ),
    (
        "grades-range-text",
        GRADES,
        "  grades: 9-12",
        "18:11: error: `eligibility.grades` should be a set of `key: value` lines, not the text `9-12`. Write it as `grades: {min: 9, max: 12}`.",
    ),
    (
        "grades-ordinal-range",
        GRADES,
        "  grades: 9th-12th",
        "18:11: error: `eligibility.grades` should be a set of `key: value` lines, not the text `9th-12th`. Write it as `grades: {min: 9, max: 12}`.",
    ),
    (
        "grades-one-number",
        GRADES,
        "  grades: 11",
        "18:11: error: `eligibility.grades` should be a set of `key: value` lines, not the number 11. Write it as `grades: {min: 11, max: 11}`.",
    ),
    # -- text, lists and values ---------------------------------------------------------------
    (
        "title-number",
        "title: Welding Internship",
        "title: 2027",
        '2:8: error: `title` should be text, not the number 2027. Put it in double quotes, as `title: "2027"`.',
    ),
    (
        "one-value-as-list",
        "format: internship",
        "format: [internship]",
        "7:9: error: `format` should be text, not a list. It takes one value: write `format: internship` on one line, without `[ ]`.",
    ),
    (
        "list-as-comma-text",
        "sectors:\n" + SECTOR,
        "sectors: Manufacturing and Product Development, Health Science and Medical Technology",
        "9:10: error: `sectors` should be a list, not the text `Manufacturing and Product Development...`. Write each item on its own line under `sectors:`, starting with `- ` (such as `- Manufacturing and Product Development`), not separated by commas.",
    ),
    (
        "two-values-on-one-item",
        SECTOR,
        "  - Health Science and Medical Technology, Manufacturing and Product Development",
        "10:5: error: `sectors`, item 1 has the value `Health Science and Medical Technology, Manufacturing and ...`, which is not allowed here. It names 2 values: put each on its own line, starting with `- `: `- Health Science and Medical Technology` and `- Manufacturing and Product Development`.",
    ),
    (
        "sector-in-spanish",
        SECTOR,
        "  - Manufactura y Desarrollo de Productos",
        "10:5: error: `sectors`, item 1 has the value `Manufactura y Desarrollo de Productos`, which is not allowed here. Write `Manufacturing and Product Development`, the name this list uses for it.",
    ),
    (
        "sector-lowercase",
        SECTOR,
        "  - manufacturing and product development",
        "10:5: error: `sectors`, item 1 has the value `manufacturing and product development`, which is not allowed here. Write it exactly as `Manufacturing and Product Development`.",
    ),
    (
        "sector-by-id",
        SECTOR,
        "  - health-science-and-medical-technology",
        "10:5: error: `sectors`, item 1 has the value `health-science-and-medical-technology`, which is not allowed here. Write it exactly as `Health Science and Medical Technology`.",
    ),
    (
        "status-capital",
        "status: open",
        "status: Open",
        "49:9: error: `status` has the value `Open`, which is not allowed here. Write it exactly as `open`.",
    ),
    (
        "mode-with-space",
        "    mode: in-person",
        "    mode: in person",
        "37:11: error: `sites`, item 1, `mode` has the value `in person`, which is not allowed here. Write it exactly as `in-person`.",
    ),
    (
        "format-typo",
        "format: internship",
        "format: intership",
        "7:9: error: `format` has the value `intership`, which is not allowed here. Did you mean `internship`?",
    ),
    # -- links and addresses ----------------------------------------------------------------
    (
        "url-without-https",
        "url: https://example.org/apply",
        "url: www.example.org/apply",
        "30:8: error: `application.url` does not start with https://. Write the full address, starting with https://, as https://www.example.org/apply.",
    ),
    (
        "url-http",
        "url: https://example.org/apply",
        "url: http://example.org/apply",
        "30:8: error: `application.url` starts with http://, which is not secure. Use the page's https:// address instead (change http to https and check that the page opens).",
    ),
    (
        "phone-in-email",
        "  email: interns@example.org",
        "  email: (310) 555-0100",
        "40:10: error: `contact.email` is a phone number, not an email address. Put the phone number under `phone:`, and here write a role email address such as internships@example.org.",
    ),
    (
        "mailto-in-email",
        "  email: interns@example.org",
        "  email: mailto:interns@example.org",
        "40:10: error: `contact.email` starts with `mailto:`. Write the address only: interns@example.org.",
    ),
    (
        "free-mail",
        "  email: interns@example.org",
        "  email: maria.lopez1987@gmail.com",
        f"40:10: warning: `contact.email` {PERSONAL}",
    ),
    # -- keys ----------------------------------------------------------------------------
    ("key-typo", "title:", "titel:", "2:1: error: Unknown key `titel`. Did you mean `title`?"),
    ("key-typo-nested", "  unit: hour", "  unti: hour", "16:3: error: Unknown key `unti` in `pay`. Did you mean `unit`?"),
    ("key-capitalized", "status: open", "Status: open", "49:1: error: Unknown key `Status`. Did you mean `status`?"),
    (
        "value-as-key",
        "status: open",
        "status: open\npaid: yes",
        "50:1: error: Unknown key `paid`. `paid` is a value, not a key: write `type: paid` under `pay:`.",
    ),
    (
        "key-already-given",
        "    max: 12",
        "    max: 12\n    mx: 12",
        "21:5: error: Unknown key `mx` in `eligibility.grades`. `max` is already given in `eligibility.grades`: keep one `max:` and delete the other.",
    ),
    (
        "key-unrelated",
        "status: open",
        "status: open\ncolour: red",
        "50:1: error: Unknown key `colour`. Delete this line; the field reference on the Contribute page (/contribute/) lists the keys that belong here.",
    ),
    (
        "key-unrelated-short-block",
        "  role: Internship office",
        "  role: Internship office\n  supervisor: Ana",
        "40:3: error: Unknown key `supervisor` in `contact`. Delete this line, or use one of the keys that belong here: `role`, `email`, `phone`, `url`.",
    ),
    (
        "missing-required",
        "title: Welding Internship\n",
        "",
        "1:1: error: The required key `title` is missing. Add `title:` (Short, specific title a student would understand).",
    ),
    ("empty-required", "title: Welding Internship", "title:", "2:7: error: `title` is empty. Fill in text."),
    # -- what a new contributor wrote for ten real programs ------------------------------------
    (
        "deadline-rolling",
        'deadline: "2027-03-15"',
        "deadline: rolling",
        "32:13: error: `application.deadline` is not a date written YYYY-MM-DD. To take applications until seats fill, delete `deadline` and write `rolling: true`.",
    ),
    (
        "deadline-until-filled",
        'deadline: "2027-03-15"',
        "deadline: Open until filled",
        "32:13: error: `application.deadline` is not a date written YYYY-MM-DD. To take applications until seats fill, delete `deadline` and write `rolling: true`.",
    ),
    (
        "hours-range",
        SCHEDULE_END,
        SCHEDULE_END + "\n  hours_per_week: 20-25",
        "28:19: error: `schedule.hours_per_week` should be a number, not the text `20-25`. It is a range: write `hours_per_week: 20` and `hours_per_week_max: 25`, each on its own line.",
    ),
    (
        "weeks-range-en-dash",
        SCHEDULE_END,
        SCHEDULE_END + "\n  weeks: 6\u20138",
        "28:10: error: `schedule.weeks` should be a whole number, not the text `6\u20138`. It is a range: write `weeks: 6` and `weeks_max: 8`, each on its own line.",
    ),
    (
        "total-hours-range-to",
        SCHEDULE_END,
        SCHEDULE_END + "\n  total_hours: 100 to 120",
        "28:16: error: `schedule.total_hours` should be a number, not the text `100 to 120`. It is a range: write `total_hours: 100` and `total_hours_max: 120`, each on its own line.",
    ),
    (
        "pay-range",
        "amount: 18.5",
        "amount: $18-$20/hr",
        "15:11: error: `pay.amount` should be a number, not the text `$18-$20/hr`. It is a range: write `amount: 18` and `amount_max: 20`, each on its own line; the unit goes on its own line, `unit: hour`.",
    ),
    (
        "seats-range",
        "status: open",
        "status: open\nseats: 10-15",
        "50:8: error: `seats` should be a whole number, not the text `10-15`. `seats` takes one number, not a range: write one, such as `seats: 10`; to explain a range, say so in `description`.",
    ),
    (
        "credit-amount-max",
        "status: open",
        "status: open\noutcomes:\n  credits:\n    - kind: college\n      amount: 3\n      amount_max: 4",
        "54:7: error: Unknown key `amount_max` in `outcomes.credits`, item 1. Each item of `outcomes.credits` takes one `amount`, not a range: keep the smallest in `amount`, delete `amount_max` and explain the rest in `description`.",
    ),
    (
        "credit-amount-misspelt",
        "status: open",
        "status: open\noutcomes:\n  credits:\n    - kind: college\n      amount: 3\n      ammount: 3",
        "54:7: error: Unknown key `ammount` in `outcomes.credits`, item 1. `amount` is already given in `outcomes.credits`, item 1: keep one `amount:` and delete the other.",
    ),
    (
        "pay-amount-min",
        "amount: 18.5",
        "amount: 18.5\n  amount_min: 18",
        "16:3: error: Unknown key `amount_min` in `pay`. `amount` is the smallest already: write the largest in `amount_max` and delete `amount_min`.",
    ),
    (
        "sectors-split-in-brackets",
        "sectors:\n" + SECTOR,
        "sectors: [Public Services, Hospitality, Tourism, and Recreation]",
        '9:28: error: `sectors` has `Hospitality, Tourism, and Recreation` split at its commas into separate items. Write each sector on its own line under `sectors:`, starting with `- `: `- Public Services` and `- Hospitality, Tourism, and Recreation`; or put the name in double quotes inside `[ ]`: `sectors: [Public Services, "Hospitality, Tourism, and Recreation"]`.',
    ),
    (
        "sectors-with-commas-as-text",
        "sectors:\n" + SECTOR,
        "sectors: Public Services, Hospitality, Tourism, and Recreation",
        "9:10: error: `sectors` should be a list, not the text `Public Services, Hospitality, Tourism...`. Write each item on its own line under `sectors:`, starting with `- `: `- Public Services` and `- Hospitality, Tourism, and Recreation`.",
    ),
    (
        "intermediary-not-in-catalog",
        "employer_of_record: self",
        "employer_of_record: self\nintermediary: harbor-youth-works",
        '7:15: error: `intermediary` names the organization `harbor-youth-works`, which is not in the catalog. Add the organization\'s folder with its organization.yml first (CONTRIBUTING.md, "Add a new listing").',
    ),
    (
        "employer-of-record-not-in-catalog",
        "employer_of_record: self",
        "employer_of_record: city-of-long-beach",
        '6:21: error: `employer_of_record` names the organization `city-of-long-beach`, which is not in the catalog. Add the organization\'s folder with its organization.yml first (CONTRIBUTING.md, "Add a new listing"), or write `self` if your organization runs payroll.',
    ),
    (
        "employer-of-record-misspelt",
        "employer_of_record: self",
        "employer_of_record: acmee",
        "6:21: error: `employer_of_record` names the organization `acmee`, which is not in the catalog. Did you mean `acme`?",
    ),
    (
        "key-shares-a-word",
        SCHEDULE_END,
        SCHEDULE_END + "\n  hours: 1",
        "28:3: error: Unknown key `hours` in `schedule`. Did you mean `hours_per_week` (hours per week) or `total_hours` (hours in all)?",
    ),
    (
        "schedule-in-years",
        SCHEDULE_END,
        SCHEDULE_END + "\n  years: 3",
        "28:3: error: Unknown key `years` in `schedule`. A program that runs for years gives its length in `weeks` (52 a year, up to 260): write `weeks: 156` instead. The keys that belong here: `season`, `start`, `end`, `hours_per_week`, `weeks`, `times`, `hours_per_week_max`, `weeks_max`, `total_hours`, `total_hours_max`, `total_hours_at_least`, `days`, `sessions`, `from`, `to`, `dates`, `periods`.",
    ),
    (
        "zip-unquoted-short",
        'zip: "90802"',
        "zip: 9080",
        '36:10: error: `sites`, item 1, `zip` is 9080, which is not a ZIP code. A ZIP code has 5 digits, such as "90802"; write it in quotes.',
    ),
    (
        "endorsement-not-in-list",
        "status: open",
        "status: open\noutcomes:\n  endorsements:\n    - golden-state-seal-merit-diploma",
        "52:7: error: `outcomes.endorsements`, item 1 has the value `golden-state-seal-merit-diploma`, which is not allowed here. Use one of: `work-readiness-certification`, `state-seal-of-biliteracy`, `act-workkeys-ncrc`, `state-seal-of-civic-engagement`. The list lives in catalog/vocabularies/endorsements.yml, which the region's maintainers edit: to add a new one, ask them in the pull request.",
    ),
    (
        "endorsement-close-miss",
        "status: open",
        "status: open\noutcomes:\n  endorsements:\n    - seal-of-civic-engagement",
        "52:7: error: `outcomes.endorsements`, item 1 has the value `seal-of-civic-engagement`, which is not allowed here. Did you mean `state-seal-of-civic-engagement`? The list lives in catalog/vocabularies/endorsements.yml, which the region's maintainers edit: to add a new one, ask them in the pull request.",
    ),
    # -- Words from job boards and application forms, on first drafts of real programs ----------------
    (
        "pay-fee-key",
        "  type: paid\n  amount: 18.5\n  unit: hour",
        "  type: unpaid\n  fee: 35",
        "15:3: error: Unknown key `fee` in `pay`. A fee is written `type: fee` (in place of `type: unpaid`), with the amount in `amount: 35` and `unit: total`.",
    ),
    (
        "min-age-top-level",
        "status: open",
        "status: open\nmin_age: 16",
        "50:1: error: Unknown key `min_age`. It goes under `eligibility:`. Ages go in `age`: write `age: {min: 16}` in place of `min_age`.",
    ),
    (
        "wage-top-level",
        "status: open",
        "status: open\nwage: 18.5",
        "50:1: error: Unknown key `wage`. It goes under `pay:`. The pay goes in `amount`: write `amount: 18.5`.",
    ),
    (
        "hours-top-level",
        "status: open",
        "status: open\nhours: 120",
        "50:1: error: Unknown key `hours`. It goes under `schedule:`, as `hours_per_week` or `total_hours`.",
    ),
    (
        "credits-top-level",
        "status: open",
        "status: open\ncredits: 5",
        "50:1: error: Unknown key `credits`. `credits` goes under `outcomes:`: move it there, indented by two spaces, each credit an item such as `- {kind: college, amount: 5}` (`kind` is `high-school` for credits, `college` for units or `apprenticeship-hours`; `from:` names who grants it).",
    ),
    (
        "deadline-date-top-level",
        "status: open",
        'status: open\ndeadline_date: "2027-03-01"',
        '50:1: error: Unknown key `deadline_date`. It goes under `application:`. The last day to apply goes in `deadline`, written YYYY-MM-DD: `deadline: "2027-03-01"`.',
    ),
    (
        "deadline-date-key",
        '  deadline: "2027-03-15"',
        '  deadline_date: "2027-03-15"',
        '32:3: error: Unknown key `deadline_date` in `application`. The last day to apply goes in `deadline`, written YYYY-MM-DD: `deadline: "2027-03-15"`.',
    ),
    (
        "address-top-level",
        "status: open",
        "status: open\naddress: 100 Example Ave",
        "50:1: error: Unknown key `address`. Places go under `sites:`, one item each with `name`, `address`, `city`, `zip` and `mode`, such as `- {name: Main office, address: 100 Example Ave, mode: in-person}`; worksites all over write `across:` with the areas instead of an address.",
    ),
    (
        "location-top-level",
        "status: open",
        "status: open\nlocation: Worksites across the city",
        "50:1: error: Unknown key `location`. Places go under `sites:`, one item each with `name`, `address`, `city`, `zip` and `mode`, such as `- {name: Main office, city: Long Beach, mode: in-person}`; worksites all over write `across:` with the areas instead of an address.",
    ),
    (
        "credits-number",
        "status: open",
        "status: open\noutcomes:\n  credits: 3",
        "51:12: error: `outcomes.credits` should be a list, not the number 3. Write each item on its own line under `credits:`, as `- {kind: college, amount: 3}` (`kind` is `high-school` for credits, `college` for units or `apprenticeship-hours`; `from:` names who grants it).",
    ),
    (
        "college-credit-units",
        "status: open",
        "status: open\noutcomes:\n  college_credit: 3 units",
        "51:19: error: `outcomes.college_credit` should be true or false, not the text `3 units`. Write `college_credit: true`, and the amount under `credits:` in `outcomes`, as `- {kind: college, amount: 3}`.",
    ),
    (
        "time-range-key",
        SCHEDULE_END,
        SCHEDULE_END + "\n  time: 10:00-11:00",
        '28:3: error: Unknown key `time` in `schedule`. The time of day goes in `from` and `to`, in 24-hour time: write `from: "10:00"` and `to: "11:00"`; `times` is for words such as `Weekday afternoons`.',
    ),
    (
        "time-pm",
        SCHEDULE_END,
        SCHEDULE_END + '\n  from: "6:30 PM"\n  to: "21:00"',
        '28:9: error: `schedule.from` is not a time written HH:MM. Write `from: "18:30"` (24-hour time, in quotes).',
    ),
    (
        "time-one-digit-hour",
        SCHEDULE_END,
        SCHEDULE_END + '\n  from: 7:00\n  to: "15:30"',
        '28:9: error: `schedule.from` is not a time written HH:MM. Write `from: "07:00"` for the morning, or `from: "19:00"` for the afternoon or evening (24-hour time, in quotes).',
    ),
    (
        "weekday-full-name",
        SCHEDULE_END,
        SCHEDULE_END + "\n  days: [Tuesday]",
        "28:10: error: `schedule.days`, item 1 has the value `Tuesday`, which is not allowed here. Write `tue`, the word this list uses.",
    ),
    (
        "status-ged",
        "  work_permit: true",
        "  work_permit: true\n  status: [GED]",
        "24:12: error: `eligibility.status`, item 1 has the value `GED`, which is not allowed here. Write `graduated` (a diploma or a GED or equivalent), the word this list uses.",
    ),
    (
        "mode-teacher-registration",
        "  how: Apply online.",
        "  mode: teacher-registration\n  how: Apply online.",
        "29:9: error: `application.mode` has the value `teacher-registration`, which is not allowed here. Write `class-registration` (a teacher registers a class), the word this list uses.",
    ),
    (
        # No city: the one message on `mode` fixes both, not "city is missing" first.
        "site-mode-online",
        '    city: Long Beach\n    zip: "90802"\n    mode: in-person',
        "    mode: online",
        "35:11: error: `sites`, item 1, `mode` has the value `online`, which is not allowed here. Write `remote` (online only), the word this list uses.",
    ),
]

# First drafts with more than one message: every line, in order.
FIRST_DRAFTS = [
    (
        "pay-wage-key",
        "  amount: 18.5",
        "  wage: 18.5",
        [
            "13:1: error: The pay type is `paid` but no amount is given. Add `amount:` and `unit:`, or write `amount_published: false` if the amount is not published.",
            "15:3: error: Unknown key `wage` in `pay`. The pay goes in `amount`: write `amount: 18.5`.",
        ],
    ),
    (
        "pay-hourly-key",
        "  amount: 18.5\n  unit: hour",
        "  hourly: 18.5",
        [
            "13:1: error: The pay type is `paid` but no amount is given. Add `amount:` and `unit:`, or write `amount_published: false` if the amount is not published.",
            "15:3: error: Unknown key `hourly` in `pay`. The pay goes in `amount` and its unit in `unit`: write `amount: 18.5` and `unit: hour`.",
        ],
    ),
    (
        "min-age-max-age",
        "  age:\n    min: 16",
        "  min_age: 16\n  max_age: 24",
        [
            "21:3: error: Unknown key `min_age` in `eligibility`. Ages go in `age`: write `age: {min: 16, max: 24}` in place of `min_age` and `max_age`.",
            "22:3: error: Unknown key `max_age` in `eligibility`. Ages go in `age`: write `age: {min: 16, max: 24}` in place of `min_age` and `max_age`.",
        ],
    ),
    (
        "wage-steps-numbers",
        "  amount: 18.5",
        "  steps: [18.5, 19.5]",
        [
            "15:11: error: `pay.steps`, item 1 should be a set of `key: value` lines, not the number 18.5. Write each item on its own line under `steps:`, as `- {year: 1, amount: 18.5}`.",
            "15:17: error: `pay.steps`, item 2 should be a set of `key: value` lines, not the number 19.5. Write each item on its own line under `steps:`, as `- {year: 2, amount: 19.5}`.",
        ],
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), [pytest.param(*case, id=case[0]) for case in FIRST_DRAFTS])
def test_first_draft_messages(minimal: Path, name: str, old: str, new: str, expected: list[str]) -> None:
    edit(minimal / LISTING, old, new)
    assert check_lines(minimal) == [f"{SHOWN}:{line}" for line in expected]


@pytest.mark.parametrize(("name", "old", "new", "expected"), [pytest.param(*case, id=case[0]) for case in MISTAKES])
def test_mistake_message(minimal: Path, name: str, old: str, new: str, expected: str) -> None:
    for add_list in REGION_LISTS.get(name, ()):
        add_list(minimal)
    edit(minimal / LISTING, old, new)
    assert check_lines(minimal) == [f"{SHOWN}:{expected}"]


def test_there_are_at_least_forty_mistakes() -> None:
    assert len(MISTAKES) >= 40
    assert len({case[0] for case in MISTAKES}) == len(MISTAKES)


def _long_sectors(root: Path) -> None:
    lines = ["items:"]
    for ident, name, spanish in SECTORS:
        lines += [f"  - id: {ident}", f'    name: "{name}"', f'    name_es: "{spanish}"']
    (root / "vocabularies/sectors.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _endorsements(root: Path) -> None:
    shutil.copy(ROOT / "catalog/vocabularies/endorsements.yml", root / "vocabularies/endorsements.yml")


# The cases that need a region's own list, which the minimal catalog leaves out or keeps short.
REGION_LISTS: dict[str, tuple[Callable[[Path], None], ...]] = {
    "sectors-split-in-brackets": (_long_sectors,),
    "sectors-with-commas-as-text": (_long_sectors,),
    "endorsement-not-in-list": (_endorsements,),
    "endorsement-close-miss": (_endorsements,),
}

# Each fix a message above suggests, made as written: the catalog then passes.
FIXES = [
    ("deadline-rolling", 'deadline: "2027-03-15"', "rolling: true"),
    ("hours-range", SCHEDULE_END, SCHEDULE_END + "\n  hours_per_week: 20\n  hours_per_week_max: 25"),
    ("weeks-range-en-dash", SCHEDULE_END, SCHEDULE_END + "\n  weeks: 6\n  weeks_max: 8"),
    ("total-hours-range-to", SCHEDULE_END, SCHEDULE_END + "\n  total_hours: 100\n  total_hours_max: 120"),
    ("pay-range", "amount: 18.5", "amount: 18\n  amount_max: 20"),
    ("seats-range", "status: open", "status: open\nseats: 10"),
    ("credit-amount-max", "status: open", "status: open\noutcomes:\n  credits:\n    - kind: college\n      amount: 3"),
    (
        "sectors-split-in-brackets",
        "sectors:\n" + SECTOR,
        "sectors:\n  - Public Services\n  - Hospitality, Tourism, and Recreation",
    ),
    ("sectors-split-in-brackets", "sectors:\n" + SECTOR, 'sectors: [Public Services, "Hospitality, Tourism, and Recreation"]'),
    ("employer-of-record-not-in-catalog", "employer_of_record: self", "employer_of_record: self"),
    ("schedule-in-years", SCHEDULE_END, SCHEDULE_END + "\n  weeks: 156"),
    ("zip-unquoted-short", 'zip: "90802"', 'zip: "90802"'),
    ("pay-fee-key", "  type: paid\n  amount: 18.5\n  unit: hour", "  type: fee\n  amount: 35\n  unit: total"),
    ("credits-number", "status: open", "status: open\noutcomes:\n  credits:\n    - {kind: college, amount: 3}"),
    (
        "college-credit-units",
        "status: open",
        "status: open\noutcomes:\n  college_credit: true\n  credits:\n    - {kind: college, amount: 3}",
    ),
    ("time-range-key", SCHEDULE_END, SCHEDULE_END + '\n  from: "10:00"\n  to: "11:00"'),
    ("time-pm", SCHEDULE_END, SCHEDULE_END + '\n  from: "18:30"\n  to: "21:00"'),
    ("weekday-full-name", SCHEDULE_END, SCHEDULE_END + "\n  days: [tue]"),
    ("status-ged", "  work_permit: true", "  work_permit: true\n  status: [graduated]"),
    ("site-mode-online", '    city: Long Beach\n    zip: "90802"\n    mode: in-person', "    mode: remote"),
    ("deadline-date-top-level", "status: open", "status: open"),
]


@pytest.mark.parametrize(("name", "old", "new"), [pytest.param(*fix, id=f"{fix[0]}-{i}") for i, fix in enumerate(FIXES)])
def test_the_suggested_fix_passes(minimal: Path, name: str, old: str, new: str) -> None:
    for add_list in REGION_LISTS.get(name, ()):
        add_list(minimal)
    assert name in {case[0] for case in MISTAKES}
    edit(minimal / LISTING, old, new)
    assert check_lines(minimal) == []


def test_sectors_split_in_brackets_in_an_organization_file(minimal: Path) -> None:
    _long_sectors(minimal)
    edit(minimal / ORG, "sectors:\n" + SECTOR, "sectors: [Hospitality, Tourism, and Recreation, Public Services]")
    edit(minimal / LISTING, SECTOR, "  - Public Services")
    assert check_lines(minimal) == [
        f"{SHOWN_ORG}:4:11: error: `sectors` has `Hospitality, Tourism, and Recreation` split at its commas into separate "
        "items. Write each sector on its own line under `sectors:`, starting with `- `: `- Hospitality, Tourism, and "
        "Recreation` and `- Public Services`; or put the name in double quotes inside `[ ]`: "
        '`sectors: ["Hospitality, Tourism, and Recreation", Public Services]`.'
    ]


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        # The case: the right sector was among seven hidden ones.
        ("Manufactoring", "Did you mean `Manufacturing and Product Development`?"),
        ("Salud", "Did you mean `Health Science and Medical Technology`?"),
        ("Ingenieria", "Did you mean `Engineering and Architecture`?"),
        ("Marketing", "Write `Marketing, Sales, and Services`, the name this list uses for it."),
        ("Transporte", "Write `Transportation`, the name this list uses for it."),
    ],
)
def test_sector_in_a_long_list(minimal: Path, typed: str, hint: str) -> None:
    _long_sectors(minimal)
    edit(minimal / LISTING, SECTOR, f"  - {typed}")
    edit(minimal / ORG, SECTOR, "  - Manufacturing and Product Development")
    assert check_lines(minimal) == [
        f"{SHOWN}:10:5: error: `sectors`, item 1 has the value `{typed}`, which is not allowed here. {hint}"
    ]


def test_nothing_close_in_a_long_list_shows_every_value(minimal: Path) -> None:
    _long_sectors(minimal)
    edit(minimal / LISTING, SECTOR, "  - Other")
    [line] = check_lines(minimal)
    prefix = f"{SHOWN}:10:5: error: `sectors`, item 1 has the value `Other`, which is not allowed here. Use one of: "
    assert line.startswith(prefix)
    assert sorted(line[len(prefix) + 1 : -2].split("`, `")) == sorted(name for _, name, _ in SECTORS)


def test_misspelt_organization_folder_points_to_the_existing_one(minimal: Path) -> None:
    (minimal / "employers/acmee").mkdir()
    (minimal / "employers/acmee/welding-shadow.yml").write_text((minimal / LISTING).read_text(), encoding="utf-8")
    assert check_lines(minimal) == [
        "catalog/employers/acmee/organization.yml:1:1: error: The folder catalog/employers/acmee/ has no organization.yml. "
        "Did you mean the folder `acme`? Move the files there and delete this folder; for a new organization, "
        "add organization.yml here instead (see CONTRIBUTING.md)."
    ]


def test_file_name_with_spaces_and_yaml_extension_gets_a_name_that_passes(minimal: Path) -> None:
    (minimal / LISTING).rename(minimal / "employers/acme/Summer Clinic Aide.yaml")
    assert check_lines(minimal) == [
        "catalog/employers/acme/Summer Clinic Aide.yaml:1:1: error: The file `Summer Clinic Aide.yaml` has the wrong "
        "extension and a name that is not a valid id. Rename it to `summer-clinic-aide.yml`."
    ]
    (minimal / "employers/acme/Summer Clinic Aide.yaml").rename(minimal / "employers/acme/summer-clinic-aide.yml")
    assert check_lines(minimal) == []


def test_free_mail_on_the_organization_is_a_warning_that_does_not_fail(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / ORG, "  email: interns@example.org", "  email: Acme.Fab@Yahoo.com")
    assert main(["check", str(minimal)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{SHOWN_ORG}:16:10: warning: `contact.email` {PERSONAL.replace('gmail.com', 'yahoo.com')}"
    assert out[-1].endswith("0 errors, 1 warning")


@pytest.mark.parametrize(
    ("value", "allowed", "expected"),
    [
        ("employers", ["employer", "college", "nonprofit"], "Did you mean `employer`?"),
        ("onsite", ["in-person", "hybrid", "remote"], "Use one of: `in-person`, `hybrid`, `remote`"),
        ("develop", ["emerging", "developing"], "Did you mean `developing`? Use one of: `developing`, `emerging`"),
        (
            "zzz",
            [f"v{i}" for i in range(30)],
            "The nearest are: " + ", ".join(f"`v{i}`" for i in range(12)) + " (30 values in all)",
        ),
    ],
)
def test_suggest_lists_nearest_first_and_short_lists_in_full(value: str, allowed: list[str], expected: str) -> None:
    assert suggest(value, allowed) == expected
