"""Which known reason is a candidate closest to?

Compared on character n-grams (3 to 5 letters within a word) of the texts' content words,
not on whole words: the Dutch write compounds ("retourlabel" beside "retour aanmelden")
and customers make typos, and both share most of their letter groups with the words they
belong with. Whole-word TF-IDF put a "qr code · retourlabel" cluster nearest "Account >
Inloggen" (similarity 0.06, through "foutmelding") in two runs of eight of the
hidden-reason test; letter groups find "Retouren > Retour aanmelden" in every one.

A group's profile is the mean of its texts' unit TF-IDF rows, of at most
``TEXTS_PER_GROUP`` texts drawn at random; the similarity is the cosine of two profiles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from analytics.text_reasons.discovery_words import content_words

TEXTS_PER_GROUP = 200
LETTER_GRAMS = (3, 5)


def letter_grams(text: object) -> list[str]:
    """The 3- to 5-letter groups of each content word of ``text``, the word's edges
    marked by a space (" qr ", " ret", "label ")."""
    grams = []
    for word in content_words(text):
        padded = f" {word} "
        for size in range(LETTER_GRAMS[0], LETTER_GRAMS[1] + 1):
            grams.extend(padded[at:at + size] for at in range(len(padded) - size + 1))
    return grams


def closest_reasons(groups: list[pd.Series], known_texts: pd.Series, known_paths: pd.Series, *,
                    seed: int = 0) -> list[tuple[str | None, float]]:
    """For each group of texts in ``groups``, the path of ``known_paths`` (one per text of
    ``known_texts``) whose texts are most alike, and the cosine similarity of their
    profiles, 0..1; ``(None, nan)`` for every group when nothing is known."""
    paths = sorted(known_paths.dropna().unique())
    if not paths or not groups:
        return [(None, float("nan"))] * len(groups)
    known = pd.DataFrame({"text": known_texts, "path": known_paths}).dropna()
    known = known.sample(frac=1.0, random_state=seed).groupby("path", sort=False).head(TEXTS_PER_GROUP)
    drawn = [group.sample(min(len(group), TEXTS_PER_GROUP), random_state=seed) for group in groups]
    vectoriser = TfidfVectorizer(analyzer=letter_grams, sublinear_tf=True, dtype=np.float32)
    rows = vectoriser.fit_transform(pd.concat([*drawn, known["text"]], ignore_index=True))
    ends = np.cumsum([0, *(len(group) for group in drawn)])
    group_profiles = normalize(np.vstack([np.asarray(rows[a:b].mean(axis=0)) for a, b in zip(ends, ends[1:])]))
    known_rows = rows[ends[-1]:]
    path_profiles = normalize(np.vstack([np.asarray(known_rows[(known["path"] == path).to_numpy()].mean(axis=0))
                                         for path in paths]))
    similarities = group_profiles @ path_profiles.T
    best = similarities.argmax(axis=1)
    return [(paths[at], float(similarities[row, at])) for row, at in enumerate(best)]
