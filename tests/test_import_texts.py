"""The ``text`` field on import: one column or several joined (subject — message), mapped
like any other field on the command line, suggested from a column of texts by its name and
values (never an id), and stored with personal data masked; the result says in how many
texts, in English and Dutch."""

from __future__ import annotations

import pytest

from analytics.i18n import using_language
from analytics.importing import ImportRefused, ImportSettings, import_contacts, preview_contacts
from analytics.importing.profiling import column_profiles, suggested_mapping
from tests.support.stores import run_cli

HEADER = "Ticketnummer;Datum;Kanaal;Contactreden;Onderwerp;Bericht;Onderwerp ID\n"
ROWS = [
    ("T1", "Pakket niet ontvangen", "Bel me op 06-12345678 aub"),
    ("T2", "Factuur klopt niet", "Mail naar jan@example.nl, bestelling 1234567, € 12,50 te veel"),
    ("T3", "Terugbetaling", "IBAN NL91 ABNA 0417 1643 00 graag"),
    ("T4", "Adres wijzigen", "Nieuw adres Kerkstraat 1, 1234 AB Utrecht"),
    ("T5", "Retour", ""),
    ("T6", "", "Alleen een bericht op 12-03-2025 om 14:30"),
]


def _export(tmp_path, rows=ROWS, name="export.csv"):
    lines = [HEADER] + [f"{ticket};{10 + i:02d}-03-2025 09:15;Telefoon;Bezorging;{subject};{message};S-{i}\n"
                        for i, (ticket, subject, message) in enumerate(rows)]
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _texts(store) -> dict[str, str | None]:
    return dict(store.execute("select contact_id, text from contacts").fetchall())


MAPPING = {"contact_id": "Ticketnummer", "started_at": "Datum", "channel": "Kanaal", "reason_l1": "Contactreden"}


def test_subject_and_message_are_joined_and_personal_data_is_masked(store, tmp_path):
    result = import_contacts(store, _export(tmp_path),
                             ImportSettings(mapping={**MAPPING, "text": ["Onderwerp", "Bericht"]}))
    assert (result.inserted, result.rejected) == (6, 0)
    assert _texts(store) == {
        "T1": "Pakket niet ontvangen — Bel me op [phone] aub",
        "T2": "Factuur klopt niet — Mail naar [e-mail], bestelling 1234567, € 12,50 te veel",
        "T3": "Terugbetaling — IBAN [IBAN] graag",
        "T4": "Adres wijzigen — Nieuw adres Kerkstraat 1, [postcode] Utrecht",
        "T5": "Retour",
        "T6": "Alleen een bericht op 12-03-2025 om 14:30",
    }
    assert result.extra["masked_texts"] == 4
    assert result.summary()["masked_note"].startswith("Personal data masked in 4 texts")


def test_the_note_speaks_dutch(store, tmp_path):
    with using_language("nl"):
        result = import_contacts(store, _export(tmp_path), ImportSettings(mapping={**MAPPING, "text": "Bericht"}))
    assert result.extra["masked_note"].startswith("Persoonsgegevens gemaskeerd in 4 teksten")


def test_a_file_without_texts_stores_none_and_says_nothing_of_masking(store, tmp_path):
    result = import_contacts(store, _export(tmp_path), ImportSettings(mapping={**MAPPING, "text": ""}))
    assert set(_texts(store).values()) == {None}
    assert "masked_texts" not in result.extra and "masked_note" not in result.summary()


def test_the_preview_shows_the_masked_text(tmp_path):
    rows, rejects = preview_contacts(_export(tmp_path), ImportSettings(mapping={**MAPPING, "text": "Bericht"}))
    assert rows.loc[rows["contact_id"] == "T1", "text"].item() == "Bel me op [phone] aub"
    assert rejects.empty


def test_a_column_of_texts_is_suggested_for_the_text_and_never_an_id(tmp_path):
    rows = [(f"T{i}", f"Vraag {i} over levering van mijn pakket", f"Bericht nummer {i} met meer woorden erin")
            for i in range(40)]
    suggestion = suggested_mapping(column_profiles(_export(tmp_path, rows)))
    assert suggestion["text"] == "Onderwerp"
    assert suggestion["reason_l1"] == "Contactreden"  # "Onderwerp" is a reason's name too, but holds texts
    assert "Onderwerp ID" not in suggestion.values()


def test_a_column_of_ids_named_like_a_text_is_not_suggested(tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("id;date;channel;reason;subject\n" + "".join(
        f"{i};2025-03-{1 + i % 28:02d};Chat;Order;SUBJ-{i:05d}\n" for i in range(40)), encoding="utf-8")
    assert "text" not in suggested_mapping(column_profiles(path))


def test_the_command_line_maps_and_joins_the_text(tmp_path):
    store = tmp_path / "cli.duckdb"
    summary = run_cli("import", "contacts", str(_export(tmp_path)), "--db", str(store),
                      "--map", "contact_id=Ticketnummer", "--map", "started_at=Datum", "--map", "channel=Kanaal",
                      "--map", "reason_l1=Contactreden", "--map", "text=Onderwerp", "--map", "text=Bericht")
    assert summary["detected"]["mapping"]["text"] == ["Onderwerp", "Bericht"]
    assert summary["masked_texts"] == 4 and "4 texts" in summary["masked_note"]


def test_a_text_cannot_be_one_value_for_the_whole_file(store, tmp_path):
    with pytest.raises(ImportRefused, match="'text'"):
        import_contacts(store, _export(tmp_path), ImportSettings(mapping=MAPPING, constants={"text": "x"}))
