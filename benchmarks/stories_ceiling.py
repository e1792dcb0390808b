"""How far words alone can separate the benchmark stories: an oracle check for `stories`.

    python benchmarks/stories_ceiling.py          # both streams
    python benchmarks/stories_ceiling.py b        # multinews-val only

For every article of a cluster with at least two articles, the gold clusters' centroids are
built from the same TF-IDF vectors `storyline stories` uses (stream IDF known in advance), the
article is taken out of its own cluster's centroid, and the article is "placed right" when its
own cluster's centroid is the most similar of all (cosine). This is leave-one-out nearest-
centroid classification with the answers known: no clustering method on these vectors can
place articles much better, so it bounds what tuning the clustering can gain. Where a set flags
documents as not about their cluster (multinews-val's `flagged_irrelevant`), the share is also
given for the flagged and the other documents, with the best B-cubed F1 any clustering could
reach if it got every other document right and left each flagged one on its own. Prints a
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

from stories import STREAMS, bcubed, flagged_ids, load_stream  # noqa: E402

from storyline.cluster import StoryClusterer, article_terms, fixed_idf  # noqa: E402


def placed_right(name: str, limit: int | None) -> dict[str, tuple[int, int]] | None:
    """Articles placed right and scored, for all of them and, where the set flags documents,
    for the flagged ones and the rest."""
    loaded = load_stream(STREAMS[name])
    if loaded is None:
        return None
    articles, gold = loaded
    flagged = flagged_ids(STREAMS[name])
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
    right = {"all": 0, "flagged": 0, "unflagged": 0}
    total = dict.fromkeys(right, 0)
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
        kind = "flagged" if articles[i].id in flagged else "unflagged"
        for key in ("all", kind):
            total[key] += 1
            right[key] += bool(own_similarity > similarity.max())
    kept = ("all", "flagged", "unflagged") if flagged else ("all",)
    return {key: (right[key], total[key]) for key in kept if total[key]}


def best_with_flagged_alone(name: str) -> float | None:
    """B-cubed F1 of the gold clusters with each flagged document made a story of its own."""
    loaded = load_stream(STREAMS[name])
    flagged = flagged_ids(STREAMS[name])
    if loaded is None or not flagged:
        return None
    gold = loaded[1]
    return bcubed({i: ("flagged", i) if i in flagged else label for i, label in gold.items()},
                  gold)[2]


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
        for key, (right, total) in result.items():
            scope = "" if key == "all" else f", {key} documents"
            print(f"| {name} ({'+'.join(STREAMS[name])}){scope} | {total} | {right / total:.1%} |")
        best = best_with_flagged_alone(name)
        if best is not None:
            print(f"| {name}: best B³ F1 with each flagged document alone | | {best:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
