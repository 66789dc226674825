"""What the reason model reads in a text: normalised words, word pairs and letter groups.

A text is normalised once (:func:`normalised_text`): lower case, accents folded,
contractions spelled out ("hasn't" -> "has not", so "not" is a word of its own), and
web addresses, e-mail addresses, amounts, dates, times and other numbers replaced by one
placeholder each (``_url_``, ``_email_``, ``_amount_``, ``_date_``, ``_time_``,
``_number_``): "€ 12,50" and "$3" are the same thing to a reason, and a number never
becomes a feature of its own.

Three TF-IDF blocks are built from it and put side by side (:class:`TextFeatures`):

* words (:func:`reduced_words`): the text's words in a reduced form, as 1-2-grams; Dutch
  texts get a light reduction of inflections (:func:`reduced_dutch`: "bezorging",
  "bezorgd", "bezorgen" -> "bezorg"; "pakketten", "pakketje" -> "pakket"), English ones a
  lighter one (:func:`reduced_english`: plurals, -ing, -ed), the language of a text being
  the one of most of its marker words (:func:`~analytics.text_reasons.stopwords.language_of`);
* pairs (:func:`word_pairs`): unordered pairs of the text's content words, however far
  apart, so "card ... not arrived" and "not received my card" share "arriv card"-like
  features a linear model cannot build from single words;
* letter groups (scikit-learn's ``char_wb``, 2-5 letters): n-grams of letters inside word
  boundaries, which catch typos, compounds ("pakketbezorging") and word forms the
  reduction misses.

Each uses sublinear term frequency (``1 + log tf``) and is L2-normalised separately, so
each text weighs the same whatever its length. Only scikit-learn is used; nothing is
downloaded.

Scaling: everything is Python per text and linear in the number of texts: normalising
about 20 µs per short text, word reduction 4 µs (cached per distinct word), pairs 10 µs,
and scikit-learn's letter-group analyser the most; in all about 0.15 ms per short text on
one core, so a million texts take minutes, not seconds (see
:mod:`analytics.text_reasons.model` for what to do about it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from analytics.text_reasons.stopwords import language_of, stop_words

PLACEHOLDERS = ("_url_", "_email_", "_amount_", "_date_", "_time_", "_number_")

_MONTHS = (
    "jan|january|januari|feb|february|februari|mar|march|maart|apr|april|may|mei|jun|june|juni|"
    "jul|july|juli|aug|august|augustus|sep|sept|september|oct|october|okt|oktober|nov|november|"
    "dec|december"
)
_NUMBER = r"\d+(?:[.,]\d+)*"
_CURRENCY = r"(?:€|\$|£|eur|euro|euros|usd|gbp|dollars?|pounds?)"
# Order matters: addresses before anything inside them, amounts and dates before numbers.
_REPLACEMENTS = (
    (re.compile(r"(?:https?://|www\.)\S+"), " _url_ "),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), " _email_ "),
    (re.compile(rf"{_CURRENCY}\s?{_NUMBER}(?:,-)?"), " _amount_ "),
    (re.compile(rf"{_NUMBER}(?:,-)?\s?{_CURRENCY}(?![a-z])"), " _amount_ "),
    (re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"), " _date_ "),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th|e|ste)?\s(?:{_MONTHS})\b"
                rf"|\b(?:{_MONTHS})\s\d{{1,2}}(?:st|nd|rd|th)?\b"), " _date_ "),
    (re.compile(r"\b\d{1,2}:\d{2}(?:\s?(?:am|pm|uur))?\b|\b\d{1,2}(?:\.\d{2})?\s?(?:am|pm|uur)\b"),
     " _time_ "),
    (re.compile(_NUMBER), " _number_ "),
)
_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bain'?t\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'(?:m|re|ve|ll|d)\b"), ""),
)
_APOSTROPHES = re.compile(r"[’‘`´]")
_WORD = re.compile(r"_[a-z]+_|[a-z0-9]+")


def normalised_text(text: object) -> str:
    """``text`` lower-cased, accents folded, contractions spelled out and addresses,
    amounts, dates, times and numbers replaced by placeholders; a missing text is ``""``.

    >>> normalised_text("Ik heb €12,50 betaald op 3-4-2025, mail: a@b.nl")
    'ik heb  _amount_  betaald op  _date_ , mail:  _email_ '
    """
    if not isinstance(text, str):
        return ""
    folded = unicodedata.normalize("NFKD", _APOSTROPHES.sub("'", text).lower())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    for pattern, spelled in _CONTRACTIONS:
        plain = pattern.sub(spelled, plain)
    for pattern, placeholder in _REPLACEMENTS:
        plain = pattern.sub(placeholder, plain)
    return plain.replace("'", "")


def text_words(normalised: str) -> list[str]:
    """The words of a normalised text, as written: runs of letters and digits, and the
    placeholders whole."""
    return _WORD.findall(normalised)


# Dutch inflection endings, longest first; the first that leaves a stem of 3 letters or
# more is removed. "-heden" becomes "-heid" first so both reach the same stem. The "t" of a
# diminutive "-tje" stays with the stem and goes with a verb's "-t" below, so "kaartje"
# (kaart + je) and "mailtje" (mail + tje) both meet their word.
_DUTCH_ENDINGS = ("heid", "ingen", "ing", "jes", "je", "ens", "en", "e")
# Words starting with "ge" that are not past participles ("gebruikt" is "gebruik" + "t").
_DUTCH_GE_STEMS = ("gebruik", "gebeur", "geloof", "gelov", "geniet", "genoeg", "gewoon",
                   "gewicht", "gevolg", "gevoel", "geval", "gesprek", "geleg", "geheim", "gemeen",
                   "gemak", "geschied", "gezin", "gezond", "geld")
_VOWELS = frozenset("aeiouy")
_STOP_WORDS = stop_words("nl") | stop_words("en")


@lru_cache(maxsize=200_000)
def reduced_dutch(word: str) -> str:
    """A light reduction of a Dutch word form to a shared stem (no dictionary).

    In order: the ``ge-`` of a past participle ending in ``-d``/``-t``/``-en``
    (``geleverd``); one ending of :data:`_DUTCH_ENDINGS` (``-ing``, ``-en``, ``-e``,
    ``-heid``/``-heden``, the diminutives ``-je(s)``); a plural ``-s`` after
    ``-er``/``-el``/``-en``/``-em``, a single vowel or two vowels and ``l``/``m``/``n``/``r``
    (``telefoons``); a doubled last consonant
    (``pakkett`` -> ``pakket``); a verb's ``-t`` and then ``-d`` after a consonant
    (``bezorgt``, ``bezorgd``, ``wordt``); ``z``/``v`` at the end back to ``s``/``f``
    (``prijzen``, ``brieven``); and doubled vowels made single (``betaal`` -> ``betal``).

    A stem may not be a word ("kaart" -> "kar"): what matters is that the forms of one
    word meet and that different words rarely do.

    >>> [reduced_dutch(w) for w in ("bezorging", "bezorgd", "bezorgen", "pakketten", "pakket")]
    ['bezorg', 'bezorg', 'bezorg', 'pakket', 'pakket']
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    stem = word
    if (stem.startswith("ge") and stem.endswith(("d", "t", "en")) and len(stem) >= 7
            and not stem.startswith(_DUTCH_GE_STEMS)):
        stem = stem[2:]
    if stem.endswith("heden"):
        stem = stem[:-5] + "heid"
    for ending in _DUTCH_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            stem = stem[: -len(ending)]
            break
    else:
        if stem.endswith("s") and len(stem) >= 5 and (
            stem.endswith(("ers", "els", "ens", "ems"))
            or (stem[-2] in _VOWELS and stem[-3] not in _VOWELS)
            or (stem[-2] in "lmnr" and stem[-3] in _VOWELS and stem[-4] in _VOWELS)
        ):
            stem = stem[:-1]
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        stem = stem[:-1]
    for verb_ending in ("t", "d"):
        if len(stem) >= 4 and stem[-1] == verb_ending and stem[-2] not in _VOWELS:
            stem = stem[:-1]
    if stem[-1] in "zv" and len(stem) >= 4:
        stem = stem[:-1] + ("s" if stem[-1] == "z" else "f")
    return re.sub(r"([aeou])\1", r"\1", stem)


