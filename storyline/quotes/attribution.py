"""Attribution: who said each quote of an article, from the speech verbs near it, their
subjects (names through the entity index, "he"/"she"/"it", descriptions such as "a senior
source"), and the quotes before it; partial quotes told from full ones. Sits on `marks`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import terms
from ..entities import (
    FINITE_VERB_TAGS,
    KIN_NOUNS,
    KIN_PHRASE,
    ORGANIZATION,
    PERSON,
    PLACE,
    ROLE_MODIFIERS,
    EntityIndex,
    Mention,
    TokenTags,
    gender_of_title,
    is_role_word,
    role_words,
    spelled_alike,
)
from ..entities.genders import gender_of_first_name
from ..entities.names import NAMED_ONLY_AS, POSTNOMINALS
from ..segment import paragraphs
from .marks import (
    _DOUBLE_MARKS,
    _MASK,
    _NOT_TERMINATOR,
    _masked,
    _pair_marks,
    _sentence_end,
    _sentence_ends,
    _sentence_start,
    _Span,
)


# Verbs that tell how words were said, before or after the speaker ("crowed X").
_SAID_WITH_FEELING = frozenset("""crowed crows fumed fumes gushed gushes marveled marvelled
muttered mutters grumbled grumbles griped gripes murmured murmurs chided chides sniffed""".split())
SPEECH_VERBS = frozenset("""
said says say told tells added adds asked asks insisted insists warned warns explained explains
noted notes declared declares replied replies responded responds argued argues acknowledged
acknowledges admitted admits conceded concedes concluded concludes recalled recalls remarked
observed observes wrote writes announced announces confirmed confirms claimed claims maintained
maintains stressed stresses emphasized emphasised urged urges pleaded predicted predicts
promised promises vowed vows suggested suggests cautioned cautions complained complains
countered counters quipped joked tweeted quoted shouted testified reiterated reiterates reported
reaffirmed reaffirms
reports agreed agrees boasted contended contends described describes called calls accused
accuses denied denies dismissed blasted praised continued continues stated explained
whispered yelled screamed cried pointed announced alleged alleges thundered lamented mused
commented comments termed terms likened likens dubbed branded labelled labeled repeated repeats
restated asserted asserts accuse indicated indicates demanded demands pledged pledges
pronounced pronounces proclaimed proclaims cites cited blamed blames
condemned condemns criticised criticized criticises criticizes hailed hails appealed appeals
retorted retorts snapped scoffed objected objects interjected protested protests speculated
speculates wondered answered answers denounced denounces decried decries jokes quips sighed
sighs shouts whispers yells screams cries laments muses confided confides boasted boasts
recounted recounts remembers remembered exclaimed exclaims affirmed affirms summarized
summarizes summarised summarises
""".split()) | _SAID_WITH_FEELING
PARTICIPLES = frozenset("""
saying adding telling asking insisting warning noting explaining arguing declaring stressing
calling describing reiterating writing acknowledging admitting claiming urging vowing promising
suggesting accusing denying recalling replying responding stating asserting commenting
repeating
""".split())
# Verbs after which the speaker may follow: `"...," said Ms. Clywd`.
_INVERTIBLE = frozenset("""said says added adds asked asks insisted explained noted declared
replied responded continued argued acknowledged admitted conceded concluded recalled remarked
observed wrote writes warned stressed countered quipped joked cautioned reported stated
commented retorted snapped scoffed interjected lamented complained predicted announced
boasted agreed confided answered complains jokes quips recalls notes explains continues
agrees insists warns concedes observes remarks boasts laments replies responds argues
acknowledges declares stresses cautions counters confides answers recounts pronounced
remembers remembered exclaimed exclaims affirmed affirms summarized summarizes
proclaimed recounted tweeted tweets""".split()) | _SAID_WITH_FEELING
_VERB = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(SPEECH_VERBS | PARTICIPLES, key=len, reverse=True))
                   + r"|[Aa]ccording to|[Ii]n the words of|shot back)(?![\w-])")
_AUXILIARIES = frozenset("""has have had would will also later then again once previously
repeatedly recently reportedly publicly privately earlier separately simply just only further
subsequently then since still already often always never both all himself herself itself
themselves had been was were is are did does do may might could should must shall can
now nevertheless nonetheless finally even too rather quite
""".split())
_PRONOUNS = {"he": "m", "she": "f"}
# `a drug called Celebra`: what a thing is named (after a noun, not "he", "also", "publicly")
_NAMED_CALLED = re.compile(r"\s+[A-Z][a-z]")
_NAMED_LOWER = re.compile(r"\s+(?!(?:him|her|it|them|me|us|you|the|a|an|this|that|these|those|his|"
                          r"its|their|our|my|your|for|on|off|out|up|back)\b)[a-z]+\b(?![\"“])")
_NOT_A_NOUN = frozenset("""he she they it we i you who which that also then and but has have
had was were is are be been""".split())
_PEOPLE_NOUNS = frozenset("""man woman boy girl person child kid baby guy fellow lady
gentleman someone somebody friend""".split())
# `asked her to test a drug`: a request, not words
_ASKED_TO = re.compile(r"\s+(?:her|him|them|me|us|you|(?:[A-Z][\w'’-]+\s+){1,3})\s*to\s+[a-z]")
# `the Bush campaign`: a name used as a modifier, not a person in the sentence
_ATTRIBUTIVE = re.compile(r" [a-z]+\b(?! of\b)")
# A subordinate clause opening a sentence, up to its comma: the subject comes after it.
_OPENING_CLAUSE = re.compile(r"\s*(?:[A-Z][a-z]+,\s+)?(?:[Bb]y the time|[Ww]hen|[Aa]fter|[Bb]efore|"
                             r"[Ww]hile|[Aa]lthough|[Tt]hough|[Bb]ecause|[Ss]ince|[Oo]nce|[Uu]ntil)"
                             r"\b[^,;:\"“”]{1,150},\s+")
# `the Weather Service was calling Georges "..."`: a finite verb, whose subject comes before
_PROGRESSIVE = frozenset("is was are were been be am".split())
_OPENS_QUOTE = re.compile(r"[ \t]*[\"“]")
_AGE = re.compile(r"\d+-year-old")
# Offices one person holds: "the president" is not the last person named when the text gives
# that person another office ("press secretary Lena Ortiz").
_OFFICES = frozenset("""president premier chancellor minister secretary governor mayor senator
king queen pope ambassador chairman chairwoman judge commissioner spokesman spokeswoman
spokesperson""".split())
# Nouns that describe one person the text has named, as role words do: `," the Spaniard said`
# (after "Arsenal manager Mikel Santos"), `," the veteran said`.
_DESCRIBING_NOUNS = frozenset("""spaniard frenchman frenchwoman englishman englishwoman irishman
irishwoman scotsman scotswoman welshman welshwoman dutchman dutchwoman briton scot dane swede
finn pole turk kiwi american german italian russian australian canadian brazilian argentine
argentinian mexican japanese chinese indian kenyan nigerian ethiopian portuguese belgian swiss
austrian norwegian croat serb greek israeli iranian egyptian colombian chilean
veteran youngster teenager rookie midfielder boss""".split())
# `the Eastlake, Ohio, resident`: "the" and a place written before a description
_PLACE_BEFORE = re.compile(r"(?<![\w-])the\s+(?:[A-Z][\w.'’-]*,?\s+){1,4}$")
_NO_ONE = frozenset("it they we i you one this that who which there these those".split())
_TIME_UNITS = frozenset("day week month year hour minute".split())
_QUANTITY_WORDS = frozenset("""a an few several some many two three four five six seven eight
nine ten""".split())
_WEEKDAYS_MONTHS = terms.WEEKDAYS_MONTHS | frozenset("""today yesterday morning afternoon evening
night week month year""".split())
_BOUNDARY_WORDS = frozenset("""and but or that while as after before because when where if
though although since so than whereas said says told""".split())
_DETERMINERS = frozenset("the a an one two three some several many its his her their our this "
                         "that these those another".split())
_WORDS = re.compile(r"[\w'’.-]+|[^\w\s]")
# A word describing the person named next: "tearful", "46-year-old" (not "of": `said the
# mother of X` is not X).
_DESCRIBING_WORD = re.compile(r"[a-z0-9][a-z0-9-]*[a-z]")
_WORD = re.compile(r"[\w'’.-]+")
_SENTENCE_BREAK = re.compile(r"[a-z0-9)][.!?][\"”’]?\s+(?=[A-Z\"“])")
_SPACES = re.compile(r"\s+")
_HE_OR_SHE = re.compile(r"\b(?:he|she)\b")
_APPOSITION_AFTER = re.compile(r",[^,.;:\"“”\n]{1,80},\s+")
_STATEMENT = re.compile(r"(?:a |the |in a |its |his |her )?(?:\w+ )?(?:statement|message|letter|"
                        r"memo|announcement|release|communiqu[eé]) (?:from|by|issued by|"
                        r"released by) "
                        r"(?:the )?")
_ORGANISATION_NOUNS = frozenset("""group organisation organization company firm charity agency
party union ministry authority council committee association department office commission
board club league federation foundation institute court police army congress parliament
assembly senate tribunal bank embassy bureau service university college hospital clinic
church movement front coalition alliance network newspaper""".split())
_ANONYMOUS = re.compile(r"\banonymity\b|\b(?:not to be|not be|without being) (?:named|"
                        r"identified|quoted by name)\b|\bdeclined to be (?:named|identified)\b")
_SUBORDINATORS = frozenset("while although though whereas as if when after before since".split())
_QUOTE_MARKS = frozenset('"“”‘’')
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # with the accented letters of Latin-1 ("Agustín")
_NAME_WORD = re.compile(rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?")
_SURNAME_WORD = re.compile(rf"(?:Mc|Mac|O['’])?[{_UPPER}][{_LOWER}]+")
_MEDIA_NOUNS = frozenset("radio television".split())
# "Tehran radio", "Iranian state television": a broadcaster the text names without a name
# spaCy sees (capitalised words, then the medium; "state" may come between).
_MEDIA = re.compile(r"(?<![\w-])((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+(?:\s+state)?)\s+"
                    r"(radio|television)\b")
_DISCOURSE = frozenset("""however but and meanwhile also still yet so then now instead earlier
later indeed separately""".split())
_POSSESSIVES = frozenset("his her their its the a an".split())
# Asides between a subject and its speech verb: `Muxie on the other hand said`.
_ASIDES = [p.split() for p in ("on the other hand", "for his part", "for her part",
                               "for their part", "for its part", "in turn", "in response")]
# Before a speech verb's form these make it a noun: "The protests", "their promises".
_NOUN_DETERMINERS = _POSSESSIVES | frozenset("these those our my your such".split())
_RELATIVES = frozenset("who which whose whom that where when".split())
_PASSIVE = frozenset("be been being is was were are".split())
_PREPOSITIONS = frozenset("in at for of from with on by near to into inside outside".split())
# Lowercase words that do not describe the person named after them (`said today X` is not
# a job title).
_NOT_OCCUPATIONS = _PREPOSITIONS | frozenset("""the a an and or but that this it its his her
their today yesterday tonight then also again later earlier recently""".split())
# `quoted X as saying`, `quoted X, head of the committee, as saying`
_QUOTED_OBJECT = (r"\s+(?!by\s)((?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)"
                  r"(?:,[^,\"“”]{1,80},)?\s+as\s+")
_QUOTED_AS = re.compile(_QUOTED_OBJECT + "say")
_STRAY_COMMA = re.compile(r",\s+")
# `quotes X as saying`, `quotes X, a founder, as describing`, ending where the participle starts
_QUOTES_AS = re.compile(r"\bquotes" + _QUOTED_OBJECT + "$")
_OBJECT_PRONOUNS = {"him": "he", "her": "she"}
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_DOCUMENT_NOUNS = frozenset("""statement filing report release communique communiqué letter
announcement memo bulletin handbook manual pamphlet brochure leaflet platform note message e-mail
email fax""".split())
# A quote's closing mark, then a name or he/she and one verb that ends the clause.
_NAME_THEN_VERB = re.compile(r"[,?!\x1f][\"”]\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*|he|she)"
                             r"\s+([a-z]+)(?=[.,]|\s+(?:on|in|via|from|late|early|as)\s)")
# What follows a dateline's place: `SOUTHAMPTON, N.Y. _`, `LONDON (AP) _`, `PARIS —`.
_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|_|—|--|-\s)")
# Things with words on them that no one is named for: `the sign read "..."`.
_INSCRIPTIONS = frozenset("""sign signs banner banners marquee placard placards poster posters
plaque inscription billboard sticker stickers t-shirt t-shirts graffiti headline headlines
caption label""".split())
_INSCRIPTION_READ = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+){0,2}?(" + "|".join(sorted(
    _INSCRIPTIONS)) + r")\s+(?:[a-z]+\s+){0,4}?(?:read|reads|said|says)\b")
# `said Farrakhan "has clearly offensive views"`, `said Beijing had moved`: a name after the
# verb that a quote or a verb follows is the subject of the words reported, not who spoke them.
_NAME_AFTER_VERB = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s+(?=\S)")
# A sentence opening on its speech verb, the speaker and a colon after: `Says McCarty: "`
# (not "Said Hilali Moussa, chief of ...": Said is also a first name).
_SAYS_AT_START = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Says|Said|Adds|Added|Asks|Asked|Agreed"
                            r"|Agrees|Explained|Explains|Recalled|Recalls|Noted|Notes|Warned"
                            r"|Countered|Replied|Continued)"
                            r"\s+(?=[A-Z](?:[^.!?\n\"“:]|(?<=[A-Z][a-z])\.){0,80}:)")
# `..., as X put it` (or described it, called it): X's words.
_AS_X_PUT_IT = re.compile(r"\bas\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)(?:,[^,.;\"“”]{1,90},)?"
                          r"\s+(?:put|puts|"
                          r"described|describes|called|calls|phrased)\s+it\b")
_BY_AGENT = re.compile(r"\s+by\s+(?=[A-Z])")
# `X's annual report`: the owner of a document, up to three words before its noun.
# A relative the text names: "his mother, Maria", "Evan's father, Benton", "Robin Brown, his
# mother"; "mom" and "dad" are the mother and father.
_KIN_WORDS = {w: {"mom": "mother", "dad": "father"}.get(w, w) for w in KIN_NOUNS
              if not w.endswith("s") and w != "children"}  # one relative speaks
_NAMED_KIN_BEFORE = re.compile(r"\b" + KIN_PHRASE + r",\s+")
_NAMED_KIN_AFTER = re.compile(r",\s+" + KIN_PHRASE + r"\b")
_OWNER_BEFORE = re.compile(r"(\S+?)['’]s\s+(?:[a-z-]+\s+){0,3}$")
# `said an editorial in the People's Daily`: a newspaper's or a body's writing, whose name
# follows (a day's name may come between: "prepared for Friday's People's Daily")
_PUBLISHED_NOUNS = frozenset("editorial commentary article column".split())
# What an outlet is called after its name: `London's Guardian newspaper said`, `the Xinhua
# news agency reported`: the outlet's words.
_OUTLET_NOUNS = frozenset("newspaper paper daily weekly magazine tabloid agency".split()) | (
    _MEDIA_NOUNS)
_PUBLISHED_IN = re.compile(r"(?:an?|the)\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(
    _PUBLISHED_NOUNS | {"report"})) + r")\s+(?:in|of|for|from|by|prepared\s+for|published\s+"
                           r"(?:in|by)|carried\s+by)\s+(?:the\s+)?(?:[A-Z][a-z]+day['’]s\s+)?")
# What someone writes: "the memo said" is its writer's, where the text says who wrote it.
_WRITTEN_NOUNS = frozenset("""memo letter message e-mail email note warning fax report study
survey document ruling decision order resolution complaint lawsuit petition proposal disclaimer
notice advisory assessment audit""".split())
# Between a document and its writer: `the memo, written by X`, `a report released by X`.
_WRITTEN_VERBS = frozenset("""written issued released sent signed published prepared compiled
drafted commissioned produced the a an from by""".split())
# What an organisation issues: "the statement said" is the organisation's.
_ISSUED_NOUNS = frozenset("statement announcement communique communiqué release".split())
# `," the statement read`: the document's writer or issuer speaks.
_DOCUMENT_READ = re.compile(r"\b[Tt]he\s+(" + "|".join(sorted(_WRITTEN_NOUNS | _ISSUED_NOUNS))
                            + r")\s+read\b")
_READ_STATEMENT = re.compile(r"(?<![\w-])read\s+(?:a|an|the)\s+((?:[\w'’.-]+\s+){0,6}?(?:statement|"
                             r"communiqu[eé]|release)(?:\s+(?:from|by|issued\s+by)\s+(?:the\s+)?"
                             r"(?:[\w'’.-]+\s*){1,6})?)")
# `X, researcher at Y said`: the person, whose role at the organisation sits between.
_ROLE_AT_ORGANISATION = re.compile(r",\s+(?:an?\s+|the\s+)?((?:[\w'’.-]+\s+){1,4})(?:of|at|for|"
                                   r"with|from)\s+(?:the\s+)?")
_OF_ORGANISATION = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}")


@dataclass(slots=True)
class _Speaker:
    """Who spoke, or a description of someone unnamed (`name` None)."""

    name: str | None
    kind: str | None = None
    description: str | None = None  # "senior Kurdish source", for an unnamed speaker


@dataclass(slots=True)
class _Event:
    """A speech verb and its resolved subject."""

    position: int
    speaker: _Speaker


@dataclass(slots=True)
class _Found:
    article_index: int
    start: int
    end: int
    speaker: _Speaker
    is_partial: bool
    paragraph: int


def _genders(entities: EntityIndex) -> dict[str, str]:
    """"m" or "f" for the people a title tells ("Mr Trump", "Ms Sanders"), else their first
    name ("Bill Clinton", "Louise Slaughter")."""
    genders: dict[str, str] = {}
    for mentions in entities.mentions:
        for m in mentions:
            if m.kind == PERSON and m.text != m.entity:
                gender = gender_of_title(m.text)
                if gender:
                    genders.setdefault(m.entity, gender)
    for entity in entities.entities:
        if entity.kind == PERSON and entity.name not in genders:
            gender = gender_of_first_name(entity.name)
            if gender:
                genders[entity.name] = gender
    return genders


class _ArticleQuotes:
    """The quotes of one article and the speech events that attribute them."""

    def __init__(self, index: int, text: str, mentions: Sequence[Mention],
                 entities: EntityIndex, genders: dict[str, str],
                 tags: TokenTags | None = None) -> None:
        self.index = index
        self.tags = tags
        self.text = text
        self.entities = entities
        self.genders = genders
        self.mentions = list(mentions)
        self.by_end = {m.end: m for m in mentions}
        self.by_start = {m.start: m for m in mentions}
        self.mention_starts = [m.start for m in mentions]
        self.events: list[list[_Event]] = []  # per paragraph before the current one
        self.current: list[_Event] = []  # the current paragraph's, as they are found
        self.quoted: list[tuple[int, int]] = []  # spans of quoted words so far
        self.words_of: set[int] = set()  # where "in the words of X" gives a quote's speaker
        self.paragraphs = list(paragraphs(text))
        self.paragraph_starts = [p[0] for p in self.paragraphs]
        self.single_marks = not _DOUBLE_MARKS.search(text)

    def quotes(self) -> list[_Found]:
        found: list[_Found] = []
        previous_ran_on = False
        last_speaker: _Speaker | None = None  # of the previous paragraph's last quote
        for number, (p_start, p_end) in enumerate(self.paragraphs):
            spans = _pair_marks(self.text, p_start, p_end, self.single_marks)
            if spans and previous_ran_on and spans[0].open_mark == p_start:
                spans[0].continues = True
            self.quoted.extend((s.start, s.end) for s in spans)
            masked = _masked(self.text, p_start, p_end, spans)
            ends = _sentence_ends(self.text, masked, p_start, spans)
            events = self._events(number, masked, p_start, ends)
            in_paragraph: list[_Found] = []
            for n, span in enumerate(spans):
                quote = self._attribute(span, spans, n, masked, p_start, ends, events,
                                        in_paragraph, last_speaker, number)
                if quote is not None:
                    in_paragraph.append(quote)
            self.events.append(events)
            found.extend(in_paragraph)
            if in_paragraph:
                last_speaker = in_paragraph[-1].speaker
                if last_speaker.name:  # words carried on count as a speech event
                    events.append(_Event(in_paragraph[-1].start, last_speaker))
                    events.sort(key=lambda e: e.position)
            else:
                last_speaker = None
            previous_ran_on = bool(spans) and spans[-1].ran_on
        return found

    # --- attribution ----------------------------------------------------------------------

    def _attribute(self, span: _Span, spans: list[_Span], n: int, masked: str, base: int,
                   ends: list[int], events: list[_Event], earlier: list[_Found],
                   last_speaker: _Speaker | None, number: int) -> _Found | None:
        content = self.text[span.start:span.end]
        words = content.split()
        if not words or not any(c.isalnum() for c in content):
            return None
        sentence_start = _sentence_start(ends, span.open_mark - base) + base
        sentence_end = _sentence_end(ends, span.close_mark - base, len(masked)) + base
        prefix = masked[sentence_start - base:span.open_mark - base].rstrip()
        is_embedded = bool(prefix) and prefix[-1] not in ":,;" and not span.continues and not (
            _last_word(prefix) in SPEECH_VERBS and content[:1].isupper())
        is_partial = is_embedded and not (content[:1].isupper()
                                          and re.search(r"[.!?]\s+[“\"‘']?[A-Z]", content))
        if n > 0 and not is_embedded and prefix.endswith(",") and earlier and (
                spans[n - 1].close_mark >= sentence_start):
            is_partial = earlier[-1].is_partial  # `"...," she said, "but ..."`: as the first

        # Right after the closing mark (`," Ms Sanders said`, `," said X`), or the last speech
        # verb before it in its sentence (`X said that "..."`, `X said: "`): a quote inside
        # the writer's sentence looks back first, a quote that stands alone forward.
        limit = min([s.open_mark for s in spans[n + 1:]] + [sentence_end])
        after = next((e for e in events if span.close_mark < e.position < limit and _word_count(
            masked[span.close_mark + 1 - base:e.position - base]) <= 8), None)
        if after is None and content.rstrip()[-1:] in ("?", "!"):
            # `"Is there any way?" Tambara asked.`: the question mark ended the sentence
            next_open = min([s.open_mark for s in spans[n + 1:]] + [len(self.text)])
            after = next((e for e in events if span.close_mark < e.position < next_open
                          and _word_count(masked[span.close_mark + 1 - base:e.position - base])
                          <= 3), None)
        before = next((e for e in reversed(events)
                       if sentence_start <= e.position < span.open_mark
                       and (e.speaker.name or e.speaker.description)), None) or next(
            (e for e in reversed(events) if sentence_start <= e.position < span.open_mark),
            None)  # `X recalled a poll that asked ...: "..."`: X, not the poll
        later = next((e for e in events if span.close_mark < e.position < sentence_end), None)
        event = (before or after or later) if is_embedded else (after or before or later)
        if is_embedded and after is not None and content.rstrip().endswith(",") and _word_count(
                masked[span.close_mark + 1 - base:after.position - base]) == 0 and not (
                    masked.startswith("according", after.position - base)):
            event = after  # `Bush could say is "nothing," said Bob Mann`: Mann's word
            # (not `X said he was not making a threat "but a warning," according to Interfax`)
        if event is before and before is not None and not (
                before.speaker.name or before.speaker.description) and after is not None and (
                after.speaker.name):
            event = after  # `the public condemns ... "queer values," as Pinkerton put it`
        if event is later and later is not None and not is_embedded and earlier and earlier[
                -1].paragraph == number and earlier[-1].speaker.name and _word_count(
                    masked[span.close_mark + 1 - base:later.position - base]) > 8:
            event = None  # `"A," X said. "B" ... Y agreed`: B is X's, carried on
        if after is not None and after.position in self.words_of:
            event = after  # `an effort to "change the subject," in the words of X`: X's
        speaker: _Speaker | None = event.speaker if event else None
        if speaker is None and not is_partial:
            speaker = self._carried_on(span, n, prefix, base, sentence_start, events, earlier,
                                       last_speaker, number)
        if speaker is None and event is None and not is_partial and not prefix and not (
                earlier and earlier[-1].paragraph == number):
            # a sentence of its own that no verb attributes, after one about a person:
            # `Hale uses music to calm his clients. "I help them ..."`
            speaker = self._previous_sentence_subject(sentence_start, number)
        if speaker is None and event is None and is_partial and len(words) > 2:
            # `Farris believes that Bush has views "in his heart"`: the sentence's subject
            speaker = self._clause_subject(sentence_start, span.open_mark)
            if speaker is None:
                # `"It is a sacred way of life," he said. Whaling "involves so much ..."`:
                # the words go on from the one who spoke in the paragraph's sentence before
                speaker = self._spoke_just_before(sentence_start, number, events, earlier)
        if speaker is None and is_partial and len(words) <= 2:
            return None  # a scare quote or a name, not someone's words
        return _Found(self.index, span.start, span.end, speaker or _Speaker(None), is_partial,
                      number)

    def _spoke_just_before(self, sentence_start: int, number: int, events: list[_Event],
                           earlier: list[_Found]) -> _Speaker | None:
        """The named speaker of the sentence just before, in the same paragraph: of a full
        quote or a speech verb ("says Jones"), not of "according to"."""
        previous = self._sentence_opening(self.paragraphs[number][0], max(0, sentence_start - 1))
        spoken = [f.speaker for f in earlier if f.paragraph == number and not f.is_partial and (
            previous - 1 <= f.start < sentence_start)]
        spoken += [e.speaker for e in events if previous <= e.position < sentence_start and not (
            self.text[e.position:e.position + 12].lower().startswith(("according",
                                                                      "in the words")))]
        # (not `"..." according to the mayor. A banner with "..." was put up`)
        named = {s.name for s in spoken if s.name}
        if len(named) == 1 and all(s.name for s in spoken):
            return next(s for s in spoken if s.name)
        return None

    def _carried_on(self, span: _Span, n: int, prefix: str, base: int, sentence_start: int,
                    events: list[_Event], earlier: list[_Found], last_speaker: _Speaker | None,
                    number: int) -> _Speaker | None:
        """The speaker of a quote its own sentence does not attribute: the one whose words
        run on from the paragraph before, the paragraph's earlier quote or speech verb, the
        subject of a sentence that introduces it (`She defended the plan: "..."`), the
        previous paragraph's quote, or a paragraph that ends `X said:`."""
        if span.continues and last_speaker is not None:
            return last_speaker
        if earlier and earlier[-1].speaker.name:
            return earlier[-1].speaker
        named = [e for e in events if e.position < span.open_mark and e.speaker.name]
        if named:
            return named[-1].speaker
        if prefix and prefix[-1] in ":,;":
            if _ANONYMOUS.search(self.text, sentence_start, span.open_mark):
                return _Speaker(None)  # `An aide who spoke on condition of anonymity put it:`
            subject = self._sentence_subject(base, sentence_start, number, span.open_mark)
            if subject is not None:
                return subject
        if n == 0 and not prefix and span.open_mark > self.paragraphs[number][0] + 1:
            # `X, a driver for a bus firm, was on the bridge. "The deck just dropped"`:
            # the person the paragraph's sentence before is about, not the last speaker
            subject = self._previous_sentence_subject(sentence_start, number)
            if subject is not None:
                return subject
        if n == 0 and not prefix and last_speaker is not None and last_speaker.name:
            return last_speaker
        if n == 0 and not prefix and self.events and self.events[-1]:
            if self.text[:base].rstrip().endswith(":"):
                return self.events[-1][-1].speaker
        return None

    def _previous_sentence_subject(self, sentence_start: int, number: int) -> _Speaker | None:
        """The person the paragraph's sentence before `sentence_start` makes its subject (the
        first person it names outside quotes, a finite verb after the name), if any."""
        paragraph_start = self.paragraphs[number][0]
        if self.tags is None or sentence_start <= paragraph_start:
            return None
        previous = max(self._last_full_stop(paragraph_start, sentence_start - 2) + 2,
                       paragraph_start)
        i = bisect.bisect_left(self.mention_starts, previous)
        while i < len(self.mentions) and self.mentions[i].start < sentence_start:
            mention = self.mentions[i]
            i += 1
            if mention.kind != PERSON or self._is_quoted(mention.start):
                continue
            if not mention.text[:1].isupper():  # "the senator": a description, not a name
                return None
            following = _SPACES.match(self.text, mention.end)
            apposed = _APPOSITION_AFTER.match(self.text, mention.end)  # `X, a reporter, was`
            if self.tags.at(following.end() if following else mention.end) in (
                    FINITE_VERB_TAGS) or (apposed is not None and self.tags.at(
                        apposed.end()) in FINITE_VERB_TAGS):
                return self._named(mention)
            return None
        return None

    # --- speech events --------------------------------------------------------------------

    def _events(self, number: int, masked: str, base: int, ends: list[int]) -> list[_Event]:
        events: list[_Event] = []
        self.current = events
        for match in _VERB.finditer(masked):
            verb = match.group()
            if verb.lower() in ("according to", "in the words of"):
                verb = verb.lower()  # `According to the BBC, "..."` opening a sentence
            position = base + match.start()
            if _last_word(masked[max(0, match.start() - 12):match.start()]).lower() in (
                    _NOUN_DETERMINERS):
                continue  # "The protests", "his remarks": nouns, not speech
            if verb == "called" and _names_a_thing(masked, match.start(), match.end()):
                continue  # "an unapproved drug called Celebra": a name, not words
            if verb in ("asked", "asks") and (masked.startswith(" for ", match.end()) or (
                    _ASKED_TO.match(masked, match.end()))):
                continue  # "leaders have asked for meetings", "asked her to test": requests
            if verb in ("agreed", "agrees") and masked.startswith(" to ", match.end()):
                continue  # "Lisbon and Jakarta have agreed to discuss": a deal, not words
            sentence_start = _sentence_start(ends, match.start())
            speaker: _Speaker | None
            progressive = verb in PARTICIPLES and _last_word(
                masked[sentence_start:match.start()]).lower() in _PROGRESSIVE
            if verb in PARTICIPLES and not progressive:
                if masked[max(0, match.start() - 10):match.start()].endswith("quoted as "):
                    continue  # `X was quoted as saying`: the event is "quoted"
                speaker = next((e.speaker for e in reversed(events)
                                if e.position >= base + sentence_start), None)
                quotes = _QUOTES_AS.search(masked, sentence_start, match.start())
                if speaker is None and quotes is not None:
                    # `Barksdale quotes Rosen as saying`: Rosen ("quotes" alone is no speech:
                    # `Ms Finch also quotes several other witnesses:`)
                    speaker = self._quoted_object(masked, base, quotes.start(1), number)
                if speaker is None:
                    speaker = self._sentence_subject(base, base + sentence_start, number,
                                                     position)
            elif verb in ("according to", "in the words of"):
                speaker = self._subject_after(masked, base, match.end(), number)
                if verb == "in the words of":
                    self.words_of.add(position)
            elif verb == "quoted" and (quoted := _QUOTED_AS.match(masked, match.end())) and (
                    _last_word(masked[sentence_start:match.start()]) not in _PASSIVE):
                # `NTV quoted him as saying`: the one quoted spoke, not the outlet
                speaker = self._quoted_object(masked, base, quoted.start(1), number)
            elif verb != "quoted" and (by := _BY_AGENT.match(masked, match.end())) and (
                    _last_word(masked[sentence_start:match.start()]) in _PASSIVE):
                # (`X was quoted by Reuters as saying` is X's, below)
                # `Reid is said by Walsh to be an "unusually quick reader"`
                speaker = self._subject_after(masked, base, by.end(), number)
            else:
                speaker = self._subject_before(masked, base, sentence_start, match.start(),
                                               number,
                                               is_passive_ok=verb == "quoted" or progressive)
                if speaker is not None and speaker.kind == PLACE and verb in _INVERTIBLE and (
                        masked[:match.start()].rstrip().endswith(",")):
                    # `... back to Norway, said one Nordic diplomat`: who follows spoke
                    speaker = self._subject_after(masked, base, match.end(), number) or speaker
                if speaker is not None and speaker.name is None and verb in _INVERTIBLE and (
                        masked[:match.start()].rstrip().endswith(",")) and not (
                        self._reports_on(masked, base, match.end())):
                    # `... has a designer, too, said Johnson`: not a description of a clause
                    speaker = self._subject_after(masked, base, match.end(), number) or speaker
                if speaker is None and verb in _INVERTIBLE and not masked[
                        sentence_start:match.start()].rstrip().endswith(" and"):
                    # `"...," said X`, not `Police arrested X and said he ...`
                    speaker = self._subject_after(masked, base, match.end(), number)
            if speaker is not None:
                events.append(_Event(position, speaker))
        if self.tags is not None:  # `"...," Whaley sniffed.`: any verb right after the name
            for match in _NAME_THEN_VERB.finditer(masked):
                verb_at = base + match.start(2)
                if match.group(2) in SPEECH_VERBS or self.tags.at(verb_at) not in (
                        "VBD", "VBZ"):
                    continue
                subject = match.group(1)
                who: _Speaker | None
                if subject in ("he", "she"):
                    who = self._pronoun(subject, base + match.start(1), number)
                else:
                    found = self.by_end.get(base + match.end(1))
                    who = self._named(self._owner(found)) if found is not None and (
                        found.kind == PERSON) else None
                if who is not None:
                    events.append(_Event(verb_at, who))
        for match in _SAYS_AT_START.finditer(masked):  # `Says McCarty: "..."`
            speaker = self._subject_after(masked, base, match.end(), number)
            if speaker is not None:
                events.append(_Event(base + match.start(), speaker))
        for match in _AS_X_PUT_IT.finditer(masked):  # `"queer values to suburbia," as
            speaker = self._subject_after(masked, base, match.start(1), number)  # X put it`
            if speaker is not None and speaker.name:
                events.append(_Event(base + match.start(), speaker))
                self.words_of.add(base + match.start())  # X's, whoever spoke before
        for match in _READ_STATEMENT.finditer(masked):  # `," read a Foreign Ministry statement`
            body = self._statement_body(base + match.start(1), base + match.end(1))
            if body is not None:
                events.append(_Event(base + match.start(), body))
        for match in _INSCRIPTION_READ.finditer(masked):  # `," the sign read`: no one named
            events.append(_Event(base + match.start(1), _Speaker(
                None, description="the " + match.group(1).lower())))
        for match in _DOCUMENT_READ.finditer(masked):  # `," the statement read`: its issuer
            author = self._organisation_named(["the", match.group(1).lower()],
                                              base + match.start())
            if author is not None:
                events.append(_Event(base + match.start(1), author))
        events.sort(key=lambda e: e.position)
        return events

    def _named_just_before(self, position: int) -> Mention | None:
        """The organisation or person whose name ends a few words before `position` in the
        same clause (a name spaCy cut short: "the World Wide Fund" of "... for Nature")."""
        i = bisect.bisect_left(self.mention_starts, position) - 1
        if i < 0:
            return None
        mention = self.mentions[i]
        between = self.text[mention.end:position]
        if mention.kind in (PERSON, ORGANIZATION) and len(between.split()) <= 2 and not re.search(
                r"[,.;:\"“”]", between):
            return mention
        return None

    def _reports_on(self, masked: str, base: int, verb_end: int) -> bool:
        """Whether the name right after a speech verb is the subject of what is reported
        (`said Beijing had moved`, `said Farrakhan "has ..."`), not an inverted speaker."""
        name = _NAME_AFTER_VERB.match(masked, verb_end)
        if name is None:
            return False
        following = masked[name.end()]
        return following in "\"“" or (self.tags is not None and self.tags.at(
            base + name.end()) in FINITE_VERB_TAGS)

    def _quoted_object(self, masked: str, base: int, start: int, number: int
                       ) -> _Speaker | None:
        word = _WORD.match(masked, start)
        if word is not None and word.group().lower() in _OBJECT_PRONOUNS:
            return self._pronoun(_OBJECT_PRONOUNS[word.group().lower()], base + start, number)
        return self._subject_after(masked, base, start, number)

    def _statement_body(self, start: int, end: int) -> _Speaker | None:
        """The organisation or person named in the words of a statement's description."""
        i = bisect.bisect_left(self.mention_starts, start)
        while i < len(self.mentions) and self.mentions[i].start < end:
            mention = self.mentions[i]
            if mention.kind in (ORGANIZATION, PERSON) and mention.end <= end:
                return self._named(mention)
            i += 1
        return None

    def _subject_before(self, masked: str, base: int, sentence_start: int, verb_start: int,
                        number: int, is_passive_ok: bool = False) -> _Speaker | None:
        """The subject just before a speech verb: a name, a pronoun, or a description."""
        region_start = max(sentence_start, verb_start - 240)
        tokens = [(m.start(), m.end(), m.group())
                  for m in _WORDS.finditer(masked, region_start, verb_start)]
        j = len(tokens) - 1
        if j >= 0 and tokens[j][2].lower() in _PASSIVE and not is_passive_ok:
            return None  # "no worker would be dismissed"
        while j >= 0:
            word = tokens[j][2]
            lower = word.lower()
            phrase = next((p for p in _ASIDES if j >= len(p) - 1 and [
                t[2].lower() for t in tokens[j - len(p) + 1:j + 1]] == p), None)
            if phrase is not None:
                j -= len(phrase)  # `Muxie on the other hand said`
            elif (lower in _AUXILIARIES and base + tokens[j][1] not in self.by_end) or (
                    word.islower() and lower.endswith("ly") and len(word) > 4):
                j -= 1  # ("May said" is Steve May when the text names him)
            elif (lower in _WEEKDAYS_MONTHS or word.isdigit()) and j > 0 and (
                    tokens[j - 1][2] in ("on", "last", "this") or tokens[j - 1][2].lower()
                    in _WEEKDAYS_MONTHS):
                j -= 2 if tokens[j - 1][2] in ("on", "last", "this") else 1
            elif lower in _WEEKDAYS_MONTHS and j > 0 and base + tokens[j - 1][1] in self.by_end:
                j -= 1  # `Martin Indyk Sunday reiterated`
            elif word in POSTNOMINALS and j > 0 and base + tokens[j - 1][1] in self.by_end:
                j -= 1  # `Neil Flewitt QC claimed`
            elif word == ")" and (opening := _opening(tokens, j)) is not None:
                j = opening - 1  # `Maxey (D-Austin) said`
            elif lower.rstrip("s") in _TIME_UNITS and j > 0 and (
                    tokens[j - 1][2].lower() in _QUANTITY_WORDS or tokens[j - 1][2].isdigit()):
                j -= 1  # `A company memo a few days later said` ("later" skipped above)
                while j >= 0 and (tokens[j][2].lower() in _QUANTITY_WORDS
                                  or tokens[j][2].isdigit()):
                    j -= 1
            else:
                break
        if j < 0:
            return None
        if j >= 2 and [t[2] for t in tokens[j - 2:j + 1]] == ["went", "on", "to"]:
            j -= 3  # "The President went on to accuse"
        if j < 0:
            return None
        if tokens[j][2] in ("and", "but"):  # `X termed it "..." and said`: X again
            return next((e.speaker for e in reversed(self.current)
                         if e.position >= base + sentence_start), None) or self._clause_subject(
                base + sentence_start, base + tokens[j][0])
        return self._subject_ending_at(tokens, j, base, number, depth=0)

    def _subject_ending_at(self, tokens: list[tuple[int, int, str]], j: int, base: int,
                           number: int, depth: int) -> _Speaker | None:
        word = tokens[j][2]
        if word == ")" and (opening := _opening(tokens, j)) is not None and opening >= 1:
            # `The Justice Policy Institute (JPI), a think tank, said`
            return self._subject_ending_at(tokens, opening - 1, base, number, depth)
        if word == ",":  # `X, the head of ..., said` or `Its chief, retired Gen. X, said`
            return self._apposed(tokens, j, base, number, depth) if depth < 2 else None
        opened = self._open_apposition(tokens, j, base)
        if opened is not None:  # `Berg, the deputy chair of the Senate of Varn has stated`
            return self._named(opened)
        mention = self.by_end.get(base + tokens[j][1])
        if mention is not None and mention.text[:1].islower() and _ANONYMOUS.search(
                self.text, max(0, base + tokens[j][0] - 400), base + tokens[j][0]):
            # "the senator said" after "One senior senator, speaking on the condition of
            # anonymity": that unnamed senator, not the senator the story names
            return _Speaker(None, description=mention.text)
        if mention is not None and mention.kind in (PLACE, ORGANIZATION) and depth < 2 and (
                self._after_preposition(mention)):
            # `X of the CDC in Atlanta told`, `A column on Sunday in The Varn
            # Courier said`: what comes before the preposition
            before = j - len(mention.text.split())
            if before >= 1 and tokens[before][2] in ("in", "at") and mention.kind == PLACE:
                found = self._subject_ending_at(tokens, before - 1, base, number, depth + 1)
                if found is not None and found.name:
                    return found
            words = [t[2].lower() for t in tokens[max(0, before - 5):before + 1]]
            if mention.kind == ORGANIZATION and words[-1:] == ["in"] and (
                    _DOCUMENT_NOUNS | _PUBLISHED_NOUNS).intersection(words):
                return self._named(mention)
        if mention is not None and mention.kind == PLACE and j >= 1 and tokens[j - len(
                mention.text.split())][2] == "," and depth < 2:
            # `X, lecturer at the University of Ostervik, Lunde said`: an address
            apposed = self._apposed(tokens, j - len(mention.text.split()), base, number,
                                    depth + 1)
            if apposed is not None and apposed.name and apposed.kind == PERSON:
                return apposed
        if mention is not None:
            owner = self._owner(mention)
            if owner is not mention or not self._after_preposition(mention):
                return self._named(self._surnamed(owner))
            organisation = self._body_of(mention)
            if organisation is not None:  # `The Transportation Safety Board of Canada said`
                return self._named(organisation)
        lower = word.lower()
        if mention is None and lower in _OUTLET_NOUNS and j >= 1:
            name_at = j - 1 - (tokens[j - 1][2] == "news" and j >= 2)
            outlet = self.by_end.get(base + tokens[name_at][1])
            if outlet is not None and outlet.kind == ORGANIZATION and not (
                    self._after_preposition(outlet)):  # not `a reporter for the X news agency`
                return self._named(outlet)
        if mention is None and lower in _DOCUMENT_NOUNS and j >= 1:
            author = self.by_end.get(base + tokens[j - 1][1])
            possessor = _OWNER_BEFORE.search(self.text, max(0, base + tokens[j][0] - 80),
                                             base + tokens[j][0])
            if author is None and possessor is not None:  # `the State Department's report`
                author = self.by_end.get(possessor.end(1))
            if author is not None and author.kind in (ORGANIZATION, PERSON):
                return self._named(author)  # `the Iridium filing said`
        if mention is None and lower in _PRONOUNS:
            return self._pronoun(lower, base + tokens[j][0], number)
        if mention is None and lower == "it":
            return self._it(base + tokens[j][0])
        if mention is None and lower == "who" and j >= 1 and (
                person := self.by_end.get(base + tokens[j - 1][1])) is not None and (
                person.kind == PERSON):
            return self._named(self._owner(person))  # `contender Gary Bauer who said`
        if mention is None and lower == "who" and j >= 3 and tokens[j - 1][2] != ",":
            # `Dr. Steven Bolling, a heart surgeon who describes himself as`: the person
            # before the apposition that ends in "who"
            for k in range(j - 1, max(0, j - 10), -1):
                if tokens[k][2] in _QUOTE_MARKS or tokens[k][2] in (".", ";"):
                    break
                if tokens[k][2] == "," and tokens[k + 1][2].lower() in ("a", "an", "the"):
                    person = self.by_end.get(base + tokens[k - 1][1])
                    if person is not None and person.kind == PERSON:
                        return self._named(self._owner(person))
                    break
        if mention is None and lower in ("who", "which") and j >= 2 and tokens[j - 1][2] == ",":
            antecedent = self.by_end.get(base + tokens[j - 2][1])
            if antecedent is not None:  # `Mayor X, who told reporters`; `the ministry, which`
                owner = self._owner(antecedent)
                if (owner.kind == PERSON) == (lower == "who") and not self._after_preposition(
                        owner):  # not `a source close to the command of X, who said`
                    return self._named(owner)
        if mention is None and lower in _NO_ONE:
            return _Speaker(None)
        k = j
        while k >= 0 and tokens[k][2][0].isalnum() and tokens[k][2].lower() not in (
                _BOUNDARY_WORDS) and j - k < 12:
            k -= 1
        phrase = [w for _, _, w in tokens[k + 1:j + 1]]
        sign = next((i for i, w in enumerate(phrase[1:4], 1) if w.lower() in _INSCRIPTIONS),
                    None)
        if sign is not None and phrase[0].lower() in _DETERMINERS and all(
                w.islower() for w in phrase[1:sign]):
            # `the sign read`, `The sign marking the way reads`: written words no one is
            # named for
            return _Speaker(None, description=" ".join(phrase[:4]).lower())
        if phrase and mention is None and self._is_definite(
                phrase, base + tokens[k + 1][0], k >= 0 and tokens[k][2] == ","):
            return self._definite_speaker(phrase, base + tokens[k + 1][0], number)
        if not phrase or not word[0].isalpha():
            return None
        for i in range(len(phrase) - 1, -1, -1):  # `the State Department's annual report on
            if phrase[i].lower() in _DOCUMENT_NOUNS:  # rights said`: the department
                noun_start = base + tokens[k + 1 + i][0]
                possessor = _OWNER_BEFORE.search(self.text, max(0, noun_start - 80), noun_start)
                author = self.by_end.get(possessor.end(1)) if possessor else None
                if author is not None and author.kind in (ORGANIZATION, PERSON):
                    return self._named(author)
                break
        if k >= 1 and tokens[k][2] == "," and phrase[0].lower() in _DETERMINERS:
            # `Walsh, the U.K.'s Trade Secretary said`: an apposition left open
            named = self.by_end.get(base + tokens[k - 1][1])
            if named is not None and self._after_preposition(named):
                # `In Boston, the senator said`, `In a post on Vox, the president wrote`: the
                # place or outlet opens the sentence; the description is the subject
                if self._is_definite(phrase, base + tokens[k + 1][0], False):
                    return self._definite_speaker(phrase, base + tokens[k + 1][0], number)
            elif named is not None:
                return self._named(self._owner(named))
            if depth < 2:  # `X, 30, a teacher carrying a flag told`: the person before
                apposed = self._apposed(tokens, k, base, number, depth + 1)
                if apposed is not None and apposed.name and apposed.kind == PERSON:
                    return apposed
        lowered = [w.lower() for w in phrase]
        if mention is not None and _STATEMENT.fullmatch(" ".join(lowered[:-len(
                mention.text.split())]) + " "):
            return self._named(mention)  # "a statement from the White House said"
        body = self._organisation_named(lowered, base + tokens[k + 1][0])
        if body is None and mention is None and lowered[0] == "the" and 2 <= len(lowered) <= 3 and (
                lowered[-1] in _OUTLET_NOUNS):
            # `the newspaper said` after `the China Youth Daily said`: the organisation that
            # spoke last, if one did nearby (not for `the memo said`: a memo's writer need
            # not have spoken)
            spoke = self._it(base + tokens[k + 1][0], back=2)
            body = spoke if spoke.name else None
        if body is None and mention is None and 2 <= len(lowered) <= 3 and (
                lowered[0] in ("his", "her", "their")) and lowered[-1] in _KIN_WORDS:
            child = self._pronoun("she" if lowered[0] == "her" else "he",
                                  base + tokens[k + 1][0], number) if lowered[0] != "their" else None
            body = self._relative(_KIN_WORDS[lowered[-1]], child.name if child else None,
                                  number)
            # `," his mother says`: the one the article names as his mother
        if body is None and mention is None and k >= 0 and tokens[k][2] in _QUOTE_MARKS:
            body = self._unrecognised_name(phrase)  # `," Esther Dalizu said`
        return body or _Speaker(None, description=_description(phrase))

    def _definite_speaker(self, phrase: list[str], start: int, number: int) -> _Speaker:
        """`," the 13-year-old says`, `," the Eastlake, Ohio, resident said`: the person the
        text is about, found as "she" would be; but `the official said` after "a State
        Department official" is that unnamed official."""
        head = re.escape(phrase[-1].rstrip("."))
        since = self.paragraphs[max(0, number - 1)][0]
        if re.search(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’.-]+\s+){{0,4}}?{head}\b",
                     self.text[since:start]):
            return _Speaker(None, description=_description(phrase))
        found = self._pronoun("the", start, number)
        entity = self.entities.entity(found.name) if found.name else None
        word = phrase[-1].lower().rstrip(".")
        if entity is not None and entity.roles and word in _OFFICES and not any(
                word in role_words(role) for role in entity.roles):
            # `the president wrote` after "press secretary Lena Ortiz": not her
            return _Speaker(None, description=_description(phrase))
        return found

    def _is_definite(self, phrase: list[str], start: int, after_comma: bool) -> bool:
        """A description of one person the text has named: "the" (or "the Eastlake, Ohio,"
        before it), then a singular role noun or an age ("the 13-year-old"); not one that
        ends an apposition (`Walsh, the Trade Secretary said`)."""
        head = phrase[-1].lower().rstrip(".")
        if not (_AGE.fullmatch(head) or head in _DESCRIBING_NOUNS or (
                is_role_word(head) and not head.endswith("s"))):
            return False
        if phrase[0] == "the":
            return len(phrase) >= 2 and not after_comma
        return len(phrase) == 1 and _PLACE_BEFORE.search(self.text, max(0, start - 60),
                                                          start) is not None

    def _unrecognised_name(self, phrase: list[str]) -> _Speaker | None:
        """Capitalised words just after a closing quote and before its speech verb, that
        spaCy did not see as a name. Two or three of them are a person (the story's longer
        form of the name where it has one: "Fundi Twawilou" of "Fundi Twawilou Abdulfateh");
        one is the person whose surname it misspells, or a person the text names so again
        (`," Annika said` after "Annika flops down")."""
        if len(phrase) == 1 and _SURNAME_WORD.fullmatch(phrase[0]):
            word = phrase[0]
            alike = {m.entity for m in self.mentions if m.kind == PERSON and " " in m.entity
                     and spelled_alike(m.entity.split()[-1].lower(), word.lower())}
            if len(alike) == 1:
                return _Speaker(alike.pop(), PERSON)
            if not alike and len(re.findall(rf"\b{word}\b", self.text)) >= 2 and (
                    not re.search(rf"\b{word.lower()}\b", self.text)):
                return _Speaker(word, PERSON)
            return None
        if not 2 <= len(phrase) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in phrase) or any(
                is_role_word(w) or w.lower() in _DETERMINERS for w in phrase):
            return None
        name = " ".join(phrase)
        known = self.entities.entity(name)
        if known is not None:
            return _Speaker(known.name, known.kind)
        longer = [e for e in self.entities.entities
                  if e.kind == PERSON and e.name.startswith(name + " ")]
        if len(longer) == 1:
            return _Speaker(longer[0].name, PERSON)
        return _Speaker(name, PERSON)

    def _relative(self, kin: str, of: str | None, number: int) -> _Speaker | None:
        """The one person the article names as someone's `kin` ("his mother, Mary", "Mary
        Hall, his mother"); not one it names as the `kin` of another than `of` ("Evan's
        mother, Mary" is not Sean's), or, when who `of` is is not known, of someone the
        paragraph (or the one before) does not name."""
        nearby: set[str] = set()
        if of is None:
            lo = bisect.bisect_left(self.mention_starts, self.paragraphs[max(0, number - 1)][0])
            hi = bisect.bisect_left(self.mention_starts, self.paragraphs[number][1])
            nearby = {m.entity for m in self.mentions[lo:hi]}
        found = set()
        for match in _NAMED_KIN_BEFORE.finditer(self.text):
            person = self.by_start.get(match.end())
            if person is not None and self._kin_of(match, kin, of, nearby):
                found.add(person.entity)
        for person in self.mentions:
            after = _NAMED_KIN_AFTER.match(self.text, person.end)
            if after is not None and self._kin_of(after, kin, of, nearby):
                found.add(person.entity)
        people = {name for name in found if (e := self.entities.entity(name)) is not None
                  and e.kind == PERSON}
        return _Speaker(people.pop(), PERSON) if len(people) == 1 else None

    def _kin_of(self, match: re.Match[str], kin: str, of: str | None, nearby: set[str]) -> bool:
        """Whether a kin phrase ("Evan's mother") names a `kin` of `of`, or, when `of` is
        not known, of one of the `nearby` people; "his mother" is anyone's."""
        if _KIN_WORDS.get(match.group(2).lower()) != kin:
            return False
        owner = self.by_end.get(match.end(1))
        if owner is None or match.group(1).lower() in ("his", "her", "their"):
            return True
        return owner.entity == of if of is not None else owner.entity in nearby

    def _organisation_named(self, phrase: list[str], position: int) -> _Speaker | None:
        """"the group", "the authority": the organisation the paragraph or the one before
        last named with that word (or, for "the group", any); "the Chilean government":
        the country."""
        governing = 3 <= len(phrase) <= 4 and phrase[0] == "the" and (
            phrase[-1] in ("government", "administration") or (
                phrase[-1] in ("ministry", "embassy") and (
                    len(phrase) == 3 or phrase[2] in ROLE_MODIFIERS)))
        if governing:
            # `the Chilean government said`, `the Libyan foreign ministry said`: the country
            stem = phrase[1][:4]
            for mention in reversed(self.mentions):
                if mention.kind == PLACE and mention.entity.lower().startswith(stem) and len(
                        stem) >= 4:
                    return self._named(mention)
            return None
        if len(phrase) == 2 and phrase[0] in ("his", "her") and phrase[1] in _WRITTEN_NOUNS:
            # "His report said": the person "his" is
            return self._pronoun("he" if phrase[0] == "his" else "she", position,
                                 self._paragraph_index(position))
        if len(phrase) == 2 and phrase[0] == "the" and phrase[1] in _WRITTEN_NOUNS:
            # "the memo said" after "The memo, from Dan Rosen," or "Rosen's memo": its writer
            noun = phrase[1]
            before = self.text[:position]
            for found in sorted([*re.finditer(
                    rf"\b{noun}s?\b[^.;]{{0,40}}?\b(?:from|by)\s+(?:the\s+)?|"
                    rf"['’]s\s+(?:[a-z-]+\s+)?{noun}\b", before),
                    *re.finditer(rf"(?<=[A-Za-z])\s+{noun}\b", before),
                    *re.finditer(rf"(?<=[A-Za-z.])\s+(?:said|says|warned|stated)\s+in\s+(?:a|an|"
                                 rf"its|their)\s+(?:[a-z-]+\s+)?{noun}\b", before)],
                    key=lambda m: m.end(), reverse=True):
                if found.group().startswith(("'", "’", " ")):  # `Rosen's memo`, `the JPI report`,
                    writer = self.by_end.get(found.start())  # `X said in a report`
                    if writer is None and " in " in found.group():  # `the World Wide Fund
                        writer = self._named_just_before(found.start())  # for Nature said in`
                elif any(w not in _WRITTEN_VERBS and not w[:1].isupper() and not w.isdigit()
                         for w in _WORD.findall(found.group())[1:]):
                    continue  # `The report relied on data from X`: not its writer
                else:
                    writer = self.by_start.get(found.end()) or self._person_after_description(
                        found.end())  # `The report by retired judge Sir Peter Dowd`
                if writer is not None and writer.kind in (PERSON, ORGANIZATION):
                    return self._named(writer)
            introduced = list(re.finditer(rf"\b[Ii]n\s+(?:a|an|its|their|a\s+new)\s+{noun}\b"
                                          rf"[^.;:\"“”]{{0,80}}?,\s+", before))
            if introduced:  # `In a report released Tuesday, the X Institute declares`: X
                i = bisect.bisect_left(self.mention_starts, introduced[-1].end())
                while i < len(self.mentions) and self.mentions[i].kind == PLACE and (
                        self.mentions[i].start < introduced[-1].end() + 40):
                    i += 1
                if i < len(self.mentions) and self.mentions[i].kind in (PERSON, ORGANIZATION) and (
                        self.mentions[i].start < introduced[-1].end() + 60):
                    return self._named(self.mentions[i])
        if len(phrase) == 2 and phrase[0] == "the" and phrase[1] in _ISSUED_NOUNS:
            # "the statement said" after "The EPA's announcement": the organisation the
            # paragraph or the one before named last
            number = self._paragraph_index(position)
            start = self.paragraphs[max(0, number - 1)][0]
            i = bisect.bisect_left(self.mention_starts, position) - 1
            while i >= 0 and self.mentions[i].start >= start:
                if self.mentions[i].kind == ORGANIZATION and not self._is_quoted(
                        self.mentions[i].start):
                    return self._named(self.mentions[i])
                i -= 1
            return None
        if len(phrase) != 2 or phrase[0] != "the" or phrase[1] not in (
                _ORGANISATION_NOUNS | _MEDIA_NOUNS):
            return None
        noun = phrase[1]
        number = self._paragraph_index(position)
        start = self.paragraphs[max(0, number - 1)][0]
        if noun in _MEDIA_NOUNS:  # "the radio": the "Tehran radio" named just before
            outlets = list(_MEDIA.finditer(self.text, start, position))
            named = [m for m in outlets if m.group(2).lower() == noun]
            if named:
                return _Speaker(f"{named[-1].group(1)} {named[-1].group(2)}", ORGANIZATION)
        i = bisect.bisect_left(self.mention_starts, position) - 1
        while i >= 0 and self.mentions[i].start >= start:
            mention = self.mentions[i]
            if mention.kind == ORGANIZATION and (noun in mention.entity.lower() or noun in (
                    "group", "organisation", "organization", "charity", "company", "firm")):
                return self._named(mention)
            i -= 1
        while i >= 0:  # further back: only an organisation whose name has the noun
            mention = self.mentions[i]
            if mention.kind == ORGANIZATION and noun in mention.entity.lower().split():
                return self._named(mention)
            i -= 1
        return None

    def _person_described_after(self, mention: Mention) -> Mention:
        """`Baylor associate psychology Professor X`: the person a name and a few words
        describe, rather than the name."""
        i = bisect.bisect_right(self.mention_starts, mention.start)
        if i < len(self.mentions) and self.mentions[i].kind == PERSON:
            between = self.text[mention.end:self.mentions[i].start].split()
            titled = between[-1:] + self.mentions[i].text.split()[:1]
            if _describes(between, most=3) and any(is_role_word(w) for w in titled):
                return self.mentions[i]  # (not `Bush told reporters Cheney ...`)
        return mention

    def _person_after_description(self, position: int) -> Mention | None:
        """The person named after a few words that describe them ("retired judge Sir")."""
        i = bisect.bisect_left(self.mention_starts, position)
        if i >= len(self.mentions) or self.mentions[i].kind != PERSON:
            return None
        words = self.text[position:self.mentions[i].start].split()
        if len(words) <= 4 and all(is_role_word(w) or w in ROLE_MODIFIERS or (
                _DESCRIBING_WORD.fullmatch(w) and w not in _PREPOSITIONS) for w in words):
            return self.mentions[i]
        return None

    def _paragraph_index(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, position) - 1)

    def _open_apposition(self, tokens: list[tuple[int, int, str]], j: int, base: int
                         ) -> Mention | None:
        """The person before an apposition that names a role and is never closed by a
        comma: `X, the deputy chair of the Senate of Varn has stated`."""
        for k in range(j - 1, max(0, j - 12), -1):
            word = tokens[k][2]
            if word == ",":
                person = self.by_end.get(base + tokens[k - 1][1])
                role = [t[2] for t in tokens[k + 1:min(j + 1, k + 5)]]
                if person is not None and person.kind == PERSON and role[:1] in (
                        ["the"], ["a"], ["an"]) and any(is_role_word(w) for w in role[1:]):
                    return person
                return None
            if not word[0].isalnum():
                return None
        return None

    def _apposed(self, tokens: list[tuple[int, int, str]], j: int, base: int, number: int,
                 depth: int) -> _Speaker | None:
        """The subject around an apposition that ends at tokens[j] (a comma): the person
        before it (`Gen. X, the head of Y, said`), else the person in it (`Its chief
        executive, retired Gen. X, said`), else who or what comes before it."""
        inside = self.by_end.get(base + tokens[j - 1][1]) if j >= 1 else None
        if inside is not None and inside.kind == PLACE:  # `Rep. X of Washington, said`: X
            of = j - 1 - len(inside.text.split())
            person = self.by_end.get(base + tokens[of - 1][1]) if of >= 1 and tokens[of][
                2] in ("of", "from") else None
            if person is not None and person.kind == PERSON:
                return self._named(self._owner(person))
        commas = []
        for k in range(j - 1, max(-1, j - 30), -1):
            token = tokens[k][2]
            if token in ("“", "”", '"', "‘", "’") or token[0] == _MASK:
                break
            if token == "," and k >= 1:
                commas.append(k)
        if commas and commas[-1] >= 1 and (person := self.by_end.get(
                base + tokens[commas[-1] - 1][1])) is not None and person.kind == PERSON and any(
                    is_role_word(t[2]) for t in tokens[commas[-1] + 1:commas[-1] + 4]):
            # `David Rocchio, deputy legal counsel to Gov. Howard Dean, who has been ..., said`
            return self._named(self._owner(person))
        for k in reversed(commas):  # `X, whose cousin, Y, died there, said`: X
            person = self.by_end.get(base + tokens[k - 1][1])
            if person is not None and person.kind == PERSON and k + 1 < len(tokens) and (
                    tokens[k + 1][2].lower() in ("who", "whose")):
                return self._named(person)
        for k in commas:  # `Abel Matutes, attending the summit in Porto, Portugal, said`
            person = self.by_end.get(base + tokens[k - 1][1])
            if person is not None and person.kind == PERSON:
                return self._named(person)
        if commas and tokens[commas[0] + 1][2].lower() in _RELATIVES:
            inside = None  # `X, which has criticized Pinochet, said`: not Pinochet
        if inside is not None and inside.kind == PERSON:
            return self._named(inside)
        before = self._subject_ending_at(tokens, commas[0] - 1, base, number, depth + 1) if (
            commas) else None
        if before is not None and (before.name or before.description):
            return before
        return self._named(inside) if inside is not None else before

    def _owner(self, mention: Mention) -> Mention:
        """The person in `Professor X of Yale said` or `Y of the rights group Z, ...`."""
        if mention.kind == PERSON:
            return mention
        i = bisect.bisect_left(self.mention_starts, mention.start) - 1
        while i >= 0 and self.mentions[i].kind == PLACE and self.text.startswith(
                "-based", self.mentions[i].end):
            i -= 1  # `X of the California-based Y`: the place where Y is based
        if i >= 0 and self.mentions[i].kind == PERSON:
            between = self.text[self.mentions[i].end:mention.start]
            if _OF_ORGANISATION.fullmatch(between):
                return self.mentions[i]
            role = _ROLE_AT_ORGANISATION.fullmatch(between)
            if role is not None and any(is_role_word(w) for w in role.group(1).split()):
                return self.mentions[i]
        return mention

    def _body_of(self, mention: Mention) -> Mention | None:
        """The organisation a place belongs to in `Board of Canada`."""
        i = bisect.bisect_left(self.mention_starts, mention.start) - 1
        if i >= 0 and self.mentions[i].kind == ORGANIZATION and _OF.fullmatch(
                self.text, self.mentions[i].end, mention.start):
            return self.mentions[i]
        return None

    def _after_preposition(self, mention: Mention) -> bool:
        """`an analyst for USGS in Colorado said`: Colorado is not who spoke."""
        words = self.text[max(0, mention.start - 16):mention.start].split()
        if len(words) >= 2 and words[-1] == "the":
            words.pop()  # `a speech to the Georgia Republican Party`
        return bool(words) and words[-1].lower() in _PREPOSITIONS

    def _subject_after(self, masked: str, base: int, verb_end: int, number: int
                       ) -> _Speaker | None:
        """The speaker after an inverted verb (`," said Ms. Clywd`, "according to X"); a
        person named after their organisation and role (`said UN spokeswoman Stephanie
        Bunker`) rather than the organisation."""
        match = _SPACES.match(masked, verb_end)
        start = match.end() if match else verb_end
        stray = _STRAY_COMMA.match(masked, start)
        if stray is not None and self.by_start.get(base + stray.end()) is not None:
            start = stray.end()  # `," said, Becky Buell, Oxfam's policy director`: a typo
        named_as = NAMED_ONLY_AS.search(masked, start, min(len(masked), start + 80))
        if named_as is not None and not re.search(r"[.;:!?\"“”]", masked[start:named_as.start()]):
            # `said a driver who gave his name only as Rafi`, `said a 19-year-old dock
            # worker who uses the name Tiger`
            given = self.by_start.get(base + named_as.end())
            if given is not None and given.kind == PERSON:
                return self._named(given)
        mention = self.by_start.get(base + start)
        if mention is None and masked.startswith(("the ", "The "), start):
            mention = self.by_start.get(base + start + 4)
        if mention is not None:
            i = bisect.bisect_right(self.mention_starts, mention.start)
            while i < len(self.mentions) and self.mentions[i].kind != PERSON and (
                    self.mentions[i].start < mention.end + 40) and _OF.search(
                    self.text, mention.end, self.mentions[i].start):
                i += 1  # `said Britain's Chancellor of the Exchequer Gordon Brown`
            if i < len(self.mentions) and self.mentions[i].kind == PERSON:
                person = self.mentions[i]
                between = self.text[mention.end:person.start].split()
                titled = between + person.text.split()[:1]
                owned = between[:1] in (["'s"], ["’s"]) and len(between) > 1 and all(
                    is_role_word(w) or w in ROLE_MODIFIERS for w in between[1:])
                if _describes(between) or owned or mention.kind != PERSON and (
                        between in (["'s"], ["’s"])  # `says CNN's Jim Moret`
                        or len(between) <= (6 if "of" in between else 4) and any(
                            is_role_word(w) for w in titled)):
                    # `said Clinton aide X`, `said UN spokeswoman X`: X
                    return self._named(person)
            return self._named(mention)
        article = re.match(r"an?\s+", masked[start:start + 4])
        body = self.by_start.get(base + start + article.end()) if article else None
        noun = _WORD.match(masked, body.end - base + 1) if body is not None else None
        if body is not None and body.kind == ORGANIZATION and noun is not None and (
                noun.group().lower().rstrip(".") in _DOCUMENT_NOUNS):
            return self._named(body)  # `," said a KLA statement`, `said a WWF statement.`
        statement = _STATEMENT.match(masked, start)
        if statement is not None:  # `," said a statement from the Foreign Ministry`
            body = self.by_start.get(base + statement.end())
            if body is not None:
                return self._named(body)
        published = _PUBLISHED_IN.match(masked, start)
        if published is not None:  # `," said an editorial in the People's Daily`
            body = self.by_start.get(base + published.end())
            if body is not None and body.kind != PERSON:
                return _Speaker(body.entity, ORGANIZATION)
        word = _WORD.match(masked, start)
        if word is None:
            return None
        if word.group().lower() in _PRONOUNS:
            return self._pronoun(word.group().lower(), base + start, number)
        i = bisect.bisect_left(self.mention_starts, base + start)
        while i < len(self.mentions) and self.mentions[i].kind != PERSON and (
                self.mentions[i].start < base + start + 60):
            i += 1  # `said Turkish Defense Minister X`: "Defense" is part of the role
        if i < len(self.mentions) and self.mentions[i].kind == PERSON:
            between = self.text[base + start:self.mentions[i].start].split()
            titled = between + self.mentions[i].text.split()[:1]
            if len(between) <= 4 and any(is_role_word(w) for w in titled) and (all(
                    w[:1].isupper() or w.startswith("then-") or is_role_word(w)
                    or w in ROLE_MODIFIERS
                    or w in _POSSESSIVES for w in between) or (
                    is_role_word(between[-1]) and all(w.isalpha() for w in between))):
                return self._named(self.mentions[i])  # `said tribunal president X`, `said his wife, X`
            if 2 <= len(between) <= 3 and between[0] in ("a", "an", "the") and all(
                    _DESCRIBING_WORD.fullmatch(w) and w not in _PREPOSITIONS | {"and", "or"}
                    for w in between[1:]):
                return self._named(self.mentions[i])  # `said a tearful X`, `said the 46-year-old X`
            if _describes(between, most=3):
                return self._named(self.mentions[i])  # `says acupuncturist X`, `said pollster X`
        phrase = []
        stop = None
        for m in _WORDS.finditer(masked, start, min(len(masked), start + 120)):
            if not m.group()[0].isalnum() or m.group().lower() in _BOUNDARY_WORDS:
                stop = m
                break
            phrase.append(m.group())
        description = _description(phrase)
        if stop is not None and stop.group() == "," and (description or (
                phrase and phrase[0].lower() in _POSSESSIVES)):
            # `said the report's co-author, Adam Markham`
            # `said a spokeswoman for the board, Laura Finch`: the person the role names
            after = _SPACES.match(masked, stop.end())
            named = self.by_start.get(base + (after.end() if after else stop.end()))
            if named is not None and named.kind == PERSON:
                return self._named(named)
        ended = next((n for n, w in enumerate(phrase) if w.endswith(".") and len(w) > 3), None)
        if ended is not None or stop is None or stop.group() in (",", ";"):
            # `," says the 13-year-old.` (up to the sentence's end)
            definite = phrase[:ended + 1] if ended is not None else phrase
            if definite and self._is_definite(definite, base + start, False):
                return self._definite_speaker(definite, base + start, number)
        return _Speaker(None, description=description) if phrase else None

    def _sentence_subject(self, base: int, sentence_start: int, number: int,
                          position: int | None = None) -> _Speaker | None:
        """Who a sentence is about: "He"/"She" opening it, else the first person it names
        before `position` outside quotes, else a name opening it ("Trump on Sunday
        informed ..., saying")."""
        words = list(_WORD.finditer(self.text, sentence_start, sentence_start + 40))
        while len(words) > 1 and words[0].group().lower() in _DISCOURSE:
            words = words[1:]  # `Then he makes a little joke: "..."`
        if words and words[0].group().lower() in ("he", "she"):
            return self._pronoun(words[0].group().lower(), words[0].start(), number)
        i = bisect.bisect_left(self.mention_starts, sentence_start)
        end = position if position is not None else sentence_start + 200
        owner: Mention | None = None
        for mention in self.mentions[i:]:
            if mention.start >= end:
                break
            if mention.kind == PERSON and not self._is_quoted(mention.start) and not (
                    self._after_preposition(mention)):
                if self.text.startswith(("'s ", "’s "), mention.end):
                    owner = owner or mention  # `X's neighbour, Y, was less angry: "..."`: Y
                    continue
                return self._named(self._person_described_after(mention))
        if owner is not None:  # `Smith's answer was short: "No."`
            return self._named(self._person_described_after(owner))
        if len(words) >= 2 and words[0].group().lower() == "the" and words[1].group().lower() in (
                _ORGANISATION_NOUNS):  # `The company declined ..., saying only that "..."`
            body = self._organisation_named(["the", words[1].group().lower()], words[0].start())
            if body is not None:
                return body
        if i < len(self.mentions):
            mention = self.mentions[i]
            opening = self.text[sentence_start:mention.start]
            dateline = mention.text.isupper() and _DATELINE_AFTER.match(self.text, mention.end)
            if _word_count(opening) <= 2 and not dateline and (
                    opening.lower().strip() == "according to" or not (
                        self._after_preposition(mention))):
                # (not `At Pine Ridge, a marquee ...` nor a dateline's "SOUTHAMPTON")
                return self._named(self._person_described_after(mention))
        pronoun = _HE_OR_SHE.search(self.text, sentence_start, end)
        if pronoun is not None and not self._is_quoted(pronoun.start()):
            # `But in April, he met with them, saying afterwards that ...`
            return self._pronoun(pronoun.group(), pronoun.start(), number)
        return None

    def _clause_subject(self, sentence_start: int, end: int) -> _Speaker | None:
        """The named subject of a sentence whose second verb speaks (`The council met on
        Wednesday and announced that "..."`): the first person or organisation, before any
        verb, that is not a possessive ("Turkey's ... council") or after a preposition."""
        if self.tags is None:
            return None
        opening = _WORD.search(self.text, sentence_start, sentence_start + 12)
        if opening is not None and opening.group() in ("He", "She"):
            # `He declined to speculate, but acknowledged that "..."`
            return self._pronoun(opening.group().lower(), sentence_start, self._paragraph_index(
                sentence_start))
        clause = _OPENING_CLAUSE.match(self.text, sentence_start, end)
        if clause is not None:  # `By the time Georges left Cuba, the Weather Service was`
            sentence_start = clause.end()
        i = bisect.bisect_left(self.mention_starts, sentence_start)
        for mention in self.mentions[i:]:
            if mention.start >= end or any(self.tags.at(p) in FINITE_VERB_TAGS for p in (
                    self.tags.starts_between(sentence_start, mention.start))):
                return None
            if self.text.startswith(("'s", "’s"), mention.end) or self._after_preposition(
                    mention) or (mention.text.endswith("s") and self.text.startswith(
                        ("' ", "’ "), mention.end)) or (self.text[mention.start - 1:mention.start]
                                                       == "(" and self.text.startswith(
                                                           ")", mention.end)):
                continue  # `Turkey's council`, `the Baptists' intent`, a dateline's `(AP)`
            if mention.kind in (PERSON, ORGANIZATION) and not self._is_quoted(mention.start):
                return self._named(mention)
        return None

    def _named(self, mention: Mention) -> _Speaker:
        return _Speaker(mention.entity, mention.kind)

    def _surnamed(self, mention: Mention) -> Mention:
        """`," Boston said` after "Rob Boston, a spokesman": the person the article named
        earlier with that surname, not the city it names too."""
        if mention.kind != PLACE or " " in mention.text:
            return mention
        i = bisect.bisect_left(self.mention_starts, mention.start) - 1
        while i >= 0:
            person = self.mentions[i]
            if person.kind == PERSON and person.entity.split()[-1] == mention.text and (
                    " " in person.entity):
                return person
            i -= 1
        return mention

    # --- pronouns -------------------------------------------------------------------------

    def _pronoun(self, pronoun: str, position: int, number: int) -> _Speaker:
        """Who "he" or "she" is: the last to speak in this paragraph (or a person named
        since, in a sentence of their own), else the subject of its last sentence naming a
        person, else the last to speak in the paragraph before (or, past paragraphs of
        description, up to three before), else the person named there or the paragraph before
        that. An unnamed speaker ("an analyst said") stops the search: the pronoun is that
        unnamed person."""
        gender = _PRONOUNS.get(pronoun, "")  # "" for a description: "the 13-year-old"
        this_paragraph = self.paragraphs[number][0]
        if gender:
            opened = self._opening_clause_person(this_paragraph, position, gender)
            if opened is not None:  # `When Mrs. Howe was prescribed the drugs, she conceded`
                return self._gendered(opened, gender)
        for events, start in ((self.current, this_paragraph), (None, this_paragraph),
                              (self._last_speeches(number, position, gender), None),
                              (None, self.paragraphs[max(0, number - 2)][0])):
            if events is None:
                assert start is not None
                person = self._named_person(start, position, gender)
                if person is not None:
                    return self._gendered(person, gender)
                continue
            for event in reversed([e for e in events if e.position < position]):
                speaker = event.speaker
                if speaker.kind == PERSON and speaker.name and self._fits(speaker.name, gender):
                    if events is self.current:
                        newer = self._named_since(event.position, position, gender)
                        if newer is not None and newer.name != speaker.name:
                            return self._gendered(newer, gender)
                    if start is None:  # the paragraph before: a person it makes the subject
                        later = self._later_subject(event.position, this_paragraph, gender)
                        if later is not None:  # after its speaker (`..., Kelly is more
                            return self._gendered(later, gender)  # pessimistic.`)
                    return self._gendered(speaker, gender)
                if speaker.name is None and speaker.description and not speaker.description.endswith("s"):
                    if events is self.current:  # `His doctor told him ... Cushman followed
                        newer = self._named_since(event.position, position, gender)  # ... he
                        if newer is not None:
                            return self._gendered(newer, gender)
                    return _Speaker(None, description=speaker.description)
        return _Speaker(None)

    def _opening_clause_person(self, paragraph: int, position: int, gender: str
                               ) -> _Speaker | None:
        """The one fitting person named in a subordinate clause that opens the pronoun's
        sentence and ends just before it."""
        start = self._sentence_opening(paragraph, position)
        clause = _OPENING_CLAUSE.match(self.text, start, position)
        if clause is None or clause.end() != position:
            return None
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, clause.end())
        people = {m.entity for m in self.mentions[lo:hi] if m.kind == PERSON and self._fits(
            m.entity, gender) and not self._is_quoted(m.start)}
        return _Speaker(people.pop(), PERSON) if len(people) == 1 else None

    def _last_full_stop(self, lo: int, hi: int) -> int:
        """Where the last ". " between `lo` and `hi` that ends a sentence is, or -1: the full
        stop of a title or an initial ("Rep. Louise Slaughter", "George W. Bush") ends none."""
        at = self.text.rfind(". ", lo, hi)
        while at >= 0:
            word = self.text[max(lo, at - 12):at + 1].split()
            if not word or not _NOT_TERMINATOR.fullmatch(word[-1]):
                return at
            at = self.text.rfind(". ", lo, at)
        return -1

    def _sentence_opening(self, lo: int, position: int) -> int:
        """Where the sentence holding `position` starts, no earlier than `lo` (a title's
        full stop, "Mrs.", ends no sentence)."""
        breaks = [b for b in _SENTENCE_BREAK.finditer(self.text, lo, position)
                  if not _NOT_TERMINATOR.fullmatch(self.text[lo:b.start() + 2].split()[-1])]
        return breaks[-1].end() if breaks else lo

    def _named_since(self, event_at: int, position: int, gender: str) -> _Speaker | None:
        """A fitting person named after the speech event at `event_at`, in a sentence of their
        own before the quote the pronoun at `position` follows: `"...," he said. That bothers
        Frank Valente, a restaurateur. "...," he says` is Valente."""
        i = bisect.bisect_left(self.quoted, (position, 0)) - 1
        bound = min(position, self.quoted[i][0]) if i >= 0 else position
        end = _SENTENCE_BREAK.search(self.text, event_at, bound)
        return self._named_person(end.end(), bound, gender) if end else None

    def _last_speeches(self, number: int, position: int, gender: str) -> list[_Event]:
        """The speech events of the paragraph before; when it has none (a paragraph of
        description between two of a profile's quotes), those of the last of the two before it
        that has some, provided no fitting person is named after them."""
        if not self.events:
            return []
        if self.events[-1]:
            return self.events[-1]
        for back in (2, 3):
            if len(self.events) < back:
                break
            if self.events[-back]:
                after = self.paragraphs[number - back + 1][0]
                named = self._named_person(after, position, gender)
                return self.events[-back] if named is None else []
        return []

    def _later_subject(self, start: int, end: int, gender: str) -> _Speaker | None:
        """The last fitting person between `start` and `end`, outside quotes, that a finite
        verb follows (the subject of a later clause), if any."""
        if self.tags is None:
            return None
        lo = bisect.bisect_right(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        sentence = max(self._last_full_stop(0, start), self.text.rfind("\n", 0, start)) + 1
        opener = self.text[sentence:start].split()[:1]
        subordinate = bool(opener) and opener[0].lower() in _SUBORDINATORS
        for mention in reversed(self.mentions[lo:hi]):
            if mention.kind != PERSON or self._is_quoted(mention.start) or not self._fits(
                    mention.entity, gender) or not mention.text[:1].isupper() or self._plural(
                    mention):
                continue
            between = self.text[start:mention.start]
            if not (". " in between or (subordinate and "," in between)):
                continue  # inside what the speaker said (`told reporters the president wanted`)
            following = _SPACES.match(self.text, mention.end)
            if self.tags.at(following.end() if following else mention.end) in FINITE_VERB_TAGS:
                return _Speaker(mention.entity, PERSON)
            if self.text[max(0, mention.start - 3):mention.start].rstrip().endswith(",") and (
                    self.text.startswith(", ", mention.end)) and self.tags.at(
                        mention.end + 2) in FINITE_VERB_TAGS:
                return _Speaker(mention.entity, PERSON)  # `Her successor, X, disagreed.`
        return None

    def _named_person(self, start: int, position: int, gender: str) -> _Speaker | None:
        """The first fitting person of the last sentence between `start` and `position` that
        names one outside quotes; a sentence opening on the pronoun itself ("She found a
        therapist for Elliot") is about someone named before it, so it is passed over."""
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, position)
        candidates = [m for m in self.mentions[lo:hi] if m.kind == PERSON
                      and self._fits(m.entity, gender) and not self._is_quoted(m.start)
                      and not self._plural(m) and not self._quoted_about(m, position)
                      and not self._attributive(m) and not self._thing_named(m)]
        opener = "She" if gender == "f" else "He"
        while candidates:
            final = candidates[-1]
            sentence = max(self._last_full_stop(start, final.start),
                           self.text.rfind("\n", start, final.start),
                           self._sentence_opening(start, final.start) - 1)
            in_sentence = [m for m in candidates if m.start > sentence]
            first = next((m for m in in_sentence if not self.text.startswith(
                ("'s ", "’s "), m.end) and _last_word(self.text[max(0, m.start - 8):m.start])
                not in ("like", "unlike")), in_sentence[0])
            # `Thompson's spokesman, X`, `Like Sulaiman, Beresford sent ...`: X, Beresford
            words = _WORD.findall(self.text, sentence + 1, in_sentence[0].start)
            if words[:1] != [opener] and not (self._about_pronoun(
                    opener, words, final, sentence, start, position) and not self._is_subject(
                    first, sentence + 1)):
                return _Speaker(first.entity, PERSON)
            # `She was able to find a therapist for Elliot.`, `Much as she would be glad to
            # see Martin Hale leave office, she worries`, `But after several treatments
            # with Jacobson, he is holding off`: a sentence about "he" or "she", whoever it
            # names besides (but not `After she left, Mary Hall said`); who it is was said
            # before
            candidates = [m for m in candidates if m.start <= sentence]
        return None

    def _about_pronoun(self, opener: str, words: list[str], final: Mention, sentence: int,
                       start: int, position: int) -> bool:
        """Whether the sentence that ends at or after `final` is about "he" or "she": the
        pronoun comes before the names, or after them when the sentence before opened on it
        (`He thought ... But after treatments with Jacobson, he is holding off`; not `If
        this fazed McClure, he did not show it`, which opens a paragraph)."""
        if opener.lower() in words:
            return True
        ends = _SENTENCE_BREAK.search(self.text, final.end, position)
        if not re.search(rf"\b{opener.lower()}\b", self.text[
                final.end:ends.start() + 1 if ends else position]):
            return False
        before = _WORD.findall(self.text, self._sentence_opening(start, max(start, sentence)),
                               sentence + 1)
        return before[:1] == [opener]

    def _is_subject(self, mention: Mention, sentence_start: int) -> bool:
        """Whether the mention is a clause's subject: it opens its sentence (after titles and
        roles: "Pro Golfer Doug Tewell, who ..., also is"), or a finite verb follows it (after
        an apposition and an adverb, if any)."""
        before = _WORD.findall(self.text, sentence_start, mention.start)
        if all(w[:1].isupper() or is_role_word(w) for w in before):
            return True
        if self.tags is None:
            return False
        apposed = _APPOSITION_AFTER.match(self.text, mention.end)
        at = apposed.end() if apposed else mention.end
        word = _WORD.search(self.text, at)
        while word is not None and (word.group().endswith("ly") or word.group() in (
                "also", "too", "then", "now", "still")):
            word = _WORD.search(self.text, word.end())
        return word is not None and self.tags.at(word.start()) in FINITE_VERB_TAGS and not (
            re.search(r"[\"“”]", self.text[mention.end:word.start()]))  # not a quote's verb

    def _thing_named(self, mention: Mention) -> bool:
        """`a drug called Celebra`: a thing's name after a common noun and "called" or
        "named" (not `a man called Smith`)."""
        words = self.text[max(0, mention.start - 40):mention.start].split()
        return len(words) >= 2 and words[-1] in ("called", "named") and words[-2].isalpha() and (
            words[-2].islower() and not is_role_word(words[-2]) and words[-2] not in _PEOPLE_NOUNS
            and words[-2] not in _NOT_A_NOUN)

    def _attributive(self, mention: Mention) -> bool:
        """`the Bush campaign`: a name between "the" and a noun modifies the noun."""
        return self.text[max(0, mention.start - 4):mention.start].lower() == "the " and (
            _ATTRIBUTIVE.match(self.text, mention.end) is not None)

    def _quoted_about(self, mention: Mention, position: int) -> bool:
        """`Charest "often looked crotchety," he said`: the person the quoted words are
        about, named just before them in the pronoun's own sentence, is not "he"."""
        opening = _OPENS_QUOTE.match(self.text, mention.end)
        return opening is not None and opening.end() < position and not _SENTENCE_BREAK.search(
            self.text, mention.end, position)

    def _plural(self, mention: Mention) -> bool:
        """A one-word "person" tagged a plural proper noun ("Xers", "Britons"): a group,
        never what "he" or "she" stands for."""
        return self.tags is not None and " " not in mention.text and self.tags.at(
            mention.start) == "NNPS"

    def _is_quoted(self, position: int) -> bool:
        i = bisect.bisect_right(self.quoted, (position, len(self.text))) - 1
        return i >= 0 and self.quoted[i][0] <= position < self.quoted[i][1]

    def _fits(self, name: str, gender: str) -> bool:
        known = self.genders.get(name)
        return known is None or known == gender or not gender

    def _gendered(self, speaker: _Speaker, gender: str) -> _Speaker:
        if speaker.name and gender:
            self.genders.setdefault(speaker.name, gender)
        return speaker

    def _it(self, position: int, back: int = 1) -> _Speaker:
        """"it said": the organisation that spoke last, in this paragraph or the `back` ones
        before."""
        current = [e for e in self.current if e.position < position]
        previous = [e for events in self.events[-back:] for e in events] if back else []
        for event in reversed(previous + current):
            if event.speaker.name and event.speaker.kind != PERSON:
                return event.speaker
        return _Speaker(None)


