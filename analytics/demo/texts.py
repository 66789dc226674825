"""A subject line for every demo contact, drawn from its reason's wordings
(``analytics.demo.subject_templates``), vectorised with Arrow.

Per contact, from the batch's own generator (so the same seed gives the same lines):

- a wording of its reason, with its placeholder filled: the contact's order number, an
  amount ("12,50") or a number of days;
- instead, with ``VAGUE_SHARE``, a vague line ("vraag", "??"); a contact filed under
  "Other" writes, with ``OTHER_MISFILED_SHARE``, about a reason the tree does have (the
  agent did not find it), else one of Other's own vague or mixed lines;
- with ``TYPO_SHARE`` a typo (two letters swapped in its longest word), and with
  ``PREFIX_SHARE`` / ``SUFFIX_SHARE`` a greeting before or "??" after.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analytics.demo.contacts import ContactBatch
from analytics.demo.reason_tree import Reason
from analytics.demo.subject_templates import HIDDEN_PROBLEM, PREFIXES, SUBJECTS, SUFFIXES, VAGUE

VAGUE_SHARE = 0.06
OTHER_MISFILED_SHARE = 0.5
TYPO_SHARE = 0.1
PREFIX_SHARE = 0.12
SUFFIX_SHARE = 0.12
OTHER_PATH = "Other"
PLACEHOLDERS = ("{order}", "{amount}", "{days}")  # kinds 1, 2, 3; 0: none
CENTS = pa.array(["00", "50", "95", "99", "25", "45"])


def typo_of(line: str) -> str:
    """``line`` with the second and third letter of its longest word of letters only
    swapped (five letters or more; unchanged without one): "bestelling" -> "bsetelling"."""
    words = line.split(" ")
    candidates = [i for i, word in enumerate(words) if word.isalpha() and len(word) >= 5]
    if not candidates:
        return line
    longest = max(candidates, key=lambda i: (len(words[i]), -i))
    word = words[longest]
    words[longest] = word[0] + word[2] + word[1] + word[3:]
    return " ".join(words)


@dataclass(frozen=True)
class LineBook:
    """Every line the generator may write, split at its placeholder (``heads``, ``tails``,
    ``kinds``), the typo variants after the originals (``typo_offset`` on), and where each
    group's lines start: groups are the reasons in order, then the vague lines, then the
    hidden problem's."""

    heads: pa.Array
    tails: pa.Array
    kinds: np.ndarray
    first: np.ndarray
    count: np.ndarray
    typo_offset: int

    @property
    def vague_group(self) -> int:
        return len(self.first) - 2

    @property
    def hidden_group(self) -> int:
        return len(self.first) - 1


def _split(line: str) -> tuple[str, str, int]:
    for kind, placeholder in enumerate(PLACEHOLDERS, start=1):
        if placeholder in line:
            head, tail = line.split(placeholder, 1)
            return head, tail, kind
    return line, "", 0


@lru_cache(maxsize=4)
def line_book(reasons: tuple[Reason, ...]) -> LineBook:
    """The lines of every reason (by its path), the vague ones and the hidden problem's.

    Raises
    ------
    KeyError
        When a reason has no wordings in ``SUBJECTS``.
    """
    groups = [SUBJECTS[r.path] for r in reasons] + [VAGUE, HIDDEN_PROBLEM]
    lines = [line for group in groups for line in group]
    split = [_split(line) for line in lines] + [_split(typo_of(line)) for line in lines]
    count = np.array([len(group) for group in groups])
    return LineBook(
        heads=pa.array([head for head, _, _ in split], pa.string()),
        tails=pa.array([tail for _, tail, _ in split], pa.string()),
        kinds=np.array([kind for _, _, kind in split], dtype=np.int8),
        first=np.concatenate([[0], np.cumsum(count)[:-1]]),
        count=count,
        typo_offset=len(lines),
    )


def _pick(book: LineBook, group: np.ndarray, u: np.ndarray) -> np.ndarray:
    return book.first[group] + np.minimum((u * book.count[group]).astype(np.int64), book.count[group] - 1)


def _affix(choices: tuple[str, ...], share: float, u: np.ndarray) -> pa.Array:
    """One of ``choices`` for a ``share`` of the rows (``u`` below it), else ""."""
    options = pa.array(["", *choices], pa.string())
    index = np.where(u < share, 1 + (u / share * len(choices)).astype(np.int64), 0)
    return options.take(pa.array(np.minimum(index, len(choices))))


def _fills(kinds: np.ndarray, order_no: np.ndarray, rng: np.random.Generator) -> pa.Array:
    """The text that fills each line's placeholder: the order number (a made-up one when the
    contact has none), an amount with a decimal comma, a number of days; "" without one.
    Only the lines with a placeholder are turned into text (a fifth of them)."""
    n = len(kinds)
    made_up, euros = rng.integers(100_000, 9_999_999, n), rng.integers(5, 300, n)
    cents, days = rng.integers(0, len(CENTS), n), rng.integers(2, 15, n)
    number = np.where(kinds == 1, np.where(order_no >= 0, order_no, made_up), np.where(kinds == 3, days, euros))
    filled = np.flatnonzero(kinds > 0)
    text = pc.cast(pa.array(number[filled]), pa.string())
    with_cents = pc.binary_join_element_wise(text, CENTS.take(pa.array(cents[filled])), ",")
    text = pc.if_else(pa.array(kinds[filled] == 2), with_cents, text)
    return pc.replace_with_mask(pa.repeat("", n), pa.array(kinds > 0), text)


def subject_lines(batch: ContactBatch, reasons: tuple[Reason, ...], rng: np.random.Generator,
                  *, hidden_problem: bool = False) -> pa.Array:
    """One subject line per contact of ``batch`` (see the module notes); for the contacts
    of the hidden problem (``hidden_problem``) always a line about it."""
    book = line_book(reasons)
    n = len(batch)
    u = rng.random((7, n))
    if hidden_problem:
        group = np.full(n, book.hidden_group)
    else:
        group = batch.reason.astype(np.int64)
        other = np.array([r.path == OTHER_PATH for r in reasons])[group]
        elsewhere = np.flatnonzero(~np.array([r.path == OTHER_PATH for r in reasons]))
        misfiled = other & (u[1] < OTHER_MISFILED_SHARE)
        group = np.where(misfiled, elsewhere[(u[2] * len(elsewhere)).astype(np.int64) % len(elsewhere)], group)
        group = np.where(u[3] < VAGUE_SHARE, book.vague_group, group)
    line = _pick(book, group, u[0])
    line = np.where(u[4] < TYPO_SHARE, line + book.typo_offset, line)
    index = pa.array(line)
    fills = _fills(book.kinds[line], batch.order_no, rng)
    prefix = _affix(PREFIXES, PREFIX_SHARE, u[5])
    suffix = _affix(SUFFIXES, SUFFIX_SHARE, u[6])
    return pc.binary_join_element_wise(prefix, book.heads.take(index), fills, book.tails.take(index), suffix, "")
