"""The catalog as Open Referral HSDS 3.0, under the work-based learning profile (docs/reference-hsds-profile.md).

HSDS 3.0's canonical form is JSON, dereferenced (its "Serialization" page): each service embeds its organization,
its service_at_locations with their locations, its schedules, contacts, cost options and so on. HSDS defines no
file for many records, so data/hsds/services.json and data/hsds/organizations.json are the API reference's list
form: a `Page` object whose `contents` are the records, all in one page. Every record is made from the listing's
or organization's catalog.json record, so the two exports cannot disagree.

Identifiers are UUIDs, as HSDS requires: version 5 (SHA-1, name-based) of the record's permanent address on the
site, plus a fragment for the parts of a record (`#site-2`, `#cost`), so they are the same in every build and
change only when the address does (which the catalog never does for a listing: `former_ids`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import uuid
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from generator.model import Catalog

# The profile's canonical address (HSDS "Profiles Reference": a URI that resolves to a description of it).
PROFILE_URI = "https://github.com/wbl-catalog/wbl-catalog/blob/main/docs/reference-hsds-profile.md"
HSDS_VERSION = "3.0"
TAXONOMY = "LA Work-Based Learning Catalog"
PACIFIC = ZoneInfo("America/Los_Angeles")
# catalog.json's weekday ids as RFC 5545 BYDAY codes.
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}


NAMESPACE = uuid.NAMESPACE_URL.bytes


def ident(address: str, part: str = "") -> str:
    """A stable UUID for a record (its address) or for a part of one (`part`, a fragment): uuid.uuid5 in the URL
    namespace, computed directly because a listing has dozens of them and uuid.UUID's checks were most of the
    export's time."""
    digest = bytearray(hashlib.sha1(NAMESPACE + (address + (f"#{part}" if part else "")).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = digest.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def compact(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record without its empty fields: HSDS types are strict (a string is never null), and absent means unknown."""
    return {k: v for k, v in record.items() if v not in (None, "", [])}


def absolute_uri(url: str | None) -> str | None:
    """Only absolute https addresses: a site built without site_url has root-relative ones, not URIs."""
    return url if url and url.startswith("https://") else None


@functools.lru_cache(maxsize=4096)
def term(code: str, name: str, description: str) -> dict[str, Any]:
    """A term of the profile's taxonomy (codes such as `format:internship`, `pay:paid`, `wbl:seats`)."""
    return {
        "id": ident(PROFILE_URI, "term/" + code),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": TAXONOMY,
        "term_uri": f"{PROFILE_URI}#{code.split(':')[0]}",
    }


def attribute(service_id: str, address: str, code: str, name: str, description: str, value: Any = None) -> dict[str, Any]:
    return compact(
        {
            "id": ident(address, "attribute/" + code),
            "link_id": service_id,
            "link_entity": "service",
            "taxonomy_term_id": ident(PROFILE_URI, "term/" + code),
            "taxonomy_term": term(code, name, description),
            "value": None if value is None else str(value),
        }
    )


def status(record: Mapping[str, Any]) -> str:
    """HSDS's service status: archived listings are defunct, closed ones inactive, open and upcoming ones active."""
    return {"archived": "defunct", "closed": "inactive"}.get(record["status"], "active")


def ages(record: Mapping[str, Any]) -> tuple[int | None, int | None]:
    """The ages written, else the ages the grades imply (grade g: ages g+5 and g+6), the rule of the browse
    page's age filter (README, How search works)."""
    elig = record["eligibility"]
    low = elig["age_min"] if elig["age_min"] is not None else (elig["grade_min"] + 5 if elig["grade_min"] is not None else None)
    high = elig["age_max"] if elig["age_max"] is not None else (elig["grade_max"] + 6 if elig["grade_max"] is not None else None)
    return low, high


def clock(value: str | None, day: str | None) -> str | None:
    """HH:MM with the Los Angeles UTC offset of the schedule's first day, as HSDS asks; bare when no day is known."""
    if not value:
        return None
    if not day:
        return value
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(value), PACIFIC)
    offset = moment.strftime("%z")
    return f"{value}{offset[:3]}:{offset[3:]}"


def schedule(record: Mapping[str, Any], service_id: str, address: str) -> dict[str, Any] | None:
    s = record["schedule"]
    weekly = bool(s["days"])
    fields = compact(
        {
            "valid_from": s["start"],
            "valid_to": s["end"],
            "dtstart": s["start"],
            "until": s["end"] if weekly else None,
            "freq": "WEEKLY" if weekly else None,
            "wkst": "MO" if weekly else None,
            "byday": ",".join(BYDAY[d] for d in s["days"]) or None,
            "count": s["sessions"],
            "opens_at": clock(s["from"], s["start"]),
            "closes_at": clock(s["to"], s["start"]),
            "description": s["times"],
            "notes": s["season"],
        }
    )
    if not fields:
        return None
    return {"id": ident(address, "schedule"), "service_id": service_id, **fields}


def location(site: Mapping[str, Any], organization_id: str, address: str) -> dict[str, Any]:
    remote = site["mode"] == "remote"
    place = compact(
        {
            "id": ident(address, "address"),
            "location_id": ident(address),
            "address_1": site["address"],
            "city": site["city"],
            "state_province": site["state"] or "CA",
            "postal_code": site["zip"],
            "country": "US",
            "address_type": "physical",
        }
    )
    has_address = not remote and all(place.get(k) for k in ("address_1", "city", "postal_code"))
    return compact(
        {
            "id": ident(address),
            "location_type": "virtual" if remote else "physical",
            "organization_id": organization_id,
            "name": site["name"],
            "transportation": site["transit"],
            "latitude": site["lat"],
            "longitude": site["lon"],
            "addresses": [place] if has_address else None,
        }
    )


def contact(raw: Mapping[str, Any], address: str, **links: str) -> list[dict[str, Any]]:
    if not any(raw.get(k) for k in ("role", "email", "phone")):
        return []
    contact_id = ident(address, "contact")
    phones = (
        [{"id": ident(address, "contact-phone"), "contact_id": contact_id, "number": raw["phone"]}] if raw.get("phone") else None
    )
    return [compact({"id": contact_id, **links, "title": raw.get("role"), "email": raw.get("email"), "phones": phones})]


def cost_options(record: Mapping[str, Any], service_id: str, address: str) -> list[dict[str, Any]]:
    """What a family pays: nothing for a free listing, the fee for one with a fee. Wages and stipends are what the
    student earns, not a cost, so they are attributes (`pay:*`)."""
    pay = record["pay"]
    if pay["type"] == "free":
        return [{"id": ident(address, "cost"), "service_id": service_id, "amount": 0, "currency": "USD"}]
    if pay["type"] != "fee":
        return []
    return [
        compact(
            {
                "id": ident(address, "cost"),
                "service_id": service_id,
                "amount": pay["amount"],
                "currency": "USD",
                "option": pay["unit"],
                "amount_description": pay["note"],
            }
        )
    ]


def attributes(record: Mapping[str, Any], service_id: str, address: str) -> list[dict[str, Any]]:
    """The work-based learning facts HSDS has no field for, as terms of the profile's taxonomy."""
    pay, elig = record["pay"], record["eligibility"]
    out = [
        attribute(service_id, address, "format:" + record["format"], record["format_name"], "Kind of work-based learning."),
        attribute(service_id, address, "stage:" + record["stage"], record["stage"], "Stage of the career pathway."),
    ]
    out += [attribute(service_id, address, "sector:" + s["id"], s["name"], "Industry sector.") for s in record["sectors"]]
    amount = None
    if pay["amount"] is not None:
        top = f"-{pay['amount_max']}" if pay["amount_max"] is not None else ""
        amount = f"{pay['amount']}{top} USD/{pay['unit']}" if pay["unit"] else f"{pay['amount']}{top} USD"
    out.append(
        attribute(service_id, address, "pay:" + pay["type"], pay["type"], "What the student is paid, if anything.", amount)
    )
    if elig["grade_min"] is not None or elig["grade_max"] is not None:
        grades = f"{elig['grade_min'] if elig['grade_min'] is not None else ''}-{elig['grade_max'] if elig['grade_max'] is not None else ''}"
        out.append(attribute(service_id, address, "wbl:grades", "Grades", "School grades that may take part (6-14).", grades))
    if record["seats"] is not None:
        out.append(attribute(service_id, address, "wbl:seats", "Seats", "Number of places (capacity).", record["seats"]))
    app = record["application"]
    if app["deadline"]:
        out.append(
            attribute(service_id, address, "wbl:deadline", "Deadline", "Application deadline (YYYY-MM-DD).", app["deadline"])
        )
    out.append(attribute(service_id, address, "wbl:mode", "Application mode", "How a family takes part.", app["mode"]))
    return out


def organization_summary(catalog: Catalog, org_id: str, address: str) -> dict[str, Any]:
    """The organization as a service embeds it: HSDS's required fields and its website, not its other records."""
    org = catalog.organizations.get(org_id)
    raw = org.raw if org else {}
    name = org.name if org else org_id
    return compact(
        {
            "id": ident(address),
            "name": name,
            "description": str(raw.get("summary") or raw.get("description") or name),
            "website": absolute_uri(str(raw.get("website") or "") or None),
        }
    )


def org_address(record_url: str, org_id: str) -> str:
    """An organization's page address, from one of its listings' addresses (site/opportunities/org/id/)."""
    base = record_url.split("opportunities/", 1)[0]
    return f"{base}employers/{org_id}/"


def service(catalog: Catalog, record: Mapping[str, Any]) -> dict[str, Any]:
    """One listing (its catalog.json record) as an HSDS service."""
    address = record["url"]
    service_id = ident(address)
    org_page = org_address(address, record["organization_id"])
    organization_id = ident(org_page)
    app, elig = record["application"], record["eligibility"]
    low, high = ages(record)
    plan = schedule(record, service_id, address)
    return compact(
        {
            "id": service_id,
            "organization_id": organization_id,
            "name": record["title"],
            "description": record["description"] or record["summary"],
            "url": absolute_uri(address),
            "email": app["email"] or record["contact"].get("email"),
            "status": status(record),
            "application_process": "\n\n".join(x for x in (app["how"], app["where"]) if x) or None,
            "fees_description": record["pay"]["note"] if record["pay"]["type"] in ("fee", "free") else None,
            "eligibility_description": elig["who"],
            "minimum_age": low,
            "maximum_age": high,
            "assured_date": record["last_reviewed"],
            "last_modified": record["changed"],
            "schedules": [plan] if plan else None,
            "service_at_locations": [
                {
                    "id": ident(address, f"site-{n}/at"),
                    "service_id": service_id,
                    "location_id": ident(address, f"site-{n}"),
                    "location": location(site, organization_id, f"{address}#site-{n}"),
                }
                for n, site in enumerate(record["sites"], 1)
            ],
            "languages": [
                compact(
                    {
                        "id": ident(address, "language/" + code),
                        "service_id": service_id,
                        "code": code,
                        "name": language_name(catalog, code),
                    }
                )
                for code in record["supports"]["languages"]
            ],
            "organization": organization_summary(catalog, record["organization_id"], org_page),
            "funding": [{"id": ident(address, "funding"), "service_id": service_id, "source": record["pay"]["funded_by"]}]
            if record["pay"]["funded_by"]
            else None,
            "cost_options": cost_options(record, service_id, address),
            "required_documents": [
                {"id": ident(address, f"document-{n}"), "service_id": service_id, "document": doc}
                for n, doc in enumerate(app["documents"], 1)
            ],
            "contacts": contact(record["contact"], address, service_id=service_id),
            "attributes": attributes(record, service_id, address),
        }
    )


def language_name(catalog: Catalog, code: str) -> str | None:
    item = catalog.vocabularies.get("languages", code)
    return item.name if item else None


def organization(record: Mapping[str, Any]) -> dict[str, Any]:
    """One organization (its catalog.json record) as an HSDS organization, with its locations."""
    address = record["url"]
    organization_id = ident(address)
    locations = []
    for n, loc in enumerate(record["locations"], 1):
        site = {**loc, "mode": "in-person", "state": None, "transit": None, "lat": None, "lon": None}
        locations.append(location(site, organization_id, f"{address}#location-{n}"))
    return compact(
        {
            "id": organization_id,
            "name": record["name"],
            "description": record["summary"] or record["description"] or record["name"],
            "website": absolute_uri(record["website"]),
            "email": record["contact"].get("email"),
            "uri": absolute_uri(address),
            "contacts": contact(record["contact"], address, organization_id=organization_id),
            "locations": locations,
        }
    )


def page(total: int) -> dict[str, Any]:
    """The API reference's `Page` fields of a list that is all in one page (its `contents` are written apart)."""
    return {
        "total_items": total,
        "total_pages": 1,
        "page_number": 1,
        "size": total,
        "first_page": True,
        "last_page": True,
        "empty": total == 0,
    }
