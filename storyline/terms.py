"""Terms: the lowercase, stemmed words that summarizers count, and the English stop words.

Shared by every summarizer and by the citation matcher, so they all agree on what "the same
word" means. Stemming is Snowball English (PyStemmer, a C extension: fast enough to stem a
whole story in a few milliseconds).
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"([a-z0-9]+)(?:['’][a-z]+)*")
_stemmer = Stemmer.Stemmer("english")

# Function words: they carry no topic, so a bigram of two of them is never a concept.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves s t d ll m re ve
    said says say mr mrs ms dr one two new year years told may might must shall us also like
    """.split()
)


def words(text: str) -> list[str]:
    """Lowercase word tokens; possessive and contracted endings dropped ("Clywd's" -> "clywd")."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def stems(text: str) -> list[str]:
    """Stemmed lowercase words of `text`, stop words included (callers decide)."""
    return _stemmer.stemWords(words(text))  # type: ignore[no-any-return]


def content_stems(text: str) -> list[str]:
    """Stemmed words of `text` with stop words and bare numbers left out."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


STOP_STEMS = frozenset(stem(w) for w in STOP_WORDS)

# Words that negate what follows, and the stems `words` leaves of "n't" contractions ("didn").
NEGATORS = frozenset("not no never nobody nothing none cannot".split())
CONTRACTED_NEGATORS = frozenset("won don isn aren wasn weren didn doesn shouldn wouldn couldn".split())
# Numbers written as words, for comparing figures across sources ("seventeen" is 17).
NUMBER_WORDS = {w: n for n, w in enumerate("""two three four five six seven eight nine ten
eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split(),
                                           start=2)} | {w: 10 * n for n, w in enumerate(
    "thirty forty fifty sixty seventy eighty ninety".split(), start=3)} | {
    "dozen": 12, "hundred": 100, "thousand": 1000}
# Weekday and month names, with the months' short forms ("Oct."), lowercase.
WEEKDAYS_MONTHS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec""".split())
# A figure in digits: "1,200", "700", "2.5" (not part of a word or a longer number).
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.]*\d)")