@lru_cache(maxsize=200_000)
def reduced_english(word: str) -> str:
    """A light reduction of an English word form: a plural ending, then ``-ing``, ``-ed`` or
    a final ``-e``, then a doubled last consonant ("cards" -> "card", "currencies" ->
    "currency", "verified" -> "verify", "arrived"/"arriving"/"arrive" -> "arriv", "topped"
    -> "top"). Letter groups catch what this misses."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def reducer_for(words: list[str]) -> Callable[[str], str]:
    """How the words of one text are reduced: :func:`reduced_dutch` when the text is Dutch
    (:func:`~analytics.text_reasons.stopwords.language_of`), else :func:`reduced_english`."""
    return reduced_dutch if language_of(words) == "nl" else reduced_english


def reduced_words(normalised: str) -> list[str]:
    """The words of a normalised text (one-letter words left out), each reduced the way of
    the text's language: the tokens of the word block."""
    words = [word for word in text_words(normalised) if len(word) > 1]
    reduce = reducer_for(words)
    return [reduce(word) for word in words]


def word_pairs(normalised: str, window: int) -> list[str]:
    """Unordered pairs of the text's content words (not stop words of either language),
    reduced, at most ``window`` words apart, as "a b" with a <= b: "card ... not ...
    arrived" gives "arriv card" however the customer worded it."""
    words = [word for word in text_words(normalised) if len(word) > 1]
    reduce = reducer_for(words)
    content = [reduce(word) for word in words if word not in _STOP_WORDS]
    pairs = []
    for position, first in enumerate(content):
        for second in content[position + 1: position + 1 + window]:
            if first != second:
                pairs.append(f"{first} {second}" if first < second else f"{second} {first}")
    return pairs


