"""A contact export whose reason column is free text, with a known truth for the taxonomy
health checks: ``count`` distinct reasons typed by agents, a few of them near-duplicates of
another on purpose (a typo, a plural, the words in another order, shouting), a few pairs
that only look alike (the module docstring of ``analytics.taxonomy`` names them), and all
the others pairwise unrelated.

Unrelated by construction: a reason is an object, a problem and a context (one template
each), all three words taken from :data:`WORDS`, no two of which are near-typos of each
other (checked by :func:`words_apart`); two reasons with different word triples therefore
always differ in a word that is not a typo of its counterpart.

Used by ``tests/test_taxonomy.py``, ``tests/app/test_taxonomy_panel.py`` and
``benchmarks/taxonomy_speed.py``.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from difflib import SequenceMatcher
from itertools import combinations, product
from pathlib import Path

from tests.support.stores import run_cli

OBJECTS = ("parcel invoice refund password voucher subscription mattress warranty courier receipt helmet "
           "bicycle battery charger kettle blender cushion wardrobe curtain ladder printer monitor umbrella "
           "jacket trousers sneaker blanket thermostat scooter lantern").split()
PROBLEMS = ("damaged missing pending cancelled blocked expired duplicated stolen broken delayed unsigned "
            "wrongly unreadable leaking rejected frozen noisy faded scratched unpaid misplaced overdue").split()
CONTEXTS = "relocation webshop hotline weekend holiday abroad checkout installation pickup dispatch".split()
WORDS = (*OBJECTS, *PROBLEMS, *CONTEXTS, "after", "during")
TEMPLATES = ("{O} {p} after {c}", "{P} {o} ({c})", "{O} {p} - {c}", "{O} {p} during {c}")
# The module docstring's examples, both ways.
DOCUMENTED_DUPLICATES = (("Payment failed", "Payment failure"), ("Wrong adress", "Wrong address"))
LOOK_ALIKES = (("Change", "Exchange"), ("General Request - PUC", "General Request - DPH"),
               ("General Request - MOCD", "General Request - MOD"), ("Meter reading 2023", "Meter reading 2024"),
               ("Late delivery", "Lost delivery"))
LAST_CONTACT = datetime(2026, 6, 28, 12, 0)
EXPORT_HEADER = ("contact_id", "started_at", "channel", "reason_l1", "reason_l2")


@dataclass(frozen=True)
class FreeTextReasons:
    """``names`` (distinct, in a shuffled order), the pairs the checks must find
    (``near_duplicates``) and pairs that look alike but are different reasons
    (``look_alikes``); each pair a frozenset of two names."""

    names: list[str]
    near_duplicates: frozenset[frozenset[str]]
    look_alikes: frozenset[frozenset[str]]


def words_apart(words=WORDS, limit: float = 0.7) -> bool:
    """True when no two of ``words`` are alike (``difflib`` ratio of at least ``limit``):
    a one-letter typo of one word then stays far from every other word."""
    return all(SequenceMatcher(None, a, b).ratio() < limit for a, b in combinations(words, 2))


def free_text_reasons(count: int, duplicates: int = 60, seed: int = 11) -> FreeTextReasons:
    """``count`` distinct free-text reasons, ``duplicates`` of them (plus the documented
    examples) a near-duplicate of another."""
    rng = random.Random(seed)
    extra = 2 * len(DOCUMENTED_DUPLICATES) + 2 * len(LOOK_ALIKES)
    bases = count - duplicates - extra
    triples = list(product(OBJECTS, PROBLEMS, CONTEXTS))
    if not 0 < bases <= len(triples) or duplicates > bases:
        raise ValueError(f"between {extra + duplicates + 1} and {len(triples) + duplicates + extra} reasons")
    names = [_phrase(rng.choice(TEMPLATES), *triple) for triple in rng.sample(triples, bases)]
    pairs = set()
    for i, base in enumerate(names[:duplicates]):
        variant = VARIANTS[i % len(VARIANTS)](base)
        names.append(variant)
        pairs.add(frozenset((base, variant)))
    for first, second in DOCUMENTED_DUPLICATES:
        names += [first, second]
        pairs.add(frozenset((first, second)))
    for first, second in LOOK_ALIKES:
        names += [first, second]
    if len(set(names)) != count:
        raise AssertionError("the generated reasons are not distinct")
    rng.shuffle(names)
    return FreeTextReasons(names, frozenset(pairs), frozenset(frozenset(p) for p in LOOK_ALIKES))


def write_export(path: Path, names: list[str], parents: list[str] | None = None, seed: int = 3) -> Path:
    """A CSV export with one to four contacts per reason in the last 60 days before
    :data:`LAST_CONTACT`; ``parents`` (a first level per name) puts the names at level 2."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(EXPORT_HEADER)
        for i, name in enumerate(names):
            l1, l2 = (parents[i], name) if parents else (name, "")
            for j in range(1 + i % 4):
                started = LAST_CONTACT - timedelta(days=rng.randrange(60), minutes=rng.randrange(600))
                writer.writerow((f"C{i}-{j}", started.strftime("%Y-%m-%d %H:%M"), "Phone", l1, l2))
    return path


def build_free_text_store(folder: Path, names: list[str], parents: list[str] | None = None) -> Path:
    """A store imported (through the CLI, as a user does) from :func:`write_export`."""
    store = folder / "contacts.duckdb"
    run_cli("import", "contacts", str(write_export(folder / "free_text.csv", names, parents)), "--db", str(store))
    return store


def _phrase(template: str, obj: str, problem: str, context: str) -> str:
    return template.format(O=obj.capitalize(), o=obj, P=problem.capitalize(), p=problem, c=context)


def _typo_drop(name: str) -> str:
    """A letter left out of the longest word ("warranty" -> "waranty")."""
    word = max(name.split(), key=len)
    return name.replace(word, word[:3] + word[4:], 1)


def _typo_swap(name: str) -> str:
    """Two letters of the longest word swapped ("received" -> "recieved")."""
    word = max(name.split(), key=len)
    return name.replace(word, word[:3] + word[4] + word[3] + word[5:], 1)


def _plural(name: str) -> str:
    """The object in the plural ("Battery damaged" -> "Batteries damaged"; "trousers" stay)."""
    words = name.split(" ")
    i = next(i for i, word in enumerate(words) if word.lower() in OBJECTS)
    word = words[i]
    words[i] = word[:-1] + "ies" if word.endswith("y") else word if word.endswith("s") else word + "s"
    return " ".join(words) if words[i] != word else _shouted(name)


def _reordered(name: str) -> str:
    """The same words in another order, with other punctuation."""
    words = name.replace("(", "").replace(")", "").replace(" -", "").split()
    return f"{words[-1].capitalize()}: {' '.join(w.lower() for w in words[:-1])}"


def _shouted(name: str) -> str:
    return name.upper() + "!"


VARIANTS = (_typo_drop, _plural, _reordered, _typo_swap, _shouted)
