"""How far words alone can separate the benchmark stories: an oracle check for `stories`.

    python benchmarks/stories_ceiling.py          # both streams
    python benchmarks/stories_ceiling.py b        # multinews-val only

For every article of a cluster with at least two articles, the gold clusters' centroids are
built from the same TF-IDF vectors `storyline stories` uses (stream IDF known in advance), the
article is taken out of its own cluster's centroid, and the article is "placed right" when its
own cluster's centroid is the most similar of all (cosine). This is leave-one-out nearest-
centroid classification with the answers known: no clustering method on these vectors can
place articles much better, so it bounds what tuning the clustering can gain. Prints a
Markdown table; reads the data like benchmarks/stories.py and skips a stream whose files are
absent. `--limit N` scores the first N articles of each stream (default: all).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from stories import STREAMS, load_stream  # noqa: E402

from storyline.cluster import StoryClusterer, article_terms, fixed_idf  # noqa: E402


def placed_right(name: str, limit: int | None) -> tuple[int, int] | None:
    loaded = load_stream(STREAMS[name])
    if loaded is None:
        return None
    articles, gold = loaded
    counts = [article_terms(a.text, a.title) for a in articles]
    clusterer = StoryClusterer(fixed_idf=fixed_idf(counts))
    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for i, c in enumerate(counts):
        for term, weight in clusterer.vector(c).items():
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight)
    vectors = sparse.csr_matrix((values, (rows, cols)), shape=(len(articles), len(vocabulary)))
    labels = sorted({gold[a.id] for a in articles})
    label_of = np.array([labels.index(gold[a.id]) for a in articles])
    membership = sparse.csr_matrix((np.ones(len(articles)), (label_of, np.arange(len(articles)))),
                                   shape=(len(labels), len(articles)))
    sums = (membership @ vectors).tocsr()
    sizes = np.asarray(membership.sum(axis=1)).ravel()
    norms = np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1)).ravel())
    right = total = 0
    for i in range(len(articles) if limit is None else min(limit, len(articles))):
        own = label_of[i]
        if sizes[own] < 2:
            continue
        row = vectors[i]
        similarity = (sums @ row.T).toarray().ravel() / np.maximum(norms, 1e-12)
        rest = sums[own] - row
        rest_norm = float(np.sqrt(rest.multiply(rest).sum()))
        own_similarity = float((rest @ row.T).toarray()[0, 0]) / rest_norm if rest_norm else -1.0
        similarity[own] = -np.inf
        total += 1
        right += own_similarity > similarity.max()
    return right, total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("streams", nargs="*", help=f"any of {', '.join(STREAMS)} (default: all)")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    unknown = [n for n in args.streams if n not in STREAMS]
    if unknown:
        parser.error(f"unknown stream {unknown[0]!r}; choose from {', '.join(STREAMS)}")
    print("| stream | articles scored | nearest gold centroid is its own |")
    print("|---|---|---|")
    for name in args.streams or list(STREAMS):
        result = placed_right(name, args.limit)
        if result is None:
            print(f"| {name} | skipped: benchmark files not found | |")
            continue
        right, total = result
        print(f"| {name} ({'+'.join(STREAMS[name])}) | {total} | {right / total:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
