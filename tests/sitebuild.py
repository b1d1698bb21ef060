"""Build real sites for tests (no mocks: the same command users run).

The engine is MkDocs unless WBL_ENGINE names another: `WBL_ENGINE=properdocs` runs every test that builds a site
with ProperDocs, the maintained fork of MkDocs 1.x, which reads the same mkdocs.yml, theme and plugins.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from generator.commands.engine import engine

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-22"

ENGINE = engine()  # WBL_ENGINE, read as the commands read it


def engine_command(*args: str, engine: str = ENGINE) -> list[str]:
    """The command line that runs the site engine (`build`, `serve`, ...) with this Python."""
    return [sys.executable, "-m", engine, *args]


def build_site(
    out: Path,
    catalog: Path | None = None,
    strict: bool = True,
    extra_env: dict[str, str] | None = None,
    check: bool = True,
    engine: str = ENGINE,
    config: Path = ROOT / "mkdocs.yml",
    unset: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    """Run `<engine> build` for a catalog into out. Raises with the output when it fails and check is set.

    `unset` names variables of this process's environment that the build must not see.
    """
    inherited = {name: value for name, value in os.environ.items() if name not in unset}
    env = {**inherited, "CATALOG_TODAY": AS_OF, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if catalog is not None:
        env["CATALOG_DIR"] = str(catalog)
    cmd = engine_command("build", "-f", str(config), "-d", str(out), engine=engine)
    if strict:
        cmd.append("--strict")
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if check and result.returncode != 0:
        raise AssertionError(f"{engine} build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def shared_bundled_site(base: Path) -> Path:
    """The bundled catalog built once per test session, shared by every test process; treat it as read-only.

    Many test files read the same bundled site. Building it once instead of once per file saves a build (several
    seconds of both cores) per file. `base` is a folder every process of the session shares: the first process to
    take the lock builds, the others wait for it and reuse the result.
    """
    folder = base / "bundled-site"
    folder.mkdir(parents=True, exist_ok=True)
    out, done = folder / "site", folder / "built"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            if out.exists():
                shutil.rmtree(out)  # left by a build that failed
            # Exactly the bundled catalog at the configured address, whatever the caller's environment says.
            build_site(out, unset=("SITE_URL", "CATALOG_DIR"))
            done.touch()
    return out


def copy_catalog(dest: Path, source: Path = ROOT / "catalog") -> Path:
    """A writable copy of a catalog."""
    shutil.copytree(source, dest)
    return dest


def minimal_catalog(dest: Path) -> Path:
    """Vocabularies and rubrics of the bundled catalog, one organization, one listing, one pathway."""
    src = ROOT / "catalog"
    dest.mkdir(parents=True)
    shutil.copytree(src / "vocabularies", dest / "vocabularies")
    shutil.copytree(src / "rubrics", dest / "rubrics")
    (dest / "pathways").mkdir()
    shutil.copyfile(src / "pathways" / "health-careers.yml", dest / "pathways" / "health-careers.yml")
    org = dest / "employers" / "acme-health"
    org.mkdir(parents=True)
    (org / "organization.yml").write_text(ORGANIZATION, encoding="utf-8")
    (org / "lab-internship.yml").write_text(OPPORTUNITY, encoding="utf-8")
    return dest


ORGANIZATION = """\
example: true
name: Acme Health
kind: employer
sectors: [Health Science and Medical Technology]
summary: A fictional clinic network.
description: Clinics across the region.
locations:
  - name: Main clinic
    city: Long Beach
    zip: "90802"
contact:
  role: Youth programs office
  email: youth@example.org
last_reviewed: 2026-10-01
"""

OPPORTUNITY = """\
example: true
title: Lab Internship
summary: A paid summer internship in a clinic lab.
description: |
  Work with lab staff.
employer_of_record: self
format: internship
stage: training
sectors: [Health Science and Medical Technology]
pathways: [health-careers]
pay:
  type: paid
  amount: 19.5
  unit: hour
eligibility:
  grades: {min: 11, max: 12}
  age: {min: 16}
application:
  how: Apply online.
  url: https://example.org/apply
  deadline: 2027-03-01
sites:
  - name: Main clinic
    city: Long Beach
    zip: "90802"
    mode: in-person
contact:
  role: Internship office
  email: interns@example.org
status: open
last_reviewed: 2026-10-01
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the name is fixed by http.server
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A built site over HTTP on 127.0.0.1, on a free port, while the block runs. Yields the base URL, ending in "/"."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"site-server {folder.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
