"""Personal data in what customers wrote, masked before it is stored.

A contact's text (a subject line, a summary, the customer's first message) may hold the
customer's e-mail address, phone number, bank account or postcode. None of that says why
they got in touch, and all of it is personal data, so the importer replaces it by a token:

- ``[e-mail]``: e-mail addresses;
- ``[IBAN]``: IBANs of any country, grouped in fours or not (a Dutch one in lower case too);
- ``[phone]``: +.. and 00.. international numbers, Dutch and British national numbers (10
  or 11 digits from 0, grouped as people group them), American ones (555-123-4567);
- ``[postcode]``: Dutch postcodes (1234 AB, 1234AB), British ones (SW1A 1AA, from the
  list of postcode areas), American ZIP+4 codes and a ZIP code after a state (MA 02118,
  which keeps the state).

What is not masked, on purpose: order numbers, amounts ("€ 12,50", "1.234,56"), dates
(12-03-2025, 2025-03-12), times (14:30) and a bare five-digit number (a US ZIP code or an
order number: nobody can tell). A phone number must be grouped as phone numbers are, so a
date followed by a time ("06-12-2025 14:30") is not one. Letters after a Dutch postcode's
digits must be capitals: "in 2025 en" is a year and a word.

Each pattern is written once, in the part of the regular-expression syntax that Python's
``re`` (with ``re.ASCII``) and DuckDB's RE2 read alike, so :func:`masked_text` (one text,
in Python) and :func:`masking_sql` (a whole column, in the import's SQL) give the same
result; ``tests/test_text_masking.py`` holds both to one table of inputs and outputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UK_AREAS = ("AB|AL|B[ABDHLNRST]?|C[ABFHMORTVW]|D[ADEGHLNTY]|E[CHNX]?|F[KY]|G[LUY]?|H[ADGPRSUX]|I[GMPV]|JE"
             "|K[ATWY]|L[ADELNSU]?|M[EKL]?|N[EGNPRW]?|O[LX]|P[AEHLOR]|R[GHM]|S[AEGKLMNOPRSTWY]?"
             "|T[ADFNQRSW]|UB|W[ACDFNRSV]?|YO|ZE")
_US_STATES = ("AK|AL|AR|AZ|CA|CO|CT|DC|DE|FL|GA|HI|IA|ID|IL|IN|KS|KY|LA|MA|MD|ME|MI|MN|MO|MS|MT|NC|ND|NE"
              "|NH|NJ|NM|NV|NY|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VA|VT|WA|WI|WV|WY")


def _national(area_digits: int) -> str:
    """A Dutch or British national number whose area code (with its 0) has ``area_digits``
    digits: 10 or 11 digits in all, the area code optionally in brackets or followed by a
    dash or slash, the rest optionally grouped by single spaces."""
    rest = 10 - area_digits
    area = f"0[1-9][0-9]{{{area_digits - 2}}}"
    return rf"(?:\({area}\) ?|\b{area}(?: ?[-/] ?| )?)[0-9](?: ?[0-9]){{{rest - 1},{rest}}}\b"


@dataclass(frozen=True)
class MaskRule:
    """One kind of personal data: its token and the pattern that finds it. ``keep`` is the
    replacement's leading part that the pattern's first group keeps (a US state before its
    ZIP code), empty when the whole match goes."""

    kind: str
    token: str
    pattern: str
    keep: str = ""

    @property
    def replacement(self) -> str:
        return self.keep + self.token


# In order: an e-mail address or an IBAN holds digit runs a phone pattern would take.
RULES: tuple[MaskRule, ...] = (
    MaskRule("email", "[e-mail]", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
    MaskRule("iban", "[IBAN]", r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b"),
    MaskRule("iban", "[IBAN]", r"(?i:\bnl ?[0-9]{2} ?[a-z]{4} ?(?:[0-9] ?){9}[0-9]\b)"),
    MaskRule("phone", "[phone]", r"\(?\+[0-9](?:[ .()-]{0,2}[0-9]){7,14}\b"),
    MaskRule("phone", "[phone]", r"\b00[1-9][0-9](?:[ .-]?[0-9]){7,12}\b"),
    *(MaskRule("phone", "[phone]", _national(digits)) for digits in (2, 3, 4, 5)),
    MaskRule("phone", "[phone]",
             r"(?:\b1[ .-]?)?(?:\([2-9][0-9]{2}\) ?|\b[2-9][0-9]{2}[ .-])[0-9]{3}[ .-][0-9]{4}\b"),
    MaskRule("postcode", "[postcode]", r"\b[1-9][0-9]{3} ?[A-Z]{2}\b"),
    MaskRule("postcode", "[postcode]", rf"\b(?:{_UK_AREAS})[0-9][0-9A-Z]? ?[0-9][ABD-HJLNP-UW-Z]{{2}}\b"),
    MaskRule("postcode", "[postcode]", r"\b[0-9]{5}-[0-9]{4}\b"),
    MaskRule("postcode", "[postcode]", rf"\b({_US_STATES}),? [0-9]{{5}}\b", keep=r"\1 "),
)
TOKENS: tuple[str, ...] = tuple(dict.fromkeys(rule.token for rule in RULES))
_COMPILED = tuple((re.compile(rule.pattern, re.ASCII), rule.replacement) for rule in RULES)
# Every rule but the e-mail one needs a digit; a text without "@" or a digit is left as it is.
_CANDIDATE = re.compile(r"[@0-9]")


def masked_text(text: str | None) -> str | None:
    """``text`` with every e-mail address, IBAN, phone number and postcode replaced by its
    token (see the module notes); ``None`` stays ``None``.

    Examples
    --------
    ``masked_text("Bel me op 06-12345678 over order 123456")`` ->
    ``"Bel me op [phone] over order 123456"``.
    """
    if text is None or not _CANDIDATE.search(text):
        return text
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text


def masking_sql(value: str) -> tuple[str, dict[str, str]]:
    """The SQL expression that masks the text column ``value`` as :func:`masked_text`
    does, and its bound parameters (``$mask_pattern_N``, ``$mask_token_N``).

    ``value`` is an expression of the caller's (a generated column name), never user input.
    """
    expression = value
    params: dict[str, str] = {}
    for i, rule in enumerate(RULES):
        params[f"mask_pattern_{i}"] = rule.pattern
        params[f"mask_token_{i}"] = rule.replacement
        expression = f"regexp_replace({expression}, $mask_pattern_{i}, $mask_token_{i}, 'g')"
    return f"(case when regexp_matches({value}, '[@0-9]') then {expression} else {value} end)", params
