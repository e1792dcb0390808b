"""Agreement: how many independent sources back each claim, and where sources differ.

Runs after quotes and summarization. Articles that are copies of one wire story form one
"family" and count once. A claim resting on one family is flagged; the same counted thing
given different values by different families is a numeric conflict; quotes by different
speakers on one subject that pull opposite ways are set side by side, and so are the words
of a speaker the writer says answers another ("Shaw was unconvinced", "Lynton hit back").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import terms
from .candidates import SentencePool
from .cite import citations_for
from .segment import paragraphs, segment, sentence_spans
from .types import Article, Citation, Claim, NumberClaim, NumericConflict, OpposingQuotes, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Plural nouns that count the same people or things in news reports.
_SAME_COUNT = {terms.stem(w): group for group, words in {
    "workers": "workers members strikers employees staff dockers dockworkers protesters",
    "troops": "troops soldiers forces",
    "ships": "ships vessels boats",
    "people": "people residents civilians persons",
    "deaths": "deaths dead fatalities",
}.items() for w in words.split()}
_NUMBER_OF = re.compile(r"(?:number|total|count|figure) of (\w+)\s*(?:at|to|as)?\s*$", re.IGNORECASE)
_CLAIMANT = re.compile(r"\b(?:said|says|put|puts|estimated|estimates|claimed|claims|counted|"
                       r"according to|reported)\b", re.IGNORECASE)

# Two articles are copies of one story when this share of the shorter one's sentences is
# shared with the other (a wire story and its republications).
COPY_SHARE = 0.5

_NEGATORS = terms.NEGATORS | terms.CONTRACTED_NEGATORS
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
    """Counted things ("workers", "troops") given different values by different sources.

    Two kinds: independent sources reporting different values for the same thing on the
    same day (counts change from one day to the next), and one sentence setting two
    claimants' values against each other ("the union said 1,200 ..., while the authority
    said about 700 ...").
    """
    family = source_families(pool)
    by_subject: dict[str, list[tuple[int, NumberClaim]]] = defaultdict(list)
    contrasts: list[tuple[str, list[NumberClaim]]] = []
    for article_index, doc in enumerate(docs):
        article = pool.articles[article_index]
        counts = _counts(doc)
        for value, subject, start, end in counts:
            claim = NumberClaim(value=value, text=article.text[start:end],
                                citation=Citation(article.id, start, end))
            by_subject[subject].append((article_index, claim))
        contrasts += _contrasts(article, counts)
    conflicts: dict[tuple[str, frozenset[float]], NumericConflict] = {}
    for subject, found in sorted(by_subject.items()):
        disagreeing: list[NumberClaim] = []
        for a, first in found:
            for b, second in found:
                if (family[a] < family[b] and first.value != second.value
                        and _same_day(pool.articles[a], pool.articles[b])):
                    disagreeing += [first, second]
        if disagreeing:
            values = _distinct(disagreeing)
            conflicts[(subject, frozenset(v.value for v in values))] = NumericConflict(subject, values)
    for subject, claims in contrasts:
        values = _distinct(claims)
        key = (subject, frozenset(v.value for v in values))
        conflicts.setdefault(key, NumericConflict(subject, values))
    return tuple(conflicts.values())


def _contrasts(article: Article, counts: list[tuple[float, str, int, int]]
               ) -> list[tuple[str, list[NumberClaim]]]:
    """Sentences that give two claimants' different values for one counted thing."""
    found = []
    for sentence in segment(article):
        if len(_CLAIMANT.findall(sentence.text)) < 2:
            continue
        inside = [c for c in counts if sentence.start <= c[2] < sentence.end]
        by_subject: dict[str, list[NumberClaim]] = defaultdict(list)
        for value, subject, start, end in inside:
            by_subject[subject].append(NumberClaim(value, article.text[start:end],
                                                   Citation(article.id, start, end)))
        for subject, claims in by_subject.items():
            if len({c.value for c in claims}) >= 2:
                found.append((subject, claims))
    return found


def _same_day(a: Article, b: Article) -> bool:
    return a.date == b.date


def _distinct(claims: list[NumberClaim]) -> tuple[NumberClaim, ...]:
    seen: set[tuple[float, str]] = set()
    kept = []
    for claim in claims:
        key = (claim.value, claim.citation.article_id)
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return tuple(kept)


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


