"""From a story's articles to a cited summary (storyline.summarize), for every method."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline import Article, UsageError, summarize
from storyline.summarizers.base import available_methods

METHODS = list(available_methods())
# Methods that take a query (lead is a baseline: it reads articles in order whatever is asked).
QUERY_METHODS = [m for m in METHODS if m != "lead"]

ONE_ARTICLE = Article(id="solo", text=(
    "The Alder river footbridge reopened on Tuesday after four months of repairs, the town "
    "engineer said. About nine hundred people a day cross the bridge on their way to the station. "
    "Repairs cost the town two hundred thousand pounds, a third more than planned. The engineer "
    "said the new oak planks should last for at least forty years."))


def test_summarize_registry_has_the_four_methods():
    assert set(METHODS) == {"concepts", "lexrank", "centroid", "lead"}
    assert all(available_methods().values())  # each has a description for `storyline methods`


# --- budgets ---------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(words=st.integers(min_value=1, max_value=150), method=st.sampled_from(METHODS),
       truncate=st.booleans())
def test_summarize_never_exceeds_the_word_budget(flood_story, check_citations, words, method,
                                                  truncate):
    summary = summarize(flood_story, words, method=method, truncate=truncate)
    assert summary.word_count <= words
    assert summary.word_count == sum(len(s.text.split()) for s in summary.sentences)
    check_citations(summary, flood_story, truncated_tail=truncate)


@pytest.mark.parametrize("method", METHODS)
def test_summarize_uses_most_of_a_generous_budget(flood_story, method):
    # Whole sentences only: the budget is a cap, but a summary should not stop at one sentence.
    summary = summarize(flood_story, 60, method=method)
    assert 40 <= summary.word_count <= 60


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("count", [1, 2, 3])
def test_summarize_sentence_budget(flood_story, method, count):
    summary = summarize(flood_story, None, sentences=count, method=method)
    assert len(summary.sentences) == count


@pytest.mark.parametrize("method", METHODS)
def test_summarize_word_and_sentence_budgets_together(flood_story, method):
    summary = summarize(flood_story, 30, sentences=3, method=method)
    assert summary.word_count <= 30 and 1 <= len(summary.sentences) <= 3


@pytest.mark.parametrize(("words", "sentences"), [(0, None), (-5, None), (None, None), (None, 0)])
def test_summarize_rejects_a_bad_budget(flood_story, words, sentences):
    with pytest.raises(UsageError, match="--words|--sentences"):
        summarize(flood_story, words, sentences=sentences)


# --- truncation ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("words", [25, 40, 77])
def test_summarize_truncate_fills_the_budget_exactly(flood_story, check_citations, method, words):
    summary = summarize(flood_story, words, method=method, truncate=True)
    assert summary.word_count == words
    check_citations(summary, flood_story, truncated_tail=True)
    whole = summarize(flood_story, words, method=method)
    # The whole sentences are the same; only a cut-short sentence is added after them.
    assert summary.sentences[: len(whole.sentences)] == whole.sentences
    tail = summary.sentences[-1]
    cited = tail.citations[0]
    source = {a.id: a for a in flood_story}[cited.article_id]
    assert source.text[cited.start:cited.end] == tail.text  # the citation is exactly the prefix


@pytest.mark.parametrize("method", METHODS)
def test_summarize_truncate_fills_a_budget_below_one_sentence(method):
    summary = summarize([ONE_ARTICLE], 5, method=method, truncate=True)
    assert summary.word_count == 5
    assert summary.sentences[0].text == "The Alder river footbridge reopened"


@pytest.mark.parametrize("method", METHODS)
def test_summarize_truncate_respects_the_sentence_budget(flood_story, method):
    summary = summarize(flood_story, 50, sentences=2, method=method, truncate=True)
    assert len(summary.sentences) <= 2


def test_summarize_concepts_truncate_fills_the_budget_when_sentences_remain(flood_story):
    # A story with a wire copy: plenty of unchosen eligible sentences remain at 100 words.
    story = (flood_story[0], Article(id="copy", text=flood_story[0].text), flood_story[2])
    summary = summarize(story, 100, method="concepts", truncate=True)
    assert summary.word_count == 100


# --- citations -------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_summarize_sentences_are_exact_spans_of_the_articles(flood_story, check_citations,
                                                             method):
    summary = summarize(flood_story, 100, method=method)
    assert summary.sentences
    check_citations(summary, flood_story)


@pytest.mark.parametrize("method", METHODS)
def test_summarize_cites_each_article_at_most_once_per_sentence(flood_story, method):
    for words in (40, 100, 200):
        for sentence in summarize(flood_story, words, method=method).sentences:
            cited = [c.article_id for c in sentence.citations]
            assert len(cited) == len(set(cited)), sentence


@pytest.mark.parametrize("method", METHODS)
def test_summarize_the_shared_wire_sentence_cites_both_outlets(flood_story, method):
    # valley-1 and valley-2 open with the same sentence: the summary uses it once, cites both.
    summary = summarize(flood_story, 100, method=method)
    # It is the story's central fact, so every method picks it, and once only.
    [opening] = [s for s in summary.sentences if s.text.startswith("Floodwater from the swollen")]
    assert [c.article_id for c in opening.citations][:2] == ["valley-1", "valley-2"]


@pytest.mark.parametrize("method", METHODS)
def test_summarize_duplicate_articles_give_no_repeated_sentence(flood_story, check_citations,
                                                                method):
    original = flood_story[0]
    twin = Article(id="twin", text=original.text, source="Another Outlet")
    story = [original, twin]
    summary = summarize(story, 100, method=method)
    texts = [s.text for s in summary.sentences]
    assert texts and len(texts) == len(set(texts))
    for sentence in summary.sentences:
        assert {c.article_id for c in sentence.citations} == {"valley-1", "twin"}
    check_citations(summary, story)


@pytest.mark.parametrize("method", METHODS)
def test_summarize_a_single_article(check_citations, method):
    summary = summarize([ONE_ARTICLE], 40, method=method)
    assert summary.sentences
    assert summary.word_count <= 40
    assert summary.articles == (ONE_ARTICLE,)
    check_citations(summary, [ONE_ARTICLE])


# --- determinism -----------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_summarize_is_deterministic(flood_story, harbor_story, method):
    for story in (flood_story, harbor_story, flood_story + harbor_story):
        for words in (30, 80):
            first = summarize(story, words, method=method, truncate=True)
            again = summarize(story, words, method=method, truncate=True)
            assert first == again


def test_summarize_is_the_same_in_fresh_processes(tmp_path):
    # Set and dict order must not leak into selection: run under two hash seeds.
    script = tmp_path / "run.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from conftest import load_articles\n"
        "from storyline import render, summarize\n"
        "from storyline.summarizers.base import available_methods\n"
        "story = load_articles('millbrook-flood.json') + load_articles('greyhaven-harbor.json')\n"
        "for method in available_methods():\n"
        "    print(render(summarize(story, 80, method=method, truncate=True), 'json'))\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "HF_HUB_OFFLINE": "1"}
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                              env=env, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") == len(METHODS)


# --- query -----------------------------------------------------------------------------------

SEAL_QUERY = "What is happening to the grey seals and seal pups on the north pier?"
STRIKE_QUERY = "Why are the dock workers on strike over pay?"


def _about_seals(text: str) -> bool:
    return "seal" in text.lower()


@pytest.mark.parametrize("method", QUERY_METHODS)
def test_summarize_query_steers_selection(harbor_story, method):
    on_seals = summarize(harbor_story, 30, method=method, query=SEAL_QUERY)
    on_strike = summarize(harbor_story, 30, method=method, query=STRIKE_QUERY)
    seals_when_asked = [_about_seals(s.text) for s in on_seals.sentences]
    seals_when_not = [_about_seals(s.text) for s in on_strike.sentences]
    assert any(seals_when_asked)
    assert not all(seals_when_not)
    assert sum(seals_when_asked) > sum(seals_when_not)
    assert on_seals.query == SEAL_QUERY


# --- bad calls -------------------------------------------------------------------------------


def test_summarize_unknown_method_names_the_known_ones(flood_story):
    with pytest.raises(UsageError) as caught:
        summarize(flood_story, 50, method="textrank")
    message = str(caught.value)
    assert "textrank" in message
    for method in METHODS:
        assert method in message


def test_summarize_duplicate_ids_are_a_usage_error():
    first = Article(id="same", text=ONE_ARTICLE.text)
    second = Article(id="same", text="A different article about the footbridge and its repairs.")
    with pytest.raises(UsageError, match="same"):
        summarize([first, second], 50)


def test_summarize_needs_an_article():
    with pytest.raises(UsageError):
        summarize([], 50)


def test_summarize_unknown_method_parameter_is_a_usage_error(flood_story):
    with pytest.raises(UsageError, match="lead"):
        summarize(flood_story, 50, method="lead", damping=0.5)


@pytest.mark.parametrize("method", METHODS)
def test_summarize_records_every_method_parameter(flood_story, method):
    import inspect

    from storyline.summarizers.base import create

    summarizer_class = type(create(method))
    taken = list(inspect.signature(summarizer_class).parameters)
    recorded = summarize(flood_story, 50, method=method).parameters
    assert set(taken) <= set(recorded)


def test_summarize_records_how_it_ran(flood_story):
    summary = summarize(flood_story, 50, method="lexrank", story_id="millbrook", query="bridge")
    assert summary.method == "lexrank"
    assert summary.story_id == "millbrook"
    assert summary.parameters["words"] == 50
    assert summary.parameters["truncate"] is False
    assert [a.id for a in summary.articles] == ["valley-1", "valley-2", "valley-3", "valley-4"]
