"""The watched folder's rules, without a store: a file is taken only once it stopped
changing, partial copies and lock files are never taken, a name already filed away does
not overwrite the earlier file."""

from __future__ import annotations

import json

from analytics.live.watch import StableFiles, file_away, is_candidate


def test_a_file_is_taken_once_two_looks_in_a_row_saw_it_unchanged(tmp_path):
    export = tmp_path / "contacts.csv"
    export.write_text("contact_id,started_at\n", encoding="utf-8")
    files = StableFiles()

    assert files.look(tmp_path) == []  # first sight
    with export.open("a", encoding="utf-8") as out:  # still being written
        out.write("C1,2026-06-01 10:00\n")
    assert files.look(tmp_path) == []
    assert files.look(tmp_path) == [export]  # unchanged since the last look
    assert files.look(tmp_path) == []  # handed out once


def test_partial_copies_lock_files_and_dotfiles_are_never_taken(tmp_path):
    names = ["export.csv.part", "export.csv.crdownload", "~$export.xlsx", ".export.csv", "export.tmp",
             "export.csv.result.json"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "export.csv").write_text("x", encoding="utf-8")
    (tmp_path / "imported").mkdir()

    assert [p.name for p in tmp_path.iterdir() if is_candidate(p)] == ["export.csv"]
    files = StableFiles()
    files.look(tmp_path)
    assert [p.name for p in files.look(tmp_path)] == ["export.csv"]


def test_an_empty_file_waits_until_it_has_content(tmp_path):
    (tmp_path / "export.csv").touch()
    files = StableFiles()
    files.look(tmp_path)
    assert files.look(tmp_path) == []


def test_filing_away_keeps_an_earlier_file_of_the_same_name(tmp_path):
    for content in ("monday", "tuesday"):
        export = tmp_path / "contacts.csv"
        export.write_text(content, encoding="utf-8")
        moved = file_away(tmp_path, export, "imported", {"summary": {"inserted": len(content)}})
        assert json.loads(moved.with_name(moved.name + ".result.json").read_text())["summary"]["inserted"] == len(content)
    kept = sorted(p.read_text() for p in (tmp_path / "imported").iterdir() if not p.name.endswith(".json"))
    assert kept == ["monday", "tuesday"]
    assert not (tmp_path / "contacts.csv").exists()
