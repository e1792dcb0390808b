"""The HTTP API and pages: `create_app(db_path)` builds a FastAPI app over one story store.

Routes are thin: parse and check the request, call `library`, shape the answer. Every error
is JSON `{"error": "..."}` with its status (400 bad request, 401/403 key, 404, 413 too large,
422 invalid), never a traceback. Write routes need the API key when one is configured.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.errors import StorylineError
from storyline.ingest import MAX_ARTICLE_CHARS
from storyline.ingest.collect import Collector, usable_text
from storyline.ingest.text import read_html, read_plain_text
from storyline.render import to_dict
from storyline.render_analysis import analysis_to_dict
from storyline.service import pages
from storyline.service.library import (
    MAX_ARTICLES_PER_REQUEST,
    Library,
    StoryView,
    summarize_and_analyze,
)
from storyline.stories import StoryListing
from storyline.types import Article

MAX_BODY_BYTES = 16 * 2**20
API_KEY_HEADER = "X-API-Key"
VIEW_ORIGIN_HEADER = "X-Storyline-View"  # where a story read found its view: cache/stored/computed
log = logging.getLogger("storyline.service")


class ArticleIn(BaseModel):
    """One article. Without an `id`, the article is named by a hash of its text, so posting
    the same text again changes nothing."""

    text: str = Field(description="the article text (plain text, at most 1,000,000 characters)")
    id: str | None = Field(default=None, min_length=1, max_length=500)
    title: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500, description="the outlet")
    date: dt.date | None = Field(default=None, description="publication date, YYYY-MM-DD")
    url: str | None = Field(default=None, max_length=2000)


class SummarizeIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES_PER_REQUEST)
    words: int | None = Field(default=100, ge=1, le=5000, description="at most N words")
    sentences: int | None = Field(default=None, ge=1, le=200)
    method: str = Field(default="concepts", description="see `storyline methods`")
    query: str | None = Field(default=None, max_length=2000)
    analysis: bool = Field(default=True, description="add quotes, entities, timeline, agreement")


class ApiError(Exception):
    """A request the API refuses, with its status and a message a caller can act on."""

    def __init__(self, status: int, message: str, details: list[dict[str, str]] | None = None
                 ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details


def create_app(db_path: str, api_key: str | None = None, max_body_bytes: int = MAX_BODY_BYTES,
               *, with_analysis: bool = True, background_views: bool = True,
               view_processes: int = 0) -> FastAPI:
    """The app over the store at `db_path` (created when missing). With `api_key`, the write
    routes need it in an `X-API-Key` header (or `Authorization: Bearer KEY`). With
    `background_views`, threads keep the stored story views current (see `library`), computing
    them in `view_processes` worker processes (0: in the server's process);
    `app.state.library.close()` stops them, as the server's shutdown does."""
    library = Library(db_path, with_analysis=with_analysis, background_views=background_views,
                      view_processes=view_processes)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        library.close()

    app = FastAPI(title="Storyline", version="0.1.0", docs_url=None, redoc_url=None,
                  lifespan=lifespan,
                  description="Post news articles; read the stories they tell, with cited "
                  "summaries, quotes by speaker, timelines, entities and agreement.")
    app.state.library = library
    _add_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)

    def require_key(request: Request) -> None:
        if api_key is None:
            return
        given = request.headers.get(API_KEY_HEADER)
        bearer = request.headers.get("authorization", "")
        if given is None and bearer.lower().startswith("bearer "):
            given = bearer[7:].strip()
        if not given:
            raise ApiError(401, f"this server needs an API key for writes: send it in the "
                           f"{API_KEY_HEADER} header")
        if not hmac.compare_digest(given.encode(), api_key.encode()):
            raise ApiError(403, "the API key is wrong")

    writer = [Depends(require_key)]

    @app.get("/health", tags=["service"])
    def health() -> dict[str, Any]:
        with library.store() as store:
            return {"status": "ok", "articles": store.article_count(),
                    "stories": len(store.story_ids()),
                    "views_pending": library.views_pending()}

    @app.post("/articles", tags=["articles"], dependencies=writer)
    def post_articles(
        body: Annotated[ArticleIn | list[ArticleIn], Body(
            description="one article object, or a list of them")],
    ) -> dict[str, Any]:
        """Add articles to the store: exact copies dropped, near copies marked, each placed in
        a story, all in one transaction. Answers with each article's story."""
        items = body if isinstance(body, list) else [body]
        if not items:
            raise ApiError(422, "the list of articles is empty")
        if len(items) > MAX_ARTICLES_PER_REQUEST:
            raise ApiError(413, f"{len(items)} articles in one request; at most "
                           f"{MAX_ARTICLES_PER_REQUEST}: split them over several requests")
        articles = _articles(items)
        return _added(library, articles)

    @app.post("/articles/upload", tags=["articles"], dependencies=writer, openapi_extra={
        "requestBody": {"required": True, "content": {
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}}}}})
    async def upload_article(
        request: Request,
        id: Annotated[str | None, Query(min_length=1, max_length=500)] = None,
        source: Annotated[str | None, Query(max_length=500)] = None,
        date: dt.date | None = None,
        url: Annotated[str | None, Query(max_length=2000)] = None,
    ) -> dict[str, Any]:
        """Add one article sent as the raw body: `text/plain` (a first line that looks like a
        title is the title) or `text/html` (main text, title, date and site extracted)."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind not in ("text/plain", "text/html"):
            raise ApiError(415 if kind else 400, "send the article as text/plain or text/html "
                           "(or JSON to POST /articles)")
        try:
            text = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "the body is not UTF-8 text") from None
        name = id or "sha-" + hashlib.sha256(text.encode()).hexdigest()[:16]
        collector = Collector()
        (read_html if kind == "text/html" else read_plain_text)(text, "body", name, collector)
        _refuse_problems(collector)
        if not collector.articles:
            raise ApiError(422, "no article text found in the body")
        article = collector.articles[0][1]
        article = Article(id=name, text=article.text, title=article.title,
                          source=source or article.source, date=date or article.date,
                          url=url or article.url)
        return _added(library, [article])

    @app.get("/stories", tags=["stories"])
    def get_stories(
        since: Annotated[dt.date | None, Query(description="stories with dates on or after")] = None,
        until: Annotated[dt.date | None, Query(description="stories with dates on or before")] = None,
        q: Annotated[str | None, Query(max_length=200, description="an entity or term the "
                                       "story's articles mention")] = None,
        source: Annotated[str | None, Query(max_length=500, description="an outlet")] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """The stories, latest first, one page at a time."""
        listings, total = library.list(since=since, until=until, term=q, source=source,
                                       limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset,
                "stories": [listing_dict(s) for s in listings]}

    @app.get("/stories/{story_id}", tags=["stories"], responses={
        200: {"content": {"application/json": {}, "text/html": {}},
              "description": "the story as JSON, or its page for a browser"}})
    def get_story(request: Request, story_id: int,
                  format: Annotated[str | None, Query(pattern="^(json|html)$")] = None
                  ) -> Response:
        """One story: its cited summary, analysis and sources. JSON unless the client asks
        for HTML (a browser's Accept header, or `?format=html`)."""
        view = library.view(story_id)
        wants_html = format == "html" or (format is None and _prefers_html(request))
        if view is None:
            if wants_html:
                return HTMLResponse(pages.not_found(story_id), status_code=404)
            raise ApiError(404, f"there is no story {story_id}")
        headers = {VIEW_ORIGIN_HEADER: view.origin}
        if wants_html:
            return HTMLResponse(pages.story_page(view), headers=headers)
        return JSONResponse(view_dict(view), headers=headers)

    @app.post("/summarize", tags=["summarize"])
    def post_summarize(body: SummarizeIn) -> dict[str, Any]:
        """Summarize and analyze the articles given, as one story. Nothing is stored."""
        if body.words is None and body.sentences is None:
            raise ApiError(422, "give words or sentences (or both)")
        articles = _articles(body.articles)
        summary, analysis = summarize_and_analyze(
            articles, words=body.words, sentences=body.sentences, method=body.method,
            query=body.query, with_analysis=body.analysis)
        return {"summary": to_dict(summary),
                "analysis": analysis_to_dict(analysis) if analysis is not None else None}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        since: dt.date | None = None, until: dt.date | None = None,
        q: Annotated[str | None, Query(max_length=200)] = None,
        source: Annotated[str | None, Query(max_length=500)] = None,
        page: Annotated[int, Query(ge=1)] = 1,
    ) -> HTMLResponse:
        per_page = 20
        listings, total = library.list(since=since, until=until, term=q or None,
                                       source=source or None, limit=per_page,
                                       offset=(page - 1) * per_page)
        return HTMLResponse(pages.story_list(
            listings, total, page=page, per_page=per_page,
            filters={"q": q, "source": source,
                     "since": since.isoformat() if since else None,
                     "until": until.isoformat() if until else None}))

    _add_docs(app)
    return app


