"""Entities: the people, organisations and places of a story, each under one name.

Analysis stage, after parsing (parse -> entities -> quotes -> timeline -> agreement).
spaCy's named entities are cleaned (a lowercase leading "the", titles, possessive 's), then
merged across the articles by rules and evidence in the text:

- a person's surname, title + surname and full-name forms are one person ("Trump", "Mr Trump",
  "President Donald Trump"); a bare surname goes to the one full-name person with that surname
  in the story, or, when the story names two, to the nearest one in its article;
- a name and the acronym the text declares for it ("... the Levant (Isil)"), or whose letters
  are the initials of a multi-word name in the story ("CIA");
- alternative names the text declares ("also known as", "also called", "an alternative
  acronym for Isil" after "Isis");
- a small table of frequent aliases (US / U.S. / America / United States, UK / Britain, ...).

The kind (person, organization, place) is voted over every mention of an entity, titles and
roles counting for "person": the small model labels "Isil" PERSON and "Nikki Haley" ORG.
Roles ("White House press secretary") come from appositions and pre-modifiers around a
person's name; descriptions such as "the president" then become mentions of the one person
whose role has those words.

The modules, each importing only those before it (`roles` names `merge`'s `_Built` for the
type checker only): `mentions` (kinds, candidate mentions, name keys), `roles` (titles, roles,
descriptions), `aliases` (the alias table, declared names, acronyms), `names` (spaCy's mentions
cleaned, names it missed), `merge` (entities and the `EntityIndex`); `find_entities` runs them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..types import Article
from .aliases import ALIAS_TABLE, _paren_declarations, _text_declarations
from .merge import EntityIndex, Mention, _Clusters, _index, spelled_alike
from .mentions import FINITE_VERB_TAGS, ORGANIZATION, PERSON, PLACE, TokenTags, _Raw
from .names import (
    _gap_mentions,
    _ner_mentions,
    _organisations_missed,
    _people_missed,
    _first_names_only,
    _surface_forms,
    _without_overlaps,
)
from .roles import (
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    _description_mentions,
    _roles_around,
    gender_of_title,
    is_role_word,
    role_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ALIAS_TABLE",
    "FINITE_VERB_TAGS",
    "KIN_NOUNS",
    "KIN_PHRASE",
    "ORGANIZATION",
    "PERSON",
    "PLACE",
    "ROLE_MODIFIERS",
    "ROLE_NOUNS",
    "EntityIndex",
    "Mention",
    "TokenTags",
    "find_entities",
    "gender_of_title",
    "is_role_word",
    "role_words",
    "spelled_alike",
]


_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+$")
_AGE_AFTER = re.compile(r",\s+\d{1,3},")
KIN_NOUNS = tuple("""mother father wife husband son daughter brother sister grandmother
grandfather grandson granddaughter uncle aunt cousin nephew niece stepfather stepmother mom dad
parents sons daughters brothers sisters children""".split())
# "his mother", "Evan's 54-year-old father": whose relative (group 1) and which (group 2)
KIN_PHRASE = (r"([Hh]is|[Hh]er|[Tt]heir|[A-Z][\w'’-]*(?=['’]s))(?:['’]s)?\s+"
              r"(?:\d{1,3}-year-old\s+|older\s+|younger\s+|late\s+)?(" + "|".join(KIN_NOUNS)
              + r")")
_KIN_BEFORE = re.compile(r"\b" + KIN_PHRASE + r",?\s+(?:[A-Z][\w'’-]+\s+and\s+)?$")
_KIN_AFTER = re.compile(r",\s+" + KIN_PHRASE + r"\b")
_LOCATIVE = re.compile(r"\b(?:in|at|from|to|near|into|across|outside|inside)\s+(?:the\s+)?$")


def find_entities(articles: Sequence[Article], docs: Sequence[Doc]) -> EntityIndex:
    """People, organisations and places of the story, merged across articles."""
    texts = [a.text for a in articles]
    found: list[list[_Raw]] = []
    declared: list[tuple[_Raw, _Raw, bool]] = []  # pairs the text says are one (acronym?)
    for index, (text, doc) in enumerate(zip(texts, docs)):
        raws = list(_ner_mentions(index, text, doc))
        raws.extend(_organisations_missed(index, text, raws))
        raws.extend(_first_names_only(index, text, raws))
        raws.extend(_people_missed(index, text, raws))
        for pair in _paren_declarations(index, text, raws):
            raws.extend(pair[:2])
            declared.append(pair)
        found.append(raws)
    forms = _surface_forms([r for raws in found for r in raws])
    everything: list[_Raw] = []
    for index, (text, doc) in enumerate(zip(texts, docs)):
        raws = _without_overlaps(found[index] + list(_gap_mentions(index, text, doc, forms,
                                                                   found[index])))
        declared.extend(_text_declarations(text, raws))
        tags = TokenTags(doc)
        for raw in raws:
            raw.roles = _roles_around(text, raw, tags)
            raw.is_located = bool(_LOCATIVE.search(text, max(0, raw.start - 12), raw.start))
            raw.aged = bool(_AGE_BEFORE.search(text, max(0, raw.start - 16), raw.start)
                            or _AGE_AFTER.match(text, raw.end))
            raw.kin = bool(_KIN_BEFORE.search(text, max(0, raw.start - 40), raw.start)
                           or _KIN_AFTER.match(text, raw.end))
        everything.extend(raws)
    kept = {id(r) for r in everything}
    declared = [d for d in declared if id(d[0]) in kept and id(d[1]) in kept]
    built = _Clusters(everything, declared).build()
    descriptions = _description_mentions(texts, docs, built)
    return _index(articles, built, descriptions)
