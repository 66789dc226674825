"""Live data: imports while the dashboard runs, a watched folder, and what pages need to
say how fresh they are. Pure logic (no Streamlit); the app starts the worker from
``ui/cache.py``.

- ``inbox``: the job-folder protocol between a writer that cannot open the store and the
  process that holds it (``submit_job``, ``process_pending``, ``wait_for_result``).
- ``jobs``: one import described as JSON-ready values, run the same way by both.
- ``worker``: the thread that processes the inbox inside the dashboard.
- ``watch``: a folder whose new export files are imported and then filed away.
- ``freshness``: when the data last changed, and by which import.
"""

from analytics.live.freshness import LastUpdate, last_update
from analytics.live.inbox import (
    JobResult, inbox_for, job_result, pending_jobs, process_job, process_pending, submit_job, wait_for_result,
)
from analytics.live.jobs import ImportJob, run_import
from analytics.live.worker import InboxWorker, poll_seconds_from_env

__all__ = [
    "ImportJob", "InboxWorker", "JobResult", "LastUpdate", "inbox_for", "job_result", "last_update",
    "pending_jobs", "poll_seconds_from_env", "process_job", "process_pending", "run_import", "submit_job",
    "wait_for_result",
]
