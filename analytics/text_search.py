"""Searching what customers wrote, for the Reasons & channels page: how many contacts in
the filters mention some words, and the newest of them with the reason they were filed
under.

Texts may hold personal data even after masking on import, so every function that reads
them checks the reader's permission (``analytics.access.READ_TEXTS``): a page that forgot
to hide the search still shows a viewer nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import re

import duckdb
import pandas as pd

from analytics.access import READ_TEXTS, require_permission
from analytics.filters import ContactFilter, reason_path
from analytics.formatting import Column, TableView, count, table_view
from analytics.i18n import t
from analytics.queries import run_query

SAMPLE_SIZE = 25
MAX_WORDS_LENGTH = 200


@dataclass(frozen=True)
class TextSearch:
    """The answer to one search.

    Attributes
    ----------
    words
        What was searched for, trimmed (empty: every text).
    contacts_with_text
        Contacts in the filters that have a text.
    matching_contacts
        Those whose text contains ``words``, ignoring case.
    sample
        The newest matching contacts, at most ``SAMPLE_SIZE``: ``started_at``, ``channel``,
        ``reason`` (the path, levels joined with " > ") and ``text``.
    """

    words: str
    contacts_with_text: int
    matching_contacts: int
    sample: pd.DataFrame


def store_has_texts(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether any contact has a text. False too for a Parquet-mode store whose view was
    made before the store knew texts (``store refresh`` adds the column)."""
    cur = conn.cursor()
    try:
        has_column = cur.execute(
            "select count(*) from information_schema.columns"
            " where table_schema = 'main' and table_name = 'contacts' and column_name = 'text'").fetchall()[0][0]
        if not has_column:
            return False
        return bool(cur.execute("select exists (select 1 from contacts where text is not null)").fetchall()[0][0])
    finally:
        cur.close()


def text_search(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, words: str,
                sample_size: int = SAMPLE_SIZE) -> TextSearch:
    """The contacts of ``contact_filter`` whose text contains ``words`` (a substring,
    ignoring case; longer input is cut to ``MAX_WORDS_LENGTH`` characters).

    Raises
    ------
    AccessDenied
        When the acting user may not read texts (a viewer, or nobody); nothing is read.
    """
    require_permission(READ_TEXTS)
    words = (words or "").strip()[:MAX_WORDS_LENGTH]
    params = {**contact_filter.params(), "words": words, "sample_size": sample_size}
    counts = run_query(conn, "text_search_counts", params).iloc[0]
    rows = run_query(conn, "text_search_sample", params)
    sample = pd.DataFrame({
        "started_at": rows["started_at"],
        "channel": rows["channel"],
        "reason": [reason_path(*levels) for levels in zip(rows["reason_l1"], rows["reason_l2"], rows["reason_l3"])],
        "text": rows["text"],
    })
    return TextSearch(words, int(counts["contacts_with_text"]), int(counts["matching_contacts"]), sample)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~$])")


def search_summary(search: TextSearch) -> str:
    """The sentence above the sample, as Markdown: how many of the texts in the filters
    contain the words (every text when none were given). The words are the reader's own
    input, escaped so they show as typed and never as a link or formatting."""
    with_text = count(search.contacts_with_text)
    if not search.words:
        return t("reasons.texts_all", with_text=with_text)
    return t("reasons.texts_found", matching=count(search.matching_contacts), with_text=with_text,
             words=_MARKDOWN.sub(r"\\\1", search.words))


def text_sample_table(search: TextSearch) -> TableView:
    """The sample as the page shows it: when, channel, reason and the text."""
    return table_view(search.sample, {
        "started_at": Column(t("reasons.col_started_at"), "moment"),
        "channel": Column(t("reasons.col_channel")),
        "reason": Column(t("reasons.col_path"), width="medium"),
        "text": Column(t("reasons.col_text"), width="large"),
    })
