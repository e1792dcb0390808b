"""Storyline as a service: an HTTP API and server-rendered pages over the story store.

The serve edge of the pipeline. `app` holds the FastAPI routes (thin over `storyline.stories`,
`summarize` and `analyze`), `library` the calls they make (ingest into the store, story views
stored per version of a story, with a cache), `views` the stored form of a view, `worker` the
thread that computes the views of changed stories after each ingest, `pages` the HTML.
FastAPI is an import of this package only, so `import storyline` and `storyline --help`
never load it.
"""

from storyline.service.app import create_app

__all__ = ["create_app"]