@dataclass(frozen=True)
class FeatureSettings:
    """How texts become features (the defaults are the tuned ones: see
    :mod:`analytics.text_reasons.model` for how they were chosen).

    ``word_ngrams`` and ``char_ngrams`` are (shortest, longest) n-gram lengths;
    ``pair_window`` how far apart two content words of a pair may be (0: no pairs);
    ``*_min_df`` the fewest training texts a feature must occur in; ``pair_weight`` and
    ``char_weight`` scale those blocks against the word block (each block is
    L2-normalised first).
    """

    word_ngrams: tuple[int, int] = (1, 2)
    word_min_df: int = 1
    pair_window: int = 20
    pair_min_df: int = 2
    pair_weight: float = 1.0
    char_ngrams: tuple[int, int] = (2, 5)
    char_min_df: int = 2
    char_weight: float = 1.0


class _PairAnalyser:
    """:func:`word_pairs` with a fixed window, as a picklable analyser for scikit-learn."""

    def __init__(self, window: int) -> None:
        self.window = window

    def __call__(self, normalised: str) -> list[str]:
        return word_pairs(normalised, self.window)


class TextFeatures:
    """Word n-grams, word pairs and letter groups, TF-IDF each, side by side: ``fit_transform``
    on training texts, then ``transform``.

    Columns: the blocks in the order of :attr:`blocks`, each named by ``block_names``.
    """

    def __init__(self, settings: FeatureSettings = FeatureSettings()) -> None:
        self.settings = settings
        self._names: dict[str, np.ndarray] = {}
        common = dict(lowercase=False, sublinear_tf=True, dtype=np.float32)
        self._vectorisers: dict[str, tuple[TfidfVectorizer, float]] = {
            "words": (TfidfVectorizer(tokenizer=reduced_words, token_pattern=None,
                                      ngram_range=settings.word_ngrams,
                                      min_df=settings.word_min_df, **common), 1.0),
        }
        if settings.pair_window > 0:
            self._vectorisers["pairs"] = (
                TfidfVectorizer(analyzer=_PairAnalyser(settings.pair_window),
                                min_df=settings.pair_min_df, **common),
                settings.pair_weight)
        self._vectorisers["chars"] = (
            TfidfVectorizer(analyzer="char_wb", ngram_range=settings.char_ngrams,
                            min_df=settings.char_min_df, **common),
            settings.char_weight)

    @property
    def blocks(self) -> tuple[str, ...]:
        """The feature blocks in column order: ``words``, ``pairs`` (when used), ``chars``."""
        return tuple(self._vectorisers)

    def fit_transform(self, texts: Iterable[object]) -> sparse.csr_matrix:
        """Learn the vocabularies and IDF weights from ``texts``; their feature matrix."""
        normalised = [normalised_text(text) for text in texts]
        matrix = sparse.hstack(
            [vectoriser.fit_transform(normalised) * weight
             for vectoriser, weight in self._vectorisers.values()],
            format="csr", dtype=np.float32)
        # Kept once: scikit-learn sorts the whole vocabulary on every call.
        self._names = {block: vectoriser.get_feature_names_out()
                       for block, (vectoriser, _) in self._vectorisers.items()}
        return matrix

    def transform(self, texts: Iterable[object]) -> sparse.csr_matrix:
        """The feature matrix of ``texts`` (one row per text) with the fitted vocabularies."""
        normalised = [normalised_text(text) for text in texts]
        return sparse.hstack(
            [vectoriser.transform(normalised) * weight
             for vectoriser, weight in self._vectorisers.values()],
            format="csr", dtype=np.float32)

    def block_names(self, block: str) -> np.ndarray:
        """The feature names of one block, in column order (after ``fit_transform``)."""
        return self._names[block]


