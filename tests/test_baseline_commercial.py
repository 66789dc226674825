"""Named commercial days: their dates, their calendar file, the events that date them, and
what they do for the baseline on series with a known truth (a peak that moves from year to
year with the contacts it brings in the weeks after)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from analytics.baseline import BaselineConfig, CommercialDay, commercial_calendar, expected_for_days, fit_baseline
from analytics.baseline.commercial import (
    calendar_with_events,
    commercial_flags,
    easter_sunday,
    echo_kernel,
    read_calendar_file,
)
from analytics.baseline.synthetic import synthetic_daily_counts, synthetic_daily_mean

BLACK_FRIDAY = CommercialDay("Black Friday", "11-4thu", 1, 4)
PEAK, ECHO_DAYS = 1.6, 7.0


def test_anchors_fall_where_the_calendar_says():
    # Black Friday is the day after the fourth Thursday (not the fourth Friday: 2024, 2030).
    assert [BLACK_FRIDAY.days_in(y)[0] for y in (2019, 2024, 2025, 2026, 2030)] == [
        date(2019, 11, 29), date(2024, 11, 29), date(2025, 11, 28), date(2026, 11, 27), date(2030, 11, 29)]
    assert BLACK_FRIDAY.days_in(2025)[-1] == date(2025, 12, 1)  # to Cyber Monday
    assert CommercialDay("Sinterklaas shopping", "12-05", -14, -1).days_in(2025) == [
        date(2025, 11, 21) + timedelta(days=k) for k in range(14)]
    assert CommercialDay("Last Monday of May", "05-lastmon").days_in(2026) == [date(2026, 5, 25)]
    assert easter_sunday(2025) == date(2025, 4, 20) and easter_sunday(2026) == date(2026, 4, 5)
    assert CommercialDay("Easter sale", "easter", -2, 1).days_in(2026)[0] == date(2026, 4, 3)


@pytest.mark.parametrize("anchor, first, last, message", [
    ("11-4xyz", 0, 0, "cannot read the anchor"),
    ("13-01", 0, 0, "month 13 does not exist"),
    ("02-30", 0, 0, "day is out of range"),
    ("12-05", 3, 1, "ends .* before it starts"),
])
def test_a_commercial_day_that_cannot_be_read_says_why(anchor, first, last, message):
    with pytest.raises(ValueError, match=message):
        CommercialDay("Sale", anchor, first, last)


def test_the_calendar_file_reads_and_names_a_bad_row(tmp_path):
    dutch = commercial_calendar("nl", "Retail")
    assert [d.name for d in dutch][:1] == ["Black Friday"] and dutch[0].days_in(2026)[0] == date(2026, 11, 27)
    assert commercial_calendar("NL", None) == () and commercial_calendar("XX", "retail") == ()
    bad = tmp_path / "days.csv"
    bad.write_text("country,sector,name,anchor,first,last\nNL,retail,Sale,11-4thu,1,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="days.csv, row 2"):
        read_calendar_file(bad)


def test_an_echo_decays_and_sums_to_one():
    kernel = echo_kernel(ECHO_DAYS)
    assert kernel.sum() == pytest.approx(1.0) and kernel[0] > kernel[6] > kernel[-1] > 0
    flags = commercial_flags(pd.date_range("2025-01-01", "2025-12-31"), (CommercialDay("Long run", "06-01", 0, 59),),
                             echo_days=ECHO_DAYS)
    after = flags["calendar:Long run (after)"]
    assert after["2025-05-31"] == 0 and after["2025-07-30"] == pytest.approx(1.0, abs=0.03)  # built up in full
    assert after["2025-08-06"] == pytest.approx(after["2025-07-31"] * np.exp(-6 / ECHO_DAYS), rel=0.05)


def test_an_event_named_like_a_commercial_day_dates_it_and_leaves_the_event_dummies():
    events = pd.DataFrame({
        "starts_on": pd.to_datetime(["2024-11-22", "2025-11-28", "2025-06-10", "2025-11-28"]),
        "ends_on": pd.to_datetime(["2024-11-25", "2025-12-01", "2025-06-11", "2025-11-28"]),
        "foreseen": [True, True, True, False],
        "name": ["Black Friday", "black friday 2025", "Black Friday in June?", "Black Friday site down"],
        "kind": ["campaign"] * 3 + ["outage"],
    })
    days, taken = calendar_with_events((BLACK_FRIDAY,), events)
    assert taken.tolist() == ["Black Friday", "Black Friday", "", ""]  # June is too far; unforeseen stays out of the fit
    assert days[0].days_in(2024) == [date(2024, 11, 22) + timedelta(days=k) for k in range(4)]  # the shop's date
    assert days[0].days_in(2026)[0] == date(2026, 11, 27)  # the rule where nobody said


def _moving_peak_series(peak: float, seed: int) -> pd.Series:
    """Three years (2023-2025) with weekdays, a yearly season and Dutch holidays; Black
    Friday to Cyber Monday at ``peak`` times the season, and on day ``k`` after it
    ``1 + (peak - 1) / 2 * exp(-k / 7)``: the deliveries and returns of its orders."""
    effects = []
    for year in (2023, 2024, 2025):
        days = BLACK_FRIDAY.days_in(year)
        effects.append((str(days[0]), str(days[-1]), peak))
        for k in range(1, 29):
            day = days[-1] + timedelta(days=k)
            effects.append((str(day), str(day), 1 + (peak - 1) / 2 * np.exp(-k / ECHO_DAYS)))
    mean = synthetic_daily_mean("2023-01-01", 3 * 365, base=400, effects=effects, seed=seed)
    return synthetic_daily_counts(mean, alpha=0.01, seed=seed + 1), mean


def _week_errors(counts: pd.Series, mean: pd.Series, config: BaselineConfig) -> pd.Series:
    """Each week from mid-November to the end of December 2025, expected from the history
    up to the week before, against the true mean."""
    errors = {}
    for monday in pd.date_range("2025-11-17", "2025-12-22", freq="7D"):
        sunday = monday + pd.Timedelta(days=6)
        expected = expected_for_days(counts, monday, sunday, config=config).period().expected
        errors[monday.date()] = expected / mean[monday:sunday].sum() - 1
    return pd.Series(errors)


def test_a_peak_that_moves_is_carried_to_next_year_by_the_calendar():
    """Inject a moving peak with its echo, recover it: with the retail calendar every week
    from mid-November to Christmas is expected within 5% of the truth; the yearly season
    alone smears the peak (far off in the weeks around it)."""
    counts, mean = _moving_peak_series(PEAK, seed=21)
    with_calendar = _week_errors(counts, mean, BaselineConfig())
    season_only = _week_errors(counts, mean, BaselineConfig(sector=None))
    assert with_calendar.abs().max() < 0.05, with_calendar
    assert season_only.abs().max() > 0.08, season_only
    fitted = fit_baseline(counts).in_sample()["expected"]
    for year in (2023, 2024, 2025):  # the peak's own days, in sample
        days = pd.DatetimeIndex(BLACK_FRIDAY.days_in(year))
        assert fitted[days].sum() / mean[days].sum() == pytest.approx(1.0, abs=0.05), year


def test_no_peak_injected_none_found():
    """The same series without a peak: the calendar's Black Friday and its echo are found at
    1 (their intervals cover it) and cost the weeks around it little."""
    counts, mean = _moving_peak_series(1.0, seed=21)
    effects = fit_baseline(counts).effects
    for term in ("calendar:Black Friday", "calendar:Black Friday (after)"):
        assert effects.loc[term, "lo95"] < 1.0 < effects.loc[term, "hi95"], term
    assert _week_errors(counts, mean, BaselineConfig()).abs().max() < 0.05


def test_few_contacts_a_day_get_no_commercial_days():
    """Three contacts a day cannot tell a peak of some days from noise: no calendar terms."""
    mean = synthetic_daily_mean("2023-01-01", 3 * 365, base=3.0, seed=4)
    model = fit_baseline(synthetic_daily_counts(mean, alpha=0.0, seed=5))
    assert not any(c.startswith("calendar:") for c in model.components)
