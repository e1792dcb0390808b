"""The HTTP service through FastAPI's TestClient, over a new store on SQLite and on PostgreSQL
(`store_location`)."""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterator

import pytest

with warnings.catch_warnings():  # starlette's note about httpx's successor, not about us
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.service import create_app
from conftest import CORE_FIXTURES

SCRIPT_TITLE = '<script>alert("title")</script> Harbour news'
ONERROR = '<img src=x onerror="alert(1)">'
FRENCH = ("Le gouvernement français a présenté mardi un projet de réforme des retraites. Les "
          "syndicats dénoncent un texte injuste et appellent à une journée de grève nationale "
          "jeudi prochain. Selon le ministre du Travail, la mesure permettra d'équilibrer le "
          "système d'ici dix ans.")
FLOOD = json.loads((CORE_FIXTURES / "millbrook-flood.json").read_text(encoding="utf-8"))
HARBOR = json.loads((CORE_FIXTURES / "greyhaven-harbor.json").read_text(encoding="utf-8"))


_OPEN: list[TestClient] = []


def client(location: str, **options) -> TestClient:
    opened = TestClient(create_app(location, **options), raise_server_exceptions=False)
    _OPEN.append(opened)
    return opened


@pytest.fixture(autouse=True)
def stop_view_workers() -> Iterator[None]:
    """Stop each app's view worker at the end of its test (before its database goes)."""
    yield
    while _OPEN:
        _OPEN.pop().app.state.library.close()


def wait_for_views(api: TestClient) -> None:
    assert api.app.state.library.view_queue.wait_until_empty(timeout=120)


@pytest.fixture()
def api(store_location) -> Iterator[TestClient]:
    opened = client(store_location)
    yield opened
    opened.app.state.library.close()  # before the database goes (its teardown runs after)


@pytest.fixture()
def stocked(api) -> TestClient:
    response = api.post("/articles", json=FLOOD + HARBOR)
    assert response.status_code == 200, response.text
    return api


def story_of(api: TestClient, article_id: str) -> int:
    for story in api.get("/stories").json()["stories"]:
        if article_id in story["article_ids"]:
            return int(story["id"])
    raise AssertionError(f"{article_id} is in no story")


def test_service_post_articles_places_each_in_a_story(api):
    response = api.post("/articles", json=FLOOD + HARBOR)
    body = response.json()
    assert response.status_code == 200
    assert body["added"] == len(FLOOD) + len(HARBOR)
    placed = {a["id"]: a["story_id"] for a in body["articles"]}
    assert all(a["stored"] for a in body["articles"])
    assert len({placed[r["id"]] for r in HARBOR}) == 1  # one story for the harbour
    assert placed["harbor-1"] != placed["valley-1"]
    health = api.get("/health").json()
    assert {k: health[k] for k in ("status", "articles", "stories")} == \
        {"status": "ok", "articles": 7, "stories": body["new_stories"]}
    wait_for_views(api)
    assert api.get("/health").json()["views_pending"] == 0


def test_service_post_same_article_twice_changes_nothing(stocked):
    again = stocked.post("/articles", json=HARBOR[0]).json()
    assert again["added"] == 0 and again["already_stored"] == 1
    assert again["articles"][0]["story_id"] == story_of(stocked, HARBOR[0]["id"])
    changed = stocked.post("/articles", json={**HARBOR[0], "text": FLOOD[0]["text"]}).json()
    assert changed["articles"][0]["stored"] is False
    assert "different text" in changed["articles"][0]["error"]


def test_service_article_without_id_is_named_by_its_text(api):
    record = {k: v for k, v in FLOOD[0].items() if k != "id"}
    first = api.post("/articles", json=record).json()["articles"][0]["id"]
    second = api.post("/articles", json=record).json()
    assert first.startswith("sha-") and second["articles"][0]["id"] == first
    assert second["already_stored"] == 1


def test_service_rejected_request_stores_nothing(api):
    response = api.post("/articles", json=[FLOOD[0], {**FLOOD[1], "text": "   "}])
    assert response.status_code == 422
    assert "articles[1]" in response.json()["error"] and "empty" in response.json()["error"]
    assert api.get("/health").json()["articles"] == 0


