"""Segment: split article text into sentences and tokens with character offsets.

Second stage of the pipeline (ingest -> segment -> summarize). Sentences come from blingfire
(fast, and accurate on news abbreviations); this module handles the news artefacts it does not
know: datelines, bylines, photo captions, bullet lists, hard-wrapped lines, and quotations
that run over several sentences (kept as one unit with their speaker).
Every Sentence satisfies `article.text[s.start:s.end] == s.text`.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Iterable, Iterator

import blingfire
import numpy as np

from .terms import STOP_WORDS
from .types import Article, Sentence

# "WASHINGTON (AP) _ ", "NAIROBI, Kenya (AP) -- ", "LONDON _ ", "PARIS — ", "BEIJING (Xinhua) -- "
_DATELINE = re.compile(
    r"""^\s*
    (?:[A-Z][A-Z.'\-]*(?:\s+[A-Z][A-Z.'\-]*){0,3})        # city in capitals
    (?:,\s*[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,2})?  # optional region or country
    (?:\s*\([A-Za-z][A-Za-z .&/\-]{0,30}\))?                # optional agency
    \s*(?:_|--|—|–|-|:)\s+""",
    re.VERBOSE,
)
# Two capitals at least, so a sentence that merely starts with "A -" is never cut.
_DATELINE_NEEDS = re.compile(r"^\s*[A-Z][A-Z]")
_BYLINE = re.compile(
    r"^\s*(?:By|BY|From)\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})*"
    r"(?:\s*[,|/]\s*[\w .'\-]+)?\s*$"
    r"|^\s*(?:Associated Press|AP|Reuters|AFP)\s+(?:\w+\s+)?(?:Writer|Correspondent|Editor)\s*$",
)
_CAPTION = re.compile(
    r"^\s*(?:\(?(?:AP|Reuters|AFP|Getty)\s*(?:Photo|Images)[^)]*\)?"
    r"|(?:Photo|Image|Picture|Caption|Credit|Video|Watch|Read more|Related)\s*[:|]"
    r"|(?:©|\(c\)\s|Copyright\s+(?:©\s*)?\d{4})"  # rights lines at the foot of wire copy
    r"|.*\bAll rights reserved\b)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪‣–—]|\d{1,2}[.)])\s+")
# Titles that precede a name. Blingfire sometimes cuts "Mr." off as a sentence of its own, or
# misses the sentence end just before it.
_TITLES = r"(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Prof|Lt|Col|Capt|Sgt|Cmdr|Adm|Rev|Maj|Supt|Insp)\."
_TITLE_ONLY = re.compile(_TITLES)
_BOUNDARY_BEFORE_TITLE = re.compile(
    r"(?:(?<=[a-z0-9][.!?])|(?<=[a-z0-9][.!?][\"”’']))\s+(?=" + _TITLES + r"\s+[A-Z])")
_SENTENCE_END = re.compile(r"""[.!?:;]["'”’)\]]*\s*$""")

# A quote that runs on is merged into one sentence only this far, so a stray quote mark
# cannot swallow a paragraph.
_MAX_QUOTE_RUN = 3


