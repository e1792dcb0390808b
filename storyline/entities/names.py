"""Names as the text writes them: spaCy's entities cleaned (a leading "the", titles, possessive
's, trailing lowercase words), organisation names spaCy missed, and later mentions of names the
story already uses. Sits on `mentions`, `roles` (titles) and `aliases` (the table's forms).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from .aliases import _NAME_CONNECTORS, _TABLE_GROUP, ALIAS_TABLE
from .mentions import _KIND_OF_LABEL, _OTHER, FINITE_VERB_TAGS, TokenTags, _norm, _Raw
from .merge import _ORGANISATION_WORDS
from .roles import (_ABBREVIATED, _DETERMINERS, _HONORIFICS, _TITLES_AT_START, _TITLES_BEFORE,
                    is_role_word)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


_TAG_NAMES = ("NNP", "NNPS")
_ORGANISATION_NAME = re.compile(
    r"(?<![\w.])(?:[A-Z][\w&'’.-]*\s+(?:(?:and|&)\s+(?=[A-Z]))?){1,5}"  # "Fish and Wildlife"
    r"(?:Center|Centre|Agency|Institute|Council|Committee"
    r"|University|College|Office|Department|Association|Union|Party|Ministry|Commission"
    r"|Foundation|Authority|Service|Organization|Organisation|Hospital|Corporation|Court"
    r"|Tribunal|Survey|Bureau|Board|Federation|League|Society|Fund)\b")
_SENTENCE_END = re.compile(r"[a-z]{2}\.\s+")
_POSSESSIVE_WORD = re.compile(r"\S+['’]s\s+")
_TRAILING_YEAR = re.compile(r"(?:\s+(?:of|in)|,)\s+\d{4}$")
_GERUND_AT_START = re.compile(r"[A-Z][a-z]+ing\s+(?=[A-Z])")
# Given names that end like a gerund: a sentence opening on one opens on a name.
_NAMES_IN_ING = frozenset("""sterling irving ewing manning fleming harding browning keating
channing darling stirling golding pershing deming king""".split())
_SPEAKER_BEFORE = re.compile(r"(?:\b(?:said|says|added|adds)|[\"”])[ \t]+$")
_AFTER_QUOTE = re.compile(r"[\"”][ \t]+$")
# A person's name: two or three capitalised words, initials allowed ("J. Terrence Lanni").
_PERSON_SHAPE = re.compile(r"(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.)?"
                           r"(?:\s+(?:Mc|Mac)?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?){1,3}")
_SAYS_AFTER = re.compile(r"\s+(?:said|says|told|added|asked|explained|noted)\b")
# Where an organisation is based, written before its name: "Wash-based", "London-based".
_BASED_AT_START = re.compile(r"[A-Z][\w.'’-]*-based\s+(?=[A-Z])")
_SPEECH_AT_START = re.compile(r"(?:Said|Says|Added|Asked|Told)\s+(?=[A-Z])")
# The rest of an organisation's name that spaCy sometimes leaves off: "... Fund for Nature".
_FOR_NAME = re.compile(r"\s+for\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\b")
# Sentence adverbs spaCy sometimes takes into a name that follows them: "Finally Wan subsided".
_ADVERB_AT_START = re.compile(r"(?:Finally|Eventually|Later|Then|Now|Still|Meanwhile|Instead|"
                              r"Also|Yet|Today|Yesterday|Afterwards|Afterward|Suddenly|Actually|"
                              r"Clearly|Recently|Earlier|Perhaps|Indeed|Moreover|However|Thus|"
                              r"Nonetheless|Nevertheless|Again|Even|Only|Ultimately)\s+(?=[A-Z])")


def _ner_mentions(index: int, text: str, doc: Doc) -> Iterable[_Raw]:
    previous_end = -1
    cased = not text.islower()  # Multi-News texts are all lowercase: names too
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
    for ent in doc.ents:
        if cased and ent.text.islower():  # "the congress said": a common noun, not a name
            continue
        label = ent.label_
        if label == "WORK_OF_ART" and (_AFTER_QUOTE.search(
                text, max(0, ent.start_char - 4), ent.start_char) or _SAYS_AFTER.match(
                text, ent.end_char)) and _PERSON_SHAPE.fullmatch(ent.text):
            # `," J. Terrence Lanni, chairman ...`, `Freshman Billy McClure said`: the quotes
            # around misled spaCy
            label = "PERSON"
        elif label == "ORG" and len(ent) == 2 and ent[1].text in surnames and ent[0].text[
                :1].isupper() and is_role_word(ent[0].text):
            label = "PERSON"  # "Farmer Jones" after "Tom Jones"
        elif label == "ORG" and _role_then_name(ent):
            label = "PERSON"  # "UC Regent Ward Connerly": the person, after a role (cleaned below)
        elif label == "ORG" and _person_of_body(ent):
            # `Carolina Milanesi of Creative Strategies was more upbeat`: the person, then
            # where they work
            for part_start, part_end, part_label in ((ent.start_char, ent[1].idx + len(
                    ent[1].text), "PERSON"), (ent[3].idx, ent.end_char, "ORG")):
                raw = _clean(index, text, part_start, part_end, part_label)
                if raw is not None:
                    yield raw
            previous_end = ent.end_char
            continue
        elif label != "PERSON" and len(ent) >= 3 and ent[0].text in surnames and ent[
                1].text == "of" and _SPEAKER_BEFORE.search(text, max(0, ent.start_char - 12),
                                                           ent.start_char):
            # `," said Spielman of Harvard` (a product to spaCy): Andrew Spielman, at Harvard
            raw = _clean(index, text, ent.start_char, ent[0].idx + len(ent[0].text), "PERSON")
            if raw is not None:
                yield raw
            previous_end = ent.end_char
            continue
        if text.startswith("-based", ent.end_char):
            label = "GPE"  # "Wash-based": where an organisation is based, a place
        kind = _KIND_OF_LABEL.get(label)
        start = ent.start_char
        if label == "PERSON" and ent.start > 0:
            # "Mohanned Hussein" where spaCy saw only "Hussein": a capitalised proper noun
            # just before, inside the sentence and in no other name, is the first name.
            before = doc[ent.start - 1]
            if (before.tag_ == "NNP" and before.text[:1].isupper() and before.text.isalpha()
                    and before.idx > previous_end and not _at_sentence_start(text, before.idx)
                    and not _TITLES_AT_START.match(before.text + " X")):
                start = before.idx
        previous_end = ent.end_char
        if kind is None or (kind == _OTHER and _has_finite_verb(ent)):
            continue
        split = _role_complement(text, start, ent.end_char, doc, label)
        if split is not None:  # "the Prime Minister of [the United Kingdom Susan Walsh]"
            for part_start, part_end, part_label in split:
                raw = _clean(index, text, part_start, part_end, part_label)
                if raw is not None:
                    yield raw
            continue
        raw = _clean(index, text, start, ent.end_char, label)
        if raw is not None:
            yield raw


# Words that make "X Y of Z" the name of a body, a state or a place ("National Academy of
# Sciences", "Democratic Republic of Congo", "Royal Bank of Scotland"), not a person at one:
# the organisation words names are judged by, and these.
_BODY_WORDS = _ORGANISATION_WORDS | frozenset("""national royal united federal supreme grand
holy great central general new north south east west northern southern eastern western empire
republic kingdom duchy principality sultanate state province region territory county city bay
gulf isle cape strait sea hall order survey friends sisters brothers knights daughters sons
communications media partners capital networks technologies labs laboratories enterprises
associates ventures energy""".split())


def _person_of_body(ent: Span) -> bool:
    """Whether an ORG span is "First Last of Body" with a verb or comma after it: a person
    named with where they work, which spaCy took whole."""
    if len(ent) < 4 or ent[2].text != "of" or not ent[3].text[:1].isupper():
        return False
    first, last = ent[0].text, ent[1].text
    if not all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in (first, last)):
        return False
    if {first.lower(), last.lower()} & _BODY_WORDS or is_role_word(first) or is_role_word(last):
        return False
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and (after.text == "," or after.tag_ in FINITE_VERB_TAGS)


def _role_then_name(ent: Span) -> bool:
    """An "organisation" that is a role and a two- or three-word name after it ("UC Regent
    Ward Connerly"), not one whose name ends in an organisation word."""
    words = [t.text for t in ent]
    for i in range(1, len(words) - 2):
        tail = words[i + 1:]
        if is_role_word(words[i]) and words[i][:1].isupper() and len(tail) <= 3 and all(
                w.isalpha() and w[:1].isupper() and w[1:].islower() for w in tail):
            return _PERSON_SHAPE.fullmatch(" ".join(tail)) is not None and (
                _ORGANISATION_WORD_IN_NAME.search(" ".join(tail)) is None)
    return False


_ROLE_OF = re.compile(r"(?<![\w-])([\w-]+)\s+of\s+(?:the\s+)?$")
_ORGANISATION_WORD_IN_NAME = re.compile(
    r"\b(?:Party|Council|Ministry|Department|Office|Agency|Committee|Commission|Union|Court"
    r"|Bank|Company|Group|Institute|Association|Organi[sz]ation|University|Police|Army)\b")


def _role_complement(text: str, start: int, end: int, doc: Doc, label: str = ""
                     ) -> list[tuple[int, int, str]] | None:
    """One span for "the Prime Minister of [the United Kingdom Susan Walsh]": after a role
    and "of", a name the story also writes alone (or one of the alias table) followed by a
    full name of two or three capitalised words is a place and a person; a "person" of three
    words there is the office's one word and a two-word name ("Chancellor of the [Exchequer
    Susan Walsh]")."""
    before = _ROLE_OF.search(text, max(0, start - 60), start)
    if before is None or not is_role_word(before.group(1)):
        return None
    span = text[start:end]
    offset = 4 if span[:4].lower() == "the " else 0
    words = list(re.finditer(r"\S+", span[offset:]))
    if not 3 <= len(words) <= 7 or _ORGANISATION_WORD_IN_NAME.search(span):
        return None
    known = None
    for k in range(len(words) - 2, 0, -1):
        tail = words[k:]
        if len(tail) > 3 or not all(w.group()[:1].isupper() for w in tail):
            continue
        head = span[offset:offset + words[k - 1].end()]
        if known is None:
            known = {_norm(e.text) for e in doc.ents if e.start_char != start}
        if _norm(head) in _TABLE_GROUP or _norm(head) in known:
            head_start = start + offset
            return [(head_start, head_start + len(head), "GPE"),
                    (head_start + tail[0].start(), end, "PERSON")]
    if label == "PERSON" and len(words) == 3 and all(
            w.group().isalpha() and w.group()[:1].isupper() for w in words):
        head_start = start + offset
        return [(head_start, head_start + words[0].end(), "ORG"),
                (head_start + words[1].start(), end, "PERSON")]
    return None


def _organisations_missed(index: int, text: str, raws: list[_Raw]) -> Iterable[_Raw]:
    """Capitalised names ending in an organisation word that spaCy did not tag ("the US
    Pacific Tsunami Warning Center"): organisations."""
    taken = sorted((r.start, r.end) for r in raws)
    starts = [t[0] for t in taken]
    for match in _ORGANISATION_NAME.finditer(text):
        start, end = match.span()
        sentence = list(_SENTENCE_END.finditer(text, start, end))
        if sentence:  # "... Joe Marlowe. The Varn Democratic Party": the name starts after
            start = sentence[-1].end()
        owner = _POSSESSIVE_WORD.search(text, start, end)
        if owner:  # "Iran's National Security Council": the council's name follows
            start = owner.end()
        i = bisect.bisect_left(starts, end)
        if any(e > start and not (start <= s and e <= end) for s, e in taken[max(0, i - 4):i]):
            continue  # names inside it ("US" in "US Pacific ... Center") give way later
        raw = _clean(index, text, start, end, "ORG")
        if raw is not None and len(raw.name.split()) >= 2:
            yield raw


# `Fire chief Renata Oyelaran said`, `Detective Constable Laura Finch of the Metropolitan
# Police said`: a role word (lowercase before the name, or opening it), a name of two or
# three capitalised words, perhaps "of" and where the person works, then a speech verb or a
# comma.
_ROLE_NAME_SAYS = re.compile(
    r"(?<![\w'’-])([a-z]+\s+)?(" + _PERSON_SHAPE.pattern + r")(?=(?:\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*,?)?" + _SAYS_AFTER.pattern + r"|,)")


def _people_missed(index: int, text: str, raws: list[_Raw]) -> Iterable[_Raw]:
    """People spaCy did not tag that the text names after their role and before what they
    said (`fire chief Renata Oyelaran said`, `spokeswoman Ilse Varga told`, `Detective
    Constable Laura Finch of the Metropolitan Police said`): a person."""
    taken = sorted((r.start, r.end) for r in raws)
    starts = [t[0] for t in taken]
    for match in _ROLE_NAME_SAYS.finditer(text):
        roles = [(match.group(1) or "").strip(), match.group(2).split()[0]]
        if not any(is_role_word(r) and (not r.endswith("s") or r.endswith("ss")) for r in roles):
            continue  # one person's role, not `officials Tom and Ann said`
        start, end = match.span(2)
        i = bisect.bisect_left(starts, end)
        if any(e > start for _, e in taken[max(0, i - 4):i]):
            continue  # spaCy saw a name there
        raw = _clean(index, text, start, end, "PERSON")
        if raw is not None:
            raw.role_before = True
            yield raw


# How a text says it gives a first name only ("identified only as Karen").
_ONLY_AS = (r"identified (?:herself |himself |themselves )?only as|only identified (?:herself |"
            r"himself |themselves )?as|gave only (?:her|his) first "
            r"name,?|gave (?:her|his) (?:first )?name (?:only )?as|(?:would|did) give only "
            r"(?:her|his) first name,?|(?:uses|goes by) the (?:nick)?name")
_FIRST_NAME_ONLY = re.compile(
    r"\b(?:" + _ONLY_AS + r"|(?:a|an) (?:woman|man|girl|boy|"
    r"mother|father|student|nurse|worker|resident|posting by a woman|posting by a man) named)"
    r"\s+([A-Z][a-z]+)\b")
# `said a driver who gave his name only as Rafi`: where the name follows (for quotes).
NAMED_ONLY_AS = re.compile(r",?\s*(?:who\s+)?(?:was\s+)?(?:" + _ONLY_AS + r")\s+")


def _first_names_only(index: int, text: str, raws: list[_Raw]) -> Iterable[_Raw]:
    """People the text names by a first name alone, saying so ("a patient identified only as
    Karen", "a nurse who gave only her first name, Dina"): spaCy often misses them."""
    taken = [(r.start, r.end) for r in raws]
    for match in _FIRST_NAME_ONLY.finditer(text):
        start, end = match.span(1)
        same = [r for r in raws if (r.start, r.end) == (start, end)]
        for found in same:  # spaCy's mention of it, as an organisation say: a person too
            found.labels.append("PERSON")
        if same or any(s < end and start < e for s, e in taken):
            continue
        raw = _clean(index, text, start, end, "PERSON")
        if raw is not None:
            yield raw


# Role words that are also first names: before a surname alone ("Dean Hollis") a name.
_GIVEN_NAME_ROLES = frozenset({"Dean"})
# Letters after a name that are no part of it ("Neil Flewitt QC").
POSTNOMINALS = frozenset("QC KC MP MBE OBE CBE KBE PhD Esq".split())


def _clean(index: int, text: str, start: int, end: int, label: str) -> _Raw | None:
    """Trim NER boundary noise: a leading lowercase "the" (or "The" opening a sentence),
    titles (kept in the mention, not the name), possessive 's, trailing lowercase words."""
    name = text[start:end]
    determined = name[:4].lower() == "the " or text[max(0, start - 4):start].lower() == "the "
    if name[:4] == "the " or (name[:4] == "The " and _at_sentence_start(text, start)):
        start += 4
    while end > start and text[end - 1] in "'’,;:":  # spaCy's "K. George Thampy,"
        end -= 1
    if text.endswith(("'s", "’s"), start, end) and end - start > 2:
        end -= 2
    year = _TRAILING_YEAR.search(text, start, end)
    if year and label != "PERSON":  # "the Varnholm Treaty on Fishing Rights of 1961"
        end = year.start()
    based = _BASED_AT_START.match(text, start, end)
    if based and label != "PERSON":  # "the Redmond, Wash-based Marine ... Institute"
        start = based.end()
    more = _FOR_NAME.match(text, end) if label == "ORG" else None
    if more:  # "the World Wide Fund" (spaCy's) "for Nature"
        end = more.end()
    if label == "PERSON":
        said = _SPEECH_AT_START.match(text, start, end) or _ADVERB_AT_START.match(
            text, start, end)
        if said:  # "Said Schorr of Mercedes:", "Finally Wan subsided"
            start = said.end()
        of = text.find(" of ", start, end)
        if of > 0 and len(text[start:of].split()) >= 2 and text[of + 4:of + 5].isupper():
            end = of  # "Rejeanne Gilbert of Jonquiere" is Rejeanne Gilbert; "Duke of York" stays
        gerund = _GERUND_AT_START.match(text, start, end)
        if gerund and _at_sentence_start(text, start) and text[start:gerund.end()].split()[
                0].lower() not in _NAMES_IN_ING:  # "Joining Whaley", not "Sterling Golongergen"
            start = gerund.end()
        words = text[start:end].split()
        while len(words) > 1 and (words[-1] in POSTNOMINALS or words[-1][:1].islower() and (
                not any(c.isupper() for c in words[-1]))):  # "el-Fathali" stays; "Neil
            # Flewitt QC" is Neil Flewitt
            end = text.rindex(words.pop(), start, end)
            end = len(text[:end].rstrip())
        if len(words) == 2 and words[0] == words[1] and len(words[0]) >= 5:
            end = start + len(words[0])  # "a grim-faced Arafat Arafat": a typo ("Bam Bam" stays)
    name_start = start
    title = ""
    inner = _TITLES_AT_START.match(text, start, end)
    if label == "PERSON":  # "Prosecutor Graham Blewitt": role words are no part of a name
        pieces = list(re.finditer(r"\S+", text[start:end]))
        lead = 0
        while lead < len(pieces) - 1 and is_role_word(pieces[lead].group()) and (
                pieces[lead].group()[:1].isupper()) and not (
                len(pieces) == 2 and pieces[lead].group() in _GIVEN_NAME_ROLES):
            lead += 1
        if not lead:  # "Shamrock Principal Tom Davis": a name's words, a role, then the person
            roles = [i for i, p in enumerate(pieces[1:-2], 1) if is_role_word(p.group())
                     and all(q.group()[:1].isupper() for q in pieces[:i + 1])]
            lead = roles[-1] + 1 if roles else 0
        if lead and (inner is None or inner.end() < start + pieces[lead].start()):
            start = name_start = start + pieces[lead].start()
            inner = _TITLES_AT_START.match(text, start, end)
    if inner and label in _PLACE_OR_BODY and not _ABBREVIATIONS_ONLY.fullmatch(inner.group()):
        inner = None  # "Justice Department", "General Motors", "King County": no titles
    if inner:
        name_start = inner.end()
        title = inner.group().strip()
    else:
        window = text[max(0, start - 40):start]
        outer = _TITLES_BEFORE.search(window)
        if outer and label in _PLACE_OR_BODY and not _ABBREVIATIONS_ONLY.fullmatch(outer.group()):
            outer = None
        if outer and outer.group()[:1].isupper() and text[start:start + 1].isupper():
            title = outer.group().strip()
            start -= len(window) - outer.start()
    name = text[name_start:end].strip()
    if not name or not name[0].isalnum() or name.lower() in _DETERMINERS:
        return None
    if start < 3 and name.isupper() and len(name) > 4 and label != "GAP":
        return None  # a dateline ("VARNHOLM (AP) _"), which spaCy often calls a person
    return _Raw(index, start, name_start, end, name, [label], title, determined=determined)


_PLACE_OR_BODY = frozenset({"ORG", "GPE", "LOC", "FAC"})
_SHORT_TITLES = "(?:" + "|".join(_HONORIFICS + _ABBREVIATED) + ")"  # "Mr", "Gen", "Sen"
_ABBREVIATIONS_ONLY = re.compile(r"(?:" + _SHORT_TITLES + r"\.?\s*)+")


def _at_sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 3):position].rstrip(" “\"'‘")
    if before.endswith(".") and _TITLE_BEFORE.search(text, max(0, position - 8), position):
        return False  # "Dr. Gro Holm Aasen": a title's full stop
    return not before or before[-1] in ".!?\n:_—–-"


