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
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .types import Article, Citation, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

PERSON, ORGANIZATION, PLACE = "person", "organization", "place"
# Names spaCy calls nationalities, works, products, events or laws: kept only when they turn
# out to be another form of a person, organisation or place ("The Hadel" for the HDL).
_OTHER = "other"
_KIND_OF_LABEL = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE,
                  "FAC": PLACE, "NORP": _OTHER, "WORK_OF_ART": _OTHER, "PRODUCT": _OTHER,
                  "EVENT": _OTHER, "LAW": _OTHER}

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
)
_TABLE_GROUP = {form: i for i, (_, _, forms) in enumerate(ALIAS_TABLE) for form in forms}

# Titles written before a name. They are part of a mention ("Mr Trump") but not of the name.
_HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof")
_ABBREVIATED = ("Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm", "Cmdr", "Sen", "Rep",
                "Gov", "Rev", "Insp", "Supt", "Det", "Pres", "Amb", "Atty", "Brig", "Cdr")
_TITLE_WORDS = (
    "President", "Vice President", "Prime Minister", "Premier", "Chancellor", "King", "Queen",
    "Prince", "Princess", "Pope", "Sheikh", "Ayatollah", "Emperor", "Senator", "Congressman",
    "Congresswoman", "Governor", "Mayor", "Judge", "Justice", "General", "Colonel", "Admiral",
    "Captain", "Sergeant", "Lieutenant", "Major", "Commander", "Ambassador", "Minister",
    "Secretary", "Chairman", "Chairwoman", "Detective", "Inspector", "Professor", "Rabbi",
    "Father", "Bishop", "Archbishop", "Cardinal", "Imam", "Marshal", "Brigadier", "Corporal",
    "Private", "Chief", "Superintendent", "Constable", "Sheriff", "Archduke", "Duke", "Duchess",
)
_TITLE = (r"(?:(?:" + "|".join(_HONORIFICS + _ABBREVIATED) + r")\.?|"
          + "|".join(sorted(_TITLE_WORDS, key=len, reverse=True)) + r")")
_TITLES_AT_START = re.compile(r"(?:" + _TITLE + r"\s+)+(?=[A-Z])")
_TITLES_BEFORE = re.compile(r"(?<![\w.])(?:" + _TITLE + r"\s+)+$")
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "congressman",
                          "chairman", "sheikh", "duke", "archduke", "emperor"})
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess",
                            "congresswoman", "chairwoman", "duchess"})

# Nouns that name what a person is or does ("press secretary", "head of ..."), and the
# lowercase words that may come before them inside a role ("deputy", "foreign").
ROLE_NOUNS = frozenset("""
president vice-president minister secretary spokesman spokeswoman spokesperson ambassador
envoy general admiral colonel commander chief head director chairman chairwoman chair
chancellor governor mayor senator congressman congresswoman representative lawmaker legislator
leader king queen prince princess emperor pope cardinal bishop archbishop judge justice
magistrate prosecutor attorney lawyer counsel official officer adviser advisor aide diplomat
negotiator analyst expert economist professor researcher scientist doctor physician surgeon
ceo executive founder manager coach captain owner editor correspondent reporter author writer
candidate nominee mp deputy commissioner inspector superintendent sheriff treasurer premier
dictator monarch sultan sheikh ayatollah cleric imam rabbi priest pastor activist campaigner
organiser organizer administrator rapporteur delegate consul marshal lieutenant sergeant major
brigadier detective constable investigator spokesperson member chairperson president-elect
secretary-general director-general coordinator superintendent warden principal dean
economist historian lecturer student teacher worker farmer witness resident survivor mother
father wife husband son daughter brother sister owner partner operator engineer pilot
commentator columnist publisher producer actor singer player striker defender goalkeeper
source sources officials
""".split())
_ROLE_ABBREVIATIONS = {"gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major",
                       "capt": "captain", "sgt": "sergeant", "adm": "admiral", "sen": "senator",
                       "rep": "representative", "gov": "governor", "insp": "inspector",
                       "supt": "superintendent", "det": "detective", "amb": "ambassador",
                       "brig": "brigadier", "cmdr": "commander", "cdr": "commander",
                       "prof": "professor", "pres": "president", "atty": "attorney"}
ROLE_MODIFIERS = frozenset("""
press deputy foreign former vice chief senior top acting interim assistant executive general
national defense defence interior finance prime state security health justice education trade
economy home military army navy police party opposition union team campaign communications
policy political junior associate managing lead principal regional local provincial federal
county city district supreme high appeals appeal court labour labor environment energy
transport culture foreign-policy special private legal medical financial human rights
intelligence treasury commerce agriculture first
""".split())
_CAPWORD = r"(?:(?:[A-Z]\.){1,3}|[A-Z][\w'’&-]*)"
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:" + "|".join(_ABBREVIATED + _HONORIFICS) + r")\.")
_APPOSITION = re.compile(r",\s+([^,;:()“”\"\n]{2,120})")
_DETERMINERS = frozenset("the a an its his her their one this that".split())
_CLAUSE_WORDS = frozenset("""who which whose whom where when while and but or as after before
because since if though although that said says told added""".split())
_STOP_LEFT = frozenset("""the a an and but or as even while when after before because since if
though although that so then also meanwhile however however, said says told according by
with from for to of in on at""".split())

