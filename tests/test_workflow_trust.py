"""The workflows that act on issues (from-issue.yml) and on a schedule (stale.yml): least privilege per job, no
event data in shell scripts, and jobs that can write run no project code and trust nothing the other job made.

The writing jobs' scripts are also run, with a stand-in `gh` that records its arguments, to show that a path the
unprivileged job gives is refused unless it is a new listing file, and that a reminder is not opened twice.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
FROM_ISSUE = WORKFLOWS / "from-issue.yml"
STALE = WORKFLOWS / "stale.yml"
EVENT_IN_SCRIPT = re.compile(r"\$\{\{[^}]*\bgithub\.event\b")
# What a job that runs the project's code, or code from an issue, does; a writing job does none of it.
RUNS_CODE = re.compile(r"\b(python3?|pip|mkdocs|pytest|generator|setup\.sh|test\.sh|npm|node|npx)\b")


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def jobs(path: Path) -> dict[str, dict[str, Any]]:
    return load(path)["jobs"]


def writes(permissions: dict[str, str]) -> set[str]:
    return {scope for scope, level in permissions.items() if level == "write"}


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_no_event_data_inside_any_script(path: Path) -> None:
    for job_id, job in jobs(path).items():
        for step in job.get("steps", []):
            assert not EVENT_IN_SCRIPT.search(step.get("run") or ""), f"{path.name}: {job_id}: {step.get('name')}"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            FROM_ISSUE,
            {
                "draft": {"contents": "read"},
                "publish": {"actions": "read", "contents": "write", "pull-requests": "write"},
                "comment": {"actions": "read", "issues": "write"},
            },
        ),
        (STALE, {"list": {"contents": "read"}, "remind": {"actions": "read", "issues": "write"}}),
    ],
    ids=["from-issue", "stale"],
)
def test_permissions_are_per_job_and_minimal(path: Path, expected: dict[str, dict[str, str]]) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}, "no permissions at the top: each job asks for its own"
    assert {job_id: job["permissions"] for job_id, job in workflow["jobs"].items()} == expected


@pytest.mark.parametrize("path", [FROM_ISSUE, STALE], ids=lambda p: p.name)
def test_jobs_that_write_run_no_project_code(path: Path) -> None:
    writers = 0
    for job_id, job in jobs(path).items():
        if not writes(job["permissions"]):
            continue
        writers += 1
        for step in job["steps"]:
            uses = step.get("uses", "")
            assert not uses.startswith(("actions/checkout@", "actions/setup-python@", "actions/setup-node@")), (
                f"{path.name}: {job_id} checks out or sets up code"
            )
            assert not RUNS_CODE.search(step.get("run") or ""), f"{path.name}: {job_id}: {step.get('name')} runs code"
        assert job["needs"], f"{path.name}: {job_id} must wait for the job that reads untrusted data"
    assert writers >= 1


def test_the_job_that_reads_the_issue_cannot_write_and_gets_the_body_through_env() -> None:
    draft = jobs(FROM_ISSUE)["draft"]
    assert writes(draft["permissions"]) == set()
    steps = [s for s in draft["steps"] if "from-issue" in (s.get("run") or "")]
    assert len(steps) == 1
    assert steps[0]["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert '"$ISSUE_BODY"' in steps[0]["run"]
    assert "python -m generator from-issue" in steps[0]["run"]
    assert "new listing" in draft["if"]
    checkout = next(s for s in draft["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert load(FROM_ISSUE)[True] == {"issues": {"types": ["opened", "edited"]}}


def test_the_stale_workflow_runs_weekly_and_the_command() -> None:
    on = load(STALE)[True]
    (cron,) = [entry["cron"] for entry in on["schedule"]]
    assert cron.split()[2:4] == ["*", "*"] and cron.split()[4] not in ("*",), "once a week"
    scripts = " ".join(s.get("run") or "" for s in jobs(STALE)["list"]["steps"])
    assert "python -m generator stale --format json" in scripts


# --- the writing scripts, run with a stand-in gh ------------------------------------------------------------


def step_script(path: Path, job: str, name: str) -> str:
    return next(s["run"] for s in jobs(path)[job]["steps"] if s.get("name") == name)


GH = """#!/bin/bash
printf '%s\\0' "$@" >> "$GH_LOG"
printf '\\n' >> "$GH_LOG"
case "$*" in
  *"contents/"*"?ref=main"*) exit 1 ;;
  *"git/ref/heads/main"*) echo 0123456789abcdef0123456789abcdef01234567 ;;
  *"?ref=from-issue/"*) exit 1 ;;
  "pr list"*) echo "" ;;
  "pr create"*) echo "https://github.com/o/r/pull/9" ;;
  "issue list"*) cat "$OPEN_TITLES" ;;
