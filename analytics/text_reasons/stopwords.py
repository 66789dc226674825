"""Stop words of the reason model, in Dutch and English, and which of the two a text is in.

These lists are for suggesting a reason, not for naming clusters: negations ("not",
"niet", "geen", "nog"), question words ("how", "when", "why", "hoe", "wanneer", "waarom")
and words of time or quantity ("still", "again", "twice", "weer") are left out on purpose,
because they tell reasons apart ("card not arrived" / "card arrived twice"; "when will it
come" / "how do I cancel"). Written here rather than downloaded, so nothing is fetched at
run time. The words are in the normalised form (lower case, accents folded).
"""

from __future__ import annotations

from collections.abc import Iterable

ENGLISH_STOP_WORDS = frozenset("""
a an the and or but if so as of at by for from in into on onto to with about over than then
i me my mine myself we us our ours you your yours he him his she her hers it its they them their
theirs this that these those there here is am are was were be been being have has had having
do does did doing would could should shall may might must will can just also very too quite
please thanks thank hi hello hey dear regards cheers ok okay yes
""".split())

DUTCH_STOP_WORDS = frozenset("""
de het een en of maar als dan dus want om te tot van voor naar met bij aan op in uit over door
onder tegen zonder ik me mij mijn mijne jij je jou jouw u uw hij hem zijn zij ze haar wij we ons
onze jullie hun hen dit dat deze die daar hier er is ben bent zijn was waren wordt worden werd
heb hebt heeft hebben had hadden zal zullen zou zouden kan kunt kunnen kon wil wilt willen moet
moeten mag mogen ook al toch even graag alsjeblieft alstublieft bedankt dank hallo hoi beste
groet groeten mvg vriendelijke ja oke
""".split())

# Words that occur in almost every text of one language and rarely in the other: the votes
# for a text's language. Kept apart from the stop words so "is", "in" and "we" (both
# languages) do not vote.
_ENGLISH_MARKERS = frozenset("""
the and my i you your it is are was have has not my to of for with this that what when why how
can could would will did does do been card money
""".split()) - {"is"}
_DUTCH_MARKERS = frozenset("""
de het een en ik mijn niet geen nog wel van voor met dat dit wat wanneer waarom hoe kan kunt
heb heeft hebben is wordt werd ben bent naar nu ook maar mijn u uw jullie graag bestelling
pakket bezorging betaling rekening
""".split()) - {"is"}


def stop_words(language: str) -> frozenset[str]:
    """The stop words of ``language`` (``"nl"`` or ``"en"``).

    Raises ``ValueError`` for another language.
    """
    if language == "nl":
        return DUTCH_STOP_WORDS
    if language == "en":
        return ENGLISH_STOP_WORDS
    raise ValueError(f"no stop words for language {language!r}: use 'nl' or 'en'")


def language_of(words: Iterable[str]) -> str:
    """``"nl"`` when more of ``words`` (normalised, unreduced) are Dutch markers than English
    ones, else ``"en"``: a tie, or a text of names and numbers, counts as English, the
    language whose word forms are left nearly alone."""
    dutch = english = 0
    for word in words:
        dutch += word in _DUTCH_MARKERS
        english += word in _ENGLISH_MARKERS
    return "nl" if dutch > english else "en"
