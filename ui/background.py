"""Long work off the page's thread: a :class:`BackgroundJob` runs a function in a thread of
its own and reports how far it got, so a page shows progress and comes back for the result
instead of blocking its session.

The job runs in a copy of the context of the run that started it: the signed-in user (whose
permissions the work checks) and the language go along. Jobs are held by the cache
(``ui.cache``), one per store and data version.
"""

from __future__ import annotations

import contextvars
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class BackgroundJob(Generic[T]):
    """``work(progress)`` in a daemon thread; ``progress(fraction, step)`` records how far
    it got. Read :attr:`fraction`, :attr:`step`, :attr:`done`, then :attr:`result` or
    :attr:`error`."""

    _jobs: weakref.WeakSet[BackgroundJob] = weakref.WeakSet()

    def __init__(self, work: Callable[[Callable[[float, str], None]], T], name: str = "background-job") -> None:
        self._work = work
        self._finished = threading.Event()
        self._lock = threading.Lock()
        self._progress: tuple[float, str] = (0.0, "")
        self.result: T | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=contextvars.copy_context().run, args=(self._run,), name=name,
                                        daemon=True)

    def start(self) -> BackgroundJob[T]:
        BackgroundJob._jobs.add(self)
        self._thread.start()
        return self

    def _report(self, fraction: float, step: str) -> None:
        with self._lock:
            self._progress = (min(max(float(fraction), 0.0), 1.0), step)

    def _run(self) -> None:
        try:
            self.result = self._work(self._report)
        except BaseException as exc:  # kept for the page to show; the thread must not die silently
            log.exception("background job %s failed", self._thread.name)
            self.error = exc
        finally:
            self._finished.set()

    @property
    def fraction(self) -> float:
        with self._lock:
            return self._progress[0]

    @property
    def step(self) -> str:
        with self._lock:
            return self._progress[1]

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job ends (at most ``timeout`` seconds); whether it ended."""
        return self._finished.wait(timeout)

    @classmethod
    def running(cls) -> list[BackgroundJob]:
        """The started jobs, still held somewhere, that have not ended (for tests)."""
        return [job for job in list(cls._jobs) if not job.done]
