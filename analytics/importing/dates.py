"""Reading a date column by evidence: which format, how sure, and whether it is plausible.

Every candidate format is tried on a sample of the column's values (up to
``DATE_SAMPLE`` values from across the file). A reading counts only if it reads the values
*and* gives dates a contact log can have: not before ``EARLIEST`` (1990) and not after
tomorrow. So ``22-04-15`` is 22 April 2015 (``%d-%m-%y``), never the year 22 that
``%Y-%m-%d`` would give, and ``990201`` is 1 February 1999 (``%y%m%d``).

Evidence over all sampled rows decides day-first against month-first: a first field above
12 can only be a day. When two plausible readings both read every value but give
different dates (every day in the file is 12 or less: ``03-04-2025``), the column is
ambiguous and :class:`AmbiguousDates` names the readings with an example each, for the
user to choose; a saved profile then pins the choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

import duckdb

from analytics import formatting
from analytics.i18n import t
from analytics.importing.settings import ImportRefused, quoted

EARLIEST = datetime(1990, 1, 1)
DATE_SAMPLE = 5000
SHAPE_SAMPLE = 50

# Date parts, in order of preference: ISO, then day-first, then month-first, then
# two-digit years, then compact and month-name forms.
_DATES_ISO = ["%Y-%m-%d", "%Y/%m/%d"]
_DATES_DAY_FIRST = [f"%d{s}%m{s}%Y" for s in ("-", "/", ".")]
_DATES_MONTH_FIRST = [f"%m{s}%d{s}%Y" for s in ("/", "-", ".")]
_DATES_SHORT_YEAR = ([f"%d{s}%m{s}%y" for s in ("-", "/", ".")] + [f"%m{s}%d{s}%y" for s in ("/", "-", ".")]
                     + [f"%y{s}%m{s}%d" for s in ("-", "/")])
_DATES_OTHER = ["%Y%m%d", "%y%m%d", "%d-%b-%y", "%d-%b-%Y", "%d %b %Y", "%b %d %Y", "%d %B %Y", "%B %d, %Y",
                "%b %d, %Y"]
DATE_PARTS = _DATES_ISO + _DATES_DAY_FIRST + _DATES_MONTH_FIRST + _DATES_SHORT_YEAR + _DATES_OTHER
TIME_PARTS = ["%H:%M:%S.%f", "%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p"]
# Whole formats that are not a date part, a space and a time part.
SPECIAL_FORMATS = ["%a %b %d %H:%M:%S %z %Y"]  # as Twitter writes them


def candidate_formats() -> list[str]:
    """Every format tried, in order of preference: with a time before without; ISO with a
    UTC offset first."""
    iso_times = [f"%Y-%m-%d{sep}{time}" for time in TIME_PARTS[:3] for sep in (" ", "T")]
    with_time = [f"{day} {time}" for day in DATE_PARTS for time in TIME_PARTS]
    with_time = [f for f in with_time if f not in iso_times]
    return [f + "%z" for f in iso_times] + iso_times + with_time + SPECIAL_FORMATS + DATE_PARTS


CANDIDATES = candidate_formats()


@dataclass(frozen=True)
class DateReading:
    """One way of reading a date column.

    Attributes
    ----------
    format
        The ``strptime`` format.
    read
        How many of the sampled values it reads.
    first, last
        The earliest and latest date it gives.
    examples
        Up to three (text, date) pairs from the file, for showing the reading.
    """

    format: str
    read: int
    first: datetime | None
    last: datetime | None
    examples: tuple[tuple[str, datetime], ...] = field(default=())
    in_range: int = 0

    def plausible(self) -> bool:
        """Most dates it gives are ones a contact log can have (1990 up to and including
        tomorrow); a placeholder such as 1900-01-01 in a few rows does not change that,
        those rows are rejected on their own."""
        return self.in_range * 2 > self.read

    def describe(self, count: int = 1) -> str:
        """``22-04-15 → 22 April 2015`` for the first ``count`` examples, in the active
        language, joined by semicolons."""
        if not self.examples:
            return self.format
        return "; ".join(t("import.date_example", text=text, date=_long_date(value))
                         for text, value in self.examples[:count])


class AmbiguousDates(ImportRefused):
    """Two or more plausible readings of the date column give different dates.

    ``readings`` holds them, the preferred one first; a user chooses with ``date_format``.
    """

    def __init__(self, message: str, readings: list[DateReading]):
        super().__init__(message)
        self.readings = readings


_SHAPES = {"%Y": r"\d{4}", "%y": r"\d{2}", "%m": r"\d{1,2}", "%d": r"\d{1,2}", "%H": r"\d{1,2}", "%I": r"\d{1,2}",
           "%M": r"\d{2}", "%S": r"\d{2}", "%f": r"\d{1,9}", "%p": r"[AaPp]\.?[Mm]\.?", "%b": r"[^\W\d_]{3,4}\.?",
           "%B": r"[^\W\d_]{3,}", "%a": r"[^\W\d_]{2,3}\.?", "%z": r"(?:[zZ]|[+-]\d{2}(?::?\d{2})?)"}


@lru_cache(maxsize=512)  # one per candidate format
def _shape(fmt: str) -> re.Pattern:
    """A regular expression a value must match before ``fmt`` is worth parsing it with."""
    parts = re.split(r"(%[a-zA-Z])", fmt)
    return re.compile("".join(_SHAPES.get(p, re.escape(p)) for p in parts if p), re.IGNORECASE)


def _shape_fits(fmt: str, values: list[str]) -> bool:
    """Most of ``values`` have the shape of ``fmt`` (a cheap look before DuckDB parses)."""
    shape = _shape(fmt)
    return sum(bool(shape.fullmatch(v.strip())) for v in values) * 2 > len(values)


def latest_plausible(today: date) -> datetime:
    """The first moment after tomorrow: no contact of a log can be from then on."""
    return datetime.combine(today + timedelta(days=2), datetime.min.time())


def date_readings(cur: duckdb.DuckDBPyConnection, values: list[str], today: date,
                  formats: list[str] | None = None) -> list[DateReading]:
    """Every format of ``formats`` that reads at least one of ``values``, best first: most
    values read inside 1990-tomorrow, most read, then the order of preference. By default
    the candidates whose shape most of the first ``SHAPE_SAMPLE`` values have."""
    values = [v for v in values if v][:DATE_SAMPLE]
    if not values:
        return []
    formats = formats or [f for f in CANDIDATES if _shape_fits(f, values[:SHAPE_SAMPLE])]
    if not formats:
        return []
    parsed = ", ".join(f"{_timestamp(f'$f{i}', fmt)} as p{i}" for i, fmt in enumerate(formats))
    stats = ", ".join(f"count(p{i}), min(p{i}), max(p{i}), count(*) filter (where p{i} >= $earliest and p{i} < $latest)"
                      for i in range(len(formats)))
    params = {f"f{i}": fmt for i, fmt in enumerate(formats)}
    row = cur.execute(f"with parsed as (select v, {parsed} from unnest($values) as t(v)) select {stats} from parsed",
                      {"values": values, "earliest": EARLIEST, "latest": latest_plausible(today), **params}).fetchall()[0]
    readings = []
    for i, fmt in enumerate(formats):
        read, first, last, in_range = row[4 * i: 4 * i + 4]
        if read:
            readings.append(DateReading(fmt, int(read), first, last, in_range=int(in_range)))
    order = {fmt: i for i, fmt in enumerate(CANDIDATES)}
    return sorted(readings, key=lambda r: (-r.in_range, -r.read, order.get(r.format, len(order))))


def chosen_reading(cur: duckdb.DuckDBPyConnection, values: list[str], column: str, *,
                   today: date | None = None) -> DateReading:
    """The reading of a date column, with examples.

    The readings that read the most values and give plausible dates are kept; among those,
    readings that give the same dates as the preferred one are the same reading written
    differently. Any other is a second way to read the column.

    Raises
    ------
    AmbiguousDates
        When two plausible readings read every value but give different dates.
    ImportRefused
        When no format reads more than half of the values, or the only readings that do
        give implausible dates (before 1990 or after tomorrow).
    """
    today = today or date.today()
    values = [v for v in values if v][:DATE_SAMPLE]
    readings = date_readings(cur, values, today)
    most_read = max((r.read for r in readings), default=0)
    if most_read * 2 <= len(values):
        example = values[0] if values else ""
        raise ImportRefused(t("errors.import_dates_unreadable", column=quoted(column), example=quoted(example)))
    plausible = [r for r in readings if r.plausible() and r.read * 2 > len(values)]
    if not plausible:
        shown = max(readings, key=lambda r: r.read)
        raise ImportRefused(t("errors.import_dates_implausible", column=quoted(column),
                              example=quoted(_example_text(cur, values, shown.format)),
                              first=_long_date(shown.first), last=_long_date(shown.last), format=shown.format))
    best_count = plausible[0].in_range
    top = [r for r in plausible if r.in_range == best_count]
    chosen = top[0]
    different = [r for r in top[1:] if _differs(cur, values, chosen.format, r.format)]
    distinct: list[DateReading] = []
    for reading in different:
        if all(_differs(cur, values, reading.format, other.format) for other in distinct):
            distinct.append(reading)
    with_examples = [_with_examples(cur, values, r, [chosen, *distinct]) for r in [chosen, *distinct]]
    if distinct:
        choices = "; ".join(t("errors.import_dates_reading", example=r.describe(), format=r.format)
                            for r in with_examples)
        raise AmbiguousDates(t("errors.import_dates_ambiguous", column=quoted(column), choices=choices),
                             with_examples)
    return with_examples[0]


def reading_of(cur: duckdb.DuckDBPyConnection, values: list[str], fmt: str) -> DateReading:
    """The reading of ``values`` with a given format (a profile's, the user's, or the one an
    import detected), with three examples."""
    values = [v for v in values if v][:DATE_SAMPLE]
    row = cur.execute(f"select count(p), min(p), max(p) from (select {_timestamp('$f', fmt)} as p"
                      " from unnest($values) as t(v))", {"values": values, "f": fmt}).fetchall()[0]
    return _with_examples(cur, values, DateReading(fmt, int(row[0]), row[1], row[2]), [])



def _timestamp(param: str, fmt: str) -> str:
    if "%z" in fmt:  # an offset: stored in UTC, without the offset
        return f"make_timestamp(epoch_us(try_strptime(regexp_replace(v, '[zZ]$', '+00:00'), {param})))"
    return f"try_strptime(v, {param})"


def _differs(cur: duckdb.DuckDBPyConnection, values: list[str], first: str, second: str) -> bool:
    return bool(cur.execute(
        f"select count(*) from unnest($values) as t(v) where {_timestamp('$a', first)} is distinct from"
        f" {_timestamp('$b', second)}", {"values": values, "a": first, "b": second}).fetchall()[0][0])


def _with_examples(cur: duckdb.DuckDBPyConnection, values: list[str], reading: DateReading,
                   rivals: list[DateReading]) -> DateReading:
    """``reading`` with three examples: values the rival readings read differently first
    (they show the difference), then the first values."""
    rival_formats = [r.format for r in rivals if r.format != reading.format]
    differs = " or ".join(f"{_timestamp(f'$r{i}', f)} is distinct from {_timestamp('$f', reading.format)}"
                          for i, f in enumerate(rival_formats)) or "false"
    rows = cur.execute(
        f"select v, {_timestamp('$f', reading.format)} as p, ({differs}) as telling from unnest($values) as t(v)"
        " where p is not null order by telling desc limit 3",
        {"values": values[:DATE_SAMPLE], "f": reading.format, **{f"r{i}": f for i, f in enumerate(rival_formats)}},
    ).fetchall()
    return DateReading(reading.format, reading.read, reading.first, reading.last,
                       tuple((str(text), value) for text, value, _ in rows), reading.in_range)


def _example_text(cur: duckdb.DuckDBPyConnection, values: list[str], fmt: str) -> str:
    found = cur.execute(f"select v from unnest($values) as t(v) where {_timestamp('$f', fmt)} is not null limit 1",
                        {"values": values, "f": fmt}).fetchall()
    return str(found[0][0]) if found else (values[0] if values else "")


def _long_date(value: datetime | None) -> str:
    return formatting.long_date(value) if value is not None else "–"
