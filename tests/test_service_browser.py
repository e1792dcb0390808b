"""The story pages in a real browser: `storyline serve` on a temporary store, driven with
Playwright through Debian's headless Chromium.

A reader clicks a citation marker and sees the source sentence with its outlet and date, finds
the quotes grouped by speaker, the timeline chart, entity chips that filter the story list and
the dated, linked sources; an article full of <script> and onerror payloads shows them as
text and runs nothing. A full-page screenshot of the story is saved under pytest's tmp dir
(and into $STORYLINE_SCREENSHOTS when set) for a human to look at.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "harbor-strike"
START_TIMEOUT = 30.0

SCRIPT = "<script>window.__pwned=1</script>"
ONERROR = '<img src=x onerror="window.__pwned=1">'
HOSTILE = {
    "id": "hostile-1",
    "title": f"Orchard fair {SCRIPT} draws record crowds",
    "source": f"The Upland {ONERROR} Gazette",
    "date": "2026-04-11",
    "url": "javascript:window.__pwned=1",
    "text": (
        f"Orchard fair {SCRIPT} draws record crowds\n\n"
        "The Lindenfield orchard fair drew more than eight thousand visitors on Saturday, "
        "the largest crowd in the history of the autumn event. "
        f"Organisers hung a banner reading {SCRIPT} above the cider tent as a joke about "
        "the fair's new website. "
        f"Stallholders said a prankster had painted {ONERROR} on the wall of the old "
        "apple press barn overnight. "
        "\"We have never seen queues like this for the pressing demonstrations,\" said "
        "Marta Quillon, who chairs the fair committee. "
        "Volunteers from the Lindenfield growers' cooperative sold out of pear cider by "
        "early afternoon, and the parish council said the car park would be doubled in size "
        "before next year's fair. "
        f"Quillon said the {SCRIPT} banner would stay up until the final evening of the fair."
    ),
}

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _require_browser() -> Any:
    """Playwright's sync API, or a skip that says what to install."""
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` "
                    "(the browser tests drive Debian's headless Chromium)")
    try:
        from playwright import sync_api
    except ImportError:
        pytest.skip("the playwright package is missing: `pip install -e '.[test]'` "
                    "(or `pip install playwright`); Chromium comes from `apt-get install "
                    "chromium`, never from `playwright install`")
    return sync_api


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _request(url: str, body: object | None = None, timeout: float = 60) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                     headers={"Content-Type": "application/json",
                                              "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        return json.load(reply)


def _example_articles() -> list[dict[str, Any]]:
    from storyline.ingest import read_inputs

    ingested = read_inputs([str(EXAMPLES)])
    assert ingested.articles, "the bundled example articles could not be read"
    return [{"id": a.id, "text": a.text, "title": a.title, "source": a.source,
             "date": a.date.isoformat() if a.date else None, "url": a.url}
            for a in ingested.articles]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`storyline serve` on a fresh store holding the harbour strike and the hostile article:
    the base URL and both stories' JSON."""
    _require_browser()
    folder = tmp_path_factory.mktemp("browser")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = folder / "server.log"
    command = [sys.executable, "-c", "from storyline.cli import main; raise SystemExit(main())",
               "serve", "--db", str(folder / "news.db"), "--host", "127.0.0.1",
               "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "STORYLINE_API_KEY": ""})
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                _request(f"{base}/health", timeout=2)
                break
            except (OSError, urllib.error.URLError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"`storyline serve` did not start: "
                                f"{log.read_text(errors='replace')[-800:]}")
                time.sleep(0.1)
        harbor = _request(f"{base}/articles", _example_articles())
        hostile = _request(f"{base}/articles", HOSTILE)
        harbor_ids = {a["story_id"] for a in harbor["articles"]}
        assert len(harbor_ids) == 1, harbor
        hostile_id = hostile["articles"][0]["story_id"]
        assert hostile_id not in harbor_ids, "the hostile article joined the harbour story"
        yield {"base": base,
               "harbor": _request(f"{base}/stories/{harbor_ids.pop()}"),
               "hostile": _request(f"{base}/stories/{hostile_id}")}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser(server: dict[str, Any]) -> Iterator[Any]:
    sync_api = _require_browser()
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records every dialog (alert, confirm...) it was asked to open."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.dialogs = []

    def dismiss(dialog: Any) -> None:
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    try:
        yield page
    finally:
        context.close()


def _long_date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%-d %B %Y")


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_service_browser_citation_reveals_source_sentence_outlet_and_date(server, page):
    story = server["harbor"]
    sources = {s["id"]: s for s in story["sources_list"]}
    page.goto(server["base"] + "/")
    page.get_by_role("link", name=story["headline"]).click()
    page.wait_for_url(f"**/stories/{story['id']}")
    assert page.locator("h1").inner_text() == story["headline"]

    sentences = page.locator("section.summary .sentence")
    assert sentences.count() == len(story["summary"]["sentences"]) > 0
    # The summary sentence with the most sources: its first marker opens its own article's
    # sentence, another marker another outlet's.
    index, cited = max(enumerate(story["summary"]["sentences"]),
                       key=lambda pair: len({c["article_id"] for c in pair[1]["citations"]}))
    markers = sentences.nth(index).locator("details.cite")
    first = markers.nth(0)
    revealed = first.locator(".source-sentence")
    assert not revealed.is_visible()
    article = sources[cited["citations"][0]["article_id"]]
    outlet = article["source"] or article["id"]
    hover = first.locator("summary").get_attribute("title") or ""
    assert outlet in hover and _long_date(article["date"]) in hover

    first.locator("summary").click()
    expect = _require_browser().expect  # retries until the page settles
    expect(revealed).to_be_visible()
    shown = _squash(revealed.inner_text())
    assert _squash(cited["text"]) in shown
    assert outlet in shown and _long_date(article["date"]) in shown

    other = page.locator("blockquote.quote details.cite").first  # opening another closes it
    other.locator("summary").click()
    expect(other.locator(".source-sentence")).to_be_visible()
    expect(revealed).to_be_hidden()
    page.keyboard.press("Escape")
    expect(page.locator("details.cite[open]")).to_have_count(0)


def test_service_browser_story_page_shows_quotes_timeline_and_sources(server, page,
                                                                    tmp_path):
    story = server["harbor"]
    page.goto(f"{server['base']}/stories/{story['id']}")
    page.locator("section.summary details.cite summary").first.click()  # for the screenshot
    saved = tmp_path / "story-page.png"
    page.screenshot(path=str(saved), full_page=True)
    assert saved.stat().st_size > 20_000
    if os.environ.get("STORYLINE_SCREENSHOTS"):
        folder = Path(os.environ["STORYLINE_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(saved, folder / "story-page.png")

    quotes: dict[str, int] = {}
    for quote in story["analysis"]["quotes"]:
        name = quote["speaker"] or "Unattributed"
        quotes[name] = quotes.get(name, 0) + 1
    assert any(count > 1 for count in quotes.values()), "the example has no repeated speaker"
    groups = page.locator("section.speaker-quotes")
    shown = {}
    for n in range(groups.count()):
        group = groups.nth(n)
        name = group.locator("h3.speaker").inner_text()
        speaker = next(s for s in quotes if name.startswith(s))
        assert speaker not in shown, f"{speaker} is listed twice"
        shown[speaker] = group.locator("blockquote.quote").count()
    assert shown == quotes

    chart = page.locator("svg.timeline")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 400 and box["height"] > 40
    events = story["analysis"]["events"]
    dots = chart.locator("a.dot")
    assert dots.count() == len(events) > 1
    assert page.locator("ol.events > li").count() == len(events)
    dots.last.click()
    assert page.evaluate("location.hash") == f"#event-{len(events)}"
    assert events[-1]["text"].split()[0] in page.locator(f"#event-{len(events)}").inner_text()

    items = page.locator("ol.sources > li")
    assert items.count() == len(story["sources_list"])
    listed = [_squash(items.nth(n).inner_text()) for n in range(items.count())]
    for source in story["sources_list"]:
        assert any(source["date"] in text and (source["title"] or source["id"]) in text
                   for text in listed), source
        if source["url"]:
            assert page.locator(f"ol.sources a[href=\"{source['url']}\"]").count() == 1


def test_service_browser_entity_chip_filters_the_story_list(server, page):
    story, hostile = server["harbor"], server["hostile"]
    person = next(e for e in story["analysis"]["entities"] if e["kind"] == "person")
    page.goto(f"{server['base']}/stories/{story['id']}")
    page.locator("a.chip", has_text=person["name"]).first.click()
    page.wait_for_url("**/?q=*")
    headlines = page.locator("ul.stories > li a.headline").all_inner_texts()
    assert headlines == [story["headline"]]
    assert hostile["headline"] not in page.content()
    assert page.locator("input[name=q]").input_value() == person["name"]

    page.goto(server["base"] + "/")  # unfiltered, both stories are listed
    assert page.locator("ul.stories > li").count() == 2


def test_service_browser_hostile_article_renders_as_inert_text(server, page):
    hostile = server["hostile"]
    page.goto(server["base"] + "/")
    page.get_by_role("link", name=hostile["headline"]).click()
    page.wait_for_url(f"**/stories/{hostile['id']}")
    page.wait_for_load_state("load")

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert SCRIPT in page.locator("h1").inner_text()
    body = page.locator("main").inner_text()
    assert body.count("<script>") >= 2 and ONERROR.split(" ")[0] in body
    assert page.locator("main img").count() == 0
    assert page.locator("main script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("ol.sources").get_by_text("javascript").count() == 0
    # The hostile outlet name, shown by a citation marker, is text too.
    page.locator("section.summary details.cite summary").first.click()
    assert "onerror=" in page.locator("section.summary details.cite[open] cite").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.dialogs == []
