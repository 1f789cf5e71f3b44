"""One neutral sentence per event, in the manner of ACLED notes.

Notes are built from the normalised fields (ACLED-style actor names, gazetteer place names,
numbers), never from the outlet's own wording, so "terrorists", "regime" or "liberated" cannot
leak into them.
"""

from __future__ import annotations

import datetime as dt

from warwire.code import taxonomy as tx

PHRASES = {
    tx.TERRITORY: "took control of {place}{from_}",
    tx.TRANSFER: "took over {place}{from_} without fighting",
    tx.CLASH: "clashed with {a2} in {place}",
    tx.SIEGE_BREAK: "broke the siege of {place}{from_}",
    tx.AIR: "carried out air strikes on {place}",
    tx.SHELLING: "shelled {place}",
    tx.IED: "an explosive device went off in {place}",
    tx.SUICIDE: "a suicide bombing took place in {place}",
    tx.CHEMICAL: "a chemical weapon was used in {place}",
    tx.GRENADE: "a grenade was thrown in {place}",
    tx.ATTACK: "attacked {a2} in {place}",
    tx.KILL: "attacked {a2} in {place}",
    tx.ABDUCTION: "abducted {a2} in {place}",
    tx.PROTEST: "demonstrated in {place}",
    tx.RIOT: "rioted in {place}",
    tx.AGREEMENT: "reached an agreement concerning {place}",
    tx.ARREST: "arrested {a2} in {place}",
    tx.LOOTING: "looted property in {place}",
    tx.SEXUAL: "committed sexual violence against {a2} in {place}",
    tx.DISRUPTED: "intercepted or defused a weapon in {place}",
    tx.BASE: "established a base in {place}",
    tx.MOB: "attacked {a2} as a mob in {place}",
    tx.CHANGE: "changed its organisation or activity in {place}",
}
SUBJECTLESS = {tx.IED, tx.SUICIDE, tx.CHEMICAL, tx.GRENADE}


def write_note(
    kind: str,
    day: dt.date | None,
    place: str,
    actor1: str | None,
    actor2: str | None,
    figures: dict[str, int],
    source: str = "",
) -> str:
    a1 = actor1 or "Unidentified actors"
    a2 = actor2 or "unidentified actors"
    from_ = (
        f" from {actor2}" if actor2 and kind in {tx.TERRITORY, tx.TRANSFER, tx.SIEGE_BREAK} else ""
    )
    body = PHRASES.get(kind, "were involved in an event in {place}").format(
        place=place or "an unnamed place", a2=a2, from_=from_
    )
    when = f"On {day.day} {day.strftime('%B %Y')}, " if day else ""
    lead = body[0].upper() + body[1:] if kind in SUBJECTLESS and not when else body
    text = f"{when}{lead}" if kind in SUBJECTLESS else f"{when}{a1} {body}"
    if kind in SUBJECTLESS and actor1:
        text += f" ({actor1})"
    bits = []
    if figures.get("airstrikes"):
        bits.append(f"{figures['airstrikes']} air strikes reported")
    if figures.get("fatalities") is not None and "fatalities" in figures:
        bits.append(f"{figures['fatalities']} reported killed")
    if figures.get("wounded"):
        bits.append(f"{figures['wounded']} wounded")
    if bits:
        text += "; " + ", ".join(bits)
    if source:
        text += f" (according to {source})"
    return text[0].upper() + text[1:] + "."
