"""Aliases: the curated table of frequent ones (US / America / United States), the names the
text declares one ("... the Levant (Isil)", "also known as", "an alternative acronym for"),
and whether a short name spells a long one's initials. Sits on `mentions`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .mentions import ORGANIZATION, PLACE, _norm, _Raw


# Frequent aliases, by normalised form (lowercase, no dots, no leading "the"). The first form
# is the entity's usual name, used as its name when the story writes it.
ALIAS_TABLE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("United States", PLACE, ("united states", "us", "usa", "united states of america",
                              "america")),
    ("United Kingdom", PLACE, ("united kingdom", "uk", "britain", "great britain")),
    ("United Nations", ORGANIZATION, ("united nations", "un")),
    ("European Union", ORGANIZATION, ("european union", "eu")),
    ("Islamic State", ORGANIZATION, ("islamic state", "is", "isis", "isil", "daesh",
                                     "islamic state group", "islamic state of iraq and syria",
                                     "islamic state of iraq and the levant")),
    ("NATO", ORGANIZATION, ("nato", "north atlantic treaty organization",
                            "north atlantic treaty organisation")),
    ("Soviet Union", PLACE, ("soviet union", "ussr")),
    ("United Arab Emirates", PLACE, ("united arab emirates", "uae")),
    ("World Health Organization", ORGANIZATION, ("world health organization", "who",
                                                 "world health organisation")),
    ("North Korea", PLACE, ("north korea", "dprk")),
    ("China", PLACE, ("china", "people's republic of china", "people's republic", "prc")),
)
_TABLE_GROUP = {form: i for i, (_, _, forms) in enumerate(ALIAS_TABLE) for form in forms}

# Words that connect the parts of a multi-word name; acronyms usually skip them.
_NAME_CONNECTORS = frozenset("of and the for de du des la le el al da di van von der & to at "
                             "in on y".split())
_CAPWORD = r"(?:(?:[A-Z]\.){1,3}|[A-Z][\w'’&-]*)"

# "X (Y)" where one side may be an acronym of the other.
_PAREN = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Za-z.&-]{1,11})\s*\)")
_NAME_BEFORE_PAREN = re.compile(
    r"((?:" + _CAPWORD + r"|of|and|the|for|de|du|des|la|le|&|on|in|to)"
    r"(?:\s+(?:" + _CAPWORD + r"|of|and|the|for|de|du|des|la|le|&|on|in|to)){0,9})\s*$")
_SO_CALLED = (r"(?:also|otherwise|better|more commonly|sometimes|widely|formally|officially|"
              r"locally|previously|formerly)")
# "X, also known as Y"; "called"/"dubbed"/"nicknamed" only after a comma or a qualifier: a name
# right before them is usually their subject ("Xanana called Habibie's efforts ...").
_DECLARED_SAME = re.compile(
    r"(?:,?\s+(?:" + _SO_CALLED + r"\s+)?(?:known as|referred to as|renamed)"
    r"|,\s+(?:" + _SO_CALLED + r"\s+)?(?:called|dubbed|nicknamed)"
    r"|\s+" + _SO_CALLED + r"\s+(?:called|dubbed|nicknamed))\s+(?:the\s+)?")
# After "called Y": an object complement ("called them a "deviant group"") makes "called" a
# verb of speech, not a name given.
_CALLED_SOMETHING = re.compile(r"\s+(?:an?|the|\"|“)\s*")
_OF_BEFORE = re.compile(r"\s+of\s+(?:the\s+)?$")  # "... Party of [Turkey]"
_CAPITALISED_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}")
_DECLARED_OTHER = re.compile(
    r"\b(an?|another|the)\s+((?:(?:alternative|alternate|other|different|older|local|"
    r"official|common|arabic|english)\s+)*)(acronym|abbreviation|name|spelling|term)\s+"
    r"(?:for|of)\s+(?:the\s+)?")
# "a teacher by the name of John Scopes", "in the name of God": a name given, but to no name
# before it. A bare "name", "term" or "spelling" declares another only as "another name for".
_BY_BEFORE = re.compile(r"\bby\s+$")


def _paren_declarations(index: int, text: str, found: list[_Raw]
                        ) -> Iterable[tuple[_Raw, _Raw, bool]]:
    """"Islamic State of Iraq and the Levant (Isil)" and "Doctors Without Borders (MSF)":
    the name and its acronym, as (name, acronym, is_acronym) raws."""
    ends = {r.end: r for r in found}
    for match in _PAREN.finditer(text):
        short = match.group(1)
        before = _NAME_BEFORE_PAREN.search(text, max(0, match.start() - 120), match.start())
        if before is None:
            continue
        words = list(re.finditer(r"\S+", before.group(1)))
        offset = before.start(1)
        for first in range(len(words) - 1, -1, -1):
            word = words[first].group()
            if not word[:1].isupper():
                continue
            expansion = [w.group() for w in words[first:]]
            end = offset + words[-1].end()
            if expansion[-1].endswith(("'s", "’s")):  # "the Ministry of Defence's (MOD)"
                expansion[-1] = expansion[-1][:-2]
                end -= 2
            if _is_acronym_of(short, expansion, loose=True):
                long_raw = _Raw(index, offset + words[first].start(),
                                offset + words[first].start(), end,
                                " ".join(expansion), ["DECLARED"])
                labels = [r.labels[0] for r in found
                          if long_raw.start <= r.start and r.end <= long_raw.end]
                long_raw.labels.extend(labels)
                short_raw = _Raw(index, match.start(1), match.start(1), match.end(1), short,
                                 ["DECLARED"])
                yield long_raw, short_raw, True
                break
        else:
            named = ends.get(len(text[:match.start()].rstrip()))
            if named and short.isupper() and "ORG" in named.labels:
                yield named, _Raw(index, match.start(1), match.start(1), match.end(1), short,
                                  ["ORG"]), False


def _text_declarations(text: str, found: list[_Raw]) -> Iterable[tuple[_Raw, _Raw, bool]]:
    """"X, also known as Y" and "..., using an alternative acronym for Y" (X the last name
    before that is not a person's)."""
    starts = {r.start: r for r in found}
    ends = [r.end for r in found]
    for match in _DECLARED_SAME.finditer(text):
        i = bisect.bisect_right(ends, match.start()) - 1
        if i < 0 or found[i].end != match.start():
            continue
        of = _OF_BEFORE.search(text, max(0, found[i].start - 16), found[i].start)
        if of is not None:  # "the Harbour Workers Party of Norway, known as the HWP": the party
            j = bisect.bisect_right(ends, of.start()) - 1
            if j < 0 or found[j].end != of.start():
                continue
            i = j
        given = _CAPITALISED_NAME.match(text, match.end())
        if re.search(r"\bcalled\b", match.group()) and ("PERSON" in found[i].labels or (
                given is not None and _CALLED_SOMETHING.match(text, given.end()))):
            continue  # `Robert Marsh, called the Harbour Liberals a "splinter group"`
        after = starts.get(match.end())
        if after is None:
            name = _CAPITALISED_NAME.match(text, match.end())
            if name is None:
                continue
            after = _Raw(found[i].article, name.start(), name.start(), name.end(), name.group(),
                         ["DECLARED"])
            found.append(after)
        yield found[i], after, False
    for match in _DECLARED_OTHER.finditer(text):
        named = starts.get(match.end())
        if named is None or _BY_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            continue
        determiner, qualifiers, noun = match.groups()
        wants_acronym = noun in ("acronym", "abbreviation")
        if not wants_acronym and not qualifiers and determiner != "another":
            continue
        i = bisect.bisect_right(ends, match.start()) - 1
        while i >= 0 and match.start() - found[i].end < 400:
            other = found[i]
            if (not other.title and "PERSON" not in other.labels[:1]
                    and _norm(other.name) != _norm(named.name)
                    and (not wants_acronym or (" " not in other.name and len(other.name) <= 6))):
                yield other, named, wants_acronym
                break
            i -= 1


def _is_acronym_of(short: str, words: Sequence[str], loose: bool = False) -> bool:
    """Whether the letters of `short` are the initials of `words`, connectors optional
    ("Isil": Islamic State of Iraq and the Levant). `loose` lets a word give up to three
    letters ("Nasdaq"-style), which only a declaration "X (Y)" is trusted with."""
    letters = short.replace(".", "").replace("-", "").replace("&", "").lower()
    if not (2 <= len(letters) <= 10) or not letters.isalpha():
        return False
    stripped = [w.strip("(),").replace(".", "") for w in words if w.strip("(),")]
    capitals = [w.isupper() and 2 <= len(w) <= 4 for w in stripped]
    words = [w.lower() for w in stripped]
    content = [w not in _NAME_CONNECTORS for w in words]
    if sum(content) < 2 or len(words) > 12:
        return False
    longest = 3 if loose else 1

    @lru_cache(maxsize=None)
    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        if not content[j] and match(i, j + 1):
            return True
        word = words[j]
        if capitals[j] and letters.startswith(word, i) and (
                match(i + len(word), j + 1)):  # "US Geological Survey": USGS
            return True
        for k in range(1, min(longest, len(word)) + 1):
            if letters.startswith(word[:k], i) and match(i + k, j + 1):
                return True
        return False

    return match(0, 0)


def _table_group(root: str) -> int | None:
    return int(root[6:]) if root.startswith("#table") else None
