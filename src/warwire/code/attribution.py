"""Who a report attributes a claim to ("the Observatory said", "state television reported").

Attributions are normalised to short source names so that "the Britain-based Syrian
Observatory for Human Rights", "the Observatory" and "the monitor" count as one source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from warwire.read.plain_re import Twin, plain

# (pattern, normalised source). Order matters: the first match wins.
SOURCES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), name)
    for p, name in [
        (r"syrian observatory|\bobservatory\b|\bSOHR\b|\bmonitor\b|monitoring group", "SOHR"),
        (r"\bSANA\b|syrian arab news agency", "SANA"),
        (
            r"state (television|tv|media|news agency)|state-run|syrian (tv|television)|the channel",
            "state media",
        ),
        (r"white helmets|civil defen[cs]e", "White Helmets"),
        (
            r"russian (defen[cs]e|defense) ministry|russian military|moscow said|kremlin",
            "Russian MoD",
        ),
        (
            r"turkish (defen[cs]e|defense) ministry|turkish military|turkish army|ankara said",
            "Turkish MoD",
        ),
        (r"\bU\.?N\.?\b|united nations|ocha|unicef", "UN"),
        (r"\bSDF\b|syrian democratic forces", "SDF"),
        (r"\bthe army\b|military source|army said|army statement|army command", "Syrian army"),
        (r"local journalist|a journalist", "local journalist"),
        (r"activists?", "activists"),
        (r"residents?|witness(es)?|locals?", "residents"),
        (r"medics?|doctors?|hospital|health (official|ministry|directorate)", "medical sources"),
        (r"\breporter\b|correspondent", "reporter"),
        (r"\bReuters\b", "Reuters"),
        (r"\bAFP\b|agence france", "AFP"),
        (r"\bAP\b|associated press", "AP"),
        (r"\bAnadolu\b", "Anadolu"),
        (r"\bofficials?\b|spokes(man|woman|person)", "officials"),
    ]
]

_SAID = Twin(  # read in every sentence: the ASCII twin on plain text
    r"(?:,|\b)\s*(?:(?:the|a|an)\s+)?([^,.;]{0,80}?)\s+"
    r"(?:said|says|reported|reports|told|claimed|announced|confirmed|stated|added)\b"
    r"|according to\s+(?:the\s+)?([^,.;]{0,80})"
    r"|\b(?:said|reported|told)\s+(?:by\s+)?(?:the\s+)?([^,.;]{0,60})\.?$",
    re.I,
)
_SAY = re.compile(
    r"\b(said|says|reported|reports|told|claimed|announced|confirmed|stated|added|according)\b",
    re.I,
)
_PRONOUN = re.compile(r"^(it|he|she|they|the group|the statement)$", re.I)
# "The Observatory, a Britain-based monitor, said": a source, then an apposition that
# describes it, then the verb of saying right after the apposition's closing comma
_APPOSED = re.compile(
    r"([^,.;]{1,80}),\s*((?:a|an|the)\s+[^,.;]{1,80}),\s*"
    r"(?:said|says|reported|reports|told|claimed|announced|confirmed|stated|added)\b",
    re.I,
)


def _known(who: str) -> str:
    """The normalised source WHO names, or ""."""
    return next((name for pat, name in SOURCES if pat.search(who)), "")


def apposed_source(sentence: str) -> str:
    """ "The Syrian Observatory, a UK-based activist group, said", "Ali Omar, a spokesman for
    the SDF, told AFP": wire copy sets an apposition between the source and its verb of
    saying. The source is the head before the apposition when it names one (the apposition
    only describes it), else what the apposition says the speaker speaks for."""
    if sentence.count(",") < 2:  # the pattern needs both commas: skip its costly scan
        return ""
    for m in _APPOSED.finditer(sentence):
        found = _known(m.group(1)) or _known(m.group(2))
        if found:
            return found
    return ""


@lru_cache(maxsize=4096)  # asked again for each mention the sentence holds
def attribution(sentence: str) -> tuple[str, bool]:
    """(source, is_pronoun): the normalised source a sentence cites, or ("", False).

    is_pronoun is True for "it said" / "he said", which refer back to an earlier source.
    """
    if not _SAY.search(sentence):  # most sentences cite no one: skip the costly pattern
        return "", False
    # on plain text the lower-cased twin reads faster; its groups come lower-cased, and who
    # they name is read below without case (_PRONOUN and SOURCES ignore case)
    folded = _SAID.lower is not None and plain(sentence)
    said = _SAID.lower.finditer(sentence.lower()) if folded else _SAID.finditer(sentence)
    for m in said:
        who = next((g for g in m.groups() if g), "").strip()
        if not who:
            continue
        if _PRONOUN.match(who.split()[-1] if who.split() else ""):
            return "", True
        for pat, name in SOURCES:
            if pat.search(who):
                return name, False
    apposed = apposed_source(sentence)
    return (apposed, False) if apposed else ("", False)
