"""The inbox worker: a thread in the process that holds the store (the dashboard) that
imports what others leave in the store's inbox."""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from pathlib import Path

import duckdb

from analytics.live.inbox import JobResult, pending_jobs, process_pending, requeue_interrupted

DEFAULT_POLL_SECONDS = 5.0
log = logging.getLogger(__name__)


def seconds_from_env(name: str, default: float) -> float:
    """The environment variable ``name`` as a positive number of seconds, else ``default``."""
    raw = os.environ.get(name, "").strip()
    try:
        value = float(raw) if raw else default
    except ValueError:
        value = default
    return value if value > 0 else default


def poll_seconds_from_env(default: float = DEFAULT_POLL_SECONDS) -> float:
    """``CONTACTS_INBOX_POLL_SECONDS`` (a positive number), else ``default``."""
    return seconds_from_env("CONTACTS_INBOX_POLL_SECONDS", default)


class InboxWorker(threading.Thread):
    """Every ``poll_seconds``: run the inbox's pending jobs on a cursor of ``conn``.

    Looking for jobs reads a folder and touches no database; a job that fails is moved
    to ``failed/`` with its message, and an unexpected error is logged, never raised, so
    a bad file cannot stop the thread or the app around it.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection, inbox: str | os.PathLike,
                 poll_seconds: float = DEFAULT_POLL_SECONDS):
        super().__init__(name=f"inbox-worker:{Path(inbox).name}", daemon=True)
        self.conn = conn
        self.inbox = Path(inbox)
        self.poll_seconds = poll_seconds
        self.processed: deque[JobResult] = deque(maxlen=100)
        self._stop_event = threading.Event()

    def run_once(self) -> list[JobResult]:
        if not pending_jobs(self.inbox):
            return []
        cursor = self.conn.cursor()
        try:
            results = process_pending(cursor, self.inbox)
        finally:
            cursor.close()
        for result in results:
            log.info("Inbox job %s: %s", result.job_id, "imported" if result.ok else result.message)
        self.processed.extend(results)
        return results

    def run(self) -> None:
        try:
            for job_id in requeue_interrupted(self.inbox):
                log.warning("Inbox job %s was interrupted; it runs again.", job_id)
        except Exception:  # noqa: BLE001
            log.exception("The inbox worker could not look at interrupted jobs in %s", self.inbox)
        while not self._stop_event.is_set():
            try:
                self.run_once()
            except Exception:  # noqa: BLE001  (keep polling: the next pass may succeed)
                log.exception("The inbox worker could not process %s", self.inbox)
            self._stop_event.wait(self.poll_seconds)

    def stop(self, timeout: float | None = 10) -> None:
        self._stop_event.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)
