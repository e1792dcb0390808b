"""What every reader shares: the `Ingested` result, the collector that records articles, problems
and warnings, the size limits, and the checks every article passes (usable text, English, unique ids).

The bottom of `storyline.ingest`: the readers (`files`, `text`, `feeds`, `records`) import it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from storyline.errors import InputError
from storyline.types import Article, Story

MAX_ARTICLE_CHARS = 1_000_000
MAX_FILE_BYTES = 20 * 1024 * 1024
# A .json file (or stdin) is parsed whole; a story collection bigger than this belongs in .jsonl,
# which is read line by line and has no size limit.
MAX_JSON_BYTES = 200 * 1024 * 1024
STDIN_WHERE = "<stdin>"
SPLIT_HINT = "split it or pass the article text only"


@dataclass(frozen=True, slots=True)
class Ingested:
    """What reading the inputs gave: stories, loose articles, and what went wrong on the way."""

    stories: tuple[Story, ...]  # clusters from files whose records carry a `documents` list
    articles: tuple[Article, ...]  # loose articles from every other input, in input order
    problems: tuple[InputError, ...]  # inputs skipped, each naming where and what to do
    warnings: tuple[InputError, ...]  # recoverable issues; the article was kept


@dataclass
class Collector:
    """What the readers have found so far; `result()` turns it into an `Ingested`."""

    stories: list[Story] = field(default_factory=list)
    articles: list[tuple[str, Article]] = field(default_factory=list)  # (where, article)
    problems: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)

    def problem(self, where: str, problem: str, hint: str = "") -> None:
        self.problems.append(InputError(where, problem, hint))

    def warn(self, where: str, problem: str, hint: str = "") -> None:
        self.warnings.append(InputError(where, problem, hint))

    def result(self) -> Ingested:
        return Ingested(
            stories=tuple(self.stories),
            articles=with_unique_ids(self.articles, self),
            problems=tuple(self.problems),
            warnings=tuple(self.warnings),
        )


def normalise(text: str) -> str:
    """Line endings to \\n and no BOM; every other character kept, since citations are offsets."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def usable_text(text: str, where: str, collector: Collector) -> str | None:
    """An article's text, normalised, or None after recording why it cannot be summarized."""
    text = normalise(text)
    if not text.strip():
        collector.problem(where, "article text is empty", "add the text or leave the article out")
        return None
    if len(text) > MAX_ARTICLE_CHARS:
        collector.problem(where, f"article text is {len(text):,} characters, over the limit of "
                          f"{MAX_ARTICLE_CHARS:,}", SPLIT_HINT)
        return None
    if not looks_english(text):
        collector.problem(where, "does not look like English text; Storyline summarizes English news",
                          "leave it out or pass an English version")
        return None
    return text


def with_unique_ids(placed: list[tuple[str, Article]], collector: Collector) -> tuple[Article, ...]:
    """Articles with distinct ids (citations name articles by id).

    An article given twice, with the same id and the same text (a folder holding both the
    `.jsonl` of a story and its articles as `.txt`), is read once, with what either copy says
    of its title, source, date and link. Other clashes get a suffix.
    """
    used = {article.id for _, article in placed}
    first: dict[str, int] = {}  # id -> position in `unique`
    unique: list[Article] = []
    for where, article in placed:
        if article.id in first:
            earlier = unique[first[article.id]]
            if earlier.text.split() == article.text.split():
                unique[first[article.id]] = _filled(earlier, article)
                collector.warn(where, f'article "{article.id}" is given twice (the same id and '
                               "text); read once", "leave out one of the copies")
                continue
            number = 2
            while f"{article.id}-{number}" in used:
                number += 1
            new_id = f"{article.id}-{number}"
            collector.warn(where, f'article id "{article.id}" is already used; renamed "{new_id}"',
                           "give each article its own id")
            used.add(new_id)
            article = dataclasses.replace(article, id=new_id)
        first[article.id] = len(unique)
        unique.append(article)
    return tuple(unique)


def _filled(article: Article, other: Article) -> Article:
    """`article` with the title, source, date and link it lacks taken from `other`."""
    missing = {name: getattr(other, name) for name in ("title", "source", "date", "url")
               if getattr(article, name) is None and getattr(other, name) is not None}
    return dataclasses.replace(article, **missing) if missing else article


# Common English function words. English news runs at 30-45% of its words; French, Spanish, German
# or Italian news at 0-7%, because words they share with English ("a", "in", "die", "no", "i")
# are either rare in them or left out here.
_ENGLISH_FUNCTION_WORDS = frozenset("""
    the a an of and to in on at by for with from as is was are were be been has have had will would
    should could can may that this these those it its he she his her they their them we our you
    your said says not but or which who whom when where what after before about also than more
    there into over under between because while other some any such only if one two up out did
""".split())
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]|[^\W\d_]+")


def looks_english(text: str) -> bool:
    """Whether at least 8% of the words are common English function words (judged from 20 words).

    Each CJK, kana or Thai character counts as a word: those scripts do not separate words.
    """
    words = _WORD.findall(text.lower())
    if len(words) < 20:
        return True
    return sum(word in _ENGLISH_FUNCTION_WORDS for word in words) >= 0.08 * len(words)
