"""Writes from several threads of one process (the dashboard's pages, its inbox worker and
its background jobs) each land: none is refused by DuckDB's "Conflict on update" on the
data version, none is lost."""

from __future__ import annotations

import threading
import time

from analytics.access import Actor, Role, acting_as
from analytics.store import data_version, open_store, write_transaction

EDITOR = Actor("erin@example.org", Role.EDITOR)
THREADS, WRITES = 4, 15


def test_writes_from_several_threads_all_land(tmp_path):
    conn = open_store(tmp_path / "contacts.duckdb")
    before = data_version(conn)
    errors: list[BaseException] = []

    def write_many() -> None:
        with acting_as(EDITOR):
            for _ in range(WRITES):
                try:
                    with write_transaction(conn) as cur:
                        cur.execute("select count(*) from contacts").fetchall()
                        time.sleep(0.002)  # long enough for the other threads' writes to overlap
                except BaseException as exc:  # noqa: BLE001 - every failure is the finding
                    errors.append(exc)

    threads = [threading.Thread(target=write_many) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert data_version(conn) == before + THREADS * WRITES
    conn.close()
