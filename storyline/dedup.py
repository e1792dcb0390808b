"""Duplicates in a stream of articles: exact copies and near copies (wire re-sends, updated versions).

Sits between ingest and clustering. An exact duplicate has the same text once case, punctuation
and spacing are ignored (found by a hash); a near duplicate shares most of its word 3-shingles
with an article seen before (MinHash LSH, datasketch). In memory only: the store saves the
hashes and signatures and hands them back through `DuplicateFinder.remember`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from . import terms

NUM_PERM = 64
# Estimated Jaccard of the 3-shingle sets above which two articles count as one article's copies.
# Wire copies with a new lead or a trimmed tail sit at 0.5-0.9; separate reports of the same
# event, written independently, below 0.2.
NEAR_THRESHOLD = 0.5
SHINGLE_WORDS = 3
_SEED = 1
_SCHEME = "affine32"  # datasketch's default since 2.0; its hash values are uint32
SIGNATURE_DTYPE = np.uint32


def text_hash(text: str) -> str:
    """A hash of the words of `text`, lowercased: equal for copies that differ only in case,
    punctuation or spacing."""
    return hashlib.sha1(" ".join(terms.words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Runs of `size` consecutive lowercase words (the whole text when it is shorter)."""
    words = terms.words(text)
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signatures(texts: Sequence[str], num_perm: int = NUM_PERM) -> list[np.ndarray]:
    """MinHash signatures (`SIGNATURE_DTYPE` arrays of `num_perm` values) of the texts' 3-shingles."""
    minhashes = MinHash.bulk([shingles(t) for t in texts], num_perm=num_perm, seed=_SEED,
                               scheme=_SCHEME)
    return [m.hashvalues for m in minhashes]


@dataclass(frozen=True, slots=True)
class Verdict:
    """What an article is relative to those seen before it."""

    kind: str  # "new" | "exact" | "near"
    duplicate_of: str | None = None  # the earlier article it copies

    @property
    def is_duplicate(self) -> bool:
        return self.kind != "new"


NEW = Verdict("new")


class DuplicateFinder:
    """Tells whether each article copies one seen before, and remembers it.

    `check` does not remember; `remember` does, so the caller decides what is kept (an article
    that fails later checks is never remembered).
    """

    def __init__(self, threshold: float = NEAR_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._by_hash: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, np.ndarray] = {}
        # Building a MinHash draws its permutations anew; share one set (same seed, same values).
        self._permutations = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME).permutations

    def __len__(self) -> int:
        return len(self._signatures)

    def check(self, article_id: str, digest: str, signature: np.ndarray) -> Verdict:
        """Whether the article with this text hash and signature copies a remembered one."""
        original = self._by_hash.get(digest)
        if original is not None and original != article_id:
            return Verdict("exact", original)
        minhash = self._minhash(signature)
        best: tuple[float, str] | None = None
        for key in self._lsh.query(minhash):
            if key == article_id:
                continue
            similarity = minhash.jaccard(self._minhash(self._signatures[key]))
            # The earliest-remembered copy wins ties, so the verdict is deterministic.
            if similarity >= self.threshold and (best is None or similarity > best[0]
                                                 or (similarity == best[0] and key < best[1])):
                best = (similarity, key)
        return Verdict("near", best[1]) if best else NEW

    def remember(self, article_id: str, digest: str, signature: np.ndarray) -> None:
        if article_id in self._signatures:
            return
        self._by_hash.setdefault(digest, article_id)
        self._signatures[article_id] = signature
        self._lsh.insert(article_id, self._minhash(signature), check_duplication=False)

    def remember_all(self, rows: Iterable[tuple[str, str, np.ndarray]]) -> None:
        with self._lsh.insertion_session() as session:
            for article_id, digest, signature in rows:
                if article_id in self._signatures:
                    continue
                self._by_hash.setdefault(digest, article_id)
                self._signatures[article_id] = signature
                session.insert(article_id, self._minhash(signature), check_duplication=False)

    def _minhash(self, signature: np.ndarray) -> MinHash:
        return MinHash(num_perm=self.num_perm, seed=_SEED, hashvalues=signature, scheme=_SCHEME,
                       permutations=self._permutations)