def test_service_upload_plain_text(api):
    text = "Harbour reopens\n\n" + HARBOR[0]["text"]
    response = api.post("/articles/upload?id=up-1&source=Upload%20Times&date=2024-06-05",
                        content=text.encode(), headers={"content-type": "text/plain"})
    assert response.status_code == 200, response.text
    story = api.get(f"/stories/{response.json()['articles'][0]['story_id']}").json()
    source = story["sources_list"][0]
    assert (source["id"], source["title"], source["source"], source["date"]) == \
        ("up-1", "Harbour reopens", "Upload Times", "2024-06-05")
    assert api.post("/articles/upload", content=b"x",
                    headers={"content-type": "image/png"}).status_code == 415


def test_service_lists_stories_newest_first_with_filters(stocked):
    listing = stocked.get("/stories").json()
    dates = [s["last_date"] for s in listing["stories"] if s["last_date"]]
    assert dates == sorted(dates, reverse=True)
    assert listing["total"] == len(listing["stories"])
    page = stocked.get("/stories?limit=1&offset=1").json()
    assert page["stories"] == listing["stories"][1:2] and page["total"] == listing["total"]
    harbor = story_of(stocked, "harbor-1")
    assert [s["id"] for s in stocked.get("/stories?q=greyhaven").json()["stories"]] == [harbor]
    assert [s["id"] for s in stocked.get("/stories?source=coast fm").json()["stories"]] == [harbor]
    in_june = stocked.get("/stories?since=2024-06-01&until=2024-06-30").json()["stories"]
    assert harbor in [s["id"] for s in in_june]
    assert story_of(stocked, "valley-1") not in [s["id"] for s in in_june]
    assert stocked.get("/stories?q=100%25_").json()["total"] == 0  # LIKE wildcards are literal


def test_service_story_has_summary_citations_analysis_and_sources(stocked):
    story_id = story_of(stocked, "harbor-1")
    story = stocked.get(f"/stories/{story_id}").json()
    texts = {r["id"]: r["text"] for r in HARBOR}
    assert story["summary"]["sentences"]
    for sentence in story["summary"]["sentences"]:
        own = sentence["citations"][0]
        assert texts[own["article_id"]][own["start"]:own["end"]] == sentence["text"]
    assert {"quotes", "entities", "events", "claims"} <= set(story["analysis"])
    assert {s["id"] for s in story["sources_list"]} == set(texts)
    assert stocked.get(f"/stories/{story_id}").json() == story  # the cached view


def test_service_summarize_stores_nothing(api):
    response = api.post("/summarize", json={"articles": FLOOD, "words": 60})
    body = response.json()
    assert response.status_code == 200, response.text
    assert 0 < body["summary"]["word_count"] <= 60
    assert body["analysis"]["entities"]
    assert api.get("/health").json()["articles"] == 0
    plain = api.post("/summarize", json={"articles": FLOOD, "analysis": False}).json()
    assert plain["analysis"] is None
    unknown = api.post("/summarize", json={"articles": FLOOD, "method": "nope"})
    assert unknown.status_code == 400 and "nope" in unknown.json()["error"]


@pytest.mark.parametrize(("method", "path", "payload", "status"), [
    ("get", "/stories/999", None, 404),
    ("get", "/no-such-route", None, 404),
    ("get", "/stories/abc", None, 422),
    ("get", "/stories?limit=0", None, 422),
    ("post", "/articles", {"title": "no text"}, 422),
    ("post", "/articles", [], 422),
    ("post", "/articles", {"text": FRENCH}, 422),
    ("post", "/articles", {"text": "x " * 5, "date": "not a date"}, 422),
    ("post", "/summarize", {"articles": []}, 422),
])
def test_service_errors_are_json_with_status(api, method, path, payload, status):
    response = getattr(api, method)(path, **({"json": payload} if payload is not None else {}))
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]
    assert "Traceback" not in response.text


def test_service_malformed_json_is_422(api):
    response = api.post("/articles", content=b"{not json",
                        headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]


