"""Names of the nodes of a proposed reason tree, from their most distinctive terms.

A name is the first two of a node's distinctive terms
(:func:`analytics.text_reasons.discovery_words.distinctive_terms`) that say something
different: a term that repeats a word of an earlier one in another form or misspelt
("retourlabel" after "retour", "verzending" after "zending", "wnikelwagen" after
"winkelwagen") is skipped, and so is a misspelling of a commoner word ("fcatuur",
"bsetelling", "varag" for the filler "vraag") unless the node has nothing else to go by.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np

from analytics.text_reasons.discovery_words import STOP_WORDS, name_from_terms

STEM_LETTERS = 4
ALIKE_GRAMS = 0.5


def node_name(terms: list[str], spellings: dict[str, str], *, taken: Collection[str] = ()) -> str:
    """The name of a node of distinctive ``terms`` (module docstring; ``spellings`` from
    :func:`commoner_spellings`), not one of ``taken`` (its siblings' names) where a term
    more can help; "" without terms."""
    spelt = [term for term in terms if not is_typo(term, spellings)] or terms
    return name_from_terms(varied_terms(spelt), taken=taken)


def commoner_spellings(terms: np.ndarray, texts_with: np.ndarray) -> dict[str, str]:
    """For the letters of each word of ``terms`` (``texts_with``: in how many texts each
    stands), the word of those letters that most texts hold, a stop word before any: a
    word of the letters of a commoner one is that word with two letters swapped, the
    commonest typo."""
    best: dict[str, tuple[float, str]] = {_letters(word): (np.inf, word) for word in STOP_WORDS}
    for term, count in zip(terms, texts_with):
        if " " not in term and count > best.get(_letters(term), (-1.0, ""))[0]:
            best[_letters(term)] = (float(count), str(term))
    return {letters: word for letters, (_, word) in best.items()}


def is_typo(term: str, spellings: dict[str, str]) -> bool:
    """Whether a word of ``term`` (of at least ``STEM_LETTERS`` letters) is a commoner
    word misspelt (:func:`commoner_spellings`)."""
    return any(len(word) >= STEM_LETTERS and spellings.get(_letters(word), word) != word for word in term.split())


def varied_terms(terms: list[str]) -> list[str]:
    """``terms`` without those that repeat a word of an earlier one (:func:`alike_words`)."""
    kept: list[str] = []
    seen: list[str] = []
    for term in terms:
        words = term.split()
        if not any(alike_words(word, earlier) for word in words for earlier in seen):
            kept.append(term)
            seen.extend(words)
    return kept


def alike_words(word: str, other: str) -> bool:
    """Whether one of two words (of at least ``STEM_LETTERS`` letters) lies within the
    other, or they share most of their three-letter groups (Dice coefficient at least
    ``ALIKE_GRAMS``): forms of one word, or a word and its typo."""
    shorter, longer = sorted((word, other), key=len)
    if len(shorter) >= STEM_LETTERS and shorter in longer:
        return True
    grams, other_grams = ({w[at:at + 3] for at in range(len(w) - 2)} for w in (word, other))
    if not grams or not other_grams:
        return False
    return 2 * len(grams & other_grams) / (len(grams) + len(other_grams)) >= ALIKE_GRAMS


def _letters(word: str) -> str:
    return "".join(sorted(word))
