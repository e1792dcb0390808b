"""Titles and roles: what the text calls a person ("Mr", "White House press secretary"), from
the words before a name and from appositions, and descriptions ("the president") as mentions of
the one person whose role they fit, once `merge` has built the people. Sits on `mentions`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .mentions import PERSON, TokenTags, _Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .merge import _Built


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
filmmaker film-maker director composer conductor designer architect artist painter sculptor
photographer musician novelist poet playwright screenwriter actress dancer comedian broadcaster
presenter journalist blogger businessman businesswoman entrepreneur tycoon billionaire
athlete champion swimmer cyclist runner skier skater gymnast footballer golfer boxer jockey
dissident inventor
astronaut chef
supervisor councilman councilwoman councillor alderman assemblyman assemblywoman trustee clerk
counselor strategist pollster lobbyist consultant psychologist psychiatrist sociologist curator
freshman sophomore freshmen sophomores
regent front-runner frontrunner agent laureate
""".split())
_ROLE_ABBREVIATIONS = {"gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major",
                       "capt": "captain", "sgt": "sergeant", "adm": "admiral", "sen": "senator",
                       "rep": "representative", "gov": "governor", "insp": "inspector",
                       "supt": "superintendent", "det": "detective", "amb": "ambassador",
                       "brig": "brigadier", "cmdr": "commander", "cdr": "commander",
                       "prof": "professor", "pres": "president", "atty": "attorney"}
# Another word for a role: "the pontiff said" after "Pope John Paul II".
_ROLE_SYNONYMS = {"pontiff": "pope"}


def _spelled_out(word: str) -> str:
    """A lowercase role word as ROLE_NOUNS has it: "gen" -> "general", "pontiff" -> "pope"."""
    return _ROLE_ABBREVIATIONS.get(word) or _ROLE_SYNONYMS.get(word, word)


ROLE_MODIFIERS = frozenset("""
press deputy foreign former vice chief senior top acting interim assistant executive general
national defense defence interior finance prime state security health justice education trade
economy home military army navy police party opposition union team campaign communications
policy political junior associate managing lead principal regional local provincial federal
county city district supreme high appeals appeal court labour labor environment energy
transport culture foreign-policy special private legal medical financial human rights
intelligence treasury commerce agriculture first
""".split())
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:" + "|".join(_ABBREVIATED + _HONORIFICS) + r")\.")
# ", the head of ...", after an age if one comes first ("Desmond Kaye, 52, a crane operator").
_APPOSITION = re.compile(r",\s+(?:\d{1,3},\s+)?([^,;:()“”\"\n]{2,120})")
# A relative clause ends the role: "a crane operator who has worked there for 26 years".
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)\s")
_DETERMINERS = frozenset("the a an its his her their one this that".split())
_CLAUSE_WORDS = frozenset("""who which whose whom where when while and but or as after before
because since if though although that said says told added""".split())
_STOP_LEFT = frozenset("""the a an and but or as even while when after before because since if
though although that so then also meanwhile however however, said says told according by
with from for to of in on at""".split())
# "the president", "the press secretary": a description that may name one person.
# A lookahead, so a match that runs past a sentence end does not hide the next "The".
_APPOSED_NAME = re.compile(r",[^\S\n]+")
# "Egypt's president": a role its country or organisation owns.
_OWNED_DESCRIPTION = re.compile(r"\b[A-Z][\w.&-]*['’]s(?=((?:[^\S\n]+[\w.'’-]+){1,5}))")
_OWNER_WORD = re.compile(r"[a-z]+['’]s")  # "the airline's chief executive"
_DESCRIPTION = re.compile(r"\b[Tt]he(?=((?:[^\S\n]+[\w.'’-]+){1,5}))")


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
            roles.append(spelled.title() if spelled else _with_compound(text, raw.name_start,
                                                                        before, role, tags))
    after = _APPOSITION.match(text, raw.end)
    if after:
        role = _apposition_role(after.group(1), after.start(1), tags)
        if role:
            roles.append(role)
    return roles