_TITLE_BEFORE = re.compile(r"(?<![\w.])" + _SHORT_TITLES + r"\.\s+$")


def _without_overlaps(raws: list[_Raw]) -> list[_Raw]:
    """One mention per stretch of text: the longer wins, keeping the other's label as a vote."""
    raws.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Raw] = []
    for raw in raws:
        if kept and raw.start < kept[-1].end:
            last = kept[-1]
            if raw.end - raw.start > last.end - last.start:
                raw.labels.extend(last.labels)
                kept[-1] = raw
            else:
                last.labels.extend(raw.labels)
            continue
        kept.append(raw)
    return kept


def _gap_mentions(index: int, text: str, doc: Doc, forms: dict[str, str], raws: list[_Raw]
                  ) -> Iterable[_Raw]:
    """Mentions spaCy missed of names the story already uses ("Trump administration",
    "Daesh", "Islamic State" where spaCy saw "Islamic" and "State"), as proper nouns outside
    spaCy's other entities (dates, money...). A found name it covers gives way later."""
    if not forms:
        return
    pattern = _forms_pattern(tuple(sorted(forms)))
    taken = sorted([(r.start, r.end) for r in raws]
                   + [(e.start_char, e.end_char) for e in doc.ents
                      if e.label_ not in _KIND_OF_LABEL and not _has_finite_verb(e)])
    taken_starts = [s for s, _ in taken]
    dates = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"}
    tags: TokenTags | None = None
    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect.bisect_left(taken_starts, end)
        overlapping = [(s, e) for s, e in taken[max(0, i - 4):i] if e > start]
        form = match.group()
        if overlapping == [(start, end)] and (start, end) in dates and forms[form] == SURNAME:
            if tags is None:
                tags = TokenTags(doc)
            if not _at_sentence_start(text, start) and tags.at(_next_word(text, end)) in (
                    FINITE_VERB_TAGS):
                overlapping = []  # `," May said`: Steve May, not the month
        if overlapping and not all(start <= s and e <= end and e - s < end - start
                                   for s, e in overlapping):
            continue
        if forms[form] != DISTINCTIVE:  # a plain word: must be tagged a proper noun here...
            if tags is None:
                tags = TokenTags(doc)
            if tags.at(start) not in _TAG_NAMES and not (
                    # ...or be a person's surname the text makes the subject of a verb
                    # inside a sentence ("Tort said", where "tort" is tagged a noun)
                    # or opening one to say something ("Ivers said", "Ivers" a plural noun)
                    forms[form] == SURNAME and (not _at_sentence_start(text, start)
                                                or _SAYS_AFTER.match(text, end)
                                                or not _written_lowercase(text, form))
                    and tags.at(_next_word(text, end)) in FINITE_VERB_TAGS):
                continue
        elif len(form) <= 3 and form.isupper() and _in_capitals(text, start, end):
            continue
        raw = _clean(index, text, start, end, "GAP")
        if raw is not None:
            raw.labels = []
            yield raw


