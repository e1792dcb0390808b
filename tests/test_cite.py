"""Finding every article that says what a summary sentence says (storyline.cite)."""

from __future__ import annotations

from storyline.candidates import build_pool
from storyline.cite import citations_for
from storyline.types import Article

RESCUE = "Firefighters rescued three hikers from Mount Carrow on Sunday after a night in the snow."
BAKERY = Article(id="bakery", text=(
    "A bakery in the village gave the rescue crews hot soup and bread when they came down the "
    "mountain."))


def index_of(pool, article_id: str, starts_with: str) -> int:
    for i, candidate in enumerate(pool.candidates):
        article = pool.articles[candidate.article_index]
        if article.id == article_id and candidate.sentence.text.startswith(starts_with):
            return i
    raise AssertionError(f"no sentence of {article_id} starts with {starts_with!r}")


def quoted(pool, citation) -> str:
    article = next(a for a in pool.articles if a.id == citation.article_id)
    return article.text[citation.start:citation.end]


def test_cite_the_sentence_itself_comes_first():
    pool = build_pool([Article(id="a", text=RESCUE), BAKERY])
    index = index_of(pool, "bakery", "A bakery")
    [own] = citations_for(pool, index)
    assert own.article_id == "bakery"
    assert quoted(pool, own) == pool.candidates[index].sentence.text


def test_cite_a_rewrite_that_adds_a_clause_supports_the_shorter_sentence():
    short = Article(id="short", text=RESCUE)
    longer = Article(id="longer", text=(
        "The county said firefighters rescued three hikers from Mount Carrow on Sunday after a "
        "night in the snow, and promised to review the warning signs on the mountain trails "
        "before the summer season begins."))
    pool = build_pool([short, longer, BAKERY])
    shorter = index_of(pool, "short", "Firefighters")
    cited = citations_for(pool, shorter)
    assert [c.article_id for c in cited] == ["short", "longer"]
    assert quoted(pool, cited[1]).startswith("The county said firefighters rescued")
    # The longer sentence says more than the shorter one: it is not supported by it.
    rewrite = index_of(pool, "longer", "The county")
    assert [c.article_id for c in citations_for(pool, rewrite)] == ["longer"]


def test_cite_each_article_once_even_when_it_repeats_the_sentence():
    repeats = Article(id="repeats", text=f"{RESCUE} Rain fell all week on the hills. {RESCUE}")
    pool = build_pool([Article(id="first", text=RESCUE), repeats])
    cited = citations_for(pool, index_of(pool, "first", "Firefighters"))
    assert [c.article_id for c in cited] == ["first", "repeats"]
    assert cited[1].start == 0  # the article's first saying of it


def test_cite_unrelated_sentences_are_not_cited():
    pool = build_pool([Article(id="a", text=RESCUE), BAKERY])
    cited = citations_for(pool, index_of(pool, "a", "Firefighters"))
    assert [c.article_id for c in cited] == ["a"]


def test_cite_spans_resolve_to_the_supporting_sentences(flood_story):
    pool = build_pool(flood_story)
    for index in pool.selectable():
        for citation in citations_for(pool, index):
            span = quoted(pool, citation)
            assert span in [c.sentence.text for c in pool.candidates]


def test_cite_a_sentence_that_changes_the_key_word_does_not_support_it():
    pool = build_pool([
        Article("a", "Union leader Ines Moor said on Friday she would recommend the offer to members."),
        Article("b", "Union leader Ines Moor said on Friday she would reject the offer to members."),
    ])
    index = index_of(pool, "a", "Union leader")
    assert [c.article_id for c in citations_for(pool, index)] == ["a"]


def cited_by(claim: str, other: str) -> list[str]:
    pool = build_pool([Article("a", claim), Article("b", other)])
    return [c.article_id for c in citations_for(pool, index_of(pool, "a", claim[:12]))]


def test_cite_a_close_paraphrase_with_the_same_names_and_numbers_supports():
    assert cited_by(
        "The Tildon Ferry Workers' Union says the planned winter timetable cut would end 340 "
        "jobs at Varnholm by next spring.",
        "A timetable cut at Varnholm would end 340 jobs by next spring, the Tildon Ferry "
        "Workers' Union warned on Monday.") == ["a", "b"]


def test_cite_a_paraphrase_with_another_number_does_not_support():
    assert cited_by(
        "Seventeen others died in floods in nearby Ostmark province, the governor said.",
        "Thirty other people died in floods in nearby Ostmark province on Friday.") == ["a"]


def test_cite_a_paraphrase_that_negates_does_not_support():
    assert cited_by(
        "The Varnholm council will close the old harbour bridge to lorries in June.",
        "The Varnholm council will not close the old harbour bridge to lorries, it said in June."
    ) == ["a"]


def test_cite_the_same_speaker_saying_something_else_does_not_support():
    assert cited_by(
        "Ilse Marten, a crane driver at the North Pier for 26 years, said spirits on the picket "
        "line were high.",
        "Among those on the picket line was Ilse Marten, a crane driver who has worked at the "
        "North Pier for 26 years.") == ["a"]


def test_cite_a_paraphrase_need_not_repeat_the_weekday_or_month():
    assert cited_by(
        "Varnholm has no part at all in the growing row between Ostmark and Tildon over "
        "fishing rights, a spokesman said Saturday.",
        "A Varnholm defence spokesman, Per Lunde, said Varnholm had no part \"at all\" in the "
        "Ostmark-Tildon row over fishing rights.") == ["a", "b"]
    assert cited_by(  # a name it leaves out still matters
        "Varnholm has no part at all in the growing row between Ostmark and Tildon over "
        "fishing rights, a spokesman said.",
        "A spokesman said Varnholm had no part at all in the growing row with Ostmark over "
        "fishing rights.") == ["a"]
