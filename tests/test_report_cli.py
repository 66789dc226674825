"""``python -m analytics report ...`` in a subprocess, as a scheduled job runs it: the file
is written and opens; bad input exits 2 with a message and leaves no file behind."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from pptx import Presentation

from analytics.commands import report_cmd
from analytics.i18n import t
from analytics.store import open_store
from tests.support.stores import ROOT, build_demo_store


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("report_cli") / "demo.duckdb")


def _report(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", "report", *args], cwd=ROOT, capture_output=True,
                          text=True, env=dict(os.environ), timeout=600)


def _titles(path) -> list[str]:
    deck = Presentation(io.BytesIO(path.read_bytes()))
    return [next(s for s in slide.shapes if s.name == "Title").text_frame.text for slide in deck.slides]


def test_weekly_deck_in_dutch(demo_db, tmp_path):
    out = tmp_path / "week" / "weekly.pptx"  # the folder is made
    done = _report("weekly", "--db", str(demo_db), "--lang", "nl", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout and " s)" in done.stdout
    titles = _titles(out)
    assert titles[0].startswith("Wekelijkse terugkoppeling klantcontact")
    assert titles[-1] == t("reports.method_title", language="nl")
    assert [p.name for p in out.parent.iterdir()] == ["weekly.pptx"]  # no temporary file left


def test_weekly_options_pick_the_week_level_and_filter(demo_db, tmp_path):
    out = tmp_path / "weekly.pptx"
    done = _report("weekly", "--db", str(demo_db), "--week", "2026-W20", "--level", "1", "--channel", "Phone",
                   "--out", str(out))
    assert done.returncode == 0, done.stderr
    deck = Presentation(io.BytesIO(out.read_bytes()))
    text = "\n".join(s.text_frame.text for s in list(deck.slides)[0].shapes if s.has_text_frame)
    assert "week 20 (2026)" in text and "reasons at level 1" in text and "Filters: channel Phone" in text


def test_pilot_deck(demo_db, tmp_path):
    out = tmp_path / "pilot.pptx"
    done = _report("pilot", "Track-and-trace e-mail", "--db", str(demo_db), "--out", str(out))
    assert done.returncode == 0, done.stderr
    titles = _titles(out)
    assert titles[0] == "Pilot evaluation: Track-and-trace e-mail"
    assert titles[1].startswith("Track-and-trace e-mail: contacts fell")


@pytest.mark.parametrize("args, message", [
    (("weekly", "--out", "{tmp}/weekly.docx"), "--out must end in .pptx, .html, .pdf"),
    (("pilot", "No such pilot", "--out", "{tmp}/pilot.pptx"), 'Known pilots: .*"Track-and-trace e-mail"'),
    (("weekly", "--week", "2019-W01", "--out", "{tmp}/weekly.pptx"), "not a complete week"),
    (("weekly", "--week", "last", "--out", "{tmp}/weekly.pptx"), "A week is written like 2026-W23"),
])
def test_bad_input_exits_2_and_writes_nothing(demo_db, tmp_path, args, message):
    done = _report(*(a.format(tmp=tmp_path) for a in args), "--db", str(demo_db))
    assert done.returncode == 2, done.stdout
    assert re.search(message, done.stderr), done.stderr
    assert done.stdout == "" and list(tmp_path.iterdir()) == []


def test_a_missing_or_empty_store_is_refused(tmp_path):
    done = _report("weekly", "--db", str(tmp_path / "missing.duckdb"), "--out", str(tmp_path / "w.pptx"))
    assert done.returncode == 2 and "No contact store" in done.stderr
    empty = tmp_path / "empty.duckdb"
    open_store(empty).close()  # migrated, no contacts
    done = _report("weekly", "--db", str(empty), "--out", str(tmp_path / "w.pptx"))
    assert done.returncode == 2 and "no contacts" in done.stderr
    assert not (tmp_path / "w.pptx").exists()


def test_the_suffix_picks_the_format(demo_db, tmp_path):
    out = tmp_path / "weekly.html"
    done = _report("weekly", "--db", str(demo_db), "--lang", "nl", "--out", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and 'lang="nl"' in page
    assert "Wekelijkse terugkoppeling klantcontact" in page


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch):
    def broken(*_):
        raise OSError("disk full")

    monkeypatch.setattr(report_cmd.os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        report_cmd.write_atomically(tmp_path / "deck.pptx", b"x" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_the_language_may_also_come_before_the_command(demo_db, tmp_path):
    out = tmp_path / "weekly.html"
    done = subprocess.run([sys.executable, "-m", "analytics", "--lang", "nl", "report", "weekly", "--db", str(demo_db),
                           "--out", str(out)], cwd=ROOT, capture_output=True, text=True, env=dict(os.environ),
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert 'lang="nl"' in out.read_text(encoding="utf-8")


def test_a_pdf_without_chromium_is_refused_with_one_line(demo_db, tmp_path):
    out = tmp_path / "weekly.pdf"
    env = dict(os.environ, REPORT_CHROMIUM=str(tmp_path / "no-chromium"))
    done = subprocess.run([sys.executable, "-m", "analytics", "report", "weekly", "--db", str(demo_db),
                           "--out", str(out)], cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 2 and "Chromium" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []
