"""Merging: candidate mentions become entities by union-find over their names (table and
declared aliases, spelling variants, acronyms, a person's name forms), each with one kind and
one canonical name; then the EntityIndex and its Mentions. Sits on `mentions` and `aliases`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..types import Article, Citation, Entity
from .aliases import _NAME_CONNECTORS, _TABLE_GROUP, ALIAS_TABLE, _is_acronym_of, _table_group
from .mentions import _KIND_OF_LABEL, _OTHER, ORGANIZATION, PERSON, PLACE, _norm, _Raw
from . import places
from .genders import gender_of_first_name, is_first_name
from .roles import gender_of_title, is_role_word, role_key


_PARTICLES = frozenset("bin ibn al el de da di van von der du la le abu".split())
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NAME_SUFFIXES = frozenset("party inc corp ltd co group company corporation plc llc".split())
_DEMONYM_ENDINGS = ("an", "ish", "ese", "i", "ic", "ch")


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


class _Clusters:
    """Union-find over normalised names, then person folding, kinds and canonical names."""

    def __init__(self, raws: list[_Raw], declared: list[tuple[_Raw, _Raw, bool]]) -> None:
        self.raws = raws
        self.parent: dict[str, str] = {}
        self.forced: set[str] = set()  # not a person, whatever spaCy said
        self.person_evidence: Counter[str] = Counter()
        self.groups = _plural_groups(raws)  # "republicans": a party, not a surname
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
            words = _office_words(key.split())
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
        countries = {_norm(r.name) for r in self.raws if "GPE" in r.labels}
        named = [k for k in keys if k not in countries]
        for a, b in _alike_names([k.split() for k in named]):  # "China Democra(cy|tic) Party"
            self._union(named[a], named[b])
        reordered: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for key in keys:  # "... Framework Convention on Climate Change" / "... Framework on
            content = [w for w in key.split() if w not in _NAME_CONNECTORS]  # ... Convention"
            if len(content) >= 4:
                reordered[tuple(sorted(content))].append(key)
        for same in reordered.values():
            for key in same[1:]:
                self._union(key, same[0])

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
        personal: set[str] = set()  # groups a title, role or age shows are people
        gazetteer = places.gazetteer()
        keys = [_norm(raw.name) for raw in self.raws]
        shaped = [places.shaped_like_place(key) for key in keys]
        # The last words of the story's longer names, and the first words of its people's:
        # "Berkley" of "Berkley Bedell" and "Marlow" near "Joe Marlowe" are that person,
        # whatever towns share the name.
        name_parts = {key.split()[-1] for key, place in zip(keys, shaped)
                      if " " in key and not place} | {
            key.split()[0] for key, raw in zip(keys, self.raws)
            if " " in key and "PERSON" in raw.labels}
        placed: Counter[str] = Counter()  # place names: by their words, or in the gazetteer
        for raw, key, place in zip(self.raws, keys, shaped):
            root = self._find(key)
            for label in raw.labels:
                kind = _KIND_OF_LABEL.get(label)
                if kind and kind != _OTHER:
                    votes[root][kind] += 1
            named = any(_KIND_OF_LABEL.get(label, _OTHER) != _OTHER for label in raw.labels)
            if (raw.title or raw.role_before or raw.aged) and (named or not raw.labels):
                votes[root][PERSON] += 2
                personal.add(root)
            elif raw.roles and _first_named(raw.name):  # "Paul-Lois Arslanian, the leader of
                votes[root][PERSON] += 2  # the agency", an organisation to spaCy
                personal.add(root)
            if place and not _first_named(raw.name) and not any(
                    w in _ORGANISATION_WORDS for w in key.split()):
                placed[root] += 2  # "Linwood Boulevard", "Rue Wellington"
            elif key in gazetteer and not is_first_name(key.split()[0]) and not any(
                    key == part or spelled_alike(key, part) for part in name_parts):
                placed[root] += 1  # "Grozny", "Stavropol"; not "Marlow" after "Joe Marlowe"
        self.person_votes = {root: counts[PERSON] for root, counts in votes.items()}
        groups = self.groups
        self.kinds: dict[str, str] = {}
        for root in {self._find(k) for k in self.parent}:
            counts = votes.get(root, Counter())
            if root in forced_roots:
                counts = Counter({k: v for k, v in counts.items() if k != PERSON})
                self.kinds[root] = PLACE if counts[PLACE] > counts[ORGANIZATION] else ORGANIZATION
                group = _table_group(root)
                if group is not None:
                    self.kinds[root] = ALIAS_TABLE[group][1]
            elif counts and " " in root and root.split()[-1] in _NEVER_SURNAMES:
                self.kinds[root] = ORGANIZATION  # "Central Command", a person to spaCy
            elif counts:
                if counts[ORGANIZATION] and (root.split()[-1] in _ORGANISATION_ENDINGS or (
                        " " in root and root.split()[-1] in groups)):  # "Log Cabin Republicans"
                    counts = Counter({k: v for k, v in counts.items() if k != PERSON})
                self.kinds[root] = max(counts, key=lambda k: (counts[k], k == PERSON))
                if placed[root] and root not in personal and (
                        root.split()[-1] not in _ORGANISATION_ENDINGS):
                    self.kinds[root] = PLACE
            else:
                self.kinds[root] = _OTHER

    def kind_of(self, raw: _Raw) -> str:
        return self.kinds.get(self._find(_norm(raw.name)), _OTHER)

    def _fold_people(self) -> None:
        """Full names with the same first and last name are one person, and so are a full
        name and a longer one starting with it ("Salvador Allende Gossens"); a lone surname
        (or title + surname) is the one full-name person with that surname in the story,
        even one spaCy called an organisation ("Ann Clywd") or a surname it took for a place
        that the text never puts after "in", "at", "from" ("Artaza"); a single name that is no
        one's surname, the first word of the two-word names written family name first, else a
        surname spelled alike ("Lockart", "Joe Lockhart"); names spelled alike are one."""
        self.ambiguous: dict[str, list[str]] = {}
        forced = {self._find(k) for k in self.forced}  # roots: a table group, an acronym
        by_name: dict[tuple[str, str], str] = {}
        maybe_people: dict[str, set[str]] = defaultdict(set)
        keys = sorted({_norm(r.name) for r in self.raws})
        located = {_norm(r.name) for r in self.raws if r.is_located}
        determined = {_norm(r.name) for r in self.raws if r.determined}
        kin = {_norm(r.name) for r in self.raws if r.kin}
        # a party or people in the plural ("Republicans", NORP to spaCy) is no one's surname,
        # nor is its singular
        groups = self.groups | {g[:-1] for g in self.groups}
        # "Al Burke" is Al, a first name; "al Faisal", "de Gaulle" start surnames
        particled = {key for key in keys if key.split()[0] in _PARTICLES and len(key.split()) <= 3
                     and key.replace(" ", "").replace("-", "").isalpha()} - {
            _norm(r.name) for r in self.raws if r.name.startswith("Al ")}
        placed = {_norm(r.name) for r in self.raws
                  if any(_KIND_OF_LABEL.get(label) == PLACE for label in r.labels)}
        # "Irving Powless Jr." and his father "Irving Powless Sr.": two people, each with
        # his own suffix (a name without one stays apart from both)
        generations: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for key in keys:
            words = _person_words(key)
            if len(words) >= 2 and key.split()[-1] in _SUFFIXES:
                generations[(words[0], words[-1])].setdefault(key.split()[-1], key)
        families = {name for name, suffixes in generations.items() if len(suffixes) > 1}
        for key in keys:
            root = self._find(key)
            words = _person_words(key)
            if root in forced or len(words) < 2 or key in particled or key in determined or (
                    words[-1] in groups):
                continue  # "the Log Cabin Republicans" is not a Mr. Republicans
            if self.kinds.get(root) == PERSON:
                first_last = (words[0], words[-1])
                if first_last in families:
                    suffix = key.split()[-1]
                    if suffix in _SUFFIXES:
                        self._union(key, generations[first_last][suffix])
                    continue
                if first_last in by_name:
                    self._union(key, by_name[first_last])
                else:
                    by_name[first_last] = key
            elif (self.kinds.get(root) == ORGANIZATION and len(words) <= 3
                  and root not in forced and key not in determined
                  and not _ORGANISATION_WORDS.intersection(words) and key.replace(" ", "").isalpha()):
                maybe_people[words[-1]].add(key)
        full = sorted(by_name.values())
        articles: dict[str, set[int]] = defaultdict(set)  # where each name is written
        for raw in self.raws:
            articles[_norm(raw.name)].add(raw.article)
        for a, b in _alike_names([_person_words(k) for k in full]):  # "Gustafsson"/"-vsson"
            if (full[a] in kin or full[b] in kin) and articles[full[a]] & articles[full[b]]:
                continue  # "Yao Zhenxian ... his younger brother, Yao Zhenxiang": two people
            self._union(full[a], full[b])
        for key in keys:  # "Salvador Allende Gossens", "Gabrielle Kirk McDonald"
            words = _person_words(key)
            kind = self.kinds.get(self._find(key))
            if len(words) >= 3 and self._find(key) not in forced and key not in kin and (
                    kind == PERSON or key in maybe_people.get(words[-1], ())):
                # ("Augusto Pinochet Hiriart, Pinochet's son" is not the father)
                for part in ((words[0], words[1]), (words[-2], words[-1])):
                    if part in by_name:
                        self._union(key, by_name[part])
        surnames: dict[str, set[str]] = defaultdict(set)
        family_first: dict[str, set[str]] = defaultdict(set)  # "Xu" of "Xu Wenli"
        single_names = {words[0] for words in map(_person_words, keys) if len(words) == 1}
        for first_last in families:
            for key in generations[first_last].values():
                if self.kinds.get(self._find(key)) == PERSON:
                    surnames[first_last[1]].add(self._find(key))
        for (first, last), key in by_name.items():
            surnames[last].add(self._find(key))
            # "Xu" of "Xu Wenli" may be his family name, unless the story calls him by his
            # last word ("Ms. Ward" for Susan Ward: then "Susan" alone is someone else)
            if (len(_person_words(key)) == 2 and first not in _PARTICLES
                    and last not in single_names):
                family_first[first].add(self._find(key))
        # Surnames written with a personal title ("Ms. Davila") or an age, and the two- or
        # three-word names spaCy did not call people, by last word.
        titled = {_norm(r.name) for r in self.raws if gender_of_title(r.title) or r.aged}
        maybe_named: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            words = _person_words(key)
            if (2 <= len(words) <= 3 and self._find(key) not in forced
                    and self.kinds.get(self._find(key)) in (PLACE, ORGANIZATION)
                    and not _ORGANISATION_WORDS.intersection(words)
                    and key.replace(" ", "").isalpha()):
                maybe_named[words[-1]].add(key)
        root_articles: dict[str, set[int]] = defaultdict(set)
        for name, found in articles.items():
            root_articles[self._find(name)] |= found
        for key in keys:
            root = self._find(key)
            kind = self.kinds.get(root)
            words = _person_words(key)
            is_single = len(words) == 1 or (bool(words) and key in particled)
            if not is_single or root in forced:
                continue
            is_person = kind == PERSON or self.person_votes.get(root, 0) > 0
            if kind == PLACE and not is_person and key in located:
                continue
            owners = surnames.get(words[-1], set()) - {root}
            if key in titled:
                # "Ms. Davila" after "Tanya Davila", a name spaCy called a place: a two-word
                # name of the same article with that surname is a person, and may be meant
                named_here = {self._find(k) for k in maybe_named.get(words[-1], ())
                              if articles[key] & articles[k]} - {root} - owners
                for other in named_here:
                    self.kinds[other] = PERSON
                owners |= named_here
            if not owners and is_person:
                owners = {self._find(k) for k in maybe_people.get(words[-1], ())} - {root}
            if not owners and len(key.split()) == 1 and key not in placed and (
                    is_person or kind == ORGANIZATION):
                # no one's last name: the first word of two-word names, family name first
                # ("Xu" after "Xu Wenli", "Ms. He" after "He Xintong")
                # Only a name of the same article: elsewhere "Karen" is more likely another
                # Karen than the family name of a "Karen Jones".
                owners = {o for o in family_first.get(key, set()) - {root}
                          if articles[key] & root_articles[o]}
                if not owners:  # "Lockart" after "Joe Lockhart"
                    owners = {o for last, roots in surnames.items() if spelled_alike(key, last)
                              for o in roots} - {root}
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
        # A title sticks to its person: once "Ms. Vickery" has meant Julie Vickery and
        # "Mrs. Vickery" her mother, each keeps meaning the same one in that article.
        # A surname written bare beside "Mrs. Thampy" is someone else; so is one the article
        # also calls by first name alone ("Kaemmerle"), and then one a relative's introduction
        # names ("his parents, Sam and Vicki Sebastiani"), when another person has that surname.
        titles: dict[tuple[int, str], set[str]] = defaultdict(set)
        singles = {(r.article, _norm(r.name)) for r in self.raws if " " not in _norm(r.name)}
        by_article = _by_article(members)
        relatives = {key for key, raws in by_article.items() if min(raws, key=lambda r: r.start).kin}
        first_named: dict[tuple[int, str], set[str]] = defaultdict(set)  # the first names
        for (a, root), raws in by_article.items():
            for r in raws:
                words = _norm(r.name).split()
                if len(words) > 1 and (a, words[0]) in singles:
                    first_named[(a, root)].add(words[0])
        for raw in sorted(self.raws, key=lambda r: (r.article, r.start)):
            owners = self.ambiguous.get(_norm(raw.name))
            if owners:
                roots = sorted({self._find(o) for o in owners})
                title = raw.title.split()[0].rstrip(".").lower() if gender_of_title(
                    raw.title) else ""
                if title:
                    same = [r for r in roots if title in titles[(raw.article, r)]]
                    untitled = [r for r in roots if not titles[(raw.article, r)]]
                    roots = same or untitled or roots
                    # "Mrs. Dole" after Elizabeth and Bob Dole: not the man
                    gender = gender_of_title(raw.title)
                    roots = [r for r in roots if gender_of_first_name(max(
                        (m.name for m in members[r]), key=len, default=r)) in (None, gender)
                             ] or roots
                elif not raw.title:
                    roots = [r for r in roots if not titles[(raw.article, r)]] or roots
                    # (not "Wang" itself: "Wang Bingzhang" is written family name first)
                    roots = [r for r in roots if not first_named[(raw.article, r)] - {
                        _norm(raw.name)}] or roots
                    roots = [r for r in roots if (raw.article, r) not in relatives] or roots
                chosen = _nearest(roots, raw, full_positions, members)
                members[chosen].append(raw)
                if title:
                    titles[(raw.article, chosen)].add(title)
        built = []
        for root, group in members.items():
            kind = self.kinds.get(root, PERSON)
            built.append(_Built(kind, sorted(group, key=lambda r: (r.article, r.start)),
                                _table_group(root)))
        return built


def _plural_groups(raws: list[_Raw]) -> set[str]:
    """Parties and peoples in the plural ("republicans", a NORP to spaCy) whose singular the
    story also writes ("Republican Party"): no one's surname. A surname spaCy took for a NORP
    ("Unis") has no singular in the story."""
    words = {w for r in raws for w in _norm(r.name).split()}
    return {_norm(r.name) for r in raws if r.labels[:1] == ["NORP"] and r.name.endswith("s")
            and " " not in r.name and _norm(r.name)[:-1] in words}


def _by_article(members: dict[str, list[_Raw]]) -> dict[tuple[int, str], list[_Raw]]:
    """Each person's mentions in each article."""
    found: dict[tuple[int, str], list[_Raw]] = defaultdict(list)
    for root, raws in members.items():
        for raw in raws:
            found[(raw.article, root)].append(raw)
    return found


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


@dataclass(slots=True)
class _Built:
    kind: str
    raws: list[_Raw]
    table_group: int | None
    name: str = ""
    roles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.name = _canonical(self.kind, self.raws, self.table_group)
        roles: dict[frozenset[str], str] = {}  # first spelling of each role
        for raw in self.raws if self.kind == PERSON else ():
            for role in raw.roles:
                roles.setdefault(role_key(role), role)
        # "General" is said again by "retired Gen.": only the fuller role is kept.
        self.roles = tuple(role for key, role in roles.items()
                           if not any(key < other for other in roles))


# Last words no person's name has: whatever spaCy said, a name ending so is an organisation.
_NEVER_SURNAMES = frozenset("""command committee commission council ministry agency association
institute foundation university department corporation inc ltd plc llc service program
programme division authority directorate bureau school academy hospital clinic museum library
observatory club police winery vineyards farms co corp company college high hotel resort embassy
legislature herald""".split())
# Last words that end an organisation's name, never a person's ("Granger Telecom", which
# spaCy may tag a person in one article and an organisation in another).
_ORGANISATION_ENDINGS = frozenset("""telecom inc corp corporation ltd plc llc co company group
bank airlines airways university college council party ministry agency association institute
foundation union committee commission network news times post television radio tv press
services systems industries holdings motors""".split())


# Words that make a name an organisation's, not a person's ("Ann Clywd" may be a person) or a
# place's, wherever they stand in it ("Fort Gibson Middle School", "University of Texas").
# Not "international": "John F. Kennedy International Airport" is a place.
_ORGANISATION_WORDS = _NEVER_SURNAMES | _ORGANISATION_ENDINGS | frozenset("""party council
ministry department office agency association union university college school hospital bank
company corp inc ltd group committee court army navy force forces police church institute
foundation center centre commission organization organisation house times post news press
network service services board authority club league federation society fund government senate
parliament assembly congress front movement brigade guard guards airlines airways
corporation museum trust tribunal convention district railroad rail medical medicine
research""".split())


_REGNAL = frozenset("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI Jr. Jr Sr. Sr".split())


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
        # and "Foreign Ministry" rather than "Chinese Ministry of Foreign Affairs"
        offices = {n: _office_words(_norm(n).split()) for n in names}
        names = [n for n in names if not (n.split()[0].endswith(_DEMONYM_ENDINGS) and any(
            n.endswith(" " + other) or offices[n][1:] == offices[other]
            for other in names))] or names
    else:
        # "George W. Bush" rather than the "George W. Bush Jr." one article writes
        plain = [n for n in names if not (n.split()[-1].rstrip(".").lower() in ("jr", "sr")
                                          and " ".join(n.split()[:-1]).rstrip(",") in counts)]
        names = plain or names
        shorter = {" ".join(n.split()[:-1]) for n in names}
        names = [n for n in names if len(n.split()) < 3 or n not in shorter] or names
        names = [n for n in names if n.split()[-1] in _REGNAL or not any(  # "John Paul II"
            len(n.split()) >= 3 and other.split() == n.split()[:-1] for other in names)] or names
        names = [n for n in names if not any(_described_before(n, other) for other in names)
                 ] or names
    return max(names, key=lambda n: (len(n.split()), len(n), counts[n], n))


def _first_named(name: str) -> bool:
    """Whether a name of two or three words opens on a listed first name ("Paul" of
    "Paul-Lois Arslanian")."""
    words = name.split()
    return 2 <= len(words) <= 3 and gender_of_first_name(
        " ".join([words[0].split("-")[0]] + words[1:])) is not None


def _described_before(name: str, other: str) -> bool:
    """Whether `name` is the two-word-or-longer name `other` with words that describe the
    person written before it ("Wine Brat Jeff Bundschu", "University of California Regent
    Ward Connerly"): two or more of them, a possessive or a role. A first name alone
    ("Suzan Shown Harjo") describes no one."""
    words, rest = name.split(), other.split()
    if len(rest) < 2 or len(words) <= len(rest) or words[-len(rest):] != rest:
        return False
    before = words[:-len(rest)]
    return len(before) >= 2 or before[-1].endswith(("'s", "’s")) or is_role_word(before[-1])


def spelled_alike(a: str, b: str) -> bool:
    """Two spellings of one word: one letter added, dropped, changed or two swapped
    ("Lockart", "Lockhart"; "Gustaf", "Gustav"), or one stem with different short endings
    ("Democracy", "Democratic"); words of six letters or more only ("Iran" is not "Iraq")."""
    if a == b or min(len(a), len(b)) < 6 or not (a.isalpha() and b.isalpha()):
        return False
    if len(a) > len(b):
        a, b = b, a
    prefix = 0
    while prefix < len(a) and a[prefix] == b[prefix]:
        prefix += 1
    ra, rb = a[prefix:], b[prefix:]
    if len(b) == len(a):
        if ra[1:] == rb[1:] or (len(ra) >= 2 and ra[2:] == rb[2:] and ra[:2] == rb[1::-1]):
            return True  # one letter changed, or two swapped
    elif len(b) == len(a) + 1 and ra == rb[1:]:
        return True  # one letter added
    return prefix >= 6 and 0 < len(ra) <= 3 and 0 < len(rb) <= 3


def _alike_names(keys: list[list[str]]) -> list[tuple[int, int]]:
    """Pairs of names (as word lists) equal but for one word spelled alike."""
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, words in enumerate(keys):
        for i in range(len(words)):
            buckets[tuple(words[:i]) + ("*",) + tuple(words[i + 1:])].append(n)
    pairs = []
    for signature, members in buckets.items():
        i = signature.index("*")
        for x, first in enumerate(members):
            for second in members[x + 1:]:
                if spelled_alike(keys[first][i], keys[second][i]):
                    pairs.append((first, second))
    return pairs


_OFFICES = frozenset({"ministry", "department"})


def _office_words(words: list[str]) -> list[str]:
    """"ministry of foreign affairs" as "foreign ministry", "department of state" as "state
    department" (a qualifier before it kept: "chinese foreign ministry")."""
    for i, word in enumerate(words[:2]):
        rest = words[i + 1:]
        if word in _OFFICES and rest[:1] == ["of"]:
            rest = rest[1:]
            if rest[:1] == ["the"]:
                rest = rest[1:]
            if rest[-1:] == ["affairs"]:
                rest = rest[:-1]
            if len(rest) == 1:
                return words[:i] + rest + [word]
    return words


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
