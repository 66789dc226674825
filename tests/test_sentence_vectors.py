"""Sentence vectors: the same meaning in other words lands near, another meaning far, and
nothing is fetched from the network."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from analytics.text_reasons import sentence_vectors as vectors_module
from analytics.text_reasons.sentence_vectors import DIMENSIONS, sentence_vectors


def test_texts_of_one_meaning_are_nearer_than_texts_of_another():
    card_late, card_not_arrived, pin_change = sentence_vectors(
        ["my card never came", "the card has not arrived yet", "how do I change my PIN"])
    assert card_late @ card_not_arrived > card_late @ pin_change + 0.1


def test_rows_are_unit_length_and_a_missing_text_is_zeros():
    rows = sentence_vectors(["Mijn pakket is niet bezorgd", "", None, "x" * 50_000])
    assert rows.shape == (4, DIMENSIONS) and rows.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(rows, axis=1), [1, 0, 0, 1], atol=1e-5)
    assert sentence_vectors([]).shape == (0, DIMENSIONS)


def test_the_embeddings_load_without_the_network(monkeypatch):
    """The weights and tokenizer come from the installed package: with every connection
    refused, loading afresh still works."""
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    vectors_module._embedder.cache_clear()
    try:
        assert sentence_vectors(["where is my refund"]).shape == (1, DIMENSIONS)
    finally:
        vectors_module._embedder.cache_clear()


def test_a_long_text_is_read_from_its_start_and_costs_no_more():
    """A 50,000-character e-mail among short texts: its row is that of its first
    MAX_CHARACTERS characters, and the short texts' rows do not change beside it."""
    long = "my card has not arrived " * 2_100
    rows = sentence_vectors(["where is my refund", long, "reset my password"])
    alone = sentence_vectors(["where is my refund", long[:vectors_module.MAX_CHARACTERS], "reset my password"])
    np.testing.assert_allclose(rows, alone, atol=1e-6)


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "'; drop table contacts; --", "\x00\ufeff😀"])
def test_odd_text_gives_a_finite_row(text):
    assert np.isfinite(sentence_vectors([text])).all()
