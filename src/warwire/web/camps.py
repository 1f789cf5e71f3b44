"""The colours the control map gives each camp, shared by the API's legend and the pages.

Close to the conventions of the hand-made war maps readers know (government red, opposition
green, Kurdish-led forces yellow, Islamic State black), so the picture reads at a glance.
"""

from __future__ import annotations

from warwire.merge.holders import CAMP_LABELS, CAMPS

CAMP_COLOURS: dict[str, str] = {
    "government": "#d62728",
    "opposition": "#2ca02c",
    "turkey": "#98df8a",
    "jihadist": "#7f7f7f",
    "islamic_state": "#222222",
    "kurdish": "#e6c619",
    "other": "#b39ddb",
}


def camp_colour(camp: str) -> str:
    return CAMP_COLOURS.get(camp, CAMP_COLOURS["other"])


def legend() -> list[dict[str, object]]:
    """camp, label, colour and the sides in it, in a fixed order."""
    return [
        {
            "camp": camp,
            "label": label,
            "colour": camp_colour(camp),
            "sides": sorted(s for s, c in CAMPS.items() if c == camp),
        }
        for camp, label in CAMP_LABELS.items()
    ]
