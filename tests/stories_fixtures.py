"""Tiny invented articles for the stories tests: three unrelated stories and a wire copy."""

from __future__ import annotations

import datetime as dt

from storyline.types import Article

BRIDGE = (
    "The old Ostervik rail bridge partly collapsed on Monday after days of heavy rain, "
    "engineers from the Ostervik transit authority said. No train was crossing the bridge at "
    "the time and nobody was hurt. The authority closed the line between Ostervik and Lunde "
    "and said buses would replace the trains while engineers inspect the damaged pillars."
)
BRIDGE_WIRE = BRIDGE.replace("on Monday", "early on Monday") + " Repairs could take months."
BRIDGE_FOLLOW = (
    "Engineers inspecting the collapsed Ostervik rail bridge found that floodwater had "
    "undermined two pillars, the transit authority said on Wednesday. Replacement buses "
    "between Ostervik and Lunde will run for at least six weeks while the bridge pillars "
    "are rebuilt, and the authority promised a full inspection of every bridge on the line."
)
CHEESE = (
    "Pell Harbor's annual cheese festival drew a record crowd of cheesemakers and visitors on "
    "Saturday, with goat cheese from the hill farms taking the top prize. Festival organisers "
    "said more than forty dairies brought cheese to the harbor market this year."
)
CHEESE_FOLLOW = (
    "The goat cheese that won the Pell Harbor festival prize sold out within hours, the hill "
    "farm dairy said, and organisers of the cheese festival are planning a second harbor "
    "market day for cheesemakers and dairies next spring."
)
CHESS = (
    "Grandmaster Tove Aaslund won the Kettering chess open on Sunday with a sharp endgame "
    "against the defending champion, taking the title on tiebreak after nine rounds. The chess "
    "tournament drew players from twelve countries to the Kettering town hall."
)


def day(n: int) -> dt.date:
    return dt.date(2026, 3, n)


def stream() -> list[Article]:
    return [
        Article("bridge-1", BRIDGE, title="Ostervik rail bridge partly collapses",
                source="Lunde Post", date=day(2)),
        Article("cheese-1", CHEESE, source="Harbor Herald", date=day(7)),
        Article("bridge-wire", BRIDGE_WIRE, source="North Wire", date=day(2)),
        Article("chess-1", CHESS, source="Board Weekly", date=day(8)),
        Article("bridge-2", BRIDGE_FOLLOW, source="Ostervik Times", date=day(4)),
        Article("cheese-2", CHEESE_FOLLOW, source="Dairy Daily", date=day(9)),
    ]
