"""Defenders forced out: a takeover that drove the other side away was won by fighting.

"Troops seized the town, forcing the rebels to retreat", "drove the militants out of the
village", "to avoid being overrun": the loser's withdrawal is named, which alone reads like a
handover ("withdrew", "retreated"), but it was forced, so the takeover is a capture. A
withdrawal under a deal or an evacuation agreement stays a handover: the deal, not the
fighting, moved the line.
"""

from __future__ import annotations

import re

FORCED_OUT = re.compile(
    r"\b((forc|compel|oblig)\w* ([\w'-]+ ){0,5}(to |into )?(retreat|withdraw|withdrawal|flee|"
    r"fall back|pull (out|back))|(drove|driven|driving|drive|pushed|pushing|chased|chasing|"
    r"kick\w*) ([\w'-]+ ){0,5}(out|back|away)\b|overr[au]n(ning)?|expell\w*|routed|ousted)\b",
    re.I,
)
UNDER_A_DEAL = re.compile(
    r"\b(deal|agreement|accord|arrangement|truce|ceasefire|negotiat\w*|evacuation|"
    r"reconciliation|surrender\w*)\b",
    re.I,
)


def defenders_forced_out(sentence: str) -> bool:
    """True when SENTENCE says the losing side was forced out ("forcing the rebels to
    retreat", "drove the militants out", "overran the village") and names no deal that
    moved them."""
    return FORCED_OUT.search(sentence) is not None and UNDER_A_DEAL.search(sentence) is None