def _written_lowercase(text: str, form: str) -> bool:
    """Whether the text also uses the name as a common word ("hope" beside "Hope")."""
    return re.search(r"(?<![\w-])" + re.escape(form.lower()) + r"(?![\w-])", text) is not None


def _has_finite_verb(span: Span) -> bool:
    """A span that holds a finite verb ("Greenspon told CTV News" tagged a work of art) is
    spaCy's mistake, not a name: it does not hide the names inside it."""
    return any(token.tag_ in FINITE_VERB_TAGS for token in span)


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether a short all-capitals word sits among other capitalised words ("HELP US")."""
    before = text[max(0, start - 20):start].split()
    after = text[end:end + 20].split()
    return any(w.isupper() and len(w) > 1 for w in before[-1:] + after[:1])


DISTINCTIVE, PLAIN, SURNAME = "distinctive", "plain", "surname"


def _next_word(text: str, end: int) -> int:
    """Where the word after `end` starts (`end` itself at the end of the text)."""
    match = re.compile(r"\s*").match(text, end)
    return match.end() if match else end


def _surface_forms(raws: list[_Raw]) -> dict[str, str]:
    """Names to look for where spaCy missed them, each DISTINCTIVE enough to take without a
    proper-noun tag (dotted or all-capitals forms: spaCy tags "IS" a verb), PLAIN, or a
    person's SURNAME (plain, but also taken before a verb inside a sentence). The forms of
    the alias table count once the story uses one of its group."""
    forms: dict[str, str] = {}
    for raw in raws:
        if all(_KIND_OF_LABEL.get(label) == _OTHER for label in raw.labels) or len(
                raw.name) < 3 or not raw.name[0].isupper():
            continue
        if forms.get(raw.name) != SURNAME:  # "according to Lines" (an ORG to spaCy) after
            # "Patricia Lines" keeps the surname's reading
            forms[raw.name] = DISTINCTIVE if "." in raw.name or raw.name.isupper() else PLAIN
        words = raw.name.split()
        if "PERSON" in raw.labels and len(words[-1]) >= 3 and (
                words[-1].isalpha() and words[-1][0].isupper()):
            # "Buffone said" after "Samuel Buffone"; a person named by one word alone
            # ("Gottschalt") is named by a surname too
            if forms.get(words[-1], PLAIN) == PLAIN:
                forms[words[-1]] = SURNAME
    groups = {_TABLE_GROUP[_norm(r.name)] for r in raws if _norm(r.name) in _TABLE_GROUP}
    for group in groups:
        for form in ALIAS_TABLE[group][2]:
            if " " in form:
                forms.setdefault(" ".join(w if w in _NAME_CONNECTORS else w.title()
                                          for w in form.split()), PLAIN)
            else:
                if len(form) >= 4:  # "Daesh", "Isis": written titlecase, distinctive
                    forms.setdefault(form.title(), DISTINCTIVE)
                forms.setdefault(form.upper(), DISTINCTIVE)
    return forms


@lru_cache(maxsize=64)
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")
