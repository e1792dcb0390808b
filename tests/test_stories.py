from __future__ import annotations

import dataclasses
import json

from stories_fixtures import CHESS, day, stream

from storyline.cli import main
from storyline.store import open_store
from storyline.stories import add_articles, list_stories, proper_terms, render_stories
from storyline.types import Article


def stories_by_article(store) -> dict[str, int]:
    return {a: s.id for s in list_stories(store) for a in s.article_ids}


def test_stories_stream_groups_articles_and_marks_the_wire_copy(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        report = add_articles(store, stream())
        placed = stories_by_article(store)
        listings = {s.id: s for s in list_stories(store)}
    assert (report.added, report.new_stories, report.near_duplicates) == (6, 3, 1)
    assert placed["bridge-1"] == placed["bridge-2"] == placed["bridge-wire"]
    assert placed["cheese-1"] == placed["cheese-2"] != placed["bridge-1"]
    bridge = listings[placed["bridge-1"]]
    assert bridge.near_duplicates == ("bridge-wire",)
    assert bridge.headline == "Ostervik rail bridge partly collapses"
    assert (bridge.first_date, bridge.last_date, bridge.article_count) == (day(2), day(4), 3)
    assert bridge.sources == ("Lunde Post", "North Wire", "Ostervik Times")
    assert "Ostervik" in bridge.top_terms


def test_stories_second_run_continues_where_the_first_stopped(tmp_path):
    articles = stream()
    with open_store(tmp_path / "s.db") as store:
        add_articles(store, articles[:3])
    with open_store(tmp_path / "s.db") as store:
        report = add_articles(store, articles)
        continued = stories_by_article(store)
    with open_store(tmp_path / "one.db") as store:
        add_articles(store, articles)
        at_once = stories_by_article(store)
    assert report.already_stored == 3 and report.added == 3
    assert continued["bridge-2"] == continued["bridge-1"]
    groups = lambda placed: sorted(sorted(a for a in placed if placed[a] == s)  # noqa: E731
                                   for s in set(placed.values()))
    assert groups(continued) == groups(at_once)


def test_stories_bad_input_is_reported_and_the_rest_processed(tmp_path):
    articles = stream()
    changed = dataclasses.replace(articles[0], text=CHESS + " A different text entirely.")
    empty = Article("blank", "   \n", date=day(3))
    undated = Article("undated-chess", CHESS.replace("Sunday", "the weekend"))
    exact = dataclasses.replace(articles[1], id="cheese-copy")
    with open_store(tmp_path / "s.db") as store:
        report = add_articles(store, articles + [changed, empty, undated, exact])
        placed = stories_by_article(store)
        stored_text = store.story(placed["bridge-1"]).articles[0].text
    assert [p.where for p in report.problems] == ["article bridge-1", "article blank"]  # by date
    assert "already stored with a different text" in str(report.problems[0])
    assert stored_text == articles[0].text
    assert report.exact_duplicates == 1 and "cheese-copy" not in placed
    assert placed["undated-chess"] == placed["chess-1"]


NOTICE = "Your display name is shown beside each of your posts. Your email is kept private."
CRAWL = ("These snapshots belong to a project that saves pages when they go live and also saves "
         "every page they link to, so readers can reach them after a link goes dead. Snapshot "
         "files arrive each day from volunteers and member archives.")


def test_stories_short_and_boilerplate_articles_stay_alone_across_runs(tmp_path):
    base = stream()
    notices = [Article(f"notice-{i}", NOTICE, date=day(3 + i)) for i in range(3)]
    crawls = [Article(f"crawl-{i}", CRAWL, date=day(3 + i)) for i in range(3)]
    with open_store(tmp_path / "s.db") as store:
        report = add_articles(store, base + notices[:2] + crawls[:2])
    with open_store(tmp_path / "s.db") as store:  # a second run: still nothing copies them
        second = add_articles(store, notices[2:] + crawls[2:] + notices[:1])
        placed = stories_by_article(store)
    assert (report.added, report.alone, report.exact_duplicates) == (10, 3, 0)
    assert (second.added, second.alone, second.already_stored) == (2, 2, 1)
    # Every notice (too short) and every copy of the crawl text (short boilerplate) is a story of
    # its own; the first crawl article is long enough to be clustered.
    alone = [placed[a.id] for a in notices + crawls]
    assert len(set(alone)) == 6 and not set(alone) & {placed[a.id] for a in base}
    assert placed["bridge-1"] == placed["bridge-2"] == placed["bridge-wire"]


def test_stories_render_text_and_json(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        add_articles(store, stream())
        listings = list_stories(store)
    text = render_stories(listings, "text")
    assert "Ostervik rail bridge partly collapses" in text and "3 articles (1 near copies)" in text
    objects = [json.loads(line) for line in render_stories(listings, "json").splitlines()]
    assert {o["articles"] for o in objects} == {3, 2, 1}
    assert render_stories([], "text") == ""


def test_stories_proper_terms_skip_sentence_openers_and_weekdays():
    found = proper_terms("The Kettering open ended on Sunday. Tove Aaslund won it. Rain fell.")
    assert found == {"Kettering": 1, "Tove Aaslund": 1}


def write_jsonl(path, articles):
    path.write_text("\n".join(json.dumps({
        "id": a.id, "text": a.text, "title": a.title, "source": a.source,
        "date": a.date.isoformat() if a.date else None}) for a in articles) + "\n")


def test_stories_cli_lists_stories_and_summarizes(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, stream())
    db = str(tmp_path / "s.db")
    assert main(["stories", str(feed), "--db", db, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and "6 articles added" in err
    assert main(["stories", "--db", db, "--limit", "1", "--summarize"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("[") and "[1]" in out and err == ""


def test_stories_cli_refuses_a_foreign_database_with_one_line(tmp_path, capsys):
    db = tmp_path / "notes.db"
    db.write_text("not a database at all\n")
    assert main(["stories", "--db", str(db)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "not a Storyline store" in err


def test_stories_cli_strict_flags_skipped_input(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, stream())
    db = str(tmp_path / "s.db")
    assert main(["stories", str(feed), str(tmp_path / "missing.txt"), "--db", db,
                 "--strict"]) == 3


def test_stories_an_untitled_story_is_headed_by_its_whole_opening_sentence():
    from storyline.stories import headline

    article = Article(
        "ferry-1", "OSTERVIK (North Wire) _ The U.S. coast guard said on Monday that the "
        "Ostervik ferry had sunk in calm water. All 40 passengers were rescued.")
    assert headline([article], {}) == (
        "The U.S. coast guard said on Monday that the Ostervik ferry had sunk in calm water.")
