"""The Data page's Health section in AppTest: real findings on SF311, the trend chart on
the demo."""

from __future__ import annotations

PAGE = "pages/data.py"


def test_health_on_sf311_lists_real_findings(app_on, sf311_store):
    at = app_on(sf311_store, page=PAGE, query={"data_section": "Health"})
    assert not at.exception
    findings = at.dataframe[0].value
    top = findings[findings["where"] == "Top level"]
    assert "61 options" in " ".join(top["finding"])
    assert {"Too many options", "“Other” share", "Near-duplicates", "Unused reasons"} <= set(findings["kind"])
    assert findings["suggestion"].str.len().min() > 20
    assert at.get("plotly_chart")


def test_health_on_demo_draws_the_trend(app_on, demo_store):
    at = app_on(demo_store, page=PAGE, query={"data_section": "Health"})
    assert not at.exception
    assert any("last 90 days" in c.value for c in at.caption)
    assert at.get("plotly_chart")