# -- API docs, served offline ---------------------------------------------------------------

_SWAGGER_FILES = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css",
                  "favicon-32x32.png": "image/png"}


def _swagger_ui_dir() -> Path | None:
    """Swagger UI's files from the swagger-ui-bundle package (Apache-2.0), if installed."""
    try:
        from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]
    except ImportError:
        return None
    folder = Path(swagger_ui_path)
    return folder if all((folder / name).is_file() for name in _SWAGGER_FILES) else None


def _add_docs(app: FastAPI) -> None:
    """`/docs`: Swagger UI from local files (no CDN, works offline), or, without the
    swagger-ui-bundle package, a plain page listing the endpoints. Nothing loads from another
    host."""
    folder = _swagger_ui_dir()

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        if folder is None:
            return HTMLResponse(pages.api_docs(app.openapi()))
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} API",
            swagger_js_url="/docs/assets/swagger-ui-bundle.js",
            swagger_css_url="/docs/assets/swagger-ui.css",
            swagger_favicon_url="/docs/assets/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None})

    @app.get("/docs/assets/{name}", include_in_schema=False)
    def docs_asset(name: str) -> Response:
        if folder is None or name not in _SWAGGER_FILES:
            raise ApiError(404, f"there is no docs file {name}")
        return FileResponse(folder / name, media_type=_SWAGGER_FILES[name],
                            headers={"Cache-Control": "public, max-age=86400"})


