"""Interface text in English and Dutch, looked up by key.

The texts live in ``analytics/texts/`` (one module per area, each with an ``EN`` and an
``NL`` dict with the same keys).

``t("overview.title")`` returns the text in the active language; ``{name}`` fields are
filled from keyword arguments. The active language is a context variable: the app sets it
at the start of every run (each run has a thread of its own), a report sets it with
:func:`using_language`, so analytics code that words a verdict needs no language argument.
"""

from __future__ import annotations

import contextvars
import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager

from analytics import texts

LANGUAGES = ("en", "nl")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}

_active = contextvars.ContextVar("language", default=DEFAULT_LANGUAGE)
# Where a message is read: the command line names flags ("--map contact_id=COLUMN"); the
# app names its controls. A key may have an "@app" variant that the app speaks instead.
_interface = contextvars.ContextVar("interface", default="cli")
APP_VARIANT = "@app"


def _merged_texts() -> dict[str, dict[str, str]]:
    """Every text module's keys per language; a key defined twice is an error."""
    merged: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    for info in sorted(pkgutil.iter_modules(texts.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{texts.__name__}.{info.name}")
        for language in LANGUAGES:
            part = getattr(module, language.upper(), {})
            clash = merged[language].keys() & part.keys()
            if clash:
                raise RuntimeError(f"text keys defined twice ({info.name}): {sorted(clash)}")
            merged[language].update(part)
    return merged


TEXT: dict[str, dict[str, str]] = _merged_texts()


def checked_language(language: str | None) -> str:
    """``language`` when it is one we speak, else the default (a hand-edited URL)."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def active_language() -> str:
    return _active.get()


def set_language(language: str | None) -> str:
    """Make ``language`` active for the rest of this thread's work; returns the one set."""
    language = checked_language(language)
    _active.set(language)
    return language


@contextmanager
def using_language(language: str | None) -> Iterator[str]:
    """Speak ``language`` inside the block, then go back (for reports and caches); None
    keeps the active language, as everywhere else."""
    token = _active.set(checked_language(language) if language else _active.get())
    try:
        yield _active.get()
    finally:
        _active.reset(token)


@contextmanager
def using_interface(interface: str) -> Iterator[None]:
    """Word messages for ``"app"`` (naming controls) or ``"cli"`` (naming flags) inside
    the block: ``t(key)`` then prefers ``key@app`` where it exists."""
    token = _interface.set(interface)
    try:
        yield
    finally:
        _interface.reset(token)


def t(key: str, language: str | None = None, **fields: object) -> str:
    """The text for ``key`` in ``language`` (default: the active one), ``fields`` filled in.

    Raises
    ------
    KeyError
        When the key is unknown, so a typo fails in tests instead of showing a raw key.
    """
    table = TEXT[language or _active.get()]
    text = table.get(key + APP_VARIANT, table[key]) if _interface.get() == "app" else table[key]
    return text.format(**fields) if fields else text
