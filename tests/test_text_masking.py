"""Masking personal data in contact texts, against a table of known answers: what must be
masked (e-mail addresses, phone numbers, IBANs, postcodes) and what must not (order
numbers, amounts, dates, times, years followed by a word); the import's SQL gives exactly
what the Python function gives."""

from __future__ import annotations

import duckdb
import pytest

from analytics.text_reasons.masking import TOKENS, masked_text, masking_sql

MASKED = [
    # e-mail addresses
    ("mail me op jan.jansen@example.nl aub", "mail me op [e-mail] aub"),
    ("Jan_Smit+shop@mail.co.uk.", "[e-mail]."),
    ("a@b.nl,c@d.com", "[e-mail],[e-mail]"),
    # Dutch phone numbers
    ("bel 06-12345678", "bel [phone]"),
    ("bel 0612345678 graag", "bel [phone] graag"),
    ("mijn nummer is 06 12345678", "mijn nummer is [phone]"),
    ("06 1234 5678", "[phone]"),
    ("06-12 34 56 78", "[phone]"),
    ("020-1234567", "[phone]"),
    ("020 123 4567", "[phone]"),
    ("(020) 123 4567", "[phone]"),
    ("0111 123456", "[phone]"),
    ("010 - 123 45 67", "[phone]"),
    ("+31 6 12345678", "[phone]"),
    ("+31612345678!", "[phone]!"),
    ("+31 (0)6 12345678", "[phone]"),
    ("(+31) 20 123 4567", "[phone]"),
    ("0031 6 12345678", "[phone]"),
    ("0612345678/0687654321", "[phone]/[phone]"),
    # international, British and American phone numbers
    ("+44 20 7946 0958", "[phone]"),
    ("+1 (555) 123-4567", "[phone]"),
    ("+49 30 1234567", "[phone]"),
    ("+32 470 12 34 56", "[phone]"),
    ("0044 20 7946 0958", "[phone]"),
    ("call 07700 900123", "call [phone]"),
    ("07700900123", "[phone]"),
    ("020 7946 0958", "[phone]"),
    ("(020) 7946 0958", "[phone]"),
    ("0161 496 0000", "[phone]"),
    ("(555) 123-4567", "[phone]"),
    ("555-123-4567", "[phone]"),
    ("555.123.4567", "[phone]"),
    ("1-800-555-0199", "[phone]"),
    # IBANs of any country, with and without spaces
    ("rekening NL91 ABNA 0417 1643 00", "rekening [IBAN]"),
    ("NL91ABNA0417164300", "[IBAN]"),
    ("nl91abna0417164300 graag terugstorten", "[IBAN] graag terugstorten"),
    ("nl91 abna 0417 1643 00", "[IBAN]"),
    ("DE89 3704 0044 0532 0130 00", "[IBAN]"),
    ("GB29 NWBK 6016 1331 9268 19", "[IBAN]"),
    ("BE68 5390 0754 7034", "[IBAN]"),
    ("FR7630006000011234567890189", "[IBAN]"),
    ("NO93 8601 1117 947", "[IBAN]"),
    ("MT84 MALT 0110 0001 2345 MTLC AST0 01S", "[IBAN]"),
    # postcodes
    ("Kerkstraat 12, 1234 AB Amsterdam", "Kerkstraat 12, [postcode] Amsterdam"),
    ("postcode 1234AB", "postcode [postcode]"),
    ("London SW1A 1AA", "London [postcode]"),
    ("M1 1AE", "[postcode]"),
    ("EC1A 1BB, UK", "[postcode], UK"),
    ("Boston, MA 02118", "Boston, MA [postcode]"),
    ("Springfield IL 62704", "Springfield IL [postcode]"),
    ("zip 02118-1234", "zip [postcode]"),
    # several kinds in one text
    ("Hallo, ik ben Jan (jan@x.nl, 06-12345678), 1234 AB. IBAN NL91ABNA0417164300. Bestelling 123456789",
     "Hallo, ik ben Jan ([e-mail], [phone]), [postcode]. IBAN [IBAN]. Bestelling 123456789"),
]

NOT_MASKED = [
    "Bestelling 123456789 niet ontvangen",
    "ordernummer 1234567890",
    "order #20250312-0042",
    "ORD-0001234567 klopt niet",
    "bestelnummer 3012 4455",
    "€ 12,50 te veel betaald",
    "€1.234,56 terug",
    "EUR 1.234.567,00",
    "$ 1,234.56 refund",
    "49.99 euro",
    "betaald op 12-03-2025",
    "2025-03-12T14:30:00",
    "12/03/2025",
    "03.12.2025",
    "06-12-2025 14:30",
    "06-12-2025",
    "17-06-2025 om 09:30 gebeld",
    "factuur 2025-001234",
    "bedrag 1.234.567,89",
    "01-02-2025 10:15 gebeld",
    "om 14:30 uur",
    "9:00-17:00",
    "0900-1700",
    "14.30 uur",
    "in 2025 en 2026",
    "2 stuks van 1500 gram",
    "de 1000 mb versie",
    "3 x 2 stuks",
    "Track & trace 3SABCD1234567",
    "MP3 4GB speler",
    "PS5 2TB",
    "postcode 12345",
    "kamer 101, 3e verdieping",
    "prijs 1299,-",
    "versie 2.3.1",
    "@AppleSupport help",
    "vraag??",
    "",
]


@pytest.mark.parametrize("text, expected", MASKED)
def test_personal_data_is_masked(text, expected):
    assert masked_text(text) == expected


@pytest.mark.parametrize("text", NOT_MASKED)
def test_order_numbers_amounts_dates_and_times_are_left_alone(text):
    assert masked_text(text) == text


def test_nothing_in_nothing_out():
    assert masked_text(None) is None
    assert set(TOKENS) == {"[e-mail]", "[IBAN]", "[phone]", "[postcode]"}


def test_the_import_sql_masks_exactly_as_python_does():
    texts = [text for text, _ in MASKED] + NOT_MASKED + [None]
    expression, params = masking_sql("text")
    conn = duckdb.connect()
    try:
        conn.execute("create table t (i integer, text varchar)")
        conn.executemany("insert into t values (?, ?)", list(enumerate(texts)))
        rows = conn.execute(f"select {expression} from t order by i", params).fetchall()
    finally:
        conn.close()
    assert [row[0] for row in rows] == [masked_text(text) for text in texts]