def _opening(tokens: list[tuple[int, int, str]], j: int) -> int | None:
    """Where the parenthesis that closes at tokens[j] opens, within a few words."""
    return next((k for k in range(j - 1, max(-1, j - 8), -1) if tokens[k][2] == "("), None)


def _word_count(text: str) -> int:
    return len([w for w in text.split() if any(c.isalnum() for c in w)])


def _names_a_thing(masked: str, start: int, end: int) -> bool:
    """"called" between a common noun and a name: `a drug called Celebra`, `a hormone called
    secretin` (a lowercase name after "a" and a noun)."""
    before = masked[max(0, start - 30):start].split()[-2:]
    noun = before[-1:]
    if not (noun and noun[0].isalpha() and noun[0].islower() and noun[0] not in _NOT_A_NOUN):
        return False
    return _NAMED_CALLED.match(masked, end) is not None or (
        before[:1] in (["a"], ["an"]) and _NAMED_LOWER.match(masked, end) is not None)


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1].lower() if words else ""


def _describes(between: list[str], most: int = 2) -> bool:
    """Whether the words between a verb (or a name) and the person named next describe that
    person: one or two (or `most`) lowercase words, not "today" or a preposition
    ("acupuncturist", "aide", "16-year-old junior")."""
    return 1 <= len(between) <= most and all(
        _DESCRIBING_WORD.fullmatch(w) and w not in _NOT_OCCUPATIONS for w in between)


def _description(phrase: list[str]) -> str | None:
    """"senior Kurdish source" from "One senior Kurdish source", when it names a role."""
    while phrase and (phrase[0].lower() in _DETERMINERS or phrase[0].lower() in _DISCOURSE):
        phrase = phrase[1:]
    if phrase and phrase[-1].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", phrase[-1]):
        phrase = [*phrase[:-1], phrase[-1].rstrip(".")]  # the sentence's full stop
    if not phrase or not any(is_role_word(w) for w in phrase):
        return None
    return " ".join(phrase)
