"""Agreement: how many independent sources back each claim, and where sources differ.

Runs after quotes and summarization. Articles that are copies of one wire story form one
"family" and count once. A claim resting on one family is flagged; the same counted thing
given different values by different families is a numeric conflict; quotes by different
speakers on one subject that pull opposite ways are set side by side.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import terms
from .candidates import SentencePool
from .cite import citations_for
from .types import Citation, Claim, NumberClaim, NumericConflict, OpposingQuotes, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Two articles are copies of one story when this share of the shorter one's sentences is
# shared with the other (a wire story and its republications).
COPY_SHARE = 0.5

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.]*\d)")
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20,
                 "hundred": 100, "thousand": 1000}
_NEGATORS = frozenset({"not", "no", "never", "nobody", "nothing", "cannot", "won", "don", "isn",
                        "aren", "wasn", "weren", "didn", "doesn", "shouldn", "wouldn", "couldn"})
# Stems of words that point opposite ways when said of the same subject.
_OPPOSITES = [
    ("stay or leave", {"stay", "remain", "engag"}, {"leav", "out", "withdraw", "exit", "home", "pull"}),
    ("support or oppose", {"support", "favour", "favor", "accept", "approv", "endors", "welcom"},
     {"oppos", "reject", "refus", "condemn", "against"}),
    ("rise or fall", {"rise", "increas", "grow", "rais"}, {"fall", "decreas", "cut", "reduc", "lower"}),
    ("go on or stop", {"continu", "resum", "extend"}, {"stop", "halt", "suspend", "abandon"}),
]


def source_families(pool: SentencePool) -> list[int]:
    """For each article of the pool, the index of the first article it copies (or itself)."""
    n = len(pool.articles)
    groups_of: list[set[int]] = [set() for _ in range(n)]
    for index, candidate in enumerate(pool.candidates):
        groups_of[candidate.article_index].add(pool.group[index])
    family = list(range(n))

    def root(i: int) -> int:
        while family[i] != i:
            i = family[i]
        return i

    for a in range(n):
        for b in range(a + 1, n):
            shorter = min(len(groups_of[a]), len(groups_of[b]))
            if shorter and len(groups_of[a] & groups_of[b]) >= COPY_SHARE * shorter:
                family[max(root(a), root(b))] = min(root(a), root(b))
    return [root(i) for i in range(n)]


def claims_for(pool: SentencePool, sentence_indices: Sequence[int]) -> tuple[Claim, ...]:
    """A claim per pool sentence, with the number of independent source families saying it."""
    family = source_families(pool)
    article_index = {a.id: i for i, a in enumerate(pool.articles)}
    claims = []
    for index in sentence_indices:
        citations = citations_for(pool, index)
        families = {family[article_index[c.article_id]] for c in citations}
        claims.append(Claim(text=pool.candidates[index].sentence.text, citations=citations,
                            independent_sources=len(families)))
    return tuple(claims)


def numeric_conflicts(pool: SentencePool, docs: Sequence[Doc]) -> tuple[NumericConflict, ...]:
    """Counted things ("workers", "troops") given different values by different sources."""
    family = source_families(pool)
    by_subject: dict[str, list[tuple[int, NumberClaim]]] = defaultdict(list)
    for article_index, doc in enumerate(docs):
        article = pool.articles[article_index]
        for value, subject, start, end in _counts(doc):
            claim = NumberClaim(value=value, text=article.text[start:end],
                                citation=Citation(article.id, start, end))
            by_subject[terms.stem(subject)].append((family[article_index], claim))
    conflicts = []
    for subject, found in sorted(by_subject.items()):
        values_by_family: dict[int, set[float]] = defaultdict(set)
        for fam, claim in found:
            values_by_family[fam].add(claim.value)
        distinct = {v for values in values_by_family.values() for v in values}
        if len(values_by_family) < 2 or len(distinct) < 2:
            continue
        # Families must disagree: some family gives a value another family does not.
        if all(values == next(iter(values_by_family.values())) for values in values_by_family.values()):
            continue
        seen: set[tuple[float, str]] = set()
        values = []
        for _, claim in found:
            key = (claim.value, claim.citation.article_id)
            if key not in seen:
                seen.add(key)
                values.append(claim)
        conflicts.append(NumericConflict(subject=_subject_word(found), values=tuple(values)))
    return tuple(conflicts)


def opposing_quotes(quotes: Sequence[Quote], context: dict[Quote, str]) -> tuple[OpposingQuotes, ...]:
    """Attributed quotes that take opposite sides of one question, by different speakers.

    A question is a pair of opposite directions (stay or leave, support or oppose, rise or
    fall...). A quote takes a side when its words, or the reported speech around it
    (`context`: "would not be pulling troops out"), lean one way; a negation just before a
    word ("not ... out") turns it round. Both sides must share a topic word beyond the
    direction words (what is to stay or leave), and at least two speakers must differ.
    Scare quotes of one or two words take no side.
    """
    spoken = [q for q in quotes if q.speaker and len(q.text.split()) >= 3]
    found = []
    for question, one_way, other_way in _OPPOSITES:
        sides: dict[int, list[Quote]] = {1: [], -1: []}
        topics: dict[Quote, set[str]] = {}
        for quote in spoken:
            text = context.get(quote, quote.text)
            lean = _lean(text, one_way, other_way)
            if lean:
                sides[lean].append(quote)
                topics[quote] = _content(text) - one_way - other_way
        shared = _shared_topic(sides[1], sides[-1], topics)
        if not shared:
            continue
        one = tuple(q for q in sides[1] if topics[q] & shared)
        other = tuple(q for q in sides[-1] if topics[q] & shared)
        speakers = {q.speaker for q in one} | {q.speaker for q in other}
        if one and other and len(speakers) >= 2:
            topic = _topic_word(shared, [context.get(q, q.text) for q in one + other])
            found.append(OpposingQuotes(f"{topic}: {question}", one, other))
    return tuple(found)


def _lean(text: str, one_way: set[str], other_way: set[str]) -> int:
    """+1 when `text` leans toward `one_way`, -1 toward `other_way`, 0 when neither or both."""
    score = 0
    words = terms.words(text)
    for position, word in enumerate(words):
        stem = terms.stem(word)
        direction = 1 if stem in one_way else -1 if stem in other_way else 0
        if direction and any(w in _NEGATORS for w in words[max(0, position - 4): position]):
            direction = -direction
        score += direction
    return (score > 0) - (score < 0)


def _topic_word(shared: set[str], texts: list[str]) -> str:
    """The shared topic word the two sides use most, as written."""
    counts: dict[str, int] = defaultdict(int)
    surface: dict[str, str] = {}
    for text in texts:
        for word in terms.words(text):
            stem = terms.stem(word)
            if stem in shared:
                counts[stem] += 1
                surface.setdefault(stem, word)
    best = max(sorted(counts), key=lambda s: (counts[s], len(s)))
    return surface[best]


def _shared_topic(one: list[Quote], other: list[Quote], topics: dict[Quote, set[str]]) -> set[str]:
    """Topic words found on both sides (said by different speakers)."""
    shared: set[str] = set()
    for a in one:
        for b in other:
            if a.speaker != b.speaker:
                shared |= topics[a] & topics[b]
    return shared


# Verbs of saying and wanting: shared by any two quotes, so no sign of a shared subject.
_NOT_TOPICS = frozenset(terms.stem(w) for w in """want wanted need think know get got go going
    come came make made take see seem time way thing things statement remarks comment added
    told asked called spoke week day today tuesday monday wednesday thursday friday saturday
    sunday""".split())


def _content(text: str) -> set[str]:
    return {s for s in terms.content_stems(text)
            if len(s) > 2 and not s.isdigit() and s not in _NOT_TOPICS}


def _counts(doc: Doc) -> list[tuple[float, str, int, int]]:
    """(value, counted noun, start, end) for each "1,200 of its members" / "2,000 US troops"."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("CARDINAL", "QUANTITY"):
            continue
        value = _value(ent.text)
        if value is None:
            continue
        # The counted noun: the first noun within four tokens ("1,200 of its members").
        for token in doc[ent.end: ent.end + 4]:
            if token.tag_ in ("NNS", "NNPS"):
                found.append((value, token.text.lower(), ent.start_char, token.idx + len(token.text)))
                break
            if token.is_punct or token.pos_ in ("VERB", "AUX"):
                break
    return found


def _value(text: str) -> float | None:
    match = _NUMBER.search(text)
    if match:
        number = float(match.group(1).replace(",", ""))
        if re.search(r"\bmillion\b", text, re.IGNORECASE):
            number *= 1_000_000
        elif re.search(r"\bbillion\b", text, re.IGNORECASE):
            number *= 1_000_000_000
        return number
    words = text.lower().split()
    for word in words:
        if word in _WORD_NUMBERS:
            return float(_WORD_NUMBERS[word])
    return None


def _subject_word(found: list[tuple[int, NumberClaim]]) -> str:
    claim = found[0][1]
    return claim.text.split()[-1].strip(".,;:").lower()
