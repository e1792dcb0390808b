"""Independent sources, numeric conflicts and opposing quotes (storyline.agreement)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.agreement import claims_for, numeric_conflicts, opposing_quotes, source_families
from storyline.candidates import build_pool
from storyline.types import Article, Citation, Quote

WIRE = ("The Fernmoor ferry will keep running until October, the county transport board said on "
        "Tuesday. The board voted six to three to fund the service for another season. About 300 "
        "residents had signed a petition to save the ferry, organisers said. The vote followed a "
        "heated two-hour meeting at the county hall.")
COPY = WIRE.replace("heated two-hour", "tense two-hour")
LOCAL = ("Ferry users in Fernmoor celebrated on Wednesday. The county transport board voted six "
         "to three to fund the service for another season. Some 450 residents had signed the "
         "petition, according to the campaign. Harbour master Ed Vance said he was relieved.")


def story():
    return [
        Article("wire", WIRE, source="Wire", date=dt.date(2026, 5, 5)),
        Article("copy", COPY, source="Daily", date=dt.date(2026, 5, 5)),
        Article("local", LOCAL, source="Gazette", date=dt.date(2026, 5, 5)),
    ]


def index_of(pool, article_id, starts):
    return next(i for i, c in enumerate(pool.candidates)
                if c.sentence.article_id == article_id and c.sentence.text.startswith(starts))


def test_agreement_a_wire_copy_is_one_family():
    pool = build_pool(story())
    family = source_families(pool)
    ids = [a.id for a in pool.articles]
    assert family[ids.index("copy")] == family[ids.index("wire")]
    assert family[ids.index("local")] != family[ids.index("wire")]


def test_agreement_copies_count_once_and_single_sources_are_flagged():
    pool = build_pool(story())
    vote = index_of(pool, "wire", "The board voted")
    meeting = index_of(pool, "wire", "The vote followed")
    voted, met = claims_for(pool, [vote, meeting])
    # Said by the wire, its copy and the local paper: two independent sources.
    assert {c.article_id for c in voted.citations} == {"wire", "copy", "local"}
    assert voted.independent_sources == 2 and not voted.is_single_source
    # Said by the wire and its copy only: one source.
    assert met.independent_sources == 1 and met.is_single_source


def test_agreement_numeric_conflict_between_sources():
    from storyline.nlp import parse

    pool = build_pool(story())
    conflicts = numeric_conflicts(pool, parse(pool.articles))
    [residents] = [c for c in conflicts if c.subject == "people"]
    assert sorted({v.value for v in residents.values}) == [300, 450]
    texts = {a.id: a.text for a in pool.articles}
    for value in residents.values:
        c = value.citation
        assert texts[c.article_id][c.start:c.end] == value.text


def test_agreement_equal_numbers_are_no_conflict():
    from storyline.nlp import parse

    pool = build_pool(story()[:2])
    assert numeric_conflicts(pool, parse(pool.articles)) == ()


def quote(text, speaker, article="a"):
    return Quote(text, Citation(article, 0, len(text)), speaker)


def test_agreement_opposing_quotes_by_different_speakers():
    stay = quote("We want the troops to stay in the region", "Ana Ruiz")
    leave = quote("The troops should leave the region now", "Ben Cole")
    unrelated = quote("The harvest was good this year", "Cy Dunn")
    found = opposing_quotes([stay, leave, unrelated], {})
    assert len(found) == 1
    assert found[0].one_side == (stay,) and found[0].other_side == (leave,)
    assert found[0].subject in ("troops: stay or leave", "region: stay or leave")


def test_agreement_reported_speech_and_negation_decide_the_side():
    out = quote("I want to get out and bring our troops back home", "Ana Ruiz")
    done = quote("is not done", "Ben Cole")
    context = {done: "Cole said the troops would not be pulling out of the region, saying the "
                     "mission there \"is not done.\""}
    [found] = opposing_quotes([out, done], context)
    assert found.one_side == (done,) and found.other_side == (out,)


def test_agreement_scare_quotes_take_no_side():
    stay = quote("We want the troops to stay in the region", "Ana Ruiz")
    scare = quote("leave", "Ben Cole")
    assert opposing_quotes([stay, scare], {scare: "Cole said troops would \"leave\" soon."}) == ()


@pytest.mark.parametrize("speakers", [("Ana Ruiz", "Ana Ruiz"), ("Ana Ruiz", None)])
def test_agreement_no_opposition_within_one_speaker_or_without_one(speakers):
    stay = quote("We want the troops to stay in the region", speakers[0])
    leave = quote("The troops should not stay in the region", speakers[1])
    assert opposing_quotes([stay, leave], {}) == ()


def test_agreement_one_sentence_setting_two_claimants_values_apart():
    from storyline.nlp import parse

    text = ("The union said 1,200 of its members had stopped work, while the port authority said "
            "about 700 workers were absent. The port has 14 cranes.")
    pool = build_pool([Article("a", text, date=dt.date(2026, 3, 3))])
    [conflict] = numeric_conflicts(pool, parse(pool.articles))
    assert conflict.subject == "workers"
    assert sorted(v.value for v in conflict.values) == [700, 1200]


def test_agreement_counts_on_different_days_are_no_conflict():
    from storyline.nlp import parse

    monday = Article("m", "Eleven ships were waiting at anchor, the coastguard said.",
                     date=dt.date(2026, 3, 2))
    tuesday = Article("t", "By Tuesday 14 ships were waiting at anchor, the coastguard said.",
                      date=dt.date(2026, 3, 3))
    pool = build_pool([monday, tuesday])
    assert numeric_conflicts(pool, parse(pool.articles)) == ()


def test_agreement_a_speaker_the_writer_says_disagreed_is_set_against_the_one_answered():
    from storyline import analyze

    text = ("Talks on the Ostervik ferry contract ended on Monday without a deal.\n"
            "Union leader Ada Lind said the offer was \"an insult to every deckhand\".\n"
            "Harbour board chairman Per Vik disagreed. \"It is the best offer in ten years,\" "
            "he said.\n"
            "\"We will meet again next week,\" Vik added.")
    [found] = analyze([Article("a", text)]).opposing_quotes
    assert found.subject == "Per Vik answers Ada Lind"
    assert [q.speaker for q in found.one_side] == ["Ada Lind"]
    assert [q.text for q in found.other_side] == ["It is the best offer in ten years,"]


@pytest.mark.parametrize("cue", [
    "Harbour board chairman Per Vik said no deckhand would be dismissed.",  # a passive
    "Harbour board chairman Per Vik dismissed 40 deckhands in May.",  # fired them
    "Harbour board chairman Per Vik also was skeptical.",  # agreeing, not answering
    "Per Vik said his own lawyer was skeptical.",  # someone else's doubt
])
def test_agreement_no_answer_without_the_speaker_disagreeing(cue):
    from storyline import analyze

    text = ("Talks on the Ostervik ferry contract ended on Monday without a deal.\n"
            "Union leader Ada Lind said the offer was \"an insult to every deckhand\".\n"
            f"{cue} \"It is the best offer in ten years,\" he said.")
    assert analyze([Article("a", text)]).opposing_quotes == ()
