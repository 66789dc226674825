"""The shared filters every page applies: period, reason at any level, channel or channel
group, department; and, once an editor accepted suggested reasons, whether reasons count as
recorded or with the accepted suggestions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from analytics import formatting
from analytics.i18n import TEXT, active_language, t

REASON_SEPARATOR = " > "


@dataclass(frozen=True)
class ContactFilter:
    """Which contacts a view covers. ``end`` is inclusive; ``None`` means no filter.

    ``reasons_as_recorded`` says which reason a contact relabelled by an accepted suggestion
    counts under: ``True`` the one the agent recorded, ``False`` the accepted one; ``None``
    when the store has no accepted suggestions (both are the same, and nothing is said).
    Counted as ``False`` (with the accepted suggestions) unless ``True``.
    """

    start: date
    end: date
    reason_l1: str | None = None
    reason_l2: str | None = None
    reason_l3: str | None = None
    channel: str | None = None
    channel_group: str | None = None
    department: str | None = None
    reasons_as_recorded: bool | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("The period ends before it starts.")
        if self.reason_l3 is not None and self.reason_l2 is None:
            raise ValueError("A third-level reason needs its second level.")
        if self.reason_l2 is not None and self.reason_l1 is None:
            raise ValueError("A second-level reason needs its first level.")

    @classmethod
    def all_time(cls, *, reasons_as_recorded: bool | None = None) -> "ContactFilter":
        """Every contact, whenever it came (for checks that look at all of a store's data)."""
        return cls(date(1, 1, 1), date(9999, 12, 30), reasons_as_recorded=reasons_as_recorded)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def with_period(self, start: date, end: date) -> "ContactFilter":
        return replace(self, start=start, end=end)

    def previous_period(self) -> "ContactFilter":
        """The same number of days just before this period."""
        return self.with_period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def same_period_last_year(self) -> "ContactFilter":
        """The same calendar dates one year earlier (29 February becomes 28)."""
        return self.with_period(_one_year_back(self.start), _one_year_back(self.end))

    def params(self) -> dict[str, Any]:
        """Bound parameters for ``_filtered_contacts.sql``."""
        return {
            "start": datetime.combine(self.start, time.min),
            "end_exclusive": datetime.combine(self.end + timedelta(days=1), time.min),
            "reason_l1": self.reason_l1,
            "reason_l2": self.reason_l2,
            "reason_l3": self.reason_l3,
            "channel": self.channel,
            "channel_group": self.channel_group,
            "department": self.department,
            "reasons_as_recorded": bool(self.reasons_as_recorded),
        }

    def describe(self) -> str:
        """A one-line summary for captions and exports, in the active language."""
        period = t("filters.describe_period", start=formatting.day(self.start), end=formatting.day(self.end))
        reasons = self.reasons_shown()
        return ", ".join([period, *self.filter_parts(), *([reasons] if reasons else [])])

    def filter_parts(self) -> list[str]:
        """The filters set, each in words ("channel Phone"); empty when none is."""
        reason = reason_path(self.reason_l1, self.reason_l2, self.reason_l3)
        group = channel_group_name(self.channel_group) if self.channel_group else None
        return [t(f"exports.filter_{name}", value=value) for name, value in (
            ("reason", reason), ("channel", self.channel), ("channel_group", group),
            ("department", self.department)) if value]

    def reasons_shown(self) -> str | None:
        """Which reasons the view counts, in words ("reasons as recorded"); None when the store
        has no accepted suggestions."""
        if self.reasons_as_recorded is None:
            return None
        return t("filters.reasons_shown_recorded" if self.reasons_as_recorded else "filters.reasons_shown_accepted")


def channel_group_name(group: str) -> str:
    """A channel group in the active language ("voice" → "telefonie"); a group outside the
    standard five as stored."""
    key = f"group.{group}"
    return t(key) if key in TEXT[active_language()] else group


def reason_path(l1: str | None, l2: str | None = None, l3: str | None = None) -> str:
    """``"Delivery > Late > Carrier"``; empty levels are left out."""
    return REASON_SEPARATOR.join(level for level in (l1, l2, l3) if level)


def parse_reason_path(text: str) -> tuple[str | None, str | None, str | None]:
    """``"Delivery > Late"`` -> ``("Delivery", "Late", None)``."""
    levels = [part.strip() for part in text.split(">")] if text and text.strip() else []
    levels = [level for level in levels if level]
    if len(levels) > 3:
        raise ValueError(f"A reason has at most three levels: {text!r}")
    padded = levels + [None] * (3 - len(levels))
    return padded[0], padded[1], padded[2]


def _one_year_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