# Words that connect the parts of a multi-word name; acronyms usually skip them.
_NAME_CONNECTORS = frozenset("of and the for de du des la le el al da di van von der & to at "
                             "in on y".split())
_PARTICLES = frozenset("bin ibn al el de da di van von der du la le abu".split())
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# "X (Y)" where one side may be an acronym of the other.
_PAREN = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Za-z.&-]{1,11})\s*\)")
_NAME_BEFORE_PAREN = re.compile(
    r"((?:" + _CAPWORD + r"|of|and|the|for|de|du|des|la|le|&|on|in|to)"
    r"(?:\s+(?:" + _CAPWORD + r"|of|and|the|for|de|du|des|la|le|&|on|in|to)){0,9})\s*$")
_DECLARED_SAME = re.compile(
    r",?\s+(?:(?:also|otherwise|better|more commonly|sometimes|widely|formally|officially|"
    r"locally|previously|formerly)\s+)?(?:known as|called|referred to as|dubbed|nicknamed|"
    r"renamed)\s+(?:the\s+)?")
_CAPITALISED_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}")
_DECLARED_OTHER = re.compile(
    r"\b(?:an?|another|the)\s+(?:(?:alternative|alternate|other|different|older|local|"
    r"official|common|arabic|english)\s+)*(acronym|abbreviation|name|spelling|term)\s+"
    r"(?:for|of)\s+(?:the\s+)?")
# "the president", "the press secretary": a description that may name one person.
_DESCRIPTION = re.compile(r"\b[Tt]he((?:\s+[\w.'’-]+){1,5})")

_TAG_NAMES = ("NNP", "NNPS")
_ORGANISATION_NAME = re.compile(
    r"(?<![\w.])(?:[A-Z][\w&'’.-]*\s+){1,5}(?:Center|Centre|Agency|Institute|Council|Committee"
    r"|University|College|Office|Department|Association|Union|Party|Ministry|Commission"
    r"|Foundation|Authority|Service|Organization|Organisation|Hospital|Corporation|Court"
    r"|Tribunal|Survey|Bureau|Board|Federation|League|Society|Fund)\b")
_POSSESSIVE_WORD = re.compile(r"\S+['’]s\s+")
_TRAILING_YEAR = re.compile(r"(?:\s+(?:of|in)|,)\s+\d{4}$")
_NAME_SUFFIXES = frozenset("party inc corp ltd co group company corporation plc llc".split())
_DEMONYM_ENDINGS = ("an", "ish", "ese", "i", "ic", "ch")
_SPEECH_AT_START = re.compile(r"(?:Said|Says|Added|Asked|Told)\s+(?=[A-Z])")
_LOCATIVE = re.compile(r"\b(?:in|at|from|to|near|into|across|outside|inside)\s+(?:the\s+)?$")
# Words that make a name an organisation's, not a person's ("Ann Clywd" may be a person).
_ORGANISATION_WORDS = frozenset("""party council ministry department office agency association
union university college school hospital bank company corp inc ltd group committee court army
navy force forces police church institute foundation center centre commission organization
organisation house times post news press network service services board authority club league
federation society fund government senate parliament assembly congress front movement brigade
guard guards airlines airways international corporation museum trust tribunal convention
""".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an article names an entity: `articles[article_index].text[start:end]`."""

    article_index: int
    start: int
    end: int
    text: str
    entity: str  # canonical Entity.name
    kind: str  # "person" | "organization" | "place"


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of a story and where each article names them."""

    entities: tuple[Entity, ...]  # by mentions (most first), then name
    mentions: tuple[tuple[Mention, ...], ...]  # per article, in text order
    _by_name: dict[str, Entity] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, Entity] = {}
        for entity in self.entities:
            for name in (entity.name, *entity.aliases):
                for key in (name.lower(), _norm(name)):
                    by_name.setdefault(key, entity)
        object.__setattr__(self, "_by_name", by_name)

    def entity(self, name: str) -> Entity | None:
        """The entity called `name`, by its canonical name or any alias (any case)."""
        return self._by_name.get(name.lower()) or self._by_name.get(_norm(name))


@dataclass(slots=True)
class _Raw:
    """A candidate mention before merging: `start:end` includes a title, `name_start` not."""

    article: int
    start: int
    name_start: int
    end: int
    name: str
    labels: list[str]
    title: str = ""
    roles: list[str] = field(default_factory=list)
    is_located: bool = False  # written after "in", "at", "from": a place, not a surname
    role_before: bool = False  # "press secretary Sarah Sanders": a person
    cluster: int = -1


def find_entities(articles: Sequence[Article], docs: Sequence[Doc]) -> EntityIndex:
    """People, organisations and places of the story, merged across articles."""
    texts = [a.text for a in articles]
    found: list[list[_Raw]] = []
    declared: list[tuple[_Raw, _Raw, bool]] = []  # pairs the text says are one (acronym?)
    for index, (text, doc) in enumerate(zip(texts, docs)):
        raws = list(_ner_mentions(index, text, doc))
        raws.extend(_organisations_missed(index, text, raws))
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
        everything.extend(raws)
    kept = {id(r) for r in everything}
    declared = [d for d in declared if id(d[0]) in kept and id(d[1]) in kept]
    built = _Clusters(everything, declared).build()
    descriptions = _description_mentions(texts, docs, built)
    return _index(articles, built, descriptions)


