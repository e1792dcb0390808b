"""What the entity steps hand each other: the three kinds, a candidate mention before merging
(`_Raw`), the key two names are compared by (`_norm`) and spaCy's tags by character offset.
The bottom layer of `storyline.entities`: every other module of it sits on this one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


PERSON, ORGANIZATION, PLACE = "person", "organization", "place"
# Names spaCy calls nationalities, works, products, events or laws: kept only when they turn
# out to be another form of a person, organisation or place ("The Hadel" for the HDL).
_OTHER = "other"
_KIND_OF_LABEL = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE,
                  "FAC": PLACE, "NORP": _OTHER, "WORK_OF_ART": _OTHER, "PRODUCT": _OTHER,
                  "EVENT": _OTHER, "LAW": _OTHER}


@dataclass(slots=True)
class _Raw:
    """A candidate mention before merging: `start:end` includes a title, `name_start` not."""

    article: int
    start: int
    name_start: int
    end: int
    name: str
    labels: list[str]
    title: str = ""
    roles: list[str] = field(default_factory=list)
    is_located: bool = False  # written after "in", "at", "from": a place, not a surname
    role_before: bool = False  # "press secretary Sarah Sanders": a person
    aged: bool = False  # "the 46-year-old Chmiel", "Pal Martins, 34,": a person
    kin: bool = False  # "his mother, Robin Brown": a relative of the one the surname means
    determined: bool = False  # written after "the" ("the Log Cabin Republicans"): no one's name
    cluster: int = -1


def _norm(name: str) -> str:
    """Lowercase, no dots, straight apostrophes, no leading "the", no possessive."""
    key = name.lower().replace("’", "'").replace(".", "")
    key = " ".join(key.split())
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key


# Penn tags of a finite verb: past, present, modal ("said", "says", "say", "will").
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


class TokenTags:
    """Part-of-speech tags of a Doc by character offset (one pass over the tokens)."""

    def __init__(self, doc: Doc) -> None:
        array = doc.to_array(["IDX", "TAG"])
        strings = doc.vocab.strings
        self.starts: list[int] = array[:, 0].tolist() if len(array) else []
        self.tags: list[str] = [strings[h] for h in array[:, 1].tolist()] if len(array) else []

    def at(self, position: int) -> str:
        """The tag of the token that holds `position`."""
        i = bisect.bisect_right(self.starts, position) - 1
        return self.tags[i] if i >= 0 else ""

    def starts_between(self, start: int, end: int) -> list[int]:
        """The start offsets of the tokens that start in [start, end)."""
        return self.starts[bisect.bisect_left(self.starts, start):bisect.bisect_left(
            self.starts, end)]

    def after(self, position: int) -> str:
        """The tag of the first token starting at or after `position`."""
        i = bisect.bisect_left(self.starts, position)
        return self.tags[i] if i < len(self.tags) else ""