esac
exit 0
"""


def run_with_gh(tmp_path: Path, script: str, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], list[list[str]]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    log = tmp_path / "gh.log"
    log.write_text("", encoding="utf-8")
    output = tmp_path / "output"
    output.write_text("", encoding="utf-8")
    base = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_REPOSITORY": "o/r",
        "GH_LOG": str(log),
    }
    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script], env=base | env, capture_output=True, text=True, check=False
    )
    calls = [line.split("\0")[:-1] for line in log.read_text(encoding="utf-8").splitlines() if line]
    return result, calls


def draft_output(tmp_path: Path, path: str, content: str = "title: A listing\n") -> None:
    folder = tmp_path / "listing"
    folder.mkdir()
    (folder / "path").write_text(path, encoding="utf-8")
    (folder / "listing.yml").write_text(content, encoding="utf-8")


PUBLISH_ENV = {"ISSUE": "42", "BASE": "main"}


def test_publish_commits_a_new_listing_file_and_opens_the_pull_request(tmp_path: Path) -> None:
    draft_output(tmp_path, "catalog/employers/acme/summer-welding.yml")
    script = step_script(FROM_ISSUE, "publish", "Open or update the pull request")
    result, calls = run_with_gh(tmp_path, script, PUBLISH_ENV)
    assert result.returncode == 0, result.stderr
    put = next(c for c in calls if c[:3] == ["api", "-X", "PUT"])
    assert put[3] == "repos/o/r/contents/catalog/employers/acme/summer-welding.yml"
    assert "branch=from-issue/42" in put
    create = next(c for c in calls if c[:2] == ["pr", "create"])
    assert create[create.index("--head") + 1] == "from-issue/42"
    assert "url=https://github.com/o/r/pull/9" in (tmp_path / "output").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path",
    [
        "catalog/employers/acme/organization.yml",
        "catalog/employers/../../.github/workflows/x.yml",
        ".github/workflows/deploy.yml",
        "catalog/vocabularies/verifiers.yml",
        "catalog/employers/acme/sub/x.yml",
        "catalog/employers/Acme/x.yml",
        "catalog/employers/acme/x.yml\nextra",
        "catalog/employers/acme/x.yaml",
    ],
)
def test_publish_refuses_any_other_path(tmp_path: Path, path: str) -> None:
    draft_output(tmp_path, path)
    script = step_script(FROM_ISSUE, "publish", "Open or update the pull request")
    result, calls = run_with_gh(tmp_path, script, PUBLISH_ENV)
    assert result.returncode == 1
    assert "Refusing the path" in result.stdout
    assert calls == []


def test_publish_refuses_a_file_that_is_not_small_text(tmp_path: Path) -> None:
    draft_output(tmp_path, "catalog/employers/acme/x.yml", "a" * 100_001)
    script = step_script(FROM_ISSUE, "publish", "Open or update the pull request")
    result, calls = run_with_gh(tmp_path, script, PUBLISH_ENV)
    assert result.returncode == 1 and calls == []


def test_publish_does_nothing_without_a_file(tmp_path: Path) -> None:
    (tmp_path / "listing").mkdir()
    script = step_script(FROM_ISSUE, "publish", "Open or update the pull request")
    result, calls = run_with_gh(tmp_path, script, PUBLISH_ENV)
    assert result.returncode == 0 and calls == []


def test_remind_opens_one_issue_per_organization_without_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "stale"
    folder.mkdir()
    entries = [
        {"organization": org, "title": f"Review reminder: {org}", "label": "review reminder", "body": f"@team {org}\n"}
        for org in ("acme", "harbor-logistics", "$(touch pwned)")
    ]
    (folder / "reminders.json").write_text(json.dumps(entries), encoding="utf-8")
    open_titles = tmp_path / "open.txt"
    open_titles.write_text("Review reminder: acme\n", encoding="utf-8")
    script = step_script(STALE, "remind", "Open one reminder per organization")
    result, calls = run_with_gh(tmp_path, script, {"OPEN_TITLES": str(open_titles)})
    assert result.returncode == 0, result.stderr
    created = [c for c in calls if c[:2] == ["issue", "create"]]
    assert [c[c.index("--title") + 1] for c in created] == ["Review reminder: harbor-logistics"]
    assert created[0][created[0].index("--label") + 1] == "review reminder"
    assert not (tmp_path / "pwned").exists()
