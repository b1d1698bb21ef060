"""Links from a record's page to the repository: edit its file, or report a problem with it.

`repo_url` and `edit_uri` come from mkdocs.yml. The edit link opens GitHub's editor on the record's own file under
catalog/employers/ (not the page's Markdown, which is generated); the branch is the one `edit_uri` names
(`edit/<branch>/docs/`). The report link opens the issue form .github/ISSUE_TEMPLATE/report-problem.yml with the
record's id filled in: GitHub fills a form's field from the query parameter named by the field's id. Without a
`repo_url` (or with one that is not https) there is nowhere to send anyone, so the pages show neither link.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

DEFAULT_BRANCH = "main"
# The issue form, and the ids of its fields that a link fills in (tests/test_repository.py reads the form).
REPORT_FORM = "report-problem.yml"
REPORT_RECORD_FIELD = "listing"
REPORT_PAGE_FIELD = "page"
# What the form asks, in its order: the reasons a family or counselor reports a listing.
REPORT_REASONS = ("closed", "wrong", "unsafe", "other")


@dataclass(frozen=True, slots=True)
class Repository:
    url: str  # https://github.com/<owner>/<name>, without a trailing slash or .git
    branch: str

    @classmethod
    def from_config(cls, repo_url: str | None, edit_uri: str | None = None) -> Repository | None:
        """The repository that mkdocs.yml names, or None when it names none (or one that is not https)."""
        url = (repo_url or "").strip().rstrip("/").removesuffix(".git")
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.netloc or parts.query or parts.fragment:
            return None
        return cls(url, branch_of(edit_uri))

    def edit_url(self, file: str) -> str:
        """GitHub's editor on a file of the repository, such as catalog/employers/acme/organization.yml."""
        return f"{self.url}/edit/{quote(self.branch)}/{quote(file)}"

    def report_url(self, record_id: str, page: str = "") -> str:
        """The report form with the record's id (and, when known, its page's address) filled in."""
        query = {"template": REPORT_FORM, "title": f"Problem with {record_id}", REPORT_RECORD_FIELD: record_id}
        if page:
            query[REPORT_PAGE_FIELD] = page
        return f"{self.url}/issues/new?{urlencode(query, quote_via=quote)}"


def branch_of(edit_uri: str | None) -> str:
    """The branch in an edit_uri such as `edit/main/docs/` (MkDocs' form), else the default branch."""
    parts = [p for p in (edit_uri or "").strip().split("/") if p]
    if len(parts) >= 2 and parts[0] in ("edit", "blob", "tree"):
        return parts[1]
    return DEFAULT_BRANCH


def listing_file(org_id: str, slug: str) -> str:
    """A listing's file in the repository (the contract's path, whatever catalog_dir a build reads)."""
    return f"catalog/employers/{org_id}/{slug}.yml"


def organization_file(org_id: str) -> str:
    return f"catalog/employers/{org_id}/organization.yml"
