"""Process and garbage-collector helpers: the one place that forks, freezes or pauses the collector, or ends a
run at once.

The check (its parsing and its rules) and the build's page writers use them; nothing here knows about catalogs.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

Here = TypeVar("Here")
There = TypeVar("There")


def can_fork() -> bool:
    """Forking is only safe in a process without other threads (`mkdocs serve` has some)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _send(work: Callable[[], Any], conn: Any) -> None:
    try:
        conn.send(work())
    except BaseException:  # noqa: BLE001 - the parent works it out again and reports the error itself
        os._exit(1)
    conn.close()


def side_by_side(here: Callable[[], Here], there: Callable[[], There]) -> tuple[Here, There]:
    """Both results, `there` worked out in a forked process while this one works out `here`: the machine's
    second core does half of the work. The forked process sends its result back pickled. Where forking is not
    safe, or the process dies (or raises) before it answers, `there` runs here after `here`, so an error it
    raises is raised in this process, as without the fork.

    Worth it only for work of a second or more: forking a large process and sending the result back cost tens
    of milliseconds.
    """
    if not can_fork():
        return here(), there()
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_send, args=(there, sender), daemon=True)
    child.start()
    sender.close()
    try:
        mine = here()
        try:
            theirs: There = receiver.recv()
        except (EOFError, OSError):  # the process died or failed: work it out here instead
            theirs = there()
    except BaseException:
        child.kill()
        raise
    finally:
        receiver.close()
        child.join()
    return mine, theirs


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Parsing and modelling allocate millions of objects that stay alive, and hardly any garbage cycles:
    in a large catalog the cyclic collector would only rescan the live ones again and again. Whatever
    cycles there are get collected once the collector is back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze_survivors() -> None:
    """Moves what is alive now out of the cyclic collector's sight (gc.freeze), after a large catalog is checked.

    Otherwise the collector's first runs would go through all of it, generation after generation, only to find
    it alive: 0.7 s after a check of 50,000 listings, for the youngest generation alone. Frozen objects are
    still freed when nothing refers to them; only cycles among them wait for gc.unfreeze, which
    PausedCollector.resume calls at the end of a build.
    """
    gc.freeze()


class PausedCollector:
    """The collector off, and what is alive now frozen, from pause() to resume(), for one build.

    The checked catalog is millions of objects that live as long as the build, and the pages, exports
    and indexes made from it are short-lived or live to the end, with hardly any cycles: every full
    collection would only rescan them. Frozen, the catalog is also not copied by forked workers when
    the collector would have touched it. resume() undoes both, so `mkdocs serve` can free a build's
    catalog before the next one; calling it twice is harmless.
    """

    def __init__(self) -> None:
        self.paused = False
        self.was_enabled = True

    def pause(self) -> None:
        gc.freeze()
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.paused = True

    def resume(self) -> None:
        if not self.paused:
            return
        gc.unfreeze()
        if self.was_enabled:
            gc.enable()
        self.paused = False


def exit_at_once(code: int) -> NoReturn:
    """Ends a command-line run without freeing its objects one by one.

    A check of 50,000 listings leaves millions of objects alive; the interpreter's shutdown frees them one at a
    time, which took 3 to 4 s after a preview had printed its result. The output streams and the logging
    handlers are flushed first, and the commands have already stopped their own processes and removed their
    temporary folders, so nothing the shutdown would do is lost.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)
