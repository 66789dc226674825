"""Reviewing the reasons suggested from what customers wrote: nothing is relabelled silently.

An editor reviews the suggestions one suggested reason at a time: accepts those at or above
a confidence, or rejects them. Accepting moves each contact to the suggested reason and
keeps the reason the agent recorded in ``recorded_l1..l3``, so every view can count the
reasons as recorded or with the accepted suggestions
(:attr:`analytics.filters.ContactFilter.reasons_as_recorded`). An accept can be undone: its
contacts go back to the recorded reason. A rejected suggestion is not offered again for
that contact and reason. Every decision is a row of ``reason_reviews``.

Each of :func:`accept`, :func:`reject` and :func:`undo` is one write transaction: the role
check (editor), the decision rows, the contacts moved, the daily aggregates and their
recorded deltas recomputed for the days touched (:func:`analytics.aggregates.refresh_contact_days`),
the audit row and the data-version bump, all or nothing.

A suggestion is acted on only while its contact is still under the reason it had when the
suggestion was made (its ``recorded_path``) and was not relabelled since; one the store
changed under it is skipped and counted (:attr:`ReviewResult.skipped`).

The suggestions are a frame with one row per contact (as
``analytics.text_reasons.store_suggestions.suggest_reasons`` gives them): ``contact_id``,
``recorded_path`` and ``suggested_path`` (levels joined with " > ", empty levels left out,
as :func:`analytics.filters.reason_path` writes them), ``suggested_l1..l3``, ``confidence``
(0-1), ``words`` and ``offered`` (the model is accurate enough on that reason to offer it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import numpy as np
import pandas as pd

from analytics import audit
from analytics.access import READ_TEXTS, Role, current_actor, require, require_permission
from analytics.aggregates import refresh_contact_days
from analytics.channels import register_new_reasons
from analytics.formatting import Column, TableView, count, percent, table_view
from analytics.i18n import t
from analytics.parquet_mode import parquet_location
from analytics.queries import parameters_of, run_query, sql_text
from analytics.store import write_transaction

ACCEPTED, REJECTED, UNDONE = "accepted", "rejected", "undone"
REQUIRED_COLUMNS = ("contact_id", "recorded_path", "suggested_path", "suggested_l1", "suggested_l2",
                    "suggested_l3", "confidence", "offered")
SAMPLE_SIZE = 12
DEFAULT_MIN_CONFIDENCE = 0.8


class ReviewRefused(ValueError):
    """The review cannot be written (a Parquet-mode store); nothing was changed. The
    message says why and what to do."""


@dataclass(frozen=True)
class ReviewResult:
    """What one accept, reject or undo did.

    Attributes
    ----------
    decision
        ``accepted``, ``rejected`` or ``undone``.
    reason
        The suggested reason(s) acted on, joined with "; ".
    chosen
        Suggestions chosen (offered, of the reason, at or above the confidence; for an
        undo, the contacts the accept still holds).
    changed
        Contacts moved (accept, undo) or suggestions recorded as rejected.
    skipped
        Chosen but left alone: the store changed their reason since the suggestion, or
        they were decided before. ``chosen = changed + skipped``.
    days
        Days whose daily aggregates were recomputed.
    batch_id
        The review's number in ``reason_reviews`` (what an undo names).
    """

    decision: str
    reason: str
    chosen: int
    changed: int
    skipped: int
    days: int
    batch_id: int

    def sentence(self) -> str:
        """The confirmation line, as Markdown, in the active language."""
        words = {"changed": count(self.changed), "reason": f"“{self.reason}”", "days": count(self.days)}
        text = t(f"review.{self.decision}_sentence", **words)
        return text + (t("review.skipped_sentence", skipped=count(self.skipped)) if self.skipped else "")


# --- choosing suggestions (pure) ---------------------------------------------------------

def checked_suggestions(suggestions: pd.DataFrame) -> pd.DataFrame:
    """The suggestions with one row per contact (the first of duplicates), missing levels
    as ''.

    Raises
    ------
    ValueError
        When a required column is missing.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in suggestions.columns]
    if missing:
        raise ValueError(t("review.columns_missing", columns=", ".join(missing)))
    levels = {f"suggested_l{i}": suggestions[f"suggested_l{i}"].fillna("").astype(str) for i in (1, 2, 3)}
    return suggestions.assign(**levels).drop_duplicates("contact_id").reset_index(drop=True)