def test_service_body_over_limit_is_413(store_location):
    small = client(store_location, max_body_bytes=1000)
    response = small.post("/articles", json={"text": "word " * 400})
    assert response.status_code == 413 and "limit" in response.json()["error"]

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(5):
            yield b"x" * 400

    streamed = small.post("/articles/upload", content=chunks(),
                          headers={"content-type": "text/plain"})
    assert streamed.status_code == 413
    assert small.get("/health").json()["articles"] == 0


def test_service_article_over_size_limit_is_413(api, monkeypatch):
    import storyline.service.app as app_module

    monkeypatch.setattr(app_module, "MAX_ARTICLE_CHARS", 100)
    response = api.post("/articles", json=FLOOD[0])
    assert response.status_code == 413 and "characters" in response.json()["error"]


def test_service_too_many_articles_is_413(api, monkeypatch):
    import storyline.service.app as app_module

    monkeypatch.setattr(app_module, "MAX_ARTICLES_PER_REQUEST", 2)
    assert api.post("/articles", json=FLOOD[:3]).status_code == 413


def test_service_writes_need_the_api_key(store_location):
    keyed = client(store_location, api_key="s3cret")
    assert keyed.post("/articles", json=FLOOD[0]).status_code == 401
    wrong = keyed.post("/articles", json=FLOOD[0], headers={"X-API-Key": "nope"})
    assert wrong.status_code == 403 and wrong.json()["error"]
    assert keyed.post("/articles", json=FLOOD[0],
                      headers={"X-API-Key": "s3cret"}).status_code == 200
    assert keyed.post("/articles", json=FLOOD[1],
                      headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert keyed.get("/stories").status_code == 200  # reads stay open
    assert keyed.post("/summarize", json={"articles": FLOOD}).status_code == 200


def test_service_openapi_schema_and_docs(api):
    schema = api.get("/openapi.json").json()
    assert {"/articles", "/stories", "/stories/{story_id}", "/summarize", "/health"} <= \
        set(schema["paths"])
    assert api.get("/docs").status_code == 200


def _foreign_urls(page: str) -> list[str]:
    """Absolute http(s) URLs in a page that point anywhere but this server."""
    return [u for u in re.findall(r"https?://[^\s\"'<>)]+", page)
            if not u.startswith(("http://testserver/", "http://testserver\""))]


def test_service_docs_work_offline(api):
    page = api.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert _foreign_urls(page.text) == []  # no CDN: the docs work without a network
    assert "/openapi.json" in page.text
    for asset in re.findall(r'(?:src|href)="(/docs/assets/[^"]+)"', page.text):
        assert api.get(asset).status_code == 200, asset
    assert api.get("/docs/assets/index.html").status_code == 404  # only the files it needs
    assert api.get("/redoc").status_code == 404  # ReDoc would load from a CDN


def test_service_docs_fallback_page_lists_the_endpoints(api, monkeypatch):
    from storyline.service import app as app_module

    monkeypatch.setattr(app_module, "_swagger_ui_dir", lambda: None)
    plain = TestClient(app_module.create_app(str(api.app.state.library.db_path)))
    page = plain.get("/docs").text
    assert _foreign_urls(page) == []
    assert "POST /articles" in page and "GET /stories/{story_id}" in page
    assert 'href="/openapi.json"' in page and "<code>limit</code> (query)" in page


def payload_story(api: TestClient) -> int:
    record = {**HARBOR[0], "id": "evil", "title": SCRIPT_TITLE + " " + ONERROR,
              "source": f"Evil {ONERROR} Post", "url": "javascript:alert(2)",
              "text": HARBOR[0]["text"] + f" Officials said the {ONERROR} <script>x()</script> "
              "notice was posted at the harbour gate on Monday morning."}
    assert api.post("/articles", json=[record] + HARBOR[1:]).status_code == 200
    return story_of(api, "evil")


def assert_inert(page: str) -> None:
    assert "<script>alert" not in page and "<script>x()" not in page
    assert "<img" not in page and "onerror=\"" not in page
    assert "javascript:" not in page
    assert page.count("<script>") == 1  # the page's own


def test_service_story_page_escapes_payloads(api):
    story_id = payload_story(api)
    response = api.get(f"/stories/{story_id}", headers={"accept": "text/html"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert_inert(page)
    assert html.escape(SCRIPT_TITLE) in page  # shown, as text
    assert "<details class=\"cite\">" in page and "<svg class=\"timeline\"" in page
    assert "href=\"/?q=" in page  # entity chips filter the list
    assert api.get(f"/stories/{story_id}?format=html").text == page


def test_service_list_page_escapes_payloads(api):
    payload_story(api)
    page = api.get("/").text
    assert_inert(page)
    assert html.escape(SCRIPT_TITLE) in page
    searched = api.get("/", params={"q": ONERROR}).text
    assert_inert(searched)


def test_service_story_page_citations_reveal_the_source_sentence(stocked):
    story_id = story_of(stocked, "valley-1")
    page = stocked.get(f"/stories/{story_id}?format=html").text
    story = stocked.get(f"/stories/{story_id}").json()
    texts = {r["id"]: r["text"] for r in FLOOD}
    first = story["summary"]["sentences"][0]["citations"][0]
    sentence = " ".join(texts[first["article_id"]][first["start"]:first["end"]].split())
    assert f"<span class=\"source-sentence\">{html.escape(sentence)}" in page
    assert "https://" not in page or "rel=\"noopener noreferrer\"" in page
    assert stocked.get("/stories/999?format=html").status_code == 404


def test_service_bug_is_a_json_500_and_the_write_is_undone(api, monkeypatch):
    import storyline.stories as stories_module

    def broken_save(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(stories_module.Store, "save", broken_save)
    response = api.post("/articles", json=FLOOD[0])
    assert response.status_code == 500
    assert response.json() == {"error": "internal server error (the server log has the details)"}
    monkeypatch.undo()
    again = api.post("/articles", json=FLOOD[0]).json()  # the pipeline was rebuilt
    assert again["added"] == 1 and again["articles"][0]["stored"]


def test_service_story_read_serves_the_view_stored_after_ingest(store_location, monkeypatch):
    import storyline.service.library as library_module

    writer = client(store_location)
    placed = writer.post("/articles", json=FLOOD + HARBOR).json()["articles"]
    wait_for_views(writer)  # the view worker has computed every changed story's view
    harbor = next(a["story_id"] for a in placed if a["id"] == "harbor-1")
    computed = writer.get(f"/stories/{harbor}").json()

    def no_computing(*args, **kwargs):
        raise AssertionError("a story read computed a view the store holds")

    monkeypatch.setattr(library_module, "summarize_and_analyze", no_computing)
    reader = client(store_location, background_views=False)  # another server: nothing cached
    first = reader.get(f"/stories/{harbor}")
    assert first.status_code == 200 and first.headers["x-storyline-view"] == "stored"
    assert first.json() == computed
    assert reader.get(f"/stories/{harbor}").headers["x-storyline-view"] == "cache"
    page = reader.get(f"/stories/{harbor}?format=html")
    assert page.status_code == 200 and html.escape(computed["headline"]) in page.text
    assert computed["analysis"]["quotes"] or computed["analysis"]["entities"]


def test_service_story_read_never_serves_the_view_of_an_older_version(store_location):
    api = client(store_location, background_views=False)  # views only computed on reads
    harbor = api.post("/articles", json=HARBOR[:2]).json()["articles"][0]["story_id"]
    before = api.get(f"/stories/{harbor}").json()
    assert set(before["article_ids"]) == {"harbor-1", "harbor-2"}
    other = client(store_location, background_views=False)  # a second server adds to it
    joined = other.post("/articles", json=HARBOR[2]).json()["articles"][0]
    assert joined["story_id"] == harbor
    after = api.get(f"/stories/{harbor}")
    assert after.headers["x-storyline-view"] == "computed"  # neither the cached nor the stored
    story = after.json()
    assert set(story["article_ids"]) == {"harbor-1", "harbor-2", "harbor-3"}
    assert {a["id"] for a in story["summary"]["articles"]} == set(story["article_ids"])
    assert {a["id"] for a in story["analysis"]["articles"]} == set(story["article_ids"])
    assert other.get(f"/stories/{harbor}").headers["x-storyline-view"] == "stored"
