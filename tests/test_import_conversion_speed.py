"""The fast number and duration conversions read exactly what the regular expressions they
replaced read: the same values accepted, the same numbers, the same values refused."""

from __future__ import annotations

import itertools

import duckdb
import pytest

from analytics.importing.conversion import duration_sql, number_sql

_NUMBER = r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"


def reference_number_sql(value: str, decimal: str) -> str:
    """The earlier, regular-expression-only conversion (the reference)."""
    if decimal == ",":
        normal = (f"(case when regexp_full_match({value}, '[+-]?\\d{{1,3}}(\\.\\d{{3}})+(,\\d+)?')"
                  f" then replace(replace({value}, '.', ''), ',', '.') else replace({value}, ',', '.') end)")
    else:
        normal = (f"(case when regexp_full_match({value}, '[+-]?\\d{{1,3}}(,\\d{{3}})+(\\.\\d+)?')"
                  f" then replace({value}, ',', '') else {value} end)")
    return f"(case when regexp_full_match({normal}, '{_NUMBER}') then cast({normal} as double) end)"


def reference_duration_sql(value: str, decimal: str) -> str:
    return (
        f"(case when regexp_full_match({value}, '\\d+:\\d{{2}}:\\d{{2}}')"
        f" then split_part({value}, ':', 1)::double * 3600 + split_part({value}, ':', 2)::double * 60"
        f" + split_part({value}, ':', 3)::double"
        f" when regexp_full_match({value}, '\\d+:\\d{{2}}')"
        f" then split_part({value}, ':', 1)::double * 60 + split_part({value}, ':', 2)::double"
        f" else {reference_number_sql(value, decimal)} end)"
    )


HAND_PICKED = [
    "1", "1.", ".5", ".", "1e5", "1E+5", "1e", "e5", "+1", "-1", "+-1", "-+1", "--1", "++1", "1.2.3", "1+2",
    "inf", "-inf", "nan", "NaN", "Infinity", "0x10", "1_000", "1d", "1f", "1 000", "\u0661", "+.5", "-.5e-3",
    "1e5.5", "00012", "1.5e", "1..2", "+", "-", "e", ".e1", "1.e1", "1,5", "1.234,5", "1,234.5", "1.234",
    "1,234", "12.345.678", "12,345,678", "1.23.456", "1,23,456", "-1.234,56", "+1,234.56", "245,5", "1e-3,5",
    "1:30", "1:02:03", "12:5", "1:2:3", "-1:30", "1:30.5", "0:00", "10:00:00", ":30", "1::30", "ja", "",
]


def generated_values() -> list[str]:
    """Every string of up to four characters from a small alphabet of digits and marks."""
    alphabet = "09.,+-e:"
    return ["".join(p) for n in range(1, 5) for p in itertools.product(alphabet, repeat=n)]


@pytest.mark.parametrize("decimal", [",", "."])
@pytest.mark.parametrize("make, reference", [(number_sql, reference_number_sql),
                                             (duration_sql, reference_duration_sql)])
def test_fast_conversion_reads_what_the_regular_expressions_read(decimal, make, reference):
    values = HAND_PICKED + generated_values()
    conn = duckdb.connect()
    differences = conn.execute(
        f"select v, {make('v', decimal)} as fast, {reference('v', decimal)} as slow"
        " from unnest($values) as t(v)"
        " where fast is distinct from slow",
        {"values": values},
    ).fetchall()
    assert differences == []
    # The comparison has teeth: both accept and refuse plenty of these values.
    accepted = conn.execute(f"select count({make('v', decimal)}) from unnest($values) as t(v)",
                            {"values": values}).fetchall()[0][0]
    assert 150 < accepted < len(values) - 1000


def test_trimming_only_where_needed_trims_all_surrounding_white_space():
    from analytics.importing.staging import trimmed_sql

    values = ["x", " x", "x ", "  x  ", "\u00a0x\u00a0", "\u2003x", "x\u3000", "\tx\t", "é ", " é", "é", "",
              " ", "\u00a0", "a b", "caf\u00e9", "\u00e9t\u00e9\u00a0", "\nx\n"]
    rows = duckdb.connect().execute(
        f"select v, {trimmed_sql('v')} from unnest($values) as t(v)", {"values": values}
    ).fetchall()
    # Unicode spaces (as trim), and tabs and line breaks too (which trim keeps): as str.strip.
    assert [r[1] for r in rows] == [v.strip() for v in values]
    assert rows[4][1] == "x" and rows[7][1] == "x" and rows[-1][1] == "x" and rows[14][1] == "a b"
