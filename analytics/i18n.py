"""Interface text, looked up by key so a Dutch translation can follow.

The texts live in ``analytics/texts/`` (one module per area).

``t("overview.title")`` returns the text in the active language; ``{name}`` fields are
filled from keyword arguments.
"""

from __future__ import annotations

import importlib
import pkgutil

from analytics import texts

LANGUAGES = ("en",)
DEFAULT_LANGUAGE = "en"


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


def t(key: str, language: str = DEFAULT_LANGUAGE, **fields: object) -> str:
    """The text for ``key`` in ``language``, with ``fields`` filled in.

    Raises
    ------
    KeyError
        When the key is unknown, so a typo fails in tests instead of showing a raw key.
    """
    text = TEXT[language][key]
    return text.format(**fields) if fields else text
