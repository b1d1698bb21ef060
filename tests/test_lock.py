"""The lock files in requirements/: every package pinned with its hashes, and in step with pyproject.toml.

scripts/setup.sh installs them with `pip install --require-hashes`, so a package missing from a lock, or a pin
without hashes, would stop every install; these tests say which line is wrong first.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# What CI and scripts/setup.sh run: CPython 3.11 on Linux.
ENVIRONMENT = {"python_version": "3.11", "python_full_version": "3.11.9", "sys_platform": "linux"}
ENVIRONMENT |= {"platform_system": "Linux", "implementation_name": "cpython", "os_name": "posix"}

Pin = tuple[str, Version, str]  # name, version, marker ("" for none)


def entries(name: str) -> list[tuple[str, list[str]]]:
    """(requirement, hashes) for each requirement of a lock file, continuation lines joined."""
    text = (REQUIREMENTS / name).read_text(encoding="utf-8")
    logical = re.sub(r"\\\n\s*", " ", text)
    found = []
    for line in logical.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        hashes = re.findall(r"--hash=(\S+)", line)
        requirement = re.sub(r"\s*--hash=\S+", "", line).strip()
        found.append((requirement, hashes))
    return found


def pins(name: str) -> list[Pin]:
    result = []
    for requirement, _ in entries(name):
        parsed = Requirement(requirement)
        (spec,) = parsed.specifier
        result.append((canonicalize_name(parsed.name), Version(spec.version), str(parsed.marker or "")))
    return result


def installed(name: str) -> dict[str, Version]:
    """The pins pip would install from a lock on CPython 3.11 on Linux."""
    chosen: dict[str, Version] = {}
    for package, version, marker in pins(name):
        if not marker or Marker(marker).evaluate(ENVIRONMENT):
            assert package not in chosen, f"{name}: two pins of {package} apply to the same Python"
            chosen[package] = version
    return chosen


@pytest.mark.parametrize("name", ["site.txt", "test.txt"])
def test_every_package_is_pinned_with_hashes(name: str) -> None:
    lines = entries(name)
    assert len(lines) > 20
    for requirement, hashes in lines:
        assert re.fullmatch(r"[A-Za-z0-9._-]+==[^\s;]+( ; .+)?", requirement), f"{name}: {requirement!r} is not an exact pin"
        assert hashes and all(h.startswith("sha256:") and len(h) == 7 + 64 for h in hashes), f"{name}: {requirement!r}"


@pytest.mark.parametrize("name", ["site.txt", "test.txt"])
def test_lock_says_how_to_regenerate_it(name: str) -> None:
    head = (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines()[:3]
    assert any("bash scripts/lock.sh" in line for line in head), f"{name} must name the command that writes it"
    script = (ROOT / "scripts" / "lock.sh").read_text(encoding="utf-8")
    assert "pip compile" in script and "--generate-hashes" in script and "--python-version 3.11" in script
    assert "bash scripts/lock.sh" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_test_lock_keeps_the_runtime_versions() -> None:
    site, test = set(pins("site.txt")), set(pins("test.txt"))
    # A test tool may need a package everywhere that the site needs on some Pythons only (mypy and
    # typing-extensions): the same version without a marker keeps it too.
    missing = {(name, version, marker) for name, version, marker in site - test if (name, version, "") not in test}
    assert not missing, f"in site.txt, not in test.txt: {sorted(missing)}"


def test_runtime_lock_satisfies_pyproject() -> None:
    chosen = installed("site.txt")
    for line in [*PYPROJECT["project"]["dependencies"], *PYPROJECT["build-system"]["requires"]]:
        requirement = Requirement(line)
        package = canonicalize_name(requirement.name)
        assert package in chosen, f"{line!r} is in pyproject.toml but not in requirements/site.txt: run bash scripts/lock.sh"
        assert requirement.specifier.contains(chosen[package], prereleases=True), f"site.txt pins {package} {chosen[package]}"


def test_test_lock_satisfies_the_test_extra() -> None:
    chosen = installed("test.txt")
    for line in PYPROJECT["project"]["optional-dependencies"]["test"]:
        requirement = Requirement(line)
        package = canonicalize_name(requirement.name)
        assert package in chosen, f"{line!r} is in the test extra but not in requirements/test.txt: run bash scripts/lock.sh"
        assert requirement.specifier.contains(chosen[package], prereleases=True), f"test.txt pins {package} {chosen[package]}"


def test_both_engines_are_locked() -> None:
    for name in ("site.txt", "test.txt"):
        chosen = installed(name)
        assert chosen["mkdocs"] < Version("2"), "MkDocs 2 drops the plugin and theme API the site uses"
        assert "properdocs" in chosen and "mkdocs-material" in chosen


def test_license_is_an_spdx_expression() -> None:
    # The table form ({ text = "MIT" }) is deprecated by setuptools; the string form needs setuptools 77.
    assert PYPROJECT["project"]["license"] == "MIT"
    (setuptools,) = [Requirement(r) for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    assert not setuptools.specifier.contains("76.9") and setuptools.specifier.contains("77")
