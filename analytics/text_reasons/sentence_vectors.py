"""What a text means, as one vector: the mean of its tokens' static embeddings.

TF-IDF only knows the words a reason was written with; a customer who writes "my card
never came" and one who wrote "the card has not arrived yet" share one word. Static token
embeddings put words of similar meaning near each other, so the mean of a text's token
vectors carries what the words mean across wordings. The reason model uses these vectors
as a third member beside its word and letter-group models (:mod:`analytics.text_reasons.model`).

The vectors come from WordLlama's 256-dimensional ``l2_supercat`` model (token embeddings
distilled from a large language model's input layer, with its own tokenizer): a 16 MB file
inside the ``wordllama`` package, read from there. Nothing is downloaded, ever: downloads are
switched off, and a missing file is an error rather than a network call. About 40 µs per
short text on one core.

The package is MIT-licensed; its weights are distilled from the token embeddings of several
open large language models (Llama 2 among them), whose own terms apply to redistribution.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

DIMENSIONS = 256
MAX_CHARACTERS = 2000  # what a text's meaning is read from: its start
# One thread, as the rest of the fit: the app learns beside its pages on shared cores.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@lru_cache(maxsize=1)
def _embedder():
    import wordllama
    from wordllama import WordLlama

    # The package holds the weights and the tokenizer; its cache folder layout is the one
    # its loader looks in, so pointing the cache at the package finds both without a download.
    package = Path(wordllama.__file__).parent
    return WordLlama.load(config="l2_supercat", dim=DIMENSIONS, cache_dir=package, disable_download=True)


def sentence_vectors(texts: Iterable[object]) -> np.ndarray:
    """One unit-length row of :data:`DIMENSIONS` floats per text (a missing or empty text
    gets a row of zeros), read from its first :data:`MAX_CHARACTERS` characters: the
    embedder pads a batch of texts to its longest, so one e-mail of 50,000 characters would
    otherwise cost its batch close to a gigabyte."""
    texts = [text[:MAX_CHARACTERS] if isinstance(text, str) else "" for text in texts]
    if not texts:
        return np.empty((0, DIMENSIONS), dtype=np.float32)
    with np.errstate(invalid="ignore"):  # an empty text's zero vector, normalised: NaN, set to 0
        vectors = np.asarray(_embedder().embed(texts, norm=True), dtype=np.float32)
    return np.nan_to_num(vectors, nan=0.0)