# --- candidate mentions -----------------------------------------------------------------------


def _ner_mentions(index: int, text: str, doc: Doc) -> Iterable[_Raw]:
    previous_end = -1
    for ent in doc.ents:
        kind = _KIND_OF_LABEL.get(ent.label_)
        start = ent.start_char
        if ent.label_ == "PERSON" and ent.start > 0:
            # "Mohanned Hussein" where spaCy saw only "Hussein": a capitalised proper noun
            # just before, inside the sentence and in no other name, is the first name.
            before = doc[ent.start - 1]
            if (before.tag_ == "NNP" and before.text[:1].isupper() and before.text.isalpha()
                    and before.idx > previous_end and not _at_sentence_start(text, before.idx)
                    and not _TITLES_AT_START.match(before.text + " X")):
                start = before.idx
        previous_end = ent.end_char
        if kind is None:
            continue
        raw = _clean(index, text, start, ent.end_char, ent.label_)
        if raw is not None:
            yield raw


def _organisations_missed(index: int, text: str, raws: list[_Raw]) -> Iterable[_Raw]:
    """Capitalised names ending in an organisation word that spaCy did not tag ("the US
    Pacific Tsunami Warning Center"): organisations."""
    taken = sorted((r.start, r.end) for r in raws)
    starts = [t[0] for t in taken]
    for match in _ORGANISATION_NAME.finditer(text):
        start, end = match.span()
        owner = _POSSESSIVE_WORD.search(text, start, end)
        if owner:  # "Iran's National Security Council": the council's name follows
            start = owner.end()
        i = bisect.bisect_left(starts, end)
        if any(e > start and not (start <= s and e <= end) for s, e in taken[max(0, i - 4):i]):
            continue  # names inside it ("US" in "US Pacific ... Center") give way later
        raw = _clean(index, text, start, end, "ORG")
        if raw is not None and len(raw.name.split()) >= 2:
            yield raw


def _clean(index: int, text: str, start: int, end: int, label: str) -> _Raw | None:
    """Trim NER boundary noise: a leading lowercase "the" (or "The" opening a sentence),
    titles (kept in the mention, not the name), possessive 's, trailing lowercase words."""
    name = text[start:end]
    if name[:4] == "the " or (name[:4] == "The " and _at_sentence_start(text, start)):
        start += 4
    while end > start and text[end - 1] in "'’":
        end -= 1
    if text.endswith(("'s", "’s"), start, end) and end - start > 2:
        end -= 2
    year = _TRAILING_YEAR.search(text, start, end)
    if year and label != "PERSON":  # "the Vienna Convention on Diplomatic Relations of 1961"
        end = year.start()
    if label == "PERSON":
        said = _SPEECH_AT_START.match(text, start, end)
        if said:  # "Said Schorr of Mercedes:"
            start = said.end()
        words = text[start:end].split()
        while len(words) > 1 and words[-1][:1].islower():
            end = text.rindex(words.pop(), start, end)
            end = len(text[:end].rstrip())
    name_start = start
    title = ""
    inner = _TITLES_AT_START.match(text, start, end)
    if label == "PERSON":  # "Prosecutor Graham Blewitt": role words are no part of a name
        pieces = list(re.finditer(r"\S+", text[start:end]))
        lead = 0
        while lead < len(pieces) - 2 and is_role_word(pieces[lead].group()) and (
                pieces[lead].group()[:1].isupper()):
            lead += 1
        if lead and (inner is None or inner.end() < start + pieces[lead].start()):
            start = name_start = start + pieces[lead].start()
            inner = _TITLES_AT_START.match(text, start, end)
    if inner:
        name_start = inner.end()
        title = inner.group().strip()
    else:
        window = text[max(0, start - 40):start]
        outer = _TITLES_BEFORE.search(window)
        if outer and outer.group()[:1].isupper() and text[start:start + 1].isupper():
            title = outer.group().strip()
            start -= len(window) - outer.start()
    name = text[name_start:end].strip()
    if not name or not name[0].isalnum() or name.lower() in _DETERMINERS:
        return None
    if start < 3 and name.isupper() and len(name) > 4 and label != "GAP":
        return None  # a dateline ("VARNHOLM (AP) _"), which spaCy often calls a person
    return _Raw(index, start, name_start, end, name, [label], title)


def _at_sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 3):position].rstrip(" “\"'‘")
    return not before or before[-1] in ".!?\n:_—–-"


