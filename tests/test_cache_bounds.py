"""Every cache has bounds, so a server that has shown thousands of views levels off in
memory: each Streamlit cache sets ``max_entries`` (results also a ``ttl``), and an
``lru_cache`` is unbounded only over a fixed set of keys (the query files)."""

from __future__ import annotations

import ast

import pytest

from tests.support.stores import ROOT

SOURCES = sorted(p for folder in ("ui", "pages", "analytics") for p in (ROOT / folder).rglob("*.py")) + [ROOT / "app.py"]
# lru_cache(maxsize=None) is fine where the keys are a fixed, small set.
UNBOUNDED_ON_PURPOSE = {("analytics/queries.py", "sql_text"), ("analytics/importing/pipeline.py", "sql_text")}


def _decorators():
    """Every decorator, and every ``st.cache_data(...)`` / ``st.cache_resource(...)`` applied
    as a call (``ui.cache.cached_query`` makes its caches that way)."""
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for decorator in node.decorator_list:
                    yield path.relative_to(ROOT).as_posix(), node.name, decorator
                for inner in ast.walk(node):
                    if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Call)
                            and _name(inner.func) in ("st.cache_data", "st.cache_resource")):
                        yield path.relative_to(ROOT).as_posix(), node.name, inner.func


def _name(decorator: ast.expr) -> str:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return ast.unparse(target)


def _keywords(decorator: ast.expr) -> dict[str, str]:
    if not isinstance(decorator, ast.Call):
        return {}
    return {k.arg: ast.unparse(k.value) for k in decorator.keywords}


CACHES = [(path, name, d) for path, name, d in _decorators()
          if _name(d) in ("st.cache_data", "st.cache_resource", "lru_cache", "functools.lru_cache", "cache",
                          "functools.cache")]


def test_the_caches_are_found():
    assert sum(_name(d) == "st.cache_data" for _, _, d in CACHES) >= 1
    assert ("ui/cache.py", "cached_query") in {(path, name) for path, name, _ in CACHES}


def test_every_cached_query_is_bounded():
    """The one mechanism's caches: each page-facing query is one, with a finite bound."""
    from ui import cache

    queries = {name: value for name, value in vars(cache).items() if hasattr(value, "cached")}
    assert len(queries) >= 30
    for call in ast.walk(ast.parse((ROOT / "ui" / "cache.py").read_text(encoding="utf-8"))):
        if isinstance(call, ast.Call) and ast.unparse(call.func) == "cached_query":
            assert _keywords(call).get("max_entries") not in ("None",), ast.unparse(call)


@pytest.mark.parametrize("path, name, decorator", CACHES, ids=[f"{p}:{n}" for p, n, _ in CACHES])
def test_every_cache_is_bounded(path, name, decorator):
    kind, keywords = _name(decorator), _keywords(decorator)
    if kind in ("st.cache_data", "st.cache_resource"):
        assert keywords.get("max_entries") not in (None, "None"), f"{path}:{name} has no max_entries"
        if kind == "st.cache_data":
            assert "ttl" in keywords, f"{path}:{name} keeps results forever"
    elif (path, name) not in UNBOUNDED_ON_PURPOSE:
        assert kind.endswith("lru_cache") and keywords.get("maxsize") not in (None, "None"), f"{path}:{name}"
