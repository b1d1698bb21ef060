"""Checks on the GitHub Actions workflows and the contribution files in .github/.

Pull requests come from forks and are written by people outside the project,
so these tests pin down the properties that keep that safe: read-only tokens
for pull requests, no `pull_request_target`, no pull-request data expanded
inside shell scripts, actions pinned to commit SHAs, and publishing rights
confined to the one job that deploys.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
WORKFLOW_FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
CHECK = WORKFLOWS / "check.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
ISSUE_FORM = GITHUB / "ISSUE_TEMPLATE" / "add-opportunity.yml"

SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\s]+)?@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*['\"]?(?P<ref>[^\s'\"#]+)['\"]?\s*(?P<comment>#.*)?$")
VERSION_COMMENT = re.compile(r"^#\s*v\d+(\.\d+)*\b")
# `${{ ... }}` expressions that read data the pull request author controls.
UNTRUSTED_EXPRESSION = re.compile(r"\$\{\{[^}]*\b(github\.event\.|github\.head_ref\b)[^}]*\}\}", re.DOTALL)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a YAML mapping"
    return data


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    # PyYAML follows YAML 1.1, where the bare key `on` is the boolean True.
    on = workflow.get("on", workflow.get(True))
    assert on is not None, "workflow has no `on:` triggers"
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {name: None for name in on}
    return on


def jobs(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return workflow["jobs"]


def steps(workflow: dict[str, Any]):
    for job_id, job in jobs(workflow).items():
        for step in job.get("steps", []):
            yield job_id, step


def write_scopes(permissions: Any) -> set[str]:
    """The scopes a `permissions:` value grants write access to."""
    if permissions is None:
        return set()
    if isinstance(permissions, str):
        return {"*"} if permissions == "write-all" else set()
    return {scope for scope, level in permissions.items() if level == "write"}


def test_workflow_files_exist() -> None:
    names = {path.name for path in WORKFLOW_FILES}
    assert {"check.yml", "deploy.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_workflow_parses(path: Path) -> None:
    workflow = load(path)
    assert triggers(workflow)
    assert jobs(workflow)
    for job_id, job in jobs(workflow).items():
        assert "runs-on" in job or "uses" in job, f"{path.name}: job {job_id} has no runner"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_no_pull_request_target(path: Path) -> None:
    assert "pull_request_target" not in triggers(load(path))
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_no_workflow_run_trigger(path: Path) -> None:
    # workflow_run runs with the base repository's token after a fork's run.
    assert "workflow_run" not in triggers(load(path))


def pull_request_workflows() -> list[Path]:
    return [path for path in WORKFLOW_FILES if "pull_request" in triggers(load(path))]


def test_check_workflow_runs_on_pull_requests() -> None:
    assert CHECK in pull_request_workflows()


@pytest.mark.parametrize("path", pull_request_workflows(), ids=lambda p: p.name)
def test_pull_request_workflows_are_read_only(path: Path) -> None:
    workflow = load(path)
    # Without a top-level block the token falls back to the repository
    # default, which may be read-write.
    assert "permissions" in workflow, f"{path.name} must set top-level permissions"
    assert write_scopes(workflow["permissions"]) == set()
    for job_id, job in jobs(workflow).items():
        assert write_scopes(job.get("permissions")) == set(), f"{path.name}: job {job_id} asks for write access"


@pytest.mark.parametrize("path", pull_request_workflows(), ids=lambda p: p.name)
def test_pull_request_workflows_use_no_secrets(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\$\{\{[^}]*\bsecrets\b", text)
    for job in jobs(load(path)).values():
        assert job.get("secrets") is None


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha(path: Path) -> None:
    workflow = load(path)
    parsed = [step["uses"] for _, step in steps(workflow) if "uses" in step]
    parsed += [job["uses"] for job in jobs(workflow).values() if "uses" in job]

    lines = [match for line in path.read_text(encoding="utf-8").splitlines() if (match := USES_LINE.match(line))]
    assert sorted(m["ref"] for m in lines) == sorted(parsed), f"{path.name}: write each `uses:` on its own line"
    for match in lines:
        ref = match["ref"]
        if ref.startswith("./"):
            continue
        assert SHA_PIN.match(ref), f"{path.name}: {ref} is not pinned to a full commit SHA"
        comment = match["comment"] or ""
        assert VERSION_COMMENT.match(comment), f"{path.name}: {ref} needs a release comment such as `# v4.2.2`"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_run_scripts_do_not_expand_pull_request_data(path: Path) -> None:
    for job_id, step in steps(load(path)):
        script = step.get("run")
        if script is None:
            continue
        assert not UNTRUSTED_EXPRESSION.search(script), (
            f"{path.name}: job {job_id}, step {step.get('name', '?')!r} expands "
            "github.event or github.head_ref inside `run:`; pass it through `env:`"
        )


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_checkout_does_not_keep_credentials(path: Path) -> None:
    for job_id, step in steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, (
                f"{path.name}: job {job_id} keeps the token in .git/config"
            )


def test_check_workflow_compares_against_the_base_commit() -> None:
    workflow = load(CHECK)
    found = False
    for _, step in steps(workflow):
        script = step.get("run") or ""
        if "generator check" in script and "--format github" in script:
            found = True
            assert '--against "$BASE_SHA"' in script
            assert step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert found, "check.yml must run the catalog checker with --format github"
    checkouts = [s for _, s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"].get("fetch-depth") == 0 for s in checkouts)


def test_check_workflow_builds_and_uploads_a_preview() -> None:
    workflow = load(CHECK)
    scripts = [step.get("run") or "" for _, step in steps(workflow)]
    assert any("mkdocs build --strict" in script for script in scripts)
    assert any("GITHUB_STEP_SUMMARY" in script for script in scripts)
    uploads = [step for _, step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and "site/" in uploads[0]["with"]["path"]


def test_check_workflow_cancels_superseded_runs() -> None:
    concurrency = load(CHECK)["concurrency"]
    assert concurrency["cancel-in-progress"] is True
    assert "github.workflow" in concurrency["group"]


def test_tests_run_on_pushes_to_main_and_pull_requests() -> None:
    found = []
    for path in WORKFLOW_FILES:
        workflow = load(path)
        on = triggers(workflow)
        for _, step in steps(workflow):
            if "bash scripts/test.sh" in (step.get("run") or ""):
                found.append(path.name)
                assert "pull_request" in on
                assert "main" in on["push"]["branches"]
    assert found, "no workflow runs bash scripts/test.sh"


def test_deploy_triggers() -> None:
    on = triggers(load(DEPLOY))
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert on["schedule"] and all("cron" in entry for entry in on["schedule"])


def test_deploy_permissions_are_confined_to_the_deploy_job() -> None:
    workflow = load(DEPLOY)
    assert workflow["permissions"] == {}
    all_jobs = jobs(workflow)
    assert set(all_jobs) == {"plan", "build", "assemble", "deploy"}
    for name in ("plan", "build", "assemble"):
        assert write_scopes(all_jobs[name]["permissions"]) == set(), name
        assert all_jobs[name]["permissions"]["contents"] == "read", name
    assert all_jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    needs = all_jobs["deploy"]["needs"]
    assert needs == "assemble" or needs == ["assemble"]
    environment = all_jobs["deploy"]["environment"]
    assert environment["name"] == "github-pages"
    assert environment["url"] == "${{ steps.deployment.outputs.page_url }}"
    deploy_steps = all_jobs["deploy"]["steps"]
    assert [step["uses"].split("@")[0] for step in deploy_steps] == ["actions/deploy-pages"]
    assert deploy_steps[0]["id"] == "deployment"


def test_deploy_builds_the_parts_side_by_side_and_assembles_them() -> None:
    workflow = load(DEPLOY)
    all_jobs = jobs(workflow)
    plan, build, assemble = all_jobs["plan"], all_jobs["build"], all_jobs["assemble"]

    def used(job: dict[str, Any]) -> list[str]:
        return [step.get("uses", "").split("@")[0] for step in job["steps"]]

    def scripts(job: dict[str, Any]) -> str:
        return "\n".join(step.get("run") or "" for step in job["steps"])

    assert "actions/configure-pages" in used(plan) and "generator check" in scripts(plan)
    # The matrix is the catalog's parts, as `assemble --list-parts` prints them.
    assert "python -m generator assemble --list-parts" in scripts(plan)
    assert plan["outputs"]["parts"] == "${{ steps.parts.outputs.parts }}"
    assert build["needs"] in ("plan", ["plan"])
    assert build["strategy"]["matrix"]["part"] == "${{ fromJSON(needs.plan.outputs.parts) }}"
    step = next(s for s in build["steps"] if "mkdocs build --strict" in (s.get("run") or ""))
    assert step["env"]["CATALOG_PART"] == "${{ matrix.part }}" and '"parts/$CATALOG_PART"' in step["run"]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["include-hidden-files"] is True  # the part's manifest is a dot file
    assert upload["with"]["name"] == "part-${{ matrix.part }}"
    assert assemble["needs"] in ("build", ["build"])
    download = next(s for s in assemble["steps"] if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"] == {"pattern": "part-*", "path": "parts/"}
    assert "python -m generator assemble --out site --parts parts/*" in scripts(assemble)
    assert used(assemble)[-1] == "actions/upload-pages-artifact"
    for job in (plan, build, assemble):
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert "cache" not in step.get("with", {}), "no dependency cache in the deploy build"
    concurrency = workflow["concurrency"]
    assert concurrency == {"group": "pages", "cancel-in-progress": False}


def test_zizmor_finds_nothing() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    assert zizmor.exists(), (
        f'zizmor is not installed next to {sys.executable}; install the test extra: python -m pip install -e ".[test]"'
    )
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", str(WORKFLOWS.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- Python packages come from the lock ---------------------------------------

SETUP = ROOT / "scripts" / "setup.sh"
LOCKS = ("requirements/site.txt", "requirements/test.txt")
# A shell command, with its backslash-continued lines joined.
PIP_INSTALL = re.compile(r"\bpip3?\s+install\b")


def commands(script: str) -> list[str]:
    return [line.strip() for line in script.replace("\\\n", " ").splitlines() if line.strip()]


def pip_install_is_locked(command: str) -> bool:
    """A pip install either takes a lock file from requirements/ in hash-checking mode, or installs this project
    alone without resolving anything (--no-deps -e .)."""
    words = command.split()
    if "--require-hashes" in words and "-r" in words:
        return any(words[i + 1] in LOCKS or words[i + 1] == '"$LOCK"' for i, w in enumerate(words[:-1]) if w == "-r")
    return "--no-deps" in words and words[-2:] == ["-e", "."]


def test_setup_installs_from_the_lock_with_hashes() -> None:
    script = SETUP.read_text(encoding="utf-8")
    installs = [c for c in commands(script) if PIP_INSTALL.search(c)]
    assert installs, "scripts/setup.sh installs nothing"
    for command in installs:
        assert pip_install_is_locked(command), f"scripts/setup.sh: {command!r} installs outside the lock"
        # pip itself is never upgraded: that download would not be hash-checked.
        assert "--upgrade" not in command and " -U " not in f" {command} "
    assert "LOCK=requirements/site.txt" in script and "LOCK=requirements/test.txt" in script
    assert any("--no-build-isolation" in c and "--no-deps" in c for c in installs)
    test_sh = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "bash scripts/setup.sh test" in test_sh


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_workflows_install_python_packages_from_the_lock(path: Path) -> None:
    for job_id, job in jobs(load(path)).items():
        scripts = [step.get("run") or "" for step in job.get("steps", [])]
        for script in scripts:
            for command in commands(script):
                if PIP_INSTALL.search(command):
                    assert pip_install_is_locked(command), f"{path.name}: job {job_id} runs {command!r}"
                assert not re.search(r"\b(pipx|uv\s+pip|uv\s+tool|uvx)\b", command), f"{path.name}: {command!r}"
        uses_python = any(re.search(r"\b(python|mkdocs|properdocs|pytest)\b", s) for s in scripts)
        installs = any("bash scripts/setup.sh" in s or "bash scripts/test.sh" in s for s in scripts)
        if uses_python:
            assert installs, f"{path.name}: job {job_id} runs Python without installing through scripts/setup.sh"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/setup-python@") and "cache" in step.get("with", {}):
                assert step["with"]["cache-dependency-path"] in LOCKS, f"{path.name}: cache the lock file's packages"


def test_dependabot_updates_the_lock_files_and_the_actions() -> None:
    updates = load(GITHUB / "dependabot.yml")["updates"]
    by_ecosystem = {update["package-ecosystem"]: update for update in updates}
    assert by_ecosystem["github-actions"]["directory"] == "/"
    assert by_ecosystem["pip"]["directory"] in ("/requirements", "/")


def test_actions_record_lists_every_pin() -> None:
    record = (GITHUB / "ACTIONS.md").read_text(encoding="utf-8")
    rows = {
        (name, version, sha)
        for name, version, sha in re.findall(r"^\|\s*`([\w.-]+/[\w.-]+)`\s*\|\s*(v[\d.]+)\s*\|\s*`([0-9a-f]{40})`", record, re.M)
    }
    assert "verified on 2026-12-03" in record
    for path in WORKFLOW_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := USES_LINE.match(line):
                name, sha = match["ref"].split("@")
                version = (match["comment"] or "").lstrip("# ").split()[0]
                assert (name, version, sha) in rows, f"{path.name}: {name}@{sha} {version} is not in .github/ACTIONS.md"


def test_tests_run_on_both_engines() -> None:
    workflow = load(WORKFLOWS / "tests.yml")
    job = jobs(workflow)["test"]
    assert job["strategy"]["matrix"]["engine"] == ["mkdocs", "properdocs"]
    runs = [step for step in job["steps"] if "bash scripts/test.sh" in (step.get("run") or "")]
    assert runs and all(step["env"]["WBL_ENGINE"] == "${{ matrix.engine }}" for step in runs)


# --- deploy: retired listings ------------------------------------------------


def deploy_check_step() -> dict[str, Any]:
    build = jobs(load(DEPLOY))["plan"]
    found = [step for step in build["steps"] if "generator check" in (step.get("run") or "")]
    assert len(found) == 1, "deploy.yml must run the catalog checker once, before the build"
    return found[0]


def test_deploy_checks_against_the_commit_before_the_push() -> None:
    step = deploy_check_step()
    assert step["env"]["BEFORE_SHA"] == "${{ github.event.before }}"
    assert '--against "$BEFORE_SHA"' in step["run"]
    plan = jobs(load(DEPLOY))["plan"]
    names = [s.get("name") for s in plan["steps"]]
    assert names.index(step["name"]) < names.index("List the parts of the build")  # the builds need the plan
    checkout = next(s for s in plan["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the commit before the push is in the history


def _git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(repo), "PATH": "/usr/bin:/bin"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize(
    ("event", "before", "compares"),
    [
        ("push", "first", True),
        ("push", "0" * 40, False),  # a new branch
        ("push", "f" * 40, False),  # a force push: the old commit is not in the history
        ("push", "--upload-pack=x", False),
        ("schedule", "", False),
        ("workflow_dispatch", "", False),
    ],
)
def test_deploy_check_script(tmp_path: Path, event: str, before: str, compares: bool) -> None:
    """Runs the deploy's check step with a stand-in `python` that records its arguments."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "commit", "-q", "--allow-empty", "-m", "first")
    first = _git(repo, "rev-parse", "HEAD")
    _git(repo, "commit", "-q", "--allow-empty", "-m", "second")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "args"
    (bin_dir / "python").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n', encoding="utf-8")
    (bin_dir / "python").chmod(0o755)
    sha = first if before == "first" else before
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path), "GITHUB_EVENT_NAME": event, "BEFORE_SHA": sha}
    result = subprocess.run(
        ["bash", "-e", "-c", deploy_check_step()["run"]], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    args = record.read_text(encoding="utf-8").split()
    assert args[:4] == ["-m", "generator", "check", "--format"]
    if compares:
        assert args[-2:] == ["--against", first]
    else:
        assert "--against" not in args


# --- contribution files ------------------------------------------------------


def issue_form() -> dict[str, Any]:
    return load(ISSUE_FORM)


def form_fields() -> list[dict[str, Any]]:
    return [item for item in issue_form()["body"] if item["type"] != "markdown"]


def test_issue_form_ids_are_unique_and_labels_stable() -> None:
    fields = form_fields()
    ids = [field["id"] for field in fields]
    labels = [field["attributes"]["label"] for field in fields]
    assert len(ids) == len(set(ids))
    assert len(labels) == len(set(labels))
    required = {
        "org_id",
        "opportunity_id",
        "title",
        "summary",
        "description",
        "format",
        "stage",
        "sectors",
        "pay_type",
        "pay_amount",
        "pay_unit",
        "employer_of_record",
        "grade_min",
        "grade_max",
        "age_min",
        "age_max",
        "how_to_apply",
        "application_url",
        "deadline",
        "site_name",
        "site_city",
        "site_zip",
        "site_mode",
        "transit",
        "seats",
        "contact_role",
        "contact_email",
        "no_student_data",
    }
    assert required <= set(ids)


def test_contributing_lists_every_issue_form_label() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\|\s*([^|`]+?)\s*\|\s*`([a-z_]+)`\s*\|", text, re.MULTILINE))
    for field in form_fields():
        label = field["attributes"]["label"]
        assert rows.get(label) == field["id"], f"CONTRIBUTING.md is missing the row {label!r}"


def vocabulary(name: str) -> list[dict[str, Any]]:
    return load(ROOT / "catalog" / "vocabularies" / f"{name}.yml")["items"]


def choices(field_id: str) -> list[str]:
    """The options of a dropdown or checkboxes field, as plain strings."""
    field = next(f for f in form_fields() if f["id"] == field_id)
    options = field["attributes"]["options"]
    return [option["label"] if isinstance(option, dict) else option for option in options]


def test_issue_form_formats_match_the_vocabulary() -> None:
    ids = [item["id"] for item in vocabulary("formats")]
    assert choices("format") == ids


def test_issue_form_sectors_match_the_vocabulary() -> None:
    names = [item["name"] for item in vocabulary("sectors")]
    assert choices("sectors") == names
    assert len(names) == 15
    sectors = next(f for f in form_fields() if f["id"] == "sectors")
    # Checkboxes, not a multi-select dropdown: GitHub joins dropdown choices
    # with ", ", and several sector names contain commas.
    assert sectors["type"] == "checkboxes"


def test_issue_form_fixed_choices() -> None:
    assert choices("stage") == ["awareness", "exploration", "preparation", "training"]
    assert choices("pay_type") == ["paid", "stipend", "unpaid", "free", "costs a fee"]
    assert choices("pay_unit") == ["hour", "week", "month", "total", "not published"]
    assert choices("site_mode") == ["in-person", "hybrid", "remote"]


def test_pre_commit_hooks_are_local() -> None:
    config = load(ROOT / ".pre-commit-config.yaml")
    assert config["repos"] and all(repo["repo"] == "local" for repo in config["repos"])
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    catalog = hooks["catalog-check"]
    assert catalog["entry"] == "python -m generator check"
    assert catalog["language"] == "system"
    assert catalog["files"] == "^catalog/.*"
    assert catalog["pass_filenames"] is True
    entries = [hook["entry"] for hook in hooks.values()]
    assert "ruff check" in entries
    assert "ruff format --check" in entries


def test_vscode_schema_mapping() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    for schema in schemas:
        assert schema.startswith("./schemas/") and schema.endswith(".schema.json")
    opportunity = schemas["./schemas/opportunity.schema.json"]
    assert "catalog/employers/*/*.yml" in opportunity
    assert "!catalog/employers/*/organization.yml" in opportunity
    assert schemas["./schemas/organization.schema.json"] == "catalog/employers/*/organization.yml"
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_codeowners() -> None:
    rules = [
        line.split()
        for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    owners = {rule[0]: rule[1:] for rule in rules}
    assert owners["*"] == ["@wbl-catalog/maintainers"]
    assert "@wbl-catalog/catalog-reviewers" in owners["/catalog/"]
    # GitHub uses the last matching rule, so the default must come first.
    assert rules[0][0] == "*"
    # Moves between organizations go through retired.yml, so only the maintainers approve changes to it,
    # and no later rule (such as an organization's own folder) may take it back.
    assert owners["/catalog/retired.yml"] == ["@wbl-catalog/maintainers"]
    position = [rule[0] for rule in rules].index("/catalog/retired.yml")
    assert all(not rule[0].startswith("/catalog/retired") for rule in rules[position + 1 :])