def _without_overlaps(raws: list[_Raw]) -> list[_Raw]:
    """One mention per stretch of text: the longer wins, keeping the other's label as a vote."""
    raws.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Raw] = []
    for raw in raws:
        if kept and raw.start < kept[-1].end:
            last = kept[-1]
            if raw.end - raw.start > last.end - last.start:
                raw.labels.extend(last.labels)
                kept[-1] = raw
            else:
                last.labels.extend(raw.labels)
            continue
        kept.append(raw)
    return kept


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
        if named is None:
            continue
        wants_acronym = match.group(1) in ("acronym", "abbreviation")
        i = bisect.bisect_right(ends, match.start()) - 1
        while i >= 0 and match.start() - found[i].end < 400:
            other = found[i]
            if (not other.title and "PERSON" not in other.labels[:1]
                    and _norm(other.name) != _norm(named.name)
                    and (not wants_acronym or (" " not in other.name and len(other.name) <= 6))):
                yield other, named, wants_acronym
                break
            i -= 1


def _gap_mentions(index: int, text: str, doc: Doc, forms: dict[str, bool], raws: list[_Raw]
                  ) -> Iterable[_Raw]:
    """Mentions spaCy missed of names the story already uses ("Trump administration",
    "Daesh", "Islamic State" where spaCy saw "Islamic" and "State"), as proper nouns outside
    spaCy's other entities (dates, money...). A found name it covers gives way later."""
    if not forms:
        return
    pattern = _forms_pattern(tuple(sorted(forms)))
    taken = sorted([(r.start, r.end) for r in raws]
                   + [(e.start_char, e.end_char) for e in doc.ents
                      if e.label_ not in _KIND_OF_LABEL])
    taken_starts = [s for s, _ in taken]
    tags: TokenTags | None = None
    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect.bisect_left(taken_starts, end)
        overlapping = [(s, e) for s, e in taken[max(0, i - 4):i] if e > start]
        if overlapping and not all(start <= s and e <= end and e - s < end - start
                                   for s, e in overlapping):
            continue
        form = match.group()
        if not forms[form]:  # a plain word: must be tagged a proper noun here
            if tags is None:
                tags = TokenTags(doc)
            if tags.at(start) not in _TAG_NAMES:
                continue
        elif len(form) <= 3 and form.isupper() and _in_capitals(text, start, end):
            continue
        raw = _clean(index, text, start, end, "GAP")
        if raw is not None:
            raw.labels = []
            yield raw


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether a short all-capitals word sits among other capitalised words ("HELP US")."""
    before = text[max(0, start - 20):start].split()
    after = text[end:end + 20].split()
    return any(w.isupper() and len(w) > 1 for w in before[-1:] + after[:1])


def _surface_forms(raws: list[_Raw]) -> dict[str, bool]:
    """Names to look for where spaCy missed them, each with whether it is distinctive enough
    to take without a proper-noun tag (dotted or all-capitals forms: spaCy tags "IS" a verb).
    The forms of the alias table count once the story uses one of its group."""
    forms: dict[str, bool] = {}
    for raw in raws:
        if all(_KIND_OF_LABEL.get(label) == _OTHER for label in raw.labels) or len(
                raw.name) < 3 or not raw.name[0].isupper():
            continue
        forms[raw.name] = "." in raw.name or raw.name.isupper()
        words = raw.name.split()
        if "PERSON" in raw.labels and len(words) >= 2 and len(words[-1]) >= 3 and (
                words[-1].isalpha() and words[-1][0].isupper()):
            forms.setdefault(words[-1], False)  # "Buffone said" after "Samuel Buffone"
    groups = {_TABLE_GROUP[_norm(r.name)] for r in raws if _norm(r.name) in _TABLE_GROUP}
    for group in groups:
        for form in ALIAS_TABLE[group][2]:
            if " " in form:
                forms.setdefault(" ".join(w if w in _NAME_CONNECTORS else w.title()
                                          for w in form.split()), False)
            else:
                if len(form) >= 4:  # "Daesh", "Isis": written titlecase, distinctive
                    forms.setdefault(form.title(), True)
                forms.setdefault(form.upper(), True)
    return forms


@lru_cache(maxsize=64)
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


# --- merging ----------------------------------------------------------------------------------


class _Clusters:
    """Union-find over normalised names, then person folding, kinds and canonical names."""

    def __init__(self, raws: list[_Raw], declared: list[tuple[_Raw, _Raw, bool]]) -> None:
        self.raws = raws
        self.parent: dict[str, str] = {}
        self.forced: set[str] = set()  # not a person, whatever spaCy said
        self.person_evidence: Counter[str] = Counter()
        for raw in raws:
            self._find(_norm(raw.name))
        for key in list(self.parent):
            group = _TABLE_GROUP.get(key)
            if group is not None:
                self._union(key, f"#table{group}")
                self.forced.add(key)
        for a, b, is_acronym in declared:
            self._union(_norm(a.name), _norm(b.name))
            if is_acronym:
                self.forced.update((_norm(a.name), _norm(b.name)))
        self._merge_variants()
        self._merge_acronyms()
        self._decide_kinds()
        self._fold_people()

    # union-find
    def _find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        if parent == key:
            return key
        root = self._find(parent)
        self.parent[key] = root
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def _merge_variants(self) -> None:
        """Organisation and place names written two ways: "Revolutionary Guard(s)", "UN" or
        "United Nations Security Council", with or without a national qualifier ("Iranian
        National Security Council", "Security Council" after "UN Security Council")."""
        people = {_norm(r.name) for r in self.raws if r.title or "PERSON" in r.labels[:1]}
        qualifiers = {_norm(r.name) for r in self.raws if r.labels[:1] in (["NORP"], ["GPE"])}
        qualifiers.update(_TABLE_GROUP)
        keys = sorted(k for k in self.parent if " " in k and k not in people
                      and not k.startswith("#"))
        by_variant: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            words = key.split()
            for size in (4, 3, 2, 1):
                group = _TABLE_GROUP.get(" ".join(words[:size]))
                if group is not None and size < len(words):
                    words = [f"#table{group}"] + words[size:]
                    break
            if words[-1].endswith("s") and len(words[-1]) > 3:
                words[-1] = words[-1][:-1]
            by_variant[" ".join(words)].add(key)
            if len(words) >= 3 and (words[0] in qualifiers or words[0].startswith("#")
                                    or words[0].endswith(_DEMONYM_ENDINGS)):
                by_variant["~" + " ".join(words[1:])].add(key)
        singles = {k for k in self.parent if " " not in k and k not in people}
        for key in keys:  # "Labor" for "Labor Party"
            words = key.split()
            if len(words) == 2 and words[1] in _NAME_SUFFIXES and words[0] in singles:
                by_variant["=" + words[0]].add(key)
        for variant, group_keys in by_variant.items():
            if variant.startswith("="):
                if len(group_keys) == 1:
                    self._union(variant[1:], next(iter(group_keys)))
                continue
            if variant.startswith("~"):
                tails = by_variant.get(variant[1:], set())
                if len(group_keys) == 1 and tails:
                    for tail in tails:
                        self._union(tail, next(iter(group_keys)))
                continue
            first = min(group_keys)
            for key in group_keys:
                self._union(key, first)

    def _merge_acronyms(self) -> None:
        """An all-capitals name whose letters are the initials of exactly one multi-word
        name of the story ("CIA", "Central Intelligence Agency")."""
        names = {_norm(r.name): r.name for r in self.raws}
        people = {_norm(r.name) for r in self.raws if r.title or "PERSON" in r.labels[:1]}
        long_names = [(k, n.split()) for k, n in names.items() if k not in people
                      and len([w for w in n.split() if w.lower() not in _NAME_CONNECTORS]) >= 2]
        for key, name in names.items():
            letters = name.replace(".", "")
            if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
                continue
            if key in _TABLE_GROUP:
                continue
            matches = [k for k, words in long_names if _is_acronym_of(letters, words)]
            if len({self._find(k) for k in matches}) == 1:
                for match in matches:
                    self._union(key, match)
                    self.forced.update((key, match))

    def _decide_kinds(self) -> None:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        forced_roots = {self._find(k) for k in self.forced}
        for raw in self.raws:
            root = self._find(_norm(raw.name))
            for label in raw.labels:
                kind = _KIND_OF_LABEL.get(label)
                if kind and kind != _OTHER:
                    votes[root][kind] += 1
            named = any(_KIND_OF_LABEL.get(label, _OTHER) != _OTHER for label in raw.labels)
            if (raw.title or raw.role_before) and (named or not raw.labels):
                votes[root][PERSON] += 2
        self.person_votes = {root: counts[PERSON] for root, counts in votes.items()}
        self.kinds: dict[str, str] = {}
        for root in {self._find(k) for k in self.parent}:
            counts = votes.get(root, Counter())
            if root in forced_roots:
                counts = Counter({k: v for k, v in counts.items() if k != PERSON})
                self.kinds[root] = PLACE if counts[PLACE] > counts[ORGANIZATION] else ORGANIZATION
                group = _table_group(root)
                if group is not None:
                    self.kinds[root] = ALIAS_TABLE[group][1]
            elif counts:
                self.kinds[root] = max(counts, key=lambda k: (counts[k], k == PERSON))
            else:
                self.kinds[root] = _OTHER

    def kind_of(self, raw: _Raw) -> str:
        return self.kinds.get(self._find(_norm(raw.name)), _OTHER)

    def _fold_people(self) -> None:
        """Full names with the same first and last name are one person, and so are a full
        name and a longer one starting with it ("Salvador Allende Gossens"); a lone surname
        (or title + surname) is the one full-name person with that surname in the story,
        even one spaCy called an organisation ("Ann Clywd") or a surname it took for a place
        that the text never puts after "in", "at", "from" ("Artaza")."""
        self.ambiguous: dict[str, list[str]] = {}
        by_name: dict[tuple[str, str], str] = {}
        maybe_people: dict[str, set[str]] = defaultdict(set)
        keys = sorted({_norm(r.name) for r in self.raws})
        located = {_norm(r.name) for r in self.raws if r.is_located}
        for key in keys:
            root = self._find(key)
            words = _person_words(key)
            if root in self.forced or len(words) < 2 or key.split()[0] in _PARTICLES:
                continue
            if self.kinds.get(root) == PERSON:
                first_last = (words[0], words[-1])
                if first_last in by_name:
                    self._union(key, by_name[first_last])
                else:
                    by_name[first_last] = key
            elif (self.kinds.get(root) == ORGANIZATION and len(words) <= 3
                  and root not in self.forced
                  and not _ORGANISATION_WORDS.intersection(words) and key.replace(" ", "").isalpha()):
                maybe_people[words[-1]].add(key)
        for key in keys:  # "Salvador Allende Gossens", "Gabrielle Kirk McDonald"
            words = _person_words(key)
            kind = self.kinds.get(self._find(key))
            if len(words) >= 3 and (kind == PERSON or key in maybe_people.get(words[-1], ())):
                for part in ((words[0], words[1]), (words[-2], words[-1])):
                    if part in by_name:
                        self._union(key, by_name[part])
        surnames: dict[str, set[str]] = defaultdict(set)
        for (_, last), key in by_name.items():
            surnames[last].add(self._find(key))
        for key in keys:
            root = self._find(key)
            kind = self.kinds.get(root)
            words = _person_words(key)
            is_single = len(words) == 1 or (bool(words) and key.split()[0] in _PARTICLES)
            if not is_single or root in self.forced:
                continue
            is_person = kind == PERSON or self.person_votes.get(root, 0) > 0
            if kind == PLACE and not is_person and key in located:
                continue
            owners = surnames.get(words[-1], set()) - {root}
            if not owners and is_person:
                owners = {self._find(k) for k in maybe_people.get(words[-1], ())} - {root}
            if len(owners) == 1:
                self._union(key, next(iter(owners)))
                self.kinds[self._find(key)] = PERSON
            elif len(owners) > 1 and kind in (PERSON, ORGANIZATION):
                self.ambiguous[key] = sorted(owners)
        for root in {self._find(k) for k in keys}:
            if root not in self.kinds:
                kinds = [self.kinds[r] for r in self.kinds if self._find(r) == root]
                self.kinds[root] = PERSON if PERSON in kinds else (kinds[0] if kinds else _OTHER)

    def build(self) -> list[_Built]:
        """Entities with their raws (ambiguous surnames resolved per mention)."""
        members: dict[str, list[_Raw]] = defaultdict(list)
        full_positions: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for raw in self.raws:
            root = self._find(_norm(raw.name))
            if self.kinds.get(root, _OTHER) == _OTHER:
                continue
            if _norm(raw.name) not in self.ambiguous:
                members[root].append(raw)
                full_positions[root].append((raw.article, raw.start))
        for raw in self.raws:
            owners = self.ambiguous.get(_norm(raw.name))
            if owners:
                roots = sorted({self._find(o) for o in owners})
                members[_nearest(roots, raw, full_positions, members)].append(raw)
        built = []
        for root, group in members.items():
            kind = self.kinds.get(root, PERSON)
            built.append(_Built(kind, sorted(group, key=lambda r: (r.article, r.start)),
                                _table_group(root)))
        return built


def _nearest(owners: list[str], raw: _Raw, positions: dict[str, list[tuple[int, int]]],
             members: dict[str, list[_Raw]]) -> str:
    """The person a shared surname means here: the one named last before it in its article,
    else the first after it, else the one the story names most."""
    best: tuple[int, int, int] | None = None
    choice = owners[0]
    for owner in owners:
        for article, start in positions[owner]:
            if article != raw.article:
                continue
            distance = raw.start - start
            rank = (0, distance, 0) if distance >= 0 else (1, -distance, 0)
            if best is None or rank < best:
                best, choice = rank, owner
    if best is None:
        choice = max(owners, key=lambda o: len(members[o]))
    return choice


def _table_group(root: str) -> int | None:
    return int(root[6:]) if root.startswith("#table") else None


@dataclass(slots=True)
class _Built:
    kind: str
    raws: list[_Raw]
    table_group: int | None
    name: str = ""
    roles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.name = _canonical(self.kind, self.raws, self.table_group)
        roles: list[str] = []
        for raw in self.raws if self.kind == PERSON else ():
            for role in raw.roles:
                if role.lower() not in (r.lower() for r in roles):
                    roles.append(role)
        lowered = [set(r.lower().split()) for r in roles]
        self.roles = tuple(r for i, r in enumerate(roles)
                           if not any(j != i and lowered[i] < lowered[j]
                                      for j in range(len(roles))))


def _canonical(kind: str, raws: list[_Raw], table_group: int | None) -> str:
    """The fullest name: most words, then most characters, then most often written. For a
    person, not a name that only adds a last word to another ("Salvador Allende Gossens")."""
    counts = Counter(r.name for r in raws)
    if table_group is not None:
        usual = ALIAS_TABLE[table_group][0]
        if any(_norm(n) == _norm(usual) for n in counts):
            return next(n for n in counts if _norm(n) == _norm(usual))
    names = list(counts)
    if kind != PERSON:
        spelled = [n for n in names if not (n.replace(".", "").isupper() and " " not in n)]
        names = spelled or names
        # "Ministry of Defence" rather than "British Ministry of Defence"
        names = [n for n in names if not (n.split()[0].endswith(_DEMONYM_ENDINGS) and any(
            n.endswith(" " + other) for other in names))] or names
    else:
        shorter = {" ".join(n.split()[:-1]) for n in names}
        names = [n for n in names if len(n.split()) < 3 or n not in shorter] or names
        names = [n for n in names if not any(
            len(n.split()) >= 3 and other.split() == n.split()[:-1] for other in names)] or names
    return max(names, key=lambda n: (len(n.split()), len(n), counts[n], n))


# --- roles and descriptions -------------------------------------------------------------------


def _roles_around(text: str, raw: _Raw, tags: TokenTags) -> list[str]:
    """What the text calls a person: "White House press secretary Sarah Sanders",
    "Sarah Sanders, the White House press secretary,", "President Trump"."""
    roles: list[str] = []
    before = _words_before(text, raw.name_start)
    if before:
        role = _trim_role(" ".join(before))
        raw.role_before = role is not None
        if role:
            spelled = _ROLE_ABBREVIATIONS.get(role.lower().rstrip("."))
            roles.append(spelled.title() if spelled else role)
    after = _APPOSITION.match(text, raw.end)
    if after:
        role = _apposition_role(after.group(1), after.start(1), tags)
        if role:
            roles.append(role)
    return roles


def _words_before(text: str, position: int) -> list[str]:
    """Up to ten words just before `position` in its clause (stopping at punctuation)."""
    words: list[str] = []
    for word in reversed(text[max(0, position - 120):position].split()[-10:]):
        if word[-1] in ",;:!?)\"”’" or word[0] in "(\"“‘" or (
                word[-1] == "." and not _ABBREVIATION.fullmatch(word)):
            break
        words.append(word)
    return words[::-1]


def _trim_role(phrase: str) -> str | None:
    """The role in the words before a name: it ends on a role noun ("press secretary") or
    on a name after one ("Ambassador to the United Nations")."""
    words = phrase.split()
    last = len(words) - 1
    if last < 0:
        return None
    if is_role_word(words[last]):
        head = last
    elif words[last][:1].isupper():
        link = max((i for i, w in enumerate(words) if w in ("of", "to", "for", "at", "in")),
                   default=-1)
        if link < 1 or not is_role_word(words[link - 1]) or not all(
                w[:1].isupper() or w == "the" for w in words[link + 1:]):
            return None
        head = link - 1
    else:
        return None
    first = head
    while first > 0 and (words[first - 1][:1].isupper() or words[first - 1] in ROLE_MODIFIERS
                         or is_role_word(words[first - 1])):
        first -= 1
    while first < head and words[first].lower() in _STOP_LEFT:
        first += 1
    return " ".join(words[first:]) or None


def _apposition_role(phrase: str, start: int, tags: TokenTags) -> str | None:
    """The role in ", the head of the US Central Command," or ", a hydrologist at Varn
    University,": a noun phrase after a determiner, or one whose head is a role noun, with
    no verb in it."""
    phrase = _cut_sentence(phrase).rstrip(" .")
    words = phrase.split()
    if not words or len(words) > 12 or words[0].lower() in _CLAUSE_WORDS:
        return None
    has_determiner = words[0].lower() in _DETERMINERS and words[0].lower() != "one"
    if not has_determiner and not is_role_word(words[0]) and not any(
            is_role_word(w) for w in words[:4]):
        return None
    if any(tags.at(start + m.start())[:2] == "VB" and tags.at(start + m.start()) not in (
            "VBN", "VBG") or tags.at(start + m.start()) in ("MD", "PRP", "CD")
           for m in re.finditer(r"\S+", phrase)):
        return None
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    return " ".join(words) or None


def _cut_sentence(phrase: str) -> str:
    for match in re.finditer(r"[.!?]\s+", phrase):
        word = phrase[:match.start()].split()[-1] if phrase[:match.start()].split() else ""
        if not re.fullmatch(r"(?:[A-Z]\.?)+|(?:" + "|".join(_ABBREVIATED + _HONORIFICS) + ")",
                            word):
            return phrase[:match.start()]
    return phrase


def is_role_word(word: str) -> bool:
    """Whether a word names what a person is ("secretary", "Gen.", "officials")."""
    w = word.lower().rstrip(".,")
    w = _ROLE_ABBREVIATIONS.get(w, w)
    return w in ROLE_NOUNS or (w.endswith("s") and w[:-1] in ROLE_NOUNS)


def role_words(role: str) -> set[str]:
    """Lowercase words of a role, abbreviations spelled out ("Gen." -> "general")."""
    words = set()
    for w in role.lower().replace("-", " ").split():
        w = w.strip(".,’'")
        words.add(_ROLE_ABBREVIATIONS.get(w, w))
    return words


def _description_mentions(texts: Sequence[str], docs: Sequence[Doc], built: list[_Built]
                          ) -> list[tuple[int, int, int, _Built]]:
    """"the president", "the press secretary": mentions of the one person whose role holds
    those words, preferring a person the article names and an unqualified role."""
    people = [b for b in built if b.kind == PERSON and b.roles]
    if not people:
        return []
    heads = {w for b in people for role in b.roles for w in role_words(role) if w in ROLE_NOUNS}
    people_roles = [[role_words(r) for r in b.roles] for b in people]
    in_article: list[set[int]] = [set() for _ in texts]
    for n, b in enumerate(people):
        for raw in b.raws:
            in_article[raw.article].add(n)
    found = []
    for index, (text, doc) in enumerate(zip(texts, docs)):
        tags: TokenTags | None = None
        for match in _DESCRIPTION.finditer(text):
            words = list(re.finditer(r"[\w.'’-]+", match.group(1)))
            head = next((i for i, w in enumerate(words) if w.group().lower() in heads), None)
            if head is None or not words[head].group()[1:].islower() or any(
                    not (w.group()[:1].isupper() or w.group() in ROLE_MODIFIERS)
                    for w in words[:head]):
                continue
            if head + 1 < len(words) and words[head + 1].group() in ("of", "to", "for"):
                continue
            head_start = match.start(1) + words[head].start()
            head_end = match.start(1) + words[head].end()
            if tags is None:
                tags = TokenTags(doc)
            if tags.at(head_start) not in ("NN", "NNP") or tags.after(head_end) in (
                    "NN", "NNS", "NNP", "NNPS", "POS"):
                continue
            described = role_words(text[match.start(1):head_end])
            best: tuple[bool, bool, int] | None = None
            choices: list[int] = []
            for n, b in enumerate(people):
                fits = [r for r in people_roles[n] if described <= r]
                if not fits:
                    continue
                rank = (n in in_article[index], any(f == described for f in fits), len(b.raws))
                if best is None or rank > best:
                    best, choices = rank, [n]
                elif rank == best:
                    choices.append(n)
            if len(choices) == 1:
                found.append((index, match.start(), head_end, people[choices[0]]))
    return found


class TokenTags:
    """Part-of-speech tags of a Doc by character offset (one pass over the tokens)."""

    def __init__(self, doc: Doc) -> None:
        array = doc.to_array(["IDX", "TAG"])
        strings = doc.vocab.strings
        self.starts: list[int] = array[:, 0].tolist() if len(array) else []
        self.tags: list[str] = [strings[h] for h in array[:, 1].tolist()] if len(array) else []

    def at(self, position: int) -> str:
        """The tag of the token that holds `position`."""
        i = bisect.bisect_right(self.starts, position) - 1
        return self.tags[i] if i >= 0 else ""

    def after(self, position: int) -> str:
        """The tag of the first token starting at or after `position`."""
        i = bisect.bisect_left(self.starts, position)
        return self.tags[i] if i < len(self.tags) else ""


# --- the index --------------------------------------------------------------------------------


def _index(articles: Sequence[Article], built: list[_Built],
           descriptions: list[tuple[int, int, int, _Built]]) -> EntityIndex:
    per_article: list[list[Mention]] = [[] for _ in articles]
    forms: dict[int, list[str]] = defaultdict(list)
    for b in built:
        for raw in b.raws:
            text = articles[raw.article].text[raw.start:raw.end]
            per_article[raw.article].append(
                Mention(raw.article, raw.start, raw.end, text, b.name, b.kind))
            forms[id(b)].append(text)
    for index, start, end, b in descriptions:  # mentions, but not names: no alias
        text = articles[index].text[start:end]
        per_article[index].append(Mention(index, start, end, text, b.name, b.kind))
    for mentions in per_article:
        mentions.sort(key=lambda m: (m.start, m.end))
    firsts: dict[str, dict[int, Mention]] = defaultdict(dict)
    counts: Counter[str] = Counter()
    for mentions in per_article:
        for m in mentions:
            counts[m.entity] += 1
            firsts[m.entity].setdefault(m.article_index, m)
    entities = []
    seen: set[str] = set()
    for b in built:
        if b.name in seen:  # two clusters that came out with one name: keep the bigger
            continue
        seen.add(b.name)
        aliases: list[str] = []
        for form in forms[id(b)]:
            if form != b.name and form not in aliases:
                aliases.append(form)
        first = firsts[b.name]
        entities.append(Entity(
            name=b.name, kind=b.kind, aliases=tuple(aliases), mentions=counts[b.name],
            sources=len(first), roles=b.roles,
            citations=tuple(Citation(articles[i].id, m.start, m.end)
                            for i, m in sorted(first.items()))))
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return EntityIndex(tuple(entities), tuple(tuple(m) for m in per_article))


# --- names ------------------------------------------------------------------------------------


def _norm(name: str) -> str:
    """Lowercase, no dots, straight apostrophes, no leading "the", no possessive."""
    key = name.lower().replace("’", "'").replace(".", "")
    key = " ".join(key.split())
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key


def _person_words(key: str) -> list[str]:
    """Name words without initials and suffixes, surname particles kept apart:
    "joseph l votel" -> [joseph, votel]; "bashar al-assad" -> [bashar, assad]."""
    words = [w for w in key.split() if len(w) > 1 and w not in _SUFFIXES]
    out = []
    for w in words:
        for prefix in ("al-", "el-"):
            if w.startswith(prefix) and len(w) > len(prefix) + 1:
                w = w[len(prefix):]
        out.append(w)
    return out


def gender_of_title(title: str) -> str | None:
    """"m" or "f" for a title that tells ("Mr", "Ms."), else None."""
    word = title.split()[0].rstrip(".").lower() if title else ""
    if word in _MALE_TITLES:
        return "m"
    if word in _FEMALE_TITLES:
        return "f"
    return None


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
