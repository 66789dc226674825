"""The store's inbox: imports handed to whichever process holds the store.

DuckDB lets one process write a database file. While the dashboard runs it holds the
store, so an ``import`` from a scheduled job cannot open it; instead it leaves a job in the
store's inbox, ``<store>.inbox/`` next to the store file, and the dashboard imports it.

Layout (one folder per job, named so that sorting the names gives the order they came in)::

    contacts.duckdb.inbox/
        incoming/<id>/   being written by the submitter (not yet a job)
        pending/<id>/    job.json + the file (``data.<suffix>``): waiting
        running/<id>/    claimed by the process importing it
        done/<id>/       job.json + result.json (the import's summary); the copy is removed
        failed/<id>/     ... + result.json (the refusal or error message)

A job is an import (``job.json`` and the file) or a backup (``job.json`` naming the backup
file to write in the store's ``backups/`` folder, ``analytics.backup``); both run on the
holder's connection, so a backup is one consistent snapshot even while imports run.

Every step is a rename of a whole folder within one file system, so a job is either
complete or absent, never half-written, and two workers never run the same job (the one
whose rename to ``running`` succeeds has it). A crash while a job runs leaves it in
``running``; the next worker to start puts it back in ``pending`` once
(``requeue_interrupted``) and fails it the second time, so a file that kills the process
cannot do so forever. Imports are all-or-nothing and de-duplicate contacts, so running a
job twice adds nothing the second time.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import traceback
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from analytics.access import AccessDenied, acting_as, current_actor
from analytics.i18n import t, using_language
from analytics.importing import ImportRefused
from analytics.live.jobs import ImportJob, actor_named, run_import
from analytics.store import StoreError

INBOX_SUFFIX = ".inbox"
STAGES = ("incoming", "pending", "running", "done", "failed")
JOB_FILE = "job.json"
RESULT_FILE = "result.json"
REJECTS_FILE = "rejects.csv"
ATTEMPTS_FILE = "attempts"
DATA_STEM = "data"  # the copy's name: never one of the files above, whatever the export is called
MAX_ATTEMPTS = 2

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobResult:
    """How a job ended.

    Attributes
    ----------
    job_id
        The job's folder name.
    ok
        True when the file was imported (``summary`` holds the import's JSON summary);
        False when it was refused or failed (``message`` says why; nothing was written).
    summary
        The same JSON object the ``import`` command prints.
    message
        The refusal or error, one line.
    folder
        Where the job now lies (under ``done/`` or ``failed/``).
    """

    job_id: str
    ok: bool
    summary: dict[str, Any] | None
    message: str | None
    folder: Path

    def to_dict(self) -> dict[str, Any]:
        return {"job_id": self.job_id, "ok": self.ok, "summary": self.summary, "message": self.message}


def inbox_for(store_path: str | os.PathLike) -> Path:
    """The inbox folder of a store: ``<store file>.inbox`` beside it."""
    store = Path(store_path)
    return store.with_name(store.name + INBOX_SUFFIX)


def _stage(inbox: Path, stage: str) -> Path:
    folder = inbox / stage
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _new_job_id() -> str:
    # Nanoseconds first: names sort in the order jobs came in, across processes.
    return f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"


def _write_json_atomically(path: Path, data: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, default=str, indent=1), encoding="utf-8")
    os.replace(temporary, path)


def submit_job(store_path: str | os.PathLike, file: str | os.PathLike, job: ImportJob) -> str:
    """Put a copy of ``file`` and the job's description in the store's inbox; return the
    job's id. The job appears in ``pending`` whole or not at all.

    The job records who asks for it: the actor it names, else the current actor (the
    signed-in user, or the local operator on the command line). The worker checks that
    actor's role when it runs the job, not here.

    Raises
    ------
    FileNotFoundError
        When ``file`` does not exist.
    """
    source = Path(file)
    if not source.is_file():
        raise FileNotFoundError(f"No file {source}.")
    inbox = inbox_for(store_path)
    job_id = _new_job_id()
    draft = _stage(inbox, "incoming") / job_id
    draft.mkdir()
    try:
        copy_name = DATA_STEM + source.suffix.lower()
        shutil.copyfile(source, draft / copy_name)
        if job.actor_name is None:
            job = job.requested_by(current_actor())
        description = {**job.to_dict(), "file": copy_name, "file_name": job.file_name or source.name,
                       "submitted_at": time.strftime("%Y-%m-%dT%H:%M:%S")}
        _write_json_atomically(draft / JOB_FILE, description)
        os.rename(draft, _stage(inbox, "pending") / job_id)
    except BaseException:
        shutil.rmtree(draft, ignore_errors=True)
        raise
    return job_id


BACKUP_KIND = "backup"


def submit_backup(store_path: str | os.PathLike, backup_name: str) -> str:
    """Ask the process that holds the store for a backup written as ``backup_name`` in the
    store's backup folder; return the job's id. Run as the current actor (an admin).

    Raises
    ------
    ValueError
        When ``backup_name`` is not a plain ``.duckdb`` file name.
    """
    _backup_name({"backup_name": backup_name})
    inbox = inbox_for(store_path)
    job_id = _new_job_id()
    draft = _stage(inbox, "incoming") / job_id
    draft.mkdir()
    try:
        actor = current_actor()
        _write_json_atomically(draft / JOB_FILE, {
            "kind": BACKUP_KIND, "backup_name": backup_name,
            "actor_name": actor.name if actor else None, "actor_role": actor.role.name.lower() if actor else None,
            "submitted_at": time.strftime("%Y-%m-%dT%H:%M:%S")})
        os.rename(draft, _stage(inbox, "pending") / job_id)
    except BaseException:
        shutil.rmtree(draft, ignore_errors=True)
        raise
    return job_id


def withdraw_job(inbox: str | os.PathLike, job_id: str) -> bool:
    """Take a job that still waits out of the queue (it moves to ``failed/``); False when a
    worker has claimed it already."""
    try:
        os.rename(Path(inbox) / "pending" / job_id, _stage(Path(inbox), "failed") / job_id)
    except FileNotFoundError:
        return False
    return True


def _backup_name(description: dict[str, Any]) -> str:
    name = str(description.get("backup_name", ""))
    if not name or Path(name).name != name or not name.endswith(".duckdb") or name.startswith("."):
        raise ValueError(t("live.job_bad_file", name=repr(name)))
    return name


def _run_backup(conn: duckdb.DuckDBPyConnection, inbox: Path, description: dict[str, Any]) -> dict[str, Any]:
    from analytics.backup import backup_folder, make_backup  # the backup module opens stores; keep this light

    store = inbox.with_name(inbox.name[: -len(INBOX_SUFFIX)])
    out = backup_folder(store) / _backup_name(description)
    checks = make_backup(conn, out)
    return {"backup": str(out), "tables": {c.table: {"rows": c.rows, "checksum": c.checksum} for c in checks}}


def pending_jobs(inbox: str | os.PathLike) -> list[Path]:
    """The waiting jobs' folders, oldest first."""
    folder = Path(inbox) / "pending"
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.is_dir() and (p / JOB_FILE).is_file()), key=lambda p: p.name)