# The writer's words for one speaker answering another: `Shaw was unconvinced. "..."`,
# `"...," Lynton retorted`, `Her successor disagreed sharply`. Not a passive ("no worker would
# be dismissed"), a firing ("dismissed 200 workers"), a hypothetical ("might disagree") or
# agreement ("also was skeptical"); and not "denied" or "rejected", which answer reports and
# offers as often as people.
_ANSWERING = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )"
    r"(?<!\bthe )(?<!\ba )(?<!\balso )(?<!\bnot )(?<!\bmight )(?<!\bmay )(?<!\bcould )"
    r"(?<!\bwould )"
    r"\b(?:disagree[sd]?|disagreeing|dismiss(?:ed|es)|disputed|disputes|rebutted|countered|"
    r"retorted|hit back|shot back|pushed back|took issue|contradicted)\b(?!\s+by\b)"
    r"(?!\s+(?:\d|(?:\w+\s+)?(?:workers|staff|employees|officers|players|coach|manager)\b))"
    r"|(?<!\balso )\b(?:was|were|is|are|seemed|remained)\s+(?:unconvinced|unimpressed|sceptical|"
    r"skeptical|(?:far |much )?(?:more|less)\s+(?:cautious|guarded|sceptical|skeptical|"
    r"optimistic|convinced|sure))\b", re.IGNORECASE)
# Between the speaker's name and the cue: another clause, so another subject ("Vik said his
# lawyer was skeptical").
_OTHER_SUBJECT = re.compile(r"\b(?:said|says|told|tells|that|his|her|their|its)\b")
# Who the cue is about, in the words just before it: "he", "they", or a plural ("Analysts
# were sceptical.", "Some teachers at first were skeptical.").
_ANSWERERS = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[A-Za-z]{3,}[^\Wsu]s)\W+(?:\w+\W+){0,3}$")
ANSWER_PARAGRAPHS = 2  # the answered words are in the answer's paragraph or this many before


def answering_quotes(articles: Sequence[Article], quotes: Sequence[Quote]
                     ) -> tuple[OpposingQuotes, ...]:
    """A speaker's words set against the words they answer, where the writer says so.

    The answer is an attributed quote whose sentence, or the sentence before it in its
    paragraph, says its speaker disagreed, hit back, was unconvinced...; the answered words
    are the latest quote before it in the same article by another named speaker, at most
    `ANSWER_PARAGRAPHS` paragraphs back. One pair per two speakers.
    """
    found: list[OpposingQuotes] = []
    paired: set[tuple[str, str]] = set()
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_article[quote.citation.article_id].append(quote)
    for article in articles:
        mine = sorted(by_article.get(article.id, ()), key=lambda q: q.citation.start)
        if len(mine) < 2:
            continue
        spans = list(paragraphs(article.text))
        starts = [q.citation.start for q in mine]
        firsts = [start for start, _ in spans]
        sentences: dict[int, list[tuple[int, int]]] = {}  # a paragraph's, split once
        for k, answer in enumerate(mine):
            if not answer.speaker:
                continue
            number = _paragraph_of(firsts, answer.citation.start)
            lead = _lead(article.text, spans, number, answer, starts, sentences)
            near = mine[max(0, bisect.bisect_left(starts, lead[0]) - 1):bisect.bisect_left(
                starts, lead[1])]
            if not _answers(_writers_words(article.text, lead, near), answer.speaker):
                continue
            answered = None
            for earlier in reversed(range(k)):
                if _paragraph_of(firsts, starts[earlier]) < number - ANSWER_PARAGRAPHS:
                    break
                if mine[earlier].speaker and mine[earlier].speaker != answer.speaker:
                    answered = mine[earlier]
                    break
            if answered is None or answered.speaker is None or (
                    answered.speaker, answer.speaker) in paired:
                continue
            paired.add((answered.speaker, answer.speaker))
            found.append(OpposingQuotes(f"{answer.speaker} answers {answered.speaker}",
                                        (answered,), (answer,)))
    return tuple(found)


def _answers(words: str, speaker: str) -> bool:
    """Whether the writer's `words` say `speaker` answered someone: a cue ("disagreed", "was
    unconvinced") about the speaker (named before it, or "he", "they", a plural just before
    it), not about someone else alone ("his doctor was skeptical")."""
    surname = speaker.split()[-1]
    for cue in _ANSWERING.finditer(words):
        before = words[:cue.start()]
        named = before.rfind(surname)
        if (named >= 0 and not _OTHER_SUBJECT.search(before, named)) or _ANSWERERS.search(
                before[-40:]):
            return True
    return False


def _paragraph_of(firsts: list[int], position: int) -> int:
    """The index of the paragraph holding `position` (or the one before it, in a gap), from
    the paragraphs' start offsets."""
    return max(0, bisect.bisect_right(firsts, position) - 1)


