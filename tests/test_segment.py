"""Splitting article text into sentences and tokens (storyline.segment)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.segment import segment
from storyline.types import Article


def sentences_of(text: str) -> list[str]:
    return [s.text for s in segment(Article(id="a", text=text))]


# --- offsets ---------------------------------------------------------------------------------


def test_segment_sentence_text_is_the_article_span(flood_story):
    for article in flood_story:
        found = segment(article)
        assert found
        for position, sentence in enumerate(found):
            assert article.text[sentence.start:sentence.end] == sentence.text
            assert sentence.article_id == article.id
            assert sentence.position == position


# Pieces that exercise every news artefact the segmenter handles, plus non-ASCII text (the
# C splitter counts bytes; offsets must still be characters).
_PIECES = st.sampled_from([
    "The", "mayor", "said", "the", "bridge", "will", "open", "U.S.", "Gen.", "Ms.", "Mr.",
    "LONDON", "NAIROBI, Kenya", "(AP)", "_", "--", "—", ".", "?", "!", ",", ":", '"', "“", "”",
    "'", "\n", "\n\n", " ", "- ", "* ", "1. ", "By Jane Roe", "(AP Photo/Kim Lee)",
    "Zürich", "café", "東京", "😀", "\t", "   ",
])
_TEXTS = (
    st.lists(_PIECES, max_size=40).map(" ".join)
    | st.lists(_PIECES, max_size=40).map("".join)
    | st.text(max_size=200)
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_segment_offsets_hold_for_any_text(text):
    previous_end = 0
    for position, sentence in enumerate(segment(Article(id="x", text=text))):
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip()
        assert sentence.position == position
        assert sentence.start >= previous_end  # in order, never overlapping
        previous_end = sentence.end
        for token in sentence.tokens:
            assert text[token.start:token.end] == token.text
            assert sentence.start <= token.start < token.end <= sentence.end


def test_segment_tokens_have_offsets_into_the_article():
    text = "LONDON — Café owners in the U.S.-led group said prices rose 3,197 pounds."
    [sentence] = segment(Article(id="a", text=text))
    tokens = sentence.tokens
    assert [t.text for t in tokens] == [
        "Café", "owners", "in", "the", "U.S.-led", "group", "said", "prices", "rose", "3,197",
        "pounds", ".",
    ]
    for token in tokens:
        assert text[token.start:token.end] == token.text
    assert tokens[0].start == text.index("Café")
    assert tokens[-1].end == len(text)


def test_segment_tokens_keep_title_abbreviations_whole():
    text = "Gen. Ada Park met Ms. Lane in the U.S. capital."
    [sentence] = segment(Article(id="a", text=text))
    words = [t.text for t in sentence.tokens]
    assert "U.S." in words
    assert "Gen." in words and "Ms." in words


# --- news artefacts --------------------------------------------------------------------------


@pytest.mark.parametrize("dateline", [
    "WASHINGTON (AP) _ ",
    "NAIROBI, Kenya (AP) -- ",
    "LONDON — ",
    "BEIJING (Xinhua) -- ",
])
def test_segment_strips_datelines(dateline):
    text = dateline + "The council voted on Tuesday to rebuild the bridge. Work starts in May."
    assert sentences_of(text) == [
        "The council voted on Tuesday to rebuild the bridge.",
        "Work starts in May.",
    ]


def test_segment_keeps_capitals_that_are_not_a_dateline():
    # Only the article's opening can be a dateline; a later paragraph keeps its first word.
    text = "LONDON _ The mayor opened a library on Friday.\n\nBERLIN — A sister city sent books."
    assert sentences_of(text) == [
        "The mayor opened a library on Friday.",
        "BERLIN — A sister city sent books.",
    ]


def test_segment_does_not_split_at_abbreviations():
    text = ("The U.S. Army said Gen. Ada Park and Ms. Lane will visit the base with Mr. Cole "
            "on Friday.")
    assert sentences_of(text) == [text]


@pytest.mark.parametrize("before", ["The wing reopened today.", "Rain fell all day."])
def test_segment_sentence_starting_with_a_title_is_its_own_sentence(before):
    text = before + " Mr. Lane met the staff there."
    assert sentences_of(text) == [before, "Mr. Lane met the staff there."]


def test_segment_keeps_a_quote_over_two_sentences_with_its_speaker():
    text = '"We will stay. We will rebuild the school," she said. The town cheered.'
    assert sentences_of(text) == [
        '"We will stay. We will rebuild the school," she said.',
        "The town cheered.",
    ]


def test_segment_keeps_a_curly_quote_over_two_sentences_with_its_speaker():
    text = ("The mayor spoke first. “The water is safe. Nobody fell ill,” Ms. Lane said on "
            "Monday. Schools reopen.")
    assert sentences_of(text) == [
        "The mayor spoke first.",
        "“The water is safe. Nobody fell ill,” Ms. Lane said on Monday.",
        "Schools reopen.",
    ]


def test_segment_drops_bylines_and_photo_captions():
    text = ("By Jane Roe\n\nThe festival drew a large crowd on Sunday.\n\n"
            "(AP Photo/John Doe)\n\nVendors sold out by noon.\n"
            "By JANE ROE and JOHN DOE, Associated Press\n")
    assert sentences_of(text) == [
        "The festival drew a large crowd on Sunday.",
        "Vendors sold out by noon.",
    ]


def test_segment_bullet_items_become_sentences_without_the_bullet():
    text = ("The council agreed three steps:\n- Repair the roof of the hall.\n"
            "* Hire two more librarians.\n1. Open on Sundays from June.")
    assert sentences_of(text) == [
        "The council agreed three steps:",
        "Repair the roof of the hall.",
        "Hire two more librarians.",
        "Open on Sundays from June.",
    ]


def test_segment_joins_hard_wrapped_lines_into_one_sentence():
    text = ("The harbor pilots said the new channel\nis deep enough for the largest ships\n"
            "that call at the port today.\nOfficials agreed.")
    found = segment(Article(id="a", text=text))
    assert len(found) == 2
    first = found[0]
    assert first.text.split() == ("The harbor pilots said the new channel is deep enough for the "
                                  "largest ships that call at the port today.").split()
    assert text[first.start:first.end] == first.text  # the original line breaks stay in the span
    assert found[1].text == "Officials agreed."


def test_segment_joins_a_wrapped_line_that_breaks_before_a_name():
    text = ("The harbor pilots said on Monday that the\n"
            "Greyhaven channel is deep enough for the largest ships.")
    assert len(sentences_of(text)) == 1


def test_segment_sentences_carry_no_surrounding_whitespace():
    text = "The bridge reopened on Monday after repairs   \n(AP Photo/Kim Lee)\nMore text here."
    assert sentences_of(text) == ["The bridge reopened on Monday after repairs", "More text here."]


def test_segment_empty_text_has_no_sentences():
    assert segment(Article(id="a", text="")) == ()
    assert segment(Article(id="a", text="  \n\n ")) == ()


def test_segment_drops_copyright_lines_at_the_foot_of_wire_copy():
    text = ("The ferry strike ended on Friday after two days of talks.\n"
            "© 2026 Meridian Press Wire. All rights reserved.\n"
            "Copyright 2019 The Fernmoor Times")
    assert [s.text for s in segment(Article("a", text))] == [
        "The ferry strike ended on Friday after two days of talks."]


def test_segment_a_line_in_parentheses_ends_its_paragraph():
    from storyline.segment import paragraphs

    text = ("The drills take place every month.\n"
            "(Story can end here. Optional material follows)\n"
            '"A drill for a fire is like any other drill," said Lena Moss, a pupil.')
    spans = [text[s:e] for s, e in paragraphs(text)]
    assert spans == ["The drills take place every month.",
                     "(Story can end here. Optional material follows)",
                     '"A drill for a fire is like any other drill," said Lena Moss, a pupil.']