def process_job(conn: duckdb.DuckDBPyConnection, folder: Path) -> JobResult:
    """Run one pending job on the open, writable store, write its ``result.json`` and move
    it to ``done/`` or ``failed/``. A refused file or any other error fails the job (its
    file is kept); only a crash of the process leaves it pending.

    The job runs acting as the actor its ``job.json`` names, so the role check of the
    import refuses a viewer's job (failed, nothing written) and the audit log names the
    person who asked. A job naming nobody runs as whoever the worker acts as: nobody in
    the web server, so it is refused there too."""
    inbox = folder.parent.parent
    summary, message = None, None
    try:
        description = json.loads((folder / JOB_FILE).read_text(encoding="utf-8"))
        if description.get("kind") == BACKUP_KIND:
            copy = None
            actor = actor_named(description.get("actor_name"), description.get("actor_role"))
            with acting_as(actor) if actor is not None else nullcontext():
                summary = _run_backup(conn, inbox, description)
        else:
            copy = _job_file(description)
            job = ImportJob.from_dict(description)
            actor = job.actor()
            with using_language(job.language), (acting_as(actor) if actor is not None else nullcontext()):
                result = run_import(conn, folder / copy, job)
            summary = result.summary()
            if len(result.rejects):
                result.rejects.to_csv(folder / REJECTS_FILE, index=False)
    except (ImportRefused, AccessDenied, ValueError, FileNotFoundError, StoreError) as exc:
        message = str(exc)
    except Exception as exc:  # a bad file must never stop the queue or the dashboard
        log.error("Inbox job %s failed:\n%s", folder.name, traceback.format_exc())
        message = f"{type(exc).__name__}: {exc}"
    ok = message is None
    _write_json_atomically(folder / RESULT_FILE, {"ok": ok, "summary": summary, "message": message,
                                                  "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S")})
    target = _stage(inbox, "done" if ok else "failed") / folder.name
    os.rename(folder, target)
    if ok and copy:  # the data is in the store now; a refused file stays for whoever fixes it
        (target / copy).unlink(missing_ok=True)
    return JobResult(folder.name, ok, summary, message, target)


