"""How well `cite` tells a second source's sentence that supports a claim from one that does not.

    python benchmarks/support.py

Scores the support rule (`storyline.cite`: near-copies, or close paraphrases that keep every
number and name and the polarity) on hand-labelled sentence pairs
(benchmarks/annotations/support-pairs.jsonl: a claim sentence and another article's sentence
from the same duc2003 or multiling2011-en cluster, kept as document ids and offsets, labelled
true / false / "partial" by reading them). A pair counts as supported when the rule says so;
precision is over the pairs the rule accepts, recall over the pairs labelled true ("partial"
pairs are left out of both). Also prints the same for other content-word shares, and for
the near-copy rule alone. Texts are read from ../shared/data/benchmarks (or
$STORYLINE_DATA/benchmarks); skipped with a message when absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "annotations"))
sys.path.insert(0, str(HERE.parent))

from check import data_folder  # noqa: E402

from storyline import terms  # noqa: E402
from storyline.candidates import Candidate  # noqa: E402
from storyline.cite import PARAPHRASE_SHARE, supports  # noqa: E402
from storyline.types import Sentence  # noqa: E402

PAIRS = HERE / "annotations" / "support-pairs.jsonl"


def candidate(texts: dict[str, str], where: dict) -> Candidate:  # type: ignore[type-arg]
    text = texts[where["document"]][where["start"]:where["end"]]
    sentence = Sentence(article_id=where["document"], position=0, start=where["start"],
                        end=where["end"], text=text)
    return Candidate(sentence=sentence, article_index=0, word_count=len(text.split()),
                     stems=tuple(terms.stems(text)), rejected_because=None)


def supported(claim: Candidate, other: Candidate, share: float | None) -> bool:
    """The rule with a paraphrase share, or (None) near copies alone."""
    if share is None:
        return supports(claim, other, share=2.0)  # no share of words is over 100%
    return supports(claim, other, share=share)


def main() -> int:
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line]
    texts: dict[str, str] = {}
    for name in sorted({p["set"] for p in pairs}):
        path = data_folder() / "benchmarks" / f"{name}.jsonl"
        if not path.is_file():
            print(f"skipped: {path} not found")
            return 0
        for line in path.read_text(encoding="utf-8").splitlines():
            for doc in json.loads(line)["documents"]:
                texts[doc["id"]] = doc["text"]
    labelled = [(candidate(texts, p["claim"]), candidate(texts, p["other"]), p["supports"])
                for p in pairs]
    counts = {label: sum(1 for *_, s in labelled if s == label) for label in (True, False, "partial")}
    print(f"{len(pairs)} pairs: {counts[True]} support, {counts[False]} do not, "
          f"{counts['partial']} partly\n")
    print("| rule | accepted | precision | recall |")
    print("|---|---|---|---|")
    rules = [("near copies only (share ≥ 0.9)", None)] + [
        (f"paraphrase share ≥ {s:.2f}" + (" (default)" if s == PARAPHRASE_SHARE else ""), s)
        for s in (0.5, 0.55, 0.6, 0.65, 0.7, 0.8)]
    for name, share in rules:
        said = [(supported(c, o, share), label) for c, o, label in labelled if label != "partial"]
        accepted = [label for yes, label in said if yes]
        right = sum(1 for label in accepted if label is True)
        precision = right / len(accepted) if accepted else 0.0
        recall = right / counts[True] if counts[True] else 0.0
        print(f"| {name} | {len(accepted)} | {precision:.1%} ({right}/{len(accepted)}) | "
              f"{recall:.1%} ({right}/{counts[True]}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
