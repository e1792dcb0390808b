"""Cite: find every article that says what a summary sentence says.

Runs after selection. A sentence is supported by any sentence elsewhere that contains nearly
all of its content words (the same sentence, a wire copy with a word dropped or added, a
rewrite that adds a clause), or by a close paraphrase: most of its content words, every
number and name it gives, and the same polarity (no "not" on one side only). The sentence
itself is always the first citation, and each article is cited at most once.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from . import terms
from .candidates import Candidate, SentencePool
from .quotes import SPEECH_VERBS
from .types import Citation

# A rewrite supports a sentence when it holds this share of the sentence's content words:
# all of a short sentence's, all but one of a twenty-word one.
SUPPORT_CONTAINMENT = 0.9
# A paraphrase supports it with this share, when it also gives every number and name of the
# sentence and the same polarity (measured on hand-labelled pairs: benchmarks/support.py).
PARAPHRASE_SHARE = 0.6

_LEAST_SHARED = 0.3  # below this share of content words, neither a copy nor a paraphrase
# Weekdays and months, capitalised like names: "said Saturday" and "on Oct. 7" need not recur
# in a sentence that says the same thing ("in early October").
_CALENDAR = frozenset(terms.stem(w) for w in terms.WEEKDAYS_MONTHS)
_NAME = re.compile(r"(?<![.!?\"“‘'(]\s)(?<!^)\b[A-Z][\w'’-]*[a-z][\w'’-]*")
# What was said starts after its verb: `X, a crane operator, said spirits were high`.
_SPEECH_STEMS = frozenset(terms.stem(w) for w in SPEECH_VERBS) | {terms.stem("according")}


def citations_for(pool: SentencePool, index: int,
                  containment: float = SUPPORT_CONTAINMENT) -> tuple[Citation, ...]:
    """Citations for sentence `index` of the pool: itself first, then other articles'."""
    own = pool.candidates[index]
    cited_articles = {own.article_index}
    citations = [_citation(pool, index)]
    wanted = {s for s in own.stems if s not in terms.STOP_STEMS}
    for other in _supporting(pool, index, wanted, containment):
        article = pool.candidates[other].article_index
        if article not in cited_articles:
            cited_articles.add(article)
            citations.append(_citation(pool, other))
    return tuple(citations)


def _supporting(pool: SentencePool, index: int, wanted: set[str], containment: float) -> list[int]:
    # Duplicate groups are not enough here: "she would recommend the offer" and "she would
    # reject the offer" overlap enough to count as one for redundancy, not as support.
    if not wanted:
        return [i for i, c in enumerate(pool.candidates)
                if i != index and c.sentence.text == pool.candidates[index].sentence.text]
    own = pool.candidates[index]
    return [other for other, candidate in enumerate(pool.candidates)
            if other != index and supports(own, candidate, wanted, containment)]


def supports(claim: Candidate, other: Candidate, wanted: set[str] | None = None,
             containment: float = SUPPORT_CONTAINMENT, share: float = PARAPHRASE_SHARE) -> bool:
    """Whether `other` says what `claim` says: nearly all its content words (`wanted`, the
    claim's content stems) with the same polarity, or a close paraphrase."""
    if wanted is None:
        wanted = {s for s in claim.stems if s not in terms.STOP_STEMS}
    shared = len(wanted.intersection(other.stems))
    if shared < _LEAST_SHARED * len(wanted):
        return False  # too little in common for either (and cheap to rule out)
    if shared >= containment * len(wanted) and _negated(claim.sentence.text) == _negated(
            other.sentence.text):
        return True
    return paraphrases(claim, other, share)


def paraphrases(claim: Candidate, other: Candidate, share: float = PARAPHRASE_SHARE) -> bool:
    """Whether `other` says what `claim` says in other words: every number and name of the
    claim, `share` of its other content words, the same polarity, no word swapped in place."""
    text, other_text = claim.sentence.text, other.sentence.text
    if not _numbers(text) <= _numbers(other_text):
        return False
    other_stems = set(other.stems)
    names = {terms.stem(n.lower()) for n in _NAME.findall(text)}
    if not names - _CALENDAR <= other_stems:  # (a weekday or month is a detail, not a name)
        return False
    stems = list(claim.stems)
    verb = next((i for i, w in enumerate(stems) if w in _SPEECH_STEMS), None)
    if verb is not None and len(stems) - verb > 3:  # `X, a crane operator, said spirits were
        stems = stems[verb + 1:]  # high`: what was said, not who said it
    words = {w for w in stems if w not in terms.STOP_STEMS and w not in names
             and not w[:1].isdigit()}
    if not words or len(words & other_stems) < share * len(words):
        return False
    if _negated(text) != _negated(other_text):
        return False
    # One word swapped for another between the same words ("would recommend the offer",
    # "would reject the offer") changes what is said; a paraphrase rewords more than a slot.
    mine = [w for w in claim.stems if w not in terms.STOP_STEMS]
    theirs = [w for w in other.stems if w not in terms.STOP_STEMS]
    return not any(tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1
                   for tag, i1, i2, j1, j2 in SequenceMatcher(None, mine, theirs,
                                                             autojunk=False).get_opcodes())


def _numbers(text: str) -> set[str]:
    """The numbers a sentence gives, in digits ("Seventeen" is "17")."""
    found = {n.replace(",", "") for n in terms.NUMBER.findall(text)}
    found.update(str(terms.NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", text.lower())
                 if w in terms.NUMBER_WORDS)
    return found


def _negated(text: str) -> bool:
    words = re.findall(r"[\w'’]+", text.lower().replace("’", "'"))
    return any(w in terms.NEGATORS or w.endswith("n't") for w in words)


def _citation(pool: SentencePool, index: int) -> Citation:
    candidate = pool.candidates[index]
    article = pool.articles[candidate.article_index]
    return Citation(article_id=article.id, start=candidate.sentence.start, end=candidate.sentence.end)
