"""Every text key the interface asks for exists, so no screen shows a KeyError on a
rarely taken branch."""

from __future__ import annotations

import re

from analytics.i18n import TEXT, t
from tests.support.stores import ROOT

KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_]+)["']""")


def test_every_literal_key_used_in_the_code_exists():
    sources = [*ROOT.glob("app.py"), *ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("analytics/**/*.py")]
    used = {key for path in sources for key in KEY_CALL.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 50
    missing = sorted(used - TEXT["en"].keys())
    assert not missing, f"keys without text: {missing}"


def test_fields_are_filled():
    assert t("welcome.demo_done", contacts="1,234") == "Demo data loaded: 1,234 contacts."
