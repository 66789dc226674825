"""Channels and their groups. Known names are grouped automatically; anything else is
'other' until someone sets its group on the Data page."""

from __future__ import annotations

import re

import duckdb

CHANNEL_GROUPS = ("voice", "chat", "written", "personal", "other")

# Words that identify a channel's group in the names CRMs use (English and Dutch).
_GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "voice": ("phone", "telephone", "telefoon", "call", "callback", "terugbel", "voice", "ivr", "web calling", "webcall"),
    "chat": ("chat", "chatbot", "bot", "whatsapp", "messenger", "sms", "social", "twitter", "facebook",
             "instagram", "x.com"),
    "written": ("e-mail", "email", "mail", "post", "letter", "brief", "web form", "webform", "form",
                "formulier", "webformulier", "web", "contact form", "mobile", "app", "open311"),
    "personal": ("video", "in store", "in-store", "store", "winkel", "balie", "counter", "visit", "walk-in"),
}


def guess_channel_group(channel: str) -> str:
    """The group a channel most likely belongs to, from its name; 'other' when unsure.

    Voice is checked first so "Callback" is voice, then chat, written, personal.
    """
    name = channel.strip().lower()
    tokens = set(re.split(r"[^a-z0-9.]+", name))
    for group, words in _GROUP_WORDS.items():
        for word in words:
            if (" " in word or "-" in word or "." in word) and word in name:
                return group
            if word in tokens:
                return group
    return "other"


def register_new_channels(cur: duckdb.DuckDBPyConnection) -> int:
    """Add every channel seen in contacts but missing from ``channels``, with a guessed
    group and no cost; return how many were added. Call inside the writing transaction."""
    new = [row[0] for row in cur.execute(
        "select distinct channel from contacts"
        " where channel not in (select channel from channels) order by 1"
    ).fetchall()]
    for channel in new:
        cur.execute(
            "insert into channels (channel, channel_group, cost_per_contact) values ($c, $g, null)",
            {"c": channel, "g": guess_channel_group(channel)},
        )
    return len(new)


def register_new_reasons(cur: duckdb.DuckDBPyConnection) -> int:
    """Add every reason path seen in contacts but missing from ``reasons``; the owning
    department is the one most often recorded on those contacts. Call inside the
    writing transaction."""
    before = cur.execute("select count(*) from reasons").fetchall()[0][0]
    cur.execute(
        """
        insert into reasons (reason_l1, reason_l2, reason_l3, department)
        select reason_l1, reason_l2, reason_l3, mode(department)
        from contacts as c
        where not exists (
            select 1 from reasons as r
            where r.reason_l1 = c.reason_l1 and r.reason_l2 = c.reason_l2
              and r.reason_l3 = c.reason_l3)
        group by all
        """
    )
    return cur.execute("select count(*) from reasons").fetchall()[0][0] - before
