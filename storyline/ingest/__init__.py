"""Read files, folders, feeds and stdin into `Article`s and `Story`s: the I/O edge of the pipeline.

Everything after ingest gets clean article text; every input that cannot be read becomes an
`InputError` in `Ingested.problems` (naming the file, line or field and what to do), never a raise.
"""

from storyline.ingest.collect import (
    MAX_ARTICLE_CHARS,
    MAX_FILE_BYTES,
    MAX_JSON_BYTES,
    STDIN_WHERE,
    Ingested,
    looks_english,
)
from storyline.ingest.files import ARTICLE_EXTENSIONS, read_inputs, read_path

__all__ = [
    "ARTICLE_EXTENSIONS",
    "MAX_ARTICLE_CHARS",
    "MAX_FILE_BYTES",
    "MAX_JSON_BYTES",
    "STDIN_WHERE",
    "Ingested",
    "looks_english",
    "read_inputs",
    "read_path",
]
