"""Quote marks: pairing them paragraph by paragraph from their context into quote spans,
masking quoted words, and the sentence ends outside the quotes. The first step of `quotes`;
`attribution` reads the spans, masks and sentence ends it gives.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


_OPEN, _CLOSE, _EITHER, _SKIP = 1, 2, 3, 0
_DOUBLE_MARKS = re.compile(r"[\"“”„«»]")
_SINGLE_MARKS = re.compile(r"['‘’‹›]")
_OPENING_SHAPES = "“„«‘‹"
_CLOSING_SHAPES = "”»’›"
_BEFORE_OPENING = set(" \t\n([{—–-/:;“\"‘'")
_AFTER_CLOSING = set(" \t\n.,;:!?)]}—–-/”\"’'…")
_MASK = "\x1f"  # stands in for quoted words, so nothing inside a quote reads as attribution
_NOT_TERMINATOR = re.compile(
    r"(?:[A-Z]\.?)+|[A-Z][a-z]?\.(?:[A-Z][a-z]?\.)+|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Prof|Lt|Col|"
    r"Capt|Sgt|Cmdr|Adm|Rev|Maj|Supt|Insp|St|Jr|Sr|No|Co|Corp|Inc|Ltd|vs|etc|Jan|Feb|Aug|Sept|"
    r"Sep|Oct|Nov|Dec|Mt|Ft|a\.m|p\.m|U\.S|U\.N|U\.K)\.?")
# An opening quote mark and a capital after a space: the start of a quoted sentence.
_QUOTE_OPENS = re.compile(r"\s+[\"“‘']\s?[A-Z]")


@dataclass(slots=True)
class _Span:
    """A quote's marks and words in one paragraph (`end` is the closing mark, or the
    paragraph's end for a quote that runs on)."""

    open_mark: int
    start: int
    end: int
    close_mark: int
    ran_on: bool  # no closing mark before the paragraph ended
    continues: bool = False  # the quote before it ran on: same speaker, new paragraph


def _pair_marks(text: str, start: int, end: int, single: bool) -> list[_Span]:
    """The quotes of one paragraph, marks paired by context; unpaired marks skipped."""
    marks = [(m.start(), _role(text, m.start(), single))
             for m in (_SINGLE_MARKS if single else _DOUBLE_MARKS).finditer(text, start, end)]
    marks = [(pos, role) for pos, role in marks if role != _SKIP]
    spans: list[_Span] = []
    opened: int | None = None
    i = 0
    while i < len(marks):
        pos, role = marks[i]
        if opened is None:
            if role in (_OPEN, _EITHER):
                opened = pos
        elif role in (_CLOSE, _EITHER):
            spans.append(_span(text, opened, pos, ran_on=False))
            opened = None
        else:  # an opening mark inside a quote: a nested pair, or a stray that splits it
            closers = [j for j in range(i + 1, len(marks)) if marks[j][1] in (_CLOSE, _EITHER)]
            if len(closers) >= 2:
                i = closers[0] + 1
                continue
            spans.append(_span(text, opened, pos, ran_on=False))
            opened = pos
        i += 1
    if opened is not None and not single:
        spans.append(_span(text, opened, end, ran_on=True))
    spans = [s for s in spans if s.end > s.start]
    if not single:  # 'shouted for joy' outside the double quotes of a double-mark article
        outside, position = [], start
        for span in spans + [_Span(end, end, end, end, False)]:
            outside.extend(_short_single_quotes(text, position, span.open_mark))
            position = span.close_mark + 1
        spans = sorted(spans + outside, key=lambda s: s.open_mark)
    return spans


def _short_single_quotes(text: str, start: int, end: int) -> list[_Span]:
    """Phrases in single marks between `start` and `end`: an opening mark, then the next
    closing one in the same sentence, twelve words at most."""
    spans = []
    opened: int | None = None
    for match in _SINGLE_MARKS.finditer(text, start, end):
        role = _role(text, match.start(), single=True)
        if role == _OPEN:
            opened = match.start()
        elif role == _CLOSE and opened is not None:
            span = _span(text, opened, match.start(), ran_on=False)
            words = text[span.start:span.end].split()
            if 0 < len(words) <= 12 and not re.search(r"[.!?]\s", text[span.start:span.end]):
                spans.append(span)
            opened = None
    return spans


def _span(text: str, open_mark: int, close_mark: int, ran_on: bool) -> _Span:
    start, end = open_mark + 1, close_mark
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Span(open_mark, start, end, close_mark, ran_on)


def _role(text: str, pos: int, single: bool) -> int:
    """Whether the mark at `pos` opens or closes a quote, judged by its neighbours."""
    mark = text[pos]
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if single and before.isalnum() and after.isalnum():
        return _SKIP  # an apostrophe: "don't", "it's"
    opens = before in _BEFORE_OPENING
    closes = after in _AFTER_CLOSING
    if single:
        if opens and after.isalpha():
            return _OPEN
        if closes and not before.isspace():
            if before in "sS" and after.isspace():
                return _SKIP  # possessive: "the workers' union"
            return _CLOSE
        return _SKIP
    if opens and not closes:
        return _OPEN
    if closes and not opens:
        return _CLOSE
    if mark in _OPENING_SHAPES:
        return _OPEN
    if mark in _CLOSING_SHAPES:
        return _CLOSE
    return _EITHER


def _masked(text: str, start: int, end: int, spans: list[_Span]) -> str:
    """The paragraph with quoted words blanked out (same length, marks kept)."""
    pieces = []
    position = start
    for span in spans:
        pieces.append(text[position:span.start])
        pieces.append(_MASK * (span.end - span.start))
        position = span.end
    pieces.append(text[position:end])
    return "".join(pieces)


def _sentence_ends(text: str, masked: str, base: int, spans: list[_Span]) -> list[int]:
    """Offsets (into the paragraph) just past each sentence end outside the quotes, and
    after a closing mark whose quote ends a sentence ("We go." Then ...)."""
    ends = []
    for match in re.finditer(r"[.!?]+(?=\s|$)", masked):
        words = masked[:match.start() + 1].split()
        last = words[-1] if words else ""
        if match.group() == "." and _NOT_TERMINATOR.fullmatch(last.lstrip("(\"“")) and not (
                last.lower() in ("a.m.", "p.m.", "etc.") and _QUOTE_OPENS.match(
                    text, base + match.end())):  # `at 2 a.m. "The water was up," she said`
            continue
        ends.append(match.end())
    for span in spans:
        if span.ran_on:
            continue
        c = span.close_mark
        if text[span.end - 1:span.end] in (".", "!", "?"):
            rest = masked[c + 1 - base:c + 4 - base].lstrip()
            if rest[:1].isupper() or rest[:1] in "“\"‘'":
                ends.append(c + 1 - base)
    return sorted(ends)


def _sentence_start(ends: list[int], position: int) -> int:
    i = bisect.bisect_right(ends, position) - 1
    return ends[i] if i >= 0 else 0


def _sentence_end(ends: list[int], position: int, length: int) -> int:
    i = bisect.bisect_right(ends, position)
    return ends[i] if i < len(ends) else length