def _job_file(description: dict[str, Any]) -> str:
    """The name of the job's copy: a plain name inside the job's folder, never a path
    (a job.json written by hand must not import, or delete, a file elsewhere)."""
    name = str(description.get("file", ""))
    if not name or Path(name).name != name or name in (JOB_FILE, RESULT_FILE, REJECTS_FILE, ATTEMPTS_FILE):
        raise ValueError(t("live.job_bad_file", name=repr(name)))
    return name


def process_pending(conn: duckdb.DuckDBPyConnection, inbox: str | os.PathLike) -> list[JobResult]:
    """Claim and run every pending job in the order they came in; return how each ended."""
    results = []
    for folder in pending_jobs(inbox):
        claimed = _stage(Path(inbox), "running") / folder.name
        try:
            os.rename(folder, claimed)
        except FileNotFoundError:
            continue  # another worker claimed it first
        results.append(process_job(conn, claimed))
    return results


def requeue_interrupted(inbox: str | os.PathLike) -> list[str]:
    """Put jobs left in ``running`` by a process that died back in ``pending``; a job
    interrupted ``MAX_ATTEMPTS`` times is failed instead. Call when a worker starts;
    return the ids put back."""
    folder = Path(inbox) / "running"
    requeued = []
    for job in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []:
        attempts_file = job / ATTEMPTS_FILE
        attempts = int(attempts_file.read_text() or 0) + 1 if attempts_file.is_file() else 1
        if attempts >= MAX_ATTEMPTS:
            message = t("live.job_interrupted", attempts=attempts)
            _write_json_atomically(job / RESULT_FILE, {"ok": False, "summary": None, "message": message,
                                                       "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S")})
            os.rename(job, _stage(Path(inbox), "failed") / job.name)
            continue
        attempts_file.write_text(str(attempts))
        os.rename(job, _stage(Path(inbox), "pending") / job.name)
        requeued.append(job.name)
    return requeued


def job_result(inbox: str | os.PathLike, job_id: str) -> JobResult | None:
    """How a job ended, or None while it waits."""
    for stage, ok in (("done", True), ("failed", False)):
        folder = Path(inbox) / stage / job_id
        result_file = folder / RESULT_FILE
        if result_file.is_file():
            data = json.loads(result_file.read_text(encoding="utf-8"))
            return JobResult(job_id, ok, data.get("summary"), data.get("message"), folder)
    return None


def wait_for_result(inbox: str | os.PathLike, job_id: str, timeout: float, *, poll_seconds: float = 0.25,
                    sleep: Callable[[float], None] = time.sleep) -> JobResult | None:
    """Wait up to ``timeout`` seconds for the job to end; None when it still waits."""
    deadline = time.monotonic() + max(timeout, 0)
    while True:
        result = job_result(inbox, job_id)
        if result is not None or time.monotonic() >= deadline:
            return result
        sleep(min(poll_seconds, max(deadline - time.monotonic(), 0.01)))
