"""The tense of the verb that governs a date expression (future, past or present), read from
spaCy's tags: it decides whether "Tuesday" or "in March" is the coming one or the last one.
Sits on nothing in the package; `rules` asks it through an article's `_Context`.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Protocol

from ..entities.mentions import FINITE_VERB_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FUTURE, PAST, PRESENT = "future", "past", "present"  # the tense of a clause
_SINCE = re.compile(r"(?i:\bsince)\b[^.;:!?]{0,30}$")  # "since undergoing surgery Aug. 12"
_FUTURE_MODALS = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "'d", "’d", "can",
                            "ca", "could", "may", "might", "should", "must"})
_SCHEDULE_WORDS = frozenset({
    "scheduled", "expected", "due", "set", "plans", "plan", "planned", "planning", "going",
    "intends", "intend", "intended", "aims", "hopes", "slated",
})
# Verbs and adjectives whose infinitive is meant to happen later ("prepared to meet").
_INTENDING = frozenset("""prepared prepare prepares preparing planned plan plans planning agreed
agree agrees decided decide decides expected expect expects hoped hope hopes promised promise
promises vowed vow vows pledged pledge pledges intended intend intends eager ready due set
scheduled slated likely poised""".split())
_TENSE_WINDOW = 30  # tokens
_VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"})
_GROUP_TAGS = _VERB_TAGS | {"RB", "TO"}
_SCHEDULE_TAGS = frozenset({"VBN", "VBZ", "VBP", "VBG", "JJ"})
# Present-tense verbs that report rather than plan: "says he met them on Friday".
_BE_HAVE = frozenset("be is are am was were been being 's 're 'm ’s ’re ’m have has had 've ’ve "
                     "'d ’d".split())
_REPORTING = frozenset("""
    say says tell tells report reports claim claims believe believes think thinks know knows
    insist insists deny denies show shows suggest suggests indicate indicates confirm confirms
    admit admits add adds note notes recall recalls acknowledge acknowledges explain explains
    argue argues allege alleges estimate estimates remain remains accuse accuses blame blames
    """.split())
# ", and more aid was expected": the words that open another clause after a comma.
_CLAUSE_OPENERS = frozenset({"and", "but", "while", "whereas", "although", "though", "which",
                             "who", "whose", "where", "as", "or"})
_CLAUSE_END = frozenset({".", "!", "?", ";", "\n", "\n\n"})


class _Clause(Protocol):
    """What reading a clause's tense needs of an article (`rules._Context` is one)."""

    @property
    def text(self) -> str: ...

    @property
    def doc(self) -> Doc | None: ...

    def token_starts(self) -> list[int]: ...


def _clause_tense(context: _Clause, start: int, end: int) -> str | None:
    """FUTURE, PAST or PRESENT: the tense of the verb that governs the expression; None
    when the clause has no tensed verb.

    That verb is the nearest one before the expression ("will vote on Friday", "said on
    Friday"), unless a comma or an "and" stands between them and a verb follows in the
    same clause ("...that now runs the country, on Tuesday rejected...", "...has ever held
    and the vote will show..."); with no verb before, the one after ("On Friday,
    the council will vote"). A participle or infinitive alone ("the dinner following
    Friday's inauguration", "by flying") has no tense and is passed over. "Thursday's
    planned ceremonies" is future whatever the verb; "since Friday" is past.
    """
    doc = context.doc
    if _SINCE.search(context.text, max(0, start - 40), start):
        return PAST
    if doc is None or len(doc) == 0:
        return None
    starts = context.token_starts()
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = bisect.bisect_left(starts, end)
    if last < len(doc) and _is_schedule_word(doc[last]):
        return FUTURE
    before = _tense_before(doc, first)
    if before is not None and not before[1]:
        return before[0]
    after = _tense_after(doc, last)
    if after is not None:
        return after
    return before[0] if before is not None else None


def _tense_before(doc: Doc, first: int) -> tuple[str, bool] | None:
    """(tense, is apart) of the nearest tensed verb group before token `first`; apart when
    a comma, "and" or "but" stands between it and the expression."""
    position = first - 1
    apart = False
    while position > max(-1, first - _TENSE_WINDOW):
        token = doc[position]
        if token.text in _CLAUSE_END:
            return None
        if token.text == "," or token.lower_ in ("and", "but"):
            apart = True
        elif token.tag_ in _VERB_TAGS or _is_schedule_word(token):
            tense = _group_tense(doc, position)
            if tense is not None:
                return tense, apart
            position = _start_of_verb_group(doc, position)
        position -= 1
    return None


