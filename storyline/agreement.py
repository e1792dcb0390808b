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
_NEGATION = re.compile(r"\b(?:not|no|never|n't|nothing|nobody|cannot|won't|don't)\b|n't\b",
                       re.IGNORECASE)
# Word pairs whose members point opposite ways when said of the same subject.
_OPPOSITES = [
    ({"stay", "remain", "keep"}, {"leav", "out", "withdraw", "exit", "home", "pull"}),
    ({"support", "back", "favour", "favor", "accept", "approv", "agre"},
     {"oppos", "reject", "against", "refus", "disagre"}),
    ({"rise", "increas", "grow", "up", "more"}, {"fall", "decreas", "cut", "down", "less", "fewer"}),
    ({"win", "won", "success", "victori"}, {"lose", "lost", "fail", "defeat"}),
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
    """Pairs of attributed quotes by different speakers on one subject, pointing apart.

    `context` gives each quote's sentence (reported speech around a quote often carries the
    stance: "would not be pulling troops out"). One subject = two shared content words;
    opposite = one side negated and the other not, or words from opposite ends of a pair
    such as stay/leave.
    """
    attributed = [q for q in quotes if q.speaker]
    words = {q: _content(context.get(q, q.text)) for q in attributed}
    found = []
    for i, first in enumerate(attributed):
        for second in attributed[i + 1:]:
            if first.speaker == second.speaker:
                continue
            shared = words[first] & words[second]
            if len(shared) < 2:
                continue
            if _pull_apart(context.get(first, first.text), context.get(second, second.text),
                           words[first], words[second]):
                subject = " ".join(sorted(shared)[:3])
                found.append(OpposingQuotes(subject=subject, quotes=(first, second)))
    return tuple(found)


def _pull_apart(text_a: str, text_b: str, words_a: set[str], words_b: set[str]) -> bool:
    if bool(_NEGATION.search(text_a)) != bool(_NEGATION.search(text_b)):
        return True
    for one_way, other_way in _OPPOSITES:
        if (words_a & one_way and words_b & other_way) or (words_a & other_way and words_b & one_way):
            return True
    return False


def _content(text: str) -> set[str]:
    return {s for s in terms.content_stems(text) if len(s) > 2 and not s.isdigit()}


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