def segment(article: Article) -> tuple[Sentence, ...]:
    """All sentences of an article, in reading order, with offsets into `article.text`."""
    text = article.text
    sentences: list[Sentence] = []
    for para_start, para_end in paragraphs(text):
        body_start = _skip_dateline(text, para_start, para_end) if not sentences else para_start
        for start, end in _quote_runs(_sentences(text, body_start, para_end), text):
            sentences.append(
                Sentence(article_id=article.id, position=len(sentences), start=start, end=end,
                         text=text[start:end])
            )
    return tuple(sentences)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the paragraphs that hold prose: no bylines, captions or empty lines.

    A single newline ends a paragraph when the line ends a sentence, starts a list item,
    or is a short heading-like line; otherwise it is a hard wrap inside a paragraph.
    """
    lines = _line_spans(text)
    start: int | None = None
    end = 0
    for i, (ls, le) in enumerate(lines):
        line = text[ls:le]
        if not line.strip() or _BYLINE.match(line) or _CAPTION.match(line):
            if start is not None:
                yield _strip_span(text, start, end)
                start = None
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if start is not None:
                yield _strip_span(text, start, end)
            ls += bullet.end()
            start = None
            yield _strip_span(text, ls, le)
            continue
        if start is None:
            start = ls
        end = le
        next_line = text[lines[i + 1][0] : lines[i + 1][1]] if i + 1 < len(lines) else ""
        if _ends_paragraph(line, next_line):
            yield _strip_span(text, start, end)
            start = None
    if start is not None:
        yield _strip_span(text, start, end)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _ends_paragraph(line: str, next_line: str) -> bool:
    if not next_line.strip():
        return True
    if _SENTENCE_END.search(line) or _BULLET.match(next_line):
        return True
    stripped = line.strip()
    if stripped.startswith("(") and stripped.endswith(")"):
        return True  # an aside or an editor's note: "(Story may stop here. Extra material follows)"
    # A short line with no final punctuation, not ending mid-phrase ("...that the"), is a
    # heading or title, not a wrapped line.
    words = line.split()
    if (len(words) <= 8 and next_line.lstrip()[:1].isupper()
            and words[-1].lower().strip(",;") not in STOP_WORDS and not line.rstrip().endswith(",")):
        return True
    return False


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _skip_dateline(text: str, start: int, end: int) -> int:
    """Where the prose starts once a leading dateline ("LONDON (AP) _") is skipped."""
    head = text[start:end]
    if not _DATELINE_NEEDS.match(head):
        return start
    match = _DATELINE.match(head)
    if match is None or match.end() >= len(head):
        return start
    return start + match.end()


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of text[start:end], as offsets into `text`, titles mended."""
    pending: tuple[int, int] | None = None
    for s_start, s_end in sentence_spans(text[start:end]):
        s_start += start
        s_end += start
        if pending is not None:  # "Mr." cut off from its name: join it to what follows
            s_start = pending[0]
            pending = None
        if _TITLE_ONLY.fullmatch(text, s_start, s_end):
            pending = (s_start, s_end)
            continue
        yield from _split_before_titles(text, s_start, s_end)
    if pending is not None:
        yield pending


def _split_before_titles(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split "...all day. Mr. Lane met..." where blingfire took "day. Mr." for one sentence."""
    for match in _BOUNDARY_BEFORE_TITLE.finditer(text, start, end):
        yield start, match.start()
        start = match.end()
    yield start, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Blingfire's sentence boundaries as character offsets.

    Calls the C function directly: blingfire's own Python wrapper maps byte offsets to
    characters in a Python loop over every byte, which cost more than the split itself.
    """
    data = text.encode("utf-8")
    if not data:
        return []
    out, starts, ends = _buffers(2 * len(data) + 16)
    capacity = len(out)
    length = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(out),
        ctypes.byref(starts), ctypes.byref(ends), ctypes.c_int(capacity))
    if length < 0 or length > capacity:
        return [(0, len(text))]
    count = out.raw[:length].rstrip(b"\0").count(b"\n") + 1
    byte_starts = starts[:count]
    byte_ends = [e + 1 for e in ends[:count]]  # blingfire's ends are inclusive
    if len(data) != len(text):  # not ASCII: map byte offsets to character offsets
        char_at = np.cumsum(np.frombuffer(data, dtype=np.uint8) & 0xC0 != 0x80)
        char_at = np.concatenate([[0], char_at])
        byte_starts = char_at[byte_starts].tolist()
        byte_ends = char_at[byte_ends].tolist()
    return list(zip(byte_starts, byte_ends))


_local = threading.local()


def _buffers(size: int) -> tuple[ctypes.Array[ctypes.c_char], ctypes.Array[ctypes.c_int32],
                                 ctypes.Array[ctypes.c_int32]]:
    """Output buffers for blingfire, kept per thread and grown on demand: allocating them
    for every paragraph cost as much as splitting it."""
    buffers = getattr(_local, "buffers", None)
    if buffers is None or len(buffers[0]) < size:
        size = max(size, 4096)
        buffers = (ctypes.create_string_buffer(size), (ctypes.c_int32 * size)(),
                   (ctypes.c_int32 * size)())
        _local.buffers = buffers
    return buffers  # type: ignore[no-any-return]


def _quote_runs(pieces: Iterable[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """Join sentences inside one quotation ('"We stay. We fight," she said.') into one unit."""
    pending: list[tuple[int, int]] = []
    for piece in pieces:
        pending.append(piece)
        opened = _open_quotes(text[pending[0][0] : piece[1]])
        if opened and len(pending) < _MAX_QUOTE_RUN:
            continue
        if opened:  # never closed: give the sentences back one by one
            yield from pending
        else:
            yield pending[0][0], pending[-1][1]
        pending = []
    yield from pending


def _open_quotes(span: str) -> bool:
    """True when a double quotation in `span` is opened and not yet closed."""
    curly_open = span.count("“")
    curly_close = span.count("”")
    if curly_open or curly_close:
        return curly_open > curly_close
    return span.count('"') % 2 == 1
