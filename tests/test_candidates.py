"""The pool of sentences summarizers choose from (storyline.candidates)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.candidates import build_pool, reading_order, rejection
from storyline.types import Article

FINE = "The town council voted on Monday to rebuild the old stone bridge over the river."


def test_candidates_accept_a_plain_news_sentence():
    assert rejection(FINE) is None
    assert rejection('"We will rebuild every house on this street by winter," the mayor said.') is None
    # A quoted question that a named speaker asks is still a statement of the story.
    assert rejection('"Will it open?" asked a resident who crosses the river every morning.') is None


@pytest.mark.parametrize(("text", "reason"), [
    ("The bridge opened.", "too short"),
    ("Will the new bridge over the river open on time this year?", "question"),
    ('Who will pay for the new bridge over the river, the mayor asked?"', "question"),
    ("THE BRIDGE OVER THE RIVER WILL OPEN TO TRAFFIC ON MONDAY MORNING.", "capitals"),
    ('"We will rebuild every single house on this street by winter."', "speaker"),
    ('"We will rebuild every single house on this street by winter and', "speaker"),
    ('every single house on this street will be rebuilt by the winter."', "speaker"),
    ("He added that the bridge would open to traffic on Monday morning.", "pronoun"),
    ("They want the bridge to open to traffic on Monday morning at last.", "pronoun"),
    ('"She told us the bridge would open to traffic on Monday," a driver said.', "pronoun"),
    ("The union leader said she would recommend it.", "ends on a pronoun"),
])
def test_candidates_reject_sentences_that_read_badly_alone(text, reason):
    because = rejection(text)
    assert because is not None and reason in because


def test_candidates_a_long_sentence_may_end_on_it():
    assert rejection("The council approved the budget for the new bridge over the river on "
                     "Monday and the mayor signed it.") is None


def test_candidates_pronoun_check_reads_whole_words():
    # "Shelters" and "Hereford" start with "She" and "Her" but name no one elsewhere.
    assert rejection("Shelters for the homeless will open across the city on Monday.") is None
    assert rejection("Hereford council said the bridge will open to traffic on Monday.") is None


def test_candidates_pool_marks_rejected_sentences_unselectable():
    article = Article(id="a", text=f"{FINE} Why now? The bridge opened.")
    pool = build_pool([article])
    reasons = [c.rejected_because for c in pool.candidates]
    assert reasons[0] is None
    assert reasons[1] is not None and reasons[2] is not None
    assert pool.selectable() == [0]


def test_candidates_group_a_wire_copy_with_a_word_changed():
    wire = Article(id="wire", text=(
        "Firefighters contained a large blaze at the Elmwood paper mill on Thursday night, the "
        "county fire chief said. Nobody was hurt in the fire."))
    copy = Article(id="copy", text=(
        "Firefighters contained a huge blaze at the Elmwood paper mill on Thursday night, the "
        "county fire chief said. The mill will reopen next week after an inspection of the roof."))
    pool = build_pool([wire, copy])
    texts = [c.sentence.text for c in pool.candidates]
    large = texts.index(next(t for t in texts if "large blaze" in t))
    huge = texts.index(next(t for t in texts if "huge blaze" in t))
    reopen = texts.index(next(t for t in texts if "reopen" in t))
    assert pool.group[huge] == pool.group[large] == large  # the first in reading order leads
    assert pool.members(huge) == [large, huge]
    assert pool.group[reopen] == reopen  # a different fact stays on its own
    assert huge not in pool.selectable() and large in pool.selectable()


def test_candidates_do_not_group_sentences_on_different_facts(flood_story):
    pool = build_pool(flood_story)
    # Only valley-1 and valley-2 share a sentence (their opening wire sentence).
    grouped = [i for i, g in enumerate(pool.group) if g != i]
    assert len(grouped) == 1
    [copy] = grouped
    original = pool.group[copy]
    assert pool.candidates[copy].sentence.text == pool.candidates[original].sentence.text
    assert {pool.articles[pool.candidates[i].article_index].id for i in (copy, original)} == {
        "valley-1", "valley-2"}


def test_candidates_reading_order_is_by_date_with_undated_last():
    undated = Article(id="undated", text=FINE)
    late = Article(id="late", text=FINE, date=dt.date(2024, 5, 3))
    early = Article(id="early", text=FINE, date=dt.date(2024, 5, 1))
    tie = Article(id="tie", text=FINE, date=dt.date(2024, 5, 1))
    ordered = reading_order([undated, late, early, tie])
    assert [a.id for a in ordered] == ["early", "tie", "late", "undated"]
    # Ties keep the order given.
    assert [a.id for a in reading_order([tie, early])] == ["tie", "early"]


def test_candidates_pool_follows_reading_order(flood_story):
    shuffled = (flood_story[3], flood_story[2], flood_story[0], flood_story[1])
    pool = build_pool(shuffled)
    assert [a.id for a in pool.articles] == ["valley-1", "valley-2", "valley-3", "valley-4"]
    article_indices = [c.article_index for c in pool.candidates]
    assert article_indices == sorted(article_indices)


def test_candidates_count_words_as_budgets_do(flood_story):
    pool = build_pool(flood_story)
    for candidate in pool.candidates:
        assert candidate.word_count == len(candidate.sentence.text.split())