def _lead(text: str, spans: list[tuple[int, int]], number: int, quote: Quote,
          quoted: list[int], sentences_of: dict[int, list[tuple[int, int]]]
          ) -> tuple[int, int]:
    """Where the writer's sentence holding `quote` is, with the sentence before it when that
    one quotes no one (`Shaw was unconvinced. "..."`; the last of the paragraph before when
    the quote opens its paragraph: `Her successor disagreed.` then `"...," he said`). A
    sentence holding another quote is that quote's: its "disagreed" is not this speaker's."""
    sentences = _sentences_of(text, spans, number, sentences_of)
    at = next((i for i, (a, b) in enumerate(sentences) if a <= quote.citation.start < b),
              None)
    if at is None:
        return (quote.citation.start, quote.citation.start)
    if at == 0 and number > 0:
        before = _sentences_of(text, spans, number - 1, sentences_of)
        if before:
            last_start, last_end = before[-1]
            if not _holds_quote(quoted, last_start, last_end):
                return (last_start, sentences[0][1])
    if at > 0 and not _holds_quote(quoted, *sentences[at - 1]):
        return (sentences[at - 1][0], sentences[at][1])
    return sentences[at]


def _holds_quote(starts: list[int], start: int, end: int) -> bool:
    """Whether a quote (by its sorted start offsets) starts between `start` and `end`."""
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def _sentences_of(text: str, spans: list[tuple[int, int]], number: int,
                  cache: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The sentences of paragraph `number`, as offsets into `text` (split once, then kept)."""
    if number not in cache:
        start, end = spans[number]
        cache[number] = [(start + a, start + b) for a, b in sentence_spans(text[start:end])]
    return cache[number]


def _writers_words(text: str, span: tuple[int, int], quotes: Sequence[Quote]) -> str:
    """text[span] with every quote's words blanked: the cue must be the writer's ("You
    disagree with them?" asked in a quote is no sign)."""
    start, end = span
    chars = list(text[start:end])
    for quote in quotes:
        for i in range(max(start, quote.citation.start), min(end, quote.citation.end)):
            chars[i - start] = " "
    return "".join(chars)


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
    """The shared topic word the two sides use most, as written; common nouns ("troops")
    before names, which label a side rather than the question."""
    counts: dict[str, int] = defaultdict(int)
    named: set[str] = set()
    surface: dict[str, str] = {}
    for text in texts:
        for match in re.finditer(r"[A-Za-z0-9]+", text):
            word = match.group()
            stem = terms.stem(word.lower())
            if stem in shared:
                counts[stem] += 1
                surface.setdefault(stem, word.lower())
                if word[0].isupper() and match.start() > 0:
                    named.add(stem)
    best = max(sorted(counts), key=lambda s: (s not in named, counts[s], len(s)))
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
    """(value, counted thing, start, end) for "1,200 of its members", "2,000 US troops", and
    "put the number of strikers at about 700". The thing is a plural noun, folded into a
    group of words that count the same people or objects ("members", "workers", "strikers")."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("CARDINAL", "QUANTITY"):
            continue
        value = _value(ent.text)
        if value is None:
            continue
        subject = None
        end = ent.end_char
        for token in doc[ent.end: ent.end + 4]:  # "1,200 of its members"
            if token.tag_ in ("NNS", "NNPS"):
                subject, end = token.text, token.idx + len(token.text)
                break
            if token.is_punct or token.tag_.startswith("VB") or token.tag_ == "MD" or (
                    token.like_num):
                break
        if subject is None:  # "the number of strikers at about 700"
            before = doc[max(0, ent.start - 6): ent.start]
            match = _NUMBER_OF.search(before.text)
            if match:
                subject = match.group(1)
        if subject is not None:
            found.append((value, _counted_thing(subject), ent.start_char, end))
    return found


def _counted_thing(noun: str) -> str:
    stem = terms.stem(noun.lower())
    return _SAME_COUNT.get(stem, noun.lower())


def _value(text: str) -> float | None:
    match = terms.NUMBER.search(text)
    if match:
        number = float(match.group(1).replace(",", ""))
        if re.search(r"\bmillion\b", text, re.IGNORECASE):
            number *= 1_000_000
        elif re.search(r"\bbillion\b", text, re.IGNORECASE):
            number *= 1_000_000_000
        return number
    words = text.lower().split()
    for word in words:
        if word in terms.NUMBER_WORDS:
            return float(terms.NUMBER_WORDS[word])
    return None
