"""Words of customers' texts for finding reasons: cleaning, stop words, and names from terms.

A text is unescaped (``&amp;``), lowercased and stripped of accents on Latin letters
("café" is "cafe"; other scripts keep theirs); web addresses, e-mail
addresses, @mentions and the ``#`` of hashtags go before tokens are cut, so a name is never
``@1234`` or ``https``. A hyphen between letters becomes a space, so "QR-code" and "QR code"
are the same two words. A token is a run of at least two letters: digits, emoji and
punctuation are never part of one.

Stop words are the reason model's (:mod:`analytics.text_reasons.stopwords`) and more:
scikit-learn's English list, Dutch negations, question and quantity words (the model
keeps them to tell reasons apart, but they name nothing), a few Spanish ones that
customers abroad write to the same brands, greetings and fillers of messages to a service
desk ("hallo", "thanks", "graag", "vraag", "alvast", "dringend", "Re:"), verbs of asking
("need", "help") and chat ("really", "yeah"): they say nothing about why someone wrote. They
are left out of the words texts are grouped on, not only of names: a text of nothing else
("Vraag", "hallo??") has no word to go by and lands under "Other".
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Collection

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from analytics.text_reasons import stopwords as model_stop_words

# The reason model keeps these because they tell reasons apart ("niet", "hoe", "nog"), but
# they name no group of texts.
DUTCH_NAMING_STOP_WORDS = frozenset("""
alle alles altijd andere daarom der doch doen eens eigenlijk ge geen geweest gewoon hoe iemand iets
kun meer men misschien na niet niets nog nu omdat reeds toen veel wat wel wezen wie zelf zich zo
""".split())

SPANISH_STOP_WORDS = frozenset("""
el la los las un una unos unas que y o por para con sin del al es son mi mis tu su sus lo le les
se nos pero como mas muy ya hay esta este esto estoy tengo gracias hola
""".split())

SERVICE_FILLERS = frozenset("""
hi hello hey dear team thanks thank thx pls plz please regards cheers ok okay yes guys
hallo hoi beste dag goedemorgen goedemiddag goedenavond klantenservice bedankt dank dankjewel groet groeten
mvg vriendelijke
""".split())

# Words of a message to a service desk that say it is a message, not what it is about: asking
# ("vraag", "question"), asking to be contacted ("graag contact", "terugbellen aub",
# "contactformulier"), urgency ("dringend", "asap", "graag snel antwoord"), forwarding
# ("Fw:", "Re:"), pointing elsewhere ("zie mijn eerdere mail"), and labels that say only that
# a text is general ("info", "algemene vraag", "opmerking"). A text of only these words ("Vraag",
# "Re: info", "dringend!!", "graag contact") has nothing to be grouped on.
MESSAGE_FILLERS = frozenset("""
vraag vragen vraagje vraagjes bericht berichtje alvast aub svp bvd dankuwel groetjes gr urgent dringend spoed snel
antwoord reactie fw fwd re zie eerder eerdere steeds info informatie algemeen algemene opmerking
contact contactformulier terugbellen
question questions query enquiry inquiry message asap reply regarding information general customer
""".split())

# What is left of "didn't" once the apostrophe splits it, and verbs of asking that go
# with any reason ("I need", "how do I use", "can you help").
REQUEST_WORDS = frozenset("""
didn doesn don isn wasn weren won wouldn couldn shouldn haven hasn hadn aren ain im ive dont cant wont ve ll ed
does did doing use using used need needs needed want wanted like know tell help just got make way able try trying
""".split())

# Words of chat that fill a message whatever it is about ("really", "yeah", "gewoon").
CHAT_FILLERS = frozenset("""
going gonna really actually yeah yep yup nope lol omg wow let thing things think look looking says said come
came told sure right getting get gets echt zeg nou hoor ofzo oke
""".split())

STOP_WORDS = (model_stop_words.ENGLISH_STOP_WORDS | model_stop_words.DUTCH_STOP_WORDS | frozenset(ENGLISH_STOP_WORDS)
              | DUTCH_NAMING_STOP_WORDS | SPANISH_STOP_WORDS | SERVICE_FILLERS | MESSAGE_FILLERS | REQUEST_WORDS
              | CHAT_FILLERS)

TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"
TERM_SEPARATOR = " · "
PHRASE_SHARE = 0.6
MIN_MEMBER_SHARE = 0.05
_NOT_WORDS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|@\w+")
_TOKEN = re.compile(TOKEN_PATTERN)
_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def cleaned_text(text: object) -> str:
    """``text`` as the vectoriser reads it: lowercase, no accents on Latin letters, without
    web or e-mail addresses and @mentions; a missing text is an empty one."""
    if not isinstance(text, str):
        return ""
    plain = _HYPHEN.sub(" ", _NOT_WORDS.sub(" ", html.unescape(text).lower()).replace("#", " "))
    if plain.isascii():  # most texts: skip the slow walk over every character
        return plain
    kept: list[str] = []
    for ch in unicodedata.normalize("NFKD", plain):
        if not (unicodedata.combining(ch) and kept and kept[-1].isascii()):  # "é" is "e"; "が" stays
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def content_words(text: object) -> list[str]:
    """The words of ``text`` that are not stop words, in order."""
    return [word for word in _TOKEN.findall(cleaned_text(text)) if word not in STOP_WORDS]


def distinctive_terms(tfidf: sparse.csr_matrix, members: np.ndarray, terms: np.ndarray, *,
                      count: int = 8, avoid: Collection[str] = ()) -> list[str]:
    """The ``count`` words whose mean TF-IDF weight is most above the rest's in the rows
    ``members`` (a boolean mask), best first, skipping words of ``avoid`` (a parent's
    name). Words in fewer than ``MIN_MEMBER_SHARE`` of the member texts (typos,
    signatures) come only after all others, so a broad group still gets its best rare
    words. Two of them become one phrase ("qr", "code": "qr code") when that pair, in
    either order, stands in at least ``PHRASE_SHARE`` of the member texts that hold either
    word: customers write them together."""
    inside_rows = tfidf[members]
    inside_sum = np.asarray(inside_rows.sum(axis=0)).ravel()
    outside_count = len(members) - inside_rows.shape[0]
    inside = inside_sum / max(inside_rows.shape[0], 1)
    outside = (np.asarray(tfidf.sum(axis=0)).ravel() - inside_sum) / outside_count if outside_count else 0.0
    score = inside - outside
    texts_with = np.diff(inside_rows.tocsc().indptr)
    column = {str(term): at for at, term in enumerate(terms)}
    usable = np.flatnonzero((score > 0) & (np.char.find(terms.astype(str), " ") < 0))
    rare = texts_with[usable] < MIN_MEMBER_SHARE * inside_rows.shape[0]
    taken: list[str] = []
    for at in usable[np.lexsort((-score[usable], rare))]:
        word = str(terms[at])
        if word in avoid:
            continue
        for place, earlier in enumerate(taken):
            phrase = _phrase(earlier, word, column, texts_with)
            if phrase:
                taken[place] = phrase
                break
        else:
            taken.append(word)
        if len(taken) == count:
            break
    return taken


def _phrase(earlier: str, word: str, column: dict[str, int], texts_with: np.ndarray) -> str | None:
    """``earlier`` and ``word`` as the phrase customers wrote, if they mostly stand together."""
    if " " in earlier:
        return None
    commoner = max(texts_with[column[earlier]], texts_with[column[word]])
    for phrase in (f"{earlier} {word}", f"{word} {earlier}"):
        if phrase in column and texts_with[column[phrase]] >= PHRASE_SHARE * commoner:
            return phrase
    return None


def name_from_terms(terms: list[str], *, taken: Collection[str] = (), words: int = 2) -> str:
    """A short name: the first ``words`` terms joined by " · ", one term more while the
    name is already in ``taken`` (a sibling's name), so siblings never share a name."""
    length = min(words, len(terms))
    name = TERM_SEPARATOR.join(terms[:length])
    while name in taken and length < len(terms):
        length += 1
        name = TERM_SEPARATOR.join(terms[:length])
    return name
