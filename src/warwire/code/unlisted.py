"""Where a report names a place by calling it a town, a village or an area, so that a name
no gazetteer lists is still read as a place (context._unlisted_places keeps it by that name).

Small villages, hills and quarters are spelt many ways and many are in no source. The
sentence itself says they are places: "the villages of A, B and C", "in A village", "the
areas of A and B", "in the A area".
"""

from __future__ import annotations

import re

_ART = r"(?:(?:al|el|as|ash|ar|ad|at|az|Al|El)[-‐ ])?"
_WORD = r"[A-Z][\w'’-]*\w"
NAME = _ART + _WORD + r"(?: " + _ART + _WORD + r"){0,2}"
_LIST = NAME + r"(?:, " + NAME + r")*(?:,? and " + NAME + r")?"
# "the towns of A, B and C", "the village of A", "the areas of A and B"
CLASS_OF = re.compile(
    r"\b(?:town|village|city|hamlet|district|neighbou?rhood|suburb|area)s? of (" + _LIST + r")"
)
# "in A village", "A and B villages", "in the A area": the class noun after the names
NAMES_THEN_CLASS = re.compile(
    r"(?:\b(?:in|at|of|near|outside|from|the|and|between)|,) (" + _LIST + r") "
    r"(?i:villages?|hamlets?|areas?)\b"
)
NAME_RE = re.compile(NAME)
# "the Kurdish village", "the Druze villages", "an Alawite area": a people, not a place name
DEMONYM = re.compile(r"(?:ish|ian|ite|ese)$|^(?:Druze|Sunni|Shia|Arab|Kurd|Turk|Turkmen)$")


def class_named_spans(text: str) -> list[tuple[int, int, str]]:
    """Each name the text calls a town, village or area: (start, end, name), in order."""
    out: dict[int, tuple[int, int, str]] = {}
    for pattern in (CLASS_OF, NAMES_THEN_CLASS):
        for m in pattern.finditer(text):
            for n in NAME_RE.finditer(m.group(1)):
                name = n.group(0)
                if re.search(r"['’]s?$", name):
                    continue  # "Syria's", "the rebels'": a possessive, not a place
                if DEMONYM.search(name.split()[-1].split("-")[-1]):
                    continue
                start = m.start(1) + n.start()
                out.setdefault(start, (start, start + len(name), name))
    return [out[k] for k in sorted(out)]