def word_evidence(text: object, contributions: np.ndarray, features: TextFeatures) -> dict[str, float]:
    """How much each word of ``text`` adds to a score, given the per-column
    ``contributions`` of its feature row (coefficient x feature value).

    A word n-gram's or a pair's share is split evenly over the words of the text that
    reduce to its tokens; a letter group's over the words that contain it (padded with
    spaces, as ``char_wb`` reads them), in proportion to how often. Words are keyed as
    written in the normalised text, placeholders as they are.
    """
    normalised = normalised_text(text)
    words = [word for word in text_words(normalised) if len(word) > 1]
    reduce = reducer_for(words)
    by_token: dict[str, list[str]] = {}
    for word in words:
        by_token.setdefault(reduce(word), []).append(word)
    chunks = [(f" {chunk} ", _longest_word(chunk)) for chunk in normalised.split()]
    evidence: dict[str, float] = {}

    def credit(shares: list[tuple[str, float]], amount: float) -> None:
        total = sum(share for _, share in shares)
        for word, share in shares:
            evidence[word] = evidence.get(word, 0.0) + amount * share / total

    start = 0
    for block in features.blocks:
        names = features.block_names(block)
        part = contributions[start: start + len(names)]
        for column in np.flatnonzero(part):
            if block == "chars":
                shares = [(word, padded.count(names[column])) for padded, word in chunks if word]
            else:
                shares = [(word, 1.0) for token in names[column].split() for word in by_token.get(token, ())]
            shares = [(word, share) for word, share in shares if share]
            if shares:
                credit(shares, float(part[column]))
        start += len(names)
    return evidence


def _longest_word(chunk: str) -> str:
    words = text_words(chunk)
    return max(words, key=len) if words else ""
