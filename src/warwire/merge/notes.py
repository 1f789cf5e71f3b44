"""The note of a merged event, in the manner of ACLED's notes column.

Built at merge and again at publish from the event's own fields (its sub-event type, actors,
location, event_date and attributed toll), never from one report's reading, so the notes an
analyst reads first cannot contradict the coded record.
"""

from __future__ import annotations

import datetime as dt

from warwire.records import Event

UNIDENTIFIED = "Unidentified actors"

# sub-event type -> the clause after actor1; {a2} the other actor, {place} the location
EVENT_PHRASES: dict[str, str] = {
    "Government regains territory": "regained control of {place}{from_}",
    "Non-state actor overtakes territory": "took control of {place}{from_}",
    "Armed clash": "clashed with {a2} in {place}",
    "Air/drone strike": "carried out an air/drone strike in {place}{on}",
    "Shelling/artillery/missile attack": "shelled {place}{on}",
    "Remote explosive/landmine/IED": "set off an explosive device in {place}{on}",
    "Suicide bomb": "carried out a suicide bombing in {place}{on}",
    "Grenade": "threw a grenade in {place}{on}",
    "Chemical weapon": "used a chemical weapon in {place}{on}",
    "Attack": "attacked {a2} in {place}",
    "Abduction/forced disappearance": "abducted {a2} in {place}",
    "Sexual violence": "committed sexual violence against {a2} in {place}",
    "Peaceful protest": "demonstrated peacefully in {place}",
    "Protest with intervention": "demonstrated in {place}; {a2} intervened",
    "Excessive force against protesters": "demonstrated in {place}; {a2} used excessive force",
    "Violent demonstration": "rioted in {place}",
    "Mob violence": "attacked {a2} as a mob in {place}",
    "Agreement": "reached an agreement with {a2} concerning {place}",
    "Arrests": "arrested {a2} in {place}",
    "Non-violent transfer of territory": "took over {place}{from_} without fighting",
    "Headquarters or base established": "established a headquarters or base in {place}",
    "Looting/property destruction": "looted or destroyed property in {place}",
    "Disrupted weapons use": "intercepted or defused a weapon in {place}",
    "Change to group/activity": "changed its organisation or activity in {place}",
}
OTHER_PHRASE = "were involved in an event in {place}"


def place_words(location: str, admin1: str) -> str:
    """ "Saraqib (Idlib)" for a town, "Idlib province" when the event is placed by province."""
    if not location:
        return f"{admin1} province" if admin1 else "an unnamed place"
    if admin1 and location.lower() == admin1.lower():
        return f"{location} province"
    return f"{location} ({admin1})" if admin1 else location


def day_words(day: dt.date) -> str:
    """ "28 January 2020": the day of event_date, in words no reader can misread."""
    return f"{day.day} {day.strftime('%B %Y')}"


def toll_words(e: Event) -> str:
    """The event's toll with whoever gave it: "12 reported killed (according to SOHR)"."""
    bits = []
    if e.fatalities is not None:
        if e.fatalities == 0:
            bits.append("no fatalities reported")
        else:
            who = next(
                (
                    c.attributed_to or c.outlet
                    for c in e.claims
                    if c.field == "fatalities" and c.value == e.fatalities
                ),
                "",
            )
            bits.append(
                f"{e.fatalities} reported killed" + (f" (according to {who})" if who else "")
            )
    if e.counts.get("wounded"):
        bits.append(f"{e.counts['wounded']} wounded")
    if e.counts.get("airstrikes"):
        bits.append(f"{e.counts['airstrikes']} air strikes reported")
    return ", ".join(bits)


def event_note(e: Event) -> str:
    """The note of a merged event, built from its own fields only (never from one report's
    reading), so the note can never say something the coded record does not."""
    a1 = e.actor1 or UNIDENTIFIED
    a2 = e.actor2 or "unidentified actors"
    from_ = f" from {e.actor2}" if e.actor2 else ""
    on = f", targeting {e.actor2}" if e.actor2 else ""
    body = EVENT_PHRASES.get(e.sub_event_type, OTHER_PHRASE).format(
        place=place_words(e.location, e.admin1), a2=a2, from_=from_, on=on
    )
    when = f"On {day_words(e.date)}, " if e.date else ""
    text = f"{when}{a1} {body}"
    toll = toll_words(e)
    if toll:
        text += "; " + toll
    return text[0].upper() + text[1:] + "."
