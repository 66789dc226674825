"""``python -m analytics import ...``: one JSON object on success, one line on stderr and
exit code 2 on a refused file, profiles for the weekly re-import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from analytics.cli import main

ROOT = Path(__file__).resolve().parent.parent
SF311 = ROOT / "tests" / "data" / "sf311_service_requests_sample.csv"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def count(db: Path, sql: str) -> int:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.execute(sql).fetchall()[0][0]
    finally:
        conn.close()


def test_sf311_sample_imports_through_the_command_line(tmp_path):
    db = tmp_path / "store.duckdb"

    done = run_cli("import", "contacts", str(SF311), "--db", str(db))

    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)  # exactly one JSON object, nothing else
    assert summary["rows_read"] == 10_000  # the file has 10,000 records on more physical lines
    assert summary["rows_read"] == summary["inserted"] + summary["duplicates"] + summary["rejected"]
    assert summary["inserted"] == 10_000
    assert summary["file"] == SF311.name
    assert summary["detected"]["mapping"]["reason_l3"] == "descriptor"
    assert summary["detected"]["date_format"] == "%Y-%m-%d %H:%M:%S%z"
    assert count(db, "select count(*) from contacts") == 10_000
    assert count(db, "select count(distinct channel) from contacts") == 7
    assert count(db, "select count(*) from import_log where rows_read = 10000") == 1


def test_refused_file_exits_2_with_one_line_and_writes_nothing(tmp_path):
    db = tmp_path / "store.duckdb"
    path = tmp_path / "export.csv"
    path.write_text("id,created,reason\n1,2025-03-13 14:05:00,Billing\n", encoding="utf-8")

    done = run_cli("import", "contacts", str(path), "--db", str(db))

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().count("\n") == 0
    assert "required field 'channel'" in done.stderr
    assert not db.exists()


def test_unreadable_file_does_not_even_create_the_store(tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    path = tmp_path / "export.pdf"
    path.write_bytes(b"%PDF")

    assert main(["import", "contacts", str(path), "--db", str(db)]) == 2

    assert "unknown file type" in capsys.readouterr().err
    assert not db.exists()


def test_profile_is_saved_and_reused_with_flags_overriding_it(tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    header = "Nummer\tWanneer\tVia\tWaarom\tAfdeling\tTeam\n"
    week1 = tmp_path / "week1.txt"
    week1.write_text(header + "1\t13-03-2025 14:05\tTelefoon\tFactuur\tFinance\tA\n", encoding="utf-8")
    week2 = tmp_path / "week2.txt"
    week2.write_text(header + "2\t14-03-2025 09:00\tChat\tLevering\tLogistics\tB\n", encoding="utf-8")
    flags = ["--map", "contact_id=Nummer", "--map", "started_at=Wanneer", "--map", "channel=Via",
             "--map", "reason_l1=Waarom", "--delimiter", "\\t", "--date-format", "%d-%m-%Y %H:%M"]

    assert main(["import", "contacts", str(week1), "--db", str(db), *flags, "--save-profile", "weekly"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["import", "contacts", str(week2), "--db", str(db), "--profile", "weekly",
                 "--map", "department=Team"]) == 0
    second = json.loads(capsys.readouterr().out)

    assert first["inserted"] == 1 and first["detected"]["delimiter"] == "\t"
    assert first["detected"]["mapping"]["department"] == "Afdeling"  # suggested
    assert second["inserted"] == 1
    assert second["detected"]["mapping"]["department"] == "Team"  # the flag beats the profile
    assert count(db, "select count(*) from contacts where department in ('Finance', 'B')") == 2
    assert count(db, "select count(*) from import_log where profile = 'weekly'") == 1


def test_drivers_command_and_rejects_file(tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    path = tmp_path / "orders.csv"
    path.write_text("dag;orders\n" + "".join(f"{d:02d}-03-2025;{d}\n" for d in range(1, 31))
                    + "".join(f"{d:02d}-04-2025;veel\n" for d in range(1, 26)), encoding="utf-8")
    rejects = tmp_path / "rejects.csv"

    code = main(["import", "drivers", str(path), "--db", str(db), "--name", "orders", "--map", "day=dag",
                 "--delimiter", "semicolon", "--rejects-out", str(rejects)])

    summary = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (summary["rows_read"], summary["inserted"], summary["rejected"]) == (55, 30, 25)
    assert len(summary["rejects"]) == 20
    assert summary["rejects"][0] == {"line": 32, "column": "orders", "value": "veel",
                                     "reason": "not a number (decimal mark '.')"}
    assert rejects.read_text(encoding="utf-8").count("\n") == 26  # header + every reject
    assert count(db, "select sum(value) from drivers where driver = 'orders'") == sum(range(1, 31))
