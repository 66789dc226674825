"""Every text key the interface asks for exists in both languages, so no screen shows a
KeyError on a rarely taken branch and no Dutch screen falls back to English."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest

from analytics import texts
from analytics.i18n import LANGUAGES, TEXT, active_language, checked_language, t, using_language
from tests.support.stores import ROOT

KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")

# Words that are the same in English and Dutch (loan words, abbreviations): a Dutch text
# made only of these may equal its English text. Anything else identical is an untranslated copy.
SAME_IN_BOTH = {
    "filters", "chat", "driver", "drivers", "status", "segment", "effect", "kpi", "product", "trend",
    "fcr", "csat", "pdf", "csv", "html", "week", "per", "k", "open", "planner", "excel", "parquet", "pareto", "tabs", "utf", "windows", "order",
}

TEXT_MODULES = sorted(info.name for info in pkgutil.iter_modules(texts.__path__))


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_literal_key_used_in_the_code_exists():
    sources = [*ROOT.glob("app.py"), *ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("analytics/**/*.py")]
    used = {key for path in sources for key in KEY_CALL.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 50
    for language in LANGUAGES:
        missing = sorted(used - TEXT[language].keys())
        assert not missing, f"keys without {language} text: {missing}"


@pytest.mark.parametrize("name", TEXT_MODULES)
def test_each_module_has_the_same_keys_in_english_and_dutch(name):
    module = importlib.import_module(f"{texts.__name__}.{name}")
    english, dutch = getattr(module, "EN", {}), getattr(module, "NL", {})
    assert english, f"{name} has no EN texts"
    missing = sorted(english.keys() - dutch.keys())
    extra = sorted(dutch.keys() - english.keys())
    assert not missing, f"{name}: keys without Dutch text: {missing}"
    assert not extra, f"{name}: Dutch keys without English text: {extra}"


def test_the_merged_languages_have_the_same_keys():
    assert TEXT["en"].keys() == TEXT["nl"].keys()
    assert len(TEXT["nl"]) > 700


def test_dutch_texts_have_the_same_fields_as_english():
    wrong = {key: (sorted(_fields(text)), sorted(_fields(TEXT["nl"][key])))
             for key, text in TEXT["en"].items() if _fields(text) != _fields(TEXT["nl"][key])}
    assert not wrong, f"fields differ (en, nl): {wrong}"


def test_dutch_texts_are_translations_not_copies():
    def only_shared_words(text: str) -> bool:
        words = re.findall(r"[^\W\d_]+", re.sub(r"\{[^}]*\}", " ", text).lower())
        return all(word in SAME_IN_BOTH for word in words)

    copies = sorted(key for key, text in TEXT["en"].items()
                    if TEXT["nl"][key] == text and not only_shared_words(text))
    assert not copies, f"Dutch text equal to English: {copies}"


def test_dutch_uses_the_fields_own_words():
    dutch = " ".join(TEXT["nl"].values()).lower()
    for word in ("contactreden", "contactratio", "klantcontact", "herhaalcontact", "afhandeltijd",
                 "eerste-contactoplossing", "klanttevredenheid", "verwacht", "seizoen", "proef", "uitrol"):
        assert word in dutch, word


def test_fields_are_filled():
    assert t("welcome.demo_done", contacts="1,234") == "Demo data loaded: 1,234 contacts."
    assert t("welcome.demo_done", language="nl", contacts="1.234") == "Demogegevens geladen: 1.234 contacten."


def test_the_active_language_switches_every_text_and_comes_back():
    assert active_language() == "en"
    with using_language("nl"):
        assert t("nav.overview") == "Overzicht"
        assert t("filters.reason") == "Contactreden"
        with using_language(None):  # None keeps the active language
            assert t("nav.overview") == "Overzicht"
    assert t("nav.overview") == "Overview"
    assert checked_language("fr") == "en"


def test_the_command_line_speaks_the_language_of_its_lang_option(monkeypatch, capsys):
    """``python -m analytics --lang nl ...``: every command's verdicts and advice in Dutch."""
    import sys
    import types

    from analytics import cli

    probe = types.ModuleType("analytics.commands.probe_cmd")
    probe.register = lambda subparsers: subparsers.add_parser("probe").set_defaults(
        func=lambda args: print(t("pilots.verdict.no_spill")))
    monkeypatch.setitem(sys.modules, "analytics.commands.probe_cmd", probe)
    monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "probe_cmd"))
    assert cli.main(["--lang", "nl", "probe"]) == 0
    assert cli.main(["probe"]) == 0
    assert capsys.readouterr().out.splitlines() == [TEXT["nl"]["pilots.verdict.no_spill"],
                                                    TEXT["en"]["pilots.verdict.no_spill"]]
    assert active_language() == "en"  # the command's language ends with it