def _with_compound(text: str, position: int, before: list[str], role: str,
                   tags: TokenTags) -> str:
    """The role with the lowercase noun that makes a compound of it: "crane operator" from
    "For crane operator Desmond Kaye" (`_trim_role` keeps only capitalised words, role words
    and known modifiers)."""
    taken = len(role.split())
    if taken >= len(before):
        return role
    word = before[-taken - 1]
    if not word.isalpha() or not word.islower() or word in _STOP_LEFT:
        return role
    offset = max(0, position - 120)
    starts = [offset + m.start() for m in re.finditer(r"\S+", text[offset:position])]
    return f"{word} {role}" if tags.at(starts[-taken - 1]) == "NN" else role


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
    phrase = _RELATIVE.split(_cut_sentence(phrase), maxsplit=1)[0].rstrip(" .")
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
        if not re.fullmatch(r"(?:[A-Z]\.?)+|(?:" + "|".join(_ABBREVIATED + _HONORIFICS) + ")"
                            r"|St|Mt|Ft", word):  # "on St. Croix" goes on
            return phrase[:match.start()]
    return phrase


def is_role_word(word: str) -> bool:
    """Whether a word names what a person is ("secretary", "Gen.", "officials")."""
    w = word.lower().rstrip(".,")
    w = _spelled_out(w)
    return w in ROLE_NOUNS or (w.endswith("s") and w[:-1] in ROLE_NOUNS)


def role_words(role: str) -> set[str]:
    """Lowercase words of a role, abbreviations spelled out ("Gen." -> "general")."""
    words = set()
    for w in role.lower().replace("-", " ").split():
        w = w.strip(".,’'")
        words.add(_spelled_out(w))
    return words


def role_key(role: str) -> frozenset[str]:
    """What a role says, for telling two spellings of it apart from two roles: "the union's
    general secretary" and "Union general secretary" are one role, "Gen." is "General"."""
    return frozenset(re.sub(r"['’]s$", "", w) for w in role_words(role)) - _DETERMINERS


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
    person_at = {(raw.article, raw.start): b for b in built if b.kind == PERSON for raw in b.raws}
    found = []
    for index, (text, doc) in enumerate(zip(texts, docs)):
        tags: TokenTags | None = None
        matches = sorted([*_DESCRIPTION.finditer(text), *_OWNED_DESCRIPTION.finditer(text)],
                         key=lambda m: m.start())
        for match in matches:
            words = list(re.finditer(r"[\w.'’-]+", match.group(1)))
            for n, w in enumerate(words):  # not past the end of the sentence
                if w.group().endswith(".") and not _ABBREVIATION.fullmatch(w.group()):
                    words = words[:n + 1]
                    break
            head = next((i for i, w in enumerate(words) if _ROLE_SYNONYMS.get(
                w.group().lower(), w.group().lower()) in heads), None)
            # "the airline's chief executive": a body's role, owned by a common noun
            owner = 1 if words and _OWNER_WORD.fullmatch(words[0].group()) else 0
            if head is None or not words[head].group()[1:].islower() or any(
                    not (w.group()[:1].isupper() or w.group() in ROLE_MODIFIERS)
                    for w in words[owner:head]):
                continue
            while head + 1 < len(words) and words[head + 1].group().lower() in heads:
                head += 1  # "chief executive": the role ends on its last noun
            if head + 1 < len(words) and words[head + 1].group() in ("of", "to", "for"):
                continue
            head_start = match.start(1) + words[head].start()
            head_end = match.start(1) + words[head].end()
            if tags is None:
                tags = TokenTags(doc)
            if tags.at(head_start) not in ("NN", "NNP") or tags.after(head_end) in (
                    "NN", "NNS", "NNP", "NNPS", "POS"):
                continue
            apposed = _APPOSED_NAME.match(text, head_end)
            named = person_at.get((index, apposed.end())) if apposed else None
            if named is not None:  # "the director, Marilynn Buckham": the one named
                found.append((index, match.start(), head_end, named))
                continue
            described = role_words(text[match.start(1) + words[owner].start():head_end])
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
            if len(choices) == 1:  # ("Egypt's president": the mention is "president")
                start = match.start() if match.re is _DESCRIPTION else (
                    match.start(1) + words[0].start())
                found.append((index, start, head_end, people[choices[0]]))
    return found


def gender_of_title(title: str) -> str | None:
    """"m" or "f" for a title that tells ("Mr", "Ms."), else None."""
    word = title.split()[0].rstrip(".").lower() if title else ""
    if word in _MALE_TITLES:
        return "m"
    if word in _FEMALE_TITLES:
        return "f"
    return None