def _tense_after(doc: Doc, last: int) -> str | None:
    """The tense of the first tensed verb group from token `last` on in the same clause;
    None when there is none before ", and", ", which" and the like."""
    position = last
    while position < min(len(doc), last + _TENSE_WINDOW):
        token = doc[position]
        if token.text in _CLAUSE_END or (token.text == "," and position + 1 < len(doc)
                                         and doc[position + 1].lower_ in _CLAUSE_OPENERS):
            return None
        if token.tag_ in _VERB_TAGS:
            group_end = _end_of_verb_group(doc, position)
            tense = _group_tense(doc, group_end)
            if tense is not None:
                return tense
            position = group_end
        position += 1
    return None


def _start_of_verb_group(doc: Doc, position: int) -> int:
    while position > 0 and doc[position - 1].tag_ in _GROUP_TAGS:
        position -= 1
    return position


def _end_of_verb_group(doc: Doc, position: int) -> int:
    """The main verb of the group starting at `position` ("will" -> "vote" in "will vote")."""
    while position + 1 < len(doc) and doc[position + 1].tag_ in _GROUP_TAGS:
        position += 1
    return position


def _is_schedule_word(token: Token) -> bool:
    """"is scheduled", "is due", "plans to", "is going to"; not the noun "a plan", the past
    "planned" or the base form ("began pushing to set up")."""
    return token.lower_ in _SCHEDULE_WORDS and token.tag_ in _SCHEDULE_TAGS


def _intended(doc: Doc, to_position: int) -> bool:
    """Whether the "to" at `to_position` follows, within three words, a verb or adjective of
    intention ("expected Congress to", "eager to")."""
    for back in range(to_position - 1, max(-1, to_position - 4), -1):
        token = doc[back]
        if token.lower_ in _INTENDING:
            return True
        if token.text in _CLAUSE_END or token.text == ",":
            return False
    return False


def _group_tense(doc: Doc, position: int) -> str | None:
    """The tense of the verb group ending at `position`; None for a participle or
    infinitive alone, which has no tense of its own.

    FUTURE: a modal ("will vote", "could be voted on"), a schedule ("is scheduled to",
    "is due", "plans to", "is to go"), or a present tense that plans rather than reports
    or describes ("the visa expires", "is leaving"): news writes the present for what is
    planned. PAST: the past tense and the past perfect ("said", "had been scheduled").
    PRESENT: the rest ("says", "has said", "is 150 km from", "is connected to").
    """
    group = []  # main verb first, back to the finite verb
    for back in range(position, max(-1, position - 6), -1):
        token = doc[back]
        if not (token.tag_ in _GROUP_TAGS or _is_schedule_word(token)):
            break
        group.append(token)
        if token.tag_ in FINITE_VERB_TAGS:
            break
    if not group:
        return None
    words = [t.lower_ for t in group]
    finite = group[-1]
    infinitive = len(group) >= 2 and group[0].tag_ == "VB" and group[1].tag_ == "TO"
    if infinitive and (finite.lower_ in _INTENDING or _intended(doc, group[1].i)):
        # "prepared to meet Wednesday", "expected Congress to negotiate into Friday",
        # "eager to fly back by Monday": what was meant to happen, after the reporting
        return FUTURE
    is_perfect = group[0].tag_ == "VBN" and any(w in ("have", "has", "had") for w in words)
    if finite.tag_ == "MD":  # "will vote", "could be voted on"; but "could have voted"
        if is_perfect:
            return PAST
        return FUTURE if finite.lower_ in _FUTURE_MODALS else PRESENT
    if "had" in words:
        return PAST
    if any(_is_schedule_word(t) for t in group):
        return FUTURE
    if finite.tag_ not in FINITE_VERB_TAGS:
        # "killed on August 7", "unsealed Sept. 25": a past participle tells the past; "the
        # dinner following Friday's inauguration", "to savor": no tense of their own
        return PAST if group[0].tag_ == "VBN" and len(group) == 1 else None
    if finite.tag_ == "VBD":
        return PAST
    if is_perfect:
        return PRESENT  # "has called for a meeting on Nov. 9": done, but of the present
    if len(group) > 2 and group[-2].tag_ == "TO" and finite.lower_ in ("is", "are", "am"):
        return FUTURE  # "is to go on trial"
    main = group[0]
    if main.lower_ in _BE_HAVE or main.tag_ == "VBN" or main.lower_ in _REPORTING:
        # "the town is 150 km from Wednesday's earthquake", "is connected to the outrages on
        # Thursday", "has little time", "says": a state or a report, not a plan
        return PRESENT
    return FUTURE