def chosen_suggestions(suggestions: pd.DataFrame, *, min_confidence: float | None,
                       suggested_path: str | None) -> pd.DataFrame:
    """The offered suggestions of ``suggested_path`` (None: of every reason) with a
    confidence of ``min_confidence`` or more (None: whatever their confidence, as for an
    adopted reason tree, where an editor decided and no model), highest confidence first.

    Raises
    ------
    ValueError
        When ``min_confidence`` is not between 0 and 1, or a required column is missing.
    """
    if min_confidence is not None and not 0.0 <= float(min_confidence) <= 1.0:
        raise ValueError(t("review.confidence_range", value=min_confidence))
    frame = checked_suggestions(suggestions)
    keep = frame["offered"].astype(bool)
    if min_confidence is not None:
        keep &= frame["confidence"] >= float(min_confidence)
    keep &= frame["suggested_path"] != frame["recorded_path"]
    if suggested_path is not None:
        keep &= frame["suggested_path"] == suggested_path
    return frame[keep].sort_values(["confidence", "contact_id"], ascending=[False, True]).reset_index(drop=True)


def suggestion_summary(open_suggestions: pd.DataFrame, reason_accuracy: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per suggested reason waiting for review: ``suggested_path``, ``offered``
    (contacts), ``median_confidence``, ``recorded_paths`` (where they are filed now, most
    frequent first) and ``accuracy`` (held-out, when ``reason_accuracy`` has it); most
    contacts first."""
    columns = ["suggested_path", "offered", "median_confidence", "recorded_paths", "accuracy"]
    if open_suggestions.empty:
        return pd.DataFrame(columns=columns)
    grouped = open_suggestions.groupby("suggested_path")
    summary = pd.DataFrame({
        "offered": grouped.size(),
        "median_confidence": grouped["confidence"].median(),
        "recorded_paths": grouped["recorded_path"].agg(
            lambda paths: "; ".join(p or "–" for p in paths.value_counts().index[:3])),
    }).reset_index()
    accuracy = {} if reason_accuracy is None or reason_accuracy.empty else dict(
        zip(reason_accuracy["path"], reason_accuracy["accuracy"]))
    summary["accuracy"] = summary["suggested_path"].map(accuracy).astype(float)
    return summary.sort_values(["offered", "suggested_path"], ascending=[False, True]).reset_index(drop=True)[columns]


def sample_of(chosen: pd.DataFrame, size: int = SAMPLE_SIZE) -> pd.DataFrame:
    """At most ``size`` of the chosen suggestions, spread evenly over their confidence, the
    lowest first (the ones to judge) up to the highest."""
    ordered = chosen.sort_values(["confidence", "contact_id"], kind="stable").reset_index(drop=True)
    if len(ordered) <= size:
        return ordered
    positions = np.unique(np.linspace(0, len(ordered) - 1, size).round().astype(int))
    return ordered.iloc[positions].reset_index(drop=True)


# --- reading the store -------------------------------------------------------------------

def open_suggestions(conn: duckdb.DuckDBPyConnection, suggestions: pd.DataFrame) -> pd.DataFrame:
    """The offered suggestions still waiting for a decision: without those rejected before
    for the same reason and those whose contact an accepted suggestion already moved."""
    frame = checked_suggestions(suggestions)
    frame = frame[frame["offered"].astype(bool)].reset_index(drop=True)
    return frame[~decided(conn, frame)].reset_index(drop=True)


def decided(conn: duckdb.DuckDBPyConnection, suggestions: pd.DataFrame) -> pd.Series:
    """Per row of ``suggestions`` (``contact_id``, ``suggested_path``): whether it is no
    longer open (rejected before for that reason, or its contact moved by an accept)."""
    if suggestions.empty:
        return pd.Series(False, index=suggestions.index, dtype=bool)
    closed = run_query(conn, "reason_review_closed", {
        "contact_ids": suggestions["contact_id"].astype(str).tolist(),
        "suggested_paths": suggestions["suggested_path"].astype(str).tolist()})
    keys = suggestions["contact_id"].astype(str) + "\x1f" + suggestions["suggested_path"].astype(str)
    closed_keys = set(closed["contact_id"].astype(str) + "\x1f" + closed["suggested_path"].astype(str))
    return keys.isin(closed_keys)


def relabelled_contacts(conn: duckdb.DuckDBPyConnection) -> int:
    """How many contacts an accepted suggestion moved (0: "as recorded" is the same view)."""
    return int(run_query(conn, "relabelled_contacts")["contacts"].iloc[0])


def accepted_changes(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every accept that still stands, newest first: ``batch_id``, ``decided_at``,
    ``decided_by``, ``suggested_paths``, ``recorded_paths``, ``contacts``, ``min_confidence``."""
    return run_query(conn, "reason_review_accepted")


def text_sample(conn: duckdb.DuckDBPyConnection, contact_ids: Sequence[str]) -> pd.DataFrame:
    """What the customers of ``contact_ids`` wrote: ``contact_id``, ``text``.

    Raises
    ------
    AccessDenied
        When the reader's role may not read texts (viewers).
    """
    require_permission(READ_TEXTS)
    return run_query(conn, "reason_review_texts", {"contact_ids": [str(c) for c in contact_ids]})


def sample_rows(sample: pd.DataFrame, texts: pd.DataFrame) -> pd.DataFrame:
    """The sample with each contact's text (from ``texts``, :func:`text_sample`), in the
    sample's order."""
    shown = sample.drop(columns=["text"], errors="ignore").merge(texts, on="contact_id", how="left")
    if "words" in shown.columns:
        shown["words"] = shown["words"].map(_words_text)
    return shown


def _words_text(words: object) -> str:
    """The words behind a suggestion as one line ("retourlabel, qr")."""
    if isinstance(words, str):
        return words
    if isinstance(words, dict):
        return ", ".join(str(w) for w in words)
    if isinstance(words, (list, tuple, np.ndarray, pd.Series)):
        return ", ".join(str(w) for w in words)
    return ""


# --- writing decisions -------------------------------------------------------------------

def _refuse_in_parquet_mode(conn: duckdb.DuckDBPyConnection) -> None:
    location = parquet_location(conn)
    if location is not None:
        raise ReviewRefused(t("review.parquet_refused", location=location))


def _execute(cur: duckdb.DuckDBPyConnection, name: str, params: dict) -> None:
    sql = sql_text(name)
    cur.execute(sql, {key: params[key] for key in parameters_of(sql)})


def _batch_rows(cur: duckdb.DuckDBPyConnection, batch_id: int) -> pd.DataFrame:
    return cur.execute(sql_text("reason_review_batch"), {"batch_id": batch_id}).fetch_df()


def _batch_days(cur: duckdb.DuckDBPyConnection, batch_id: int) -> list[date]:
    return [row[0] for row in cur.execute(sql_text("reason_review_batch_days"), {"batch_id": batch_id}).fetchall()]


def _paths(values: pd.Series) -> str:
    return "; ".join(sorted({str(v) or "–" for v in values}))


def _decide(conn: duckdb.DuckDBPyConnection, suggestions: pd.DataFrame, decision: str, *,
            min_confidence: float | None, suggested_path: str | None, action: str | None = None,
            nothing_chosen: str = "review.nothing_chosen") -> ReviewResult:
    chosen = chosen_suggestions(suggestions, min_confidence=min_confidence, suggested_path=suggested_path)
    if chosen.empty:
        raise ValueError(t(nothing_chosen))
    actor = current_actor()
    with write_transaction(conn) as cur:
        batch_id = int(cur.execute("select nextval('reason_review_batch_seq')").fetchall()[0][0])
        params = {
            "batch_id": batch_id, "decision": decision, "decided_by": actor.name, "decided_at": datetime.now(),
            "contact_ids": chosen["contact_id"].astype(str).tolist(),
            "recorded_paths": chosen["recorded_path"].astype(str).tolist(),
            "suggested_paths": chosen["suggested_path"].astype(str).tolist(),
            "confidences": [None if pd.isna(value) else float(value) for value in chosen["confidence"]],
            "suggested_l1s": chosen["suggested_l1"].tolist(), "suggested_l2s": chosen["suggested_l2"].tolist(),
            "suggested_l3s": chosen["suggested_l3"].tolist(),
        }
        _execute(cur, "reason_review_decide", params)
        rows = _batch_rows(cur, batch_id)
        changed = int(rows["contacts"].sum())
        days = 0
        if decision == ACCEPTED and changed:
            _execute(cur, "reason_review_relabel", params)
            register_new_reasons(cur)  # an adopted tree's names join the reason tree (filters, owners, Health)
            days = refresh_contact_days(cur, days=_batch_days(cur, batch_id))
        reason = suggested_path if suggested_path is not None else _paths(chosen["suggested_path"])
        audit.record(cur, action or ("reasons.accept" if decision == ACCEPTED else "reasons.reject"), reason,
                     {"reason": _paths(rows["recorded_path"]) if changed else None, "contacts": changed},
                     {"suggested": reason, "contacts": changed,
                      "min_confidence": None if min_confidence is None else float(min_confidence),
                      "skipped": len(chosen) - changed, "batch_id": batch_id})
    return ReviewResult(decision, reason, len(chosen), changed, len(chosen) - changed, days, batch_id)


def accept(conn: duckdb.DuckDBPyConnection, suggestions: pd.DataFrame, *, min_confidence: float,
           suggested_path: str | None) -> ReviewResult:
    """Accept the offered suggestions of ``suggested_path`` (None: of every reason) with a
    confidence of ``min_confidence`` or more: each contact still under the reason it had
    when suggested moves to the suggested reason, its recorded reason kept in
    ``recorded_l1..l3``; the others are skipped and counted.

    Raises
    ------
    AccessDenied
        When the actor is not an editor; nothing is written.
    ReviewRefused
        In Parquet mode (the store does not own the contacts); nothing is written.
    ValueError
        When no suggestion is chosen, or the confidence is not between 0 and 1.
    """
    require(Role.EDITOR, "accept suggested reasons")
    _refuse_in_parquet_mode(conn)
    return _decide(conn, suggestions, ACCEPTED, min_confidence=min_confidence, suggested_path=suggested_path)


def adopt(conn: duckdb.DuckDBPyConnection, assignments: pd.DataFrame) -> ReviewResult:
    """Move every contact of ``assignments`` (a suggestions frame, see the module; its
    ``confidence`` may be missing) to its path, as :func:`accept` does but whatever the
    confidence: an editor adopted these reasons (a proposed reason tree they adjusted,
    :mod:`analytics.text_reasons.tree_adoption`). The recorded reasons are kept and the
    adoption is one batch, undone like an accept. Audited as ``reasons.adopt_tree``.

    Raises
    ------
    AccessDenied
        When the actor is not an editor; nothing is written.
    ReviewRefused
        In Parquet mode; nothing is written.
    ValueError
        When no contact would change; nothing is written.
    """
    require(Role.EDITOR, "adopt a reason tree")
    _refuse_in_parquet_mode(conn)
    return _decide(conn, assignments, ACCEPTED, min_confidence=None, suggested_path=None,
                   action="reasons.adopt_tree", nothing_chosen="tree_adoption.nothing")


def reject(conn: duckdb.DuckDBPyConnection, suggestions: pd.DataFrame, *, min_confidence: float,
           suggested_path: str | None) -> ReviewResult:
    """Reject the suggestions :func:`accept` would take with the same arguments: recorded, so
    they are not offered again (:func:`open_suggestions`); the contacts keep their reason.
    Works in Parquet mode too (only ``reason_reviews`` is written).

    Raises
    ------
    AccessDenied
        When the actor is not an editor; nothing is written.
    ValueError
        When no suggestion is chosen, or the confidence is not between 0 and 1.
    """
    require(Role.EDITOR, "reject suggested reasons")
    return _decide(conn, suggestions, REJECTED, min_confidence=min_confidence, suggested_path=suggested_path)


def undo(conn: duckdb.DuckDBPyConnection, batch_id: int) -> ReviewResult:
    """Undo the accept numbered ``batch_id``: each contact it still holds (its standing
    decision, still under the accepted reason) goes back to the reason the agent recorded.

    Raises
    ------
    AccessDenied
        When the actor is not an editor; nothing is written.
    ReviewRefused
        In Parquet mode; nothing is written.
    ValueError
        When no accept with that number still holds a contact.
    """
    require(Role.EDITOR, "undo accepted reasons")
    _refuse_in_parquet_mode(conn)
    standing = accepted_changes(conn)
    held = standing[standing["batch_id"] == int(batch_id)]
    if held.empty:
        raise ValueError(t("review.unknown_batch", batch=batch_id))
    actor = current_actor()
    with write_transaction(conn) as cur:
        new_batch = int(cur.execute("select nextval('reason_review_batch_seq')").fetchall()[0][0])
        params = {"batch_id": new_batch, "undone_batch_id": int(batch_id), "decided_by": actor.name,
                  "decided_at": datetime.now()}
        _execute(cur, "reason_review_undo_decide", params)
        rows = _batch_rows(cur, new_batch)
        changed = int(rows["contacts"].sum())
        days = 0
        if changed:
            _execute(cur, "reason_review_restore", params)
            days = refresh_contact_days(cur, days=_batch_days(cur, new_batch))
        reason = str(held["suggested_paths"].iloc[0])
        audit.record(cur, "reasons.undo", reason,
                     {"reason": reason, "contacts": changed},
                     {"reason": _paths(rows["recorded_path"]) if changed else None, "contacts": changed,
                      "undone_batch_id": int(batch_id), "batch_id": new_batch})
    chosen = int(held["contacts"].iloc[0])
    return ReviewResult(UNDONE, reason, chosen, changed, chosen - changed, days, new_batch)


# --- what the screen shows ---------------------------------------------------------------

def summary_table(summary: pd.DataFrame) -> TableView:
    """The suggested reasons waiting for review."""
    return table_view(summary, {
        "suggested_path": Column(t("review.col_suggested_path"), width="medium"),
        "offered": Column(t("review.col_offered"), "count"),
        "accuracy": Column(t("review.col_accuracy"), "share", help=t("review.col_accuracy_help")),
        "median_confidence": Column(t("review.col_median_confidence"), "share"),
        "recorded_paths": Column(t("review.col_recorded_path"), width="medium"),
    })


def sample_table(rows: pd.DataFrame) -> TableView:
    """The texts of a sample: confidence, the recorded reason, the text and its words."""
    return table_view(rows, {
        "confidence": Column(t("review.col_confidence"), "share"),
        "recorded_path": Column(t("review.col_recorded_path")),
        "text": Column(t("review.col_text"), width="large"),
        "words": Column(t("review.col_words"), width="medium"),
        "started_at": Column(t("review.col_started_at"), "moment"),
    })


def accepted_table(changes: pd.DataFrame) -> TableView:
    """The accepts that still stand."""
    return table_view(changes, {
        "batch_id": Column(t("review.col_batch_id"), "id"),
        "decided_at": Column(t("review.col_decided_at"), "moment"),
        "decided_by": Column(t("review.col_decided_by")),
        "recorded_paths": Column(t("review.col_recorded_paths")),
        "suggested_paths": Column(t("review.col_suggested_paths"), width="medium"),
        "contacts": Column(t("review.col_contacts"), "count"),
        "min_confidence": Column(t("review.col_min_confidence"), "share"),
    })


def confidence_text(value: float) -> str:
    """A confidence as the screen says it ("80%")."""
    return percent(value)
