"""Quotes: every direct quotation in a story, with who said it.

Analysis stage, after entities (parse -> entities -> quotes -> timeline -> agreement).
Quote marks are paired paragraph by paragraph from their context (a mark after a space opens,
one before a space or punctuation closes), so straight, curly and mixed marks all work and an
unpaired mark is skipped, never fatal. Decisions, following the dev set's guidelines:

- A quote interrupted by its attribution (`"We will go," she said, "but not yet."`) is two
  quotes with the same speaker; a quote running over several paragraphs (no closing mark at a
  paragraph's end, a new opening mark on the next) is one quote per paragraph, the later ones
  inheriting the speaker. Nested quotes (single marks, or a second pair of double marks) stay
  inside their quote; a lone opening mark inside a quote splits it there.
- The speaker is the subject of the speech verb next to the quote: `"...," X said`,
  `said X`, `X told reporters: "..."`, `X said that "..."`, "according to X"; a participle
  ("saying", "adding") takes the subject of the sentence's earlier speech verb. Names go
  through the entity index, so "Mr Trump" and "the president" give "Donald Trump". "he"/"she"
  is the last person who spoke in this paragraph or the one before, else the last person
  named there (titles tell "he" from "she"); "it" is the organisation that last spoke.
  A subject that names no one ("a senior source", "US generals", "officials") gives speaker
  None, the description becoming `speaker_role` when it is a role.
- A quote with no attribution in its sentence keeps the speaker of the quote before it in
  the paragraph, or of the previous paragraph's quote (news style continues a speaker's
  words in a new paragraph); otherwise it is unattributed.
- Partial quotes are quoted words inside the writer's sentence (after "said that", as an
  object); quotes that stand as sentences after a colon, a comma or at a sentence start are
  full. A partial quote of one or two words is kept only when a speech verb in its sentence
  attributes it; otherwise it is a scare quote or a name ("so-called "reforms"").
- The same words carried by two articles (equal, or 80% of the words shared) are one quote,
  cited where the story first has them, `also_in` the others.

The modules, each sitting only on those before it: `marks` (pairing quote marks, spans,
sentence ends), `attribution` (speech verbs, speakers, pronouns, partial quotes), `merge` (one
quote across outlets); `find_quotes` here runs them in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..entities import EntityIndex, TokenTags
from ..types import Article, Quote
from .attribution import PARTICIPLES, SPEECH_VERBS, _ArticleQuotes, _Found, _genders
from .merge import _merge_copies

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PARTICIPLES", "SPEECH_VERBS", "find_quotes"]


def find_quotes(articles: Sequence[Article], docs: Sequence[Doc], entities: EntityIndex
                ) -> tuple[Quote, ...]:
    """Every direct quotation of the story in reading order, each carried once."""
    genders = _genders(entities)
    found: list[_Found] = []
    for index, article in enumerate(articles):
        mentions = entities.mentions[index] if index < len(entities.mentions) else ()
        tags = TokenTags(docs[index]) if index < len(docs) else None
        found.extend(_ArticleQuotes(index, article.text, mentions, entities, genders,
                                    tags).quotes())
    return _merge_copies(articles, entities, found)