def _articles(items: list[ArticleIn]) -> list[Article]:
    """Articles from the request, checked as the file readers check them; any problem refuses
    the whole request (nothing is stored)."""
    collector = Collector()
    articles = []
    for index, item in enumerate(items):
        where = f"articles[{index}]" if len(items) > 1 else "article"
        if len(item.text) > MAX_ARTICLE_CHARS:
            raise ApiError(413, f"{where}: the text is {len(item.text):,} characters, over the "
                           f"limit of {MAX_ARTICLE_CHARS:,}; split it or leave it out")
        text = usable_text(item.text, where, collector)
        if text is None:
            continue
        article_id = item.id.strip() if item.id and item.id.strip() else \
            "sha-" + hashlib.sha256(text.encode()).hexdigest()[:16]
        articles.append(Article(id=article_id, text=text, title=_clean(item.title),
                                source=_clean(item.source), date=item.date, url=_clean(item.url)))
    _refuse_problems(collector)
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise ApiError(422, f'article id "{article.id}" is given twice in one request',
                           details=[])
        seen.add(article.id)
    return articles


def _refuse_problems(collector: Collector) -> None:
    if collector.problems:
        raise ApiError(422, "; ".join(str(p) for p in collector.problems),
                       [{"where": p.where, "problem": p.problem, "hint": p.hint}
                        for p in collector.problems])


def _clean(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _added(library: Library, articles: list[Article]) -> dict[str, Any]:
    report = library.add(articles)
    rejected = {p.where.removeprefix("article "): p for p in report.problems}
    results = []
    for article in articles:
        if article.id in rejected:
            results.append({"id": article.id, "stored": False,
                            "error": str(rejected[article.id])})
        else:
            results.append({"id": article.id, "stored": True,
                            "story_id": report.placed.get(article.id)})
    return {"added": report.added, "new_stories": report.new_stories,
            "near_duplicates": report.near_duplicates,
            "exact_duplicates": report.exact_duplicates,
            "already_stored": report.already_stored, "articles": results}


def _prefers_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split("text/html")[0]


def listing_dict(s: StoryListing) -> dict[str, Any]:
    return {"id": s.id, "headline": s.headline,
            "first_date": s.first_date.isoformat() if s.first_date else None,
            "last_date": s.last_date.isoformat() if s.last_date else None,
            "articles": s.article_count, "sources": list(s.sources),
            "top_terms": list(s.top_terms), "article_ids": list(s.article_ids),
            "near_duplicates": list(s.near_duplicates)}


def view_dict(view: StoryView) -> dict[str, Any]:
    return {**listing_dict(view.listing), "summary": to_dict(view.summary),
            "analysis": analysis_to_dict(view.analysis) if view.analysis is not None else None,
            "sources_list": [
                {"id": a.id, "title": a.title, "source": a.source, "url": a.url,
                 "date": a.date.isoformat() if a.date else None,
                 "near_duplicate": a.id in view.listing.near_duplicates}
                for a in view.articles]}


# -- errors --------------------------------------------------------------------------------

def _error(status: int, message: str, details: list[Any] | None = None) -> JSONResponse:
    content: dict[str, Any] = {"error": message}
    if details:
        content["details"] = details
    return JSONResponse(content, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.details)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"where": ".".join(str(part) for part in e.get("loc", ())),
                    "problem": str(e.get("msg", "invalid"))} for e in exc.errors()]
        message = "; ".join(f"{d['where']}: {d['problem']}" for d in details[:5])
        if len(details) > 5:
            message += f"; and {len(details) - 5} more"
        return _error(422, f"invalid request: {message}", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> JSONResponse:
        return _error(413, str(exc))

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _error(500, "internal server error (the server log has the details)")


# -- request size --------------------------------------------------------------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over `max_bytes` with 413: at once when Content-Length says so,
    else (a chunked body) as soon as the bytes read pass the limit."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]],
                 max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"the request body is over the limit of {self.max_bytes:,} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.max_bytes:
                    await _error(413, message)(scope, receive, send)
                    return
        received = 0

        async def limited() -> Message:
            nonlocal received
            incoming = await receive()
            if incoming["type"] == "http.request":
                received += len(incoming.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(message)
            return incoming

        await self.app(scope, limited, send)
