"""Evacuation deals: fighters bussed out of a town they held.

From Homs (2014) to Aleppo (2016), the Ghouta and the south (2018), wire services, monitors
and state media report the end of a siege by a deal in one construction: "the evacuation of
rebels from X began on Monday", "a rebel evacuation of X started", "insurgents and their
families have evacuated X", "hundreds of fighters were evacuated from X". The town changes
hands without a fight: ACLED codes a non-violent transfer of territory. Only the evacuation of
fighters counts: the evacuation of patients, civilians or residents moves people, not ground,
and an evacuation argued over in talks ("disagreement on the evacuation of rebels") has not
happened (it must be the subject of a verb telling that it began or was done)."""

from __future__ import annotations

from spacy.tokens import Token

FIGHTERS = frozenset({
    "rebel", "fighter", "militant", "gunman", "insurgent", "jihadist", "terrorist",
    "militiaman", "combatant", "gunmen", "rebels", "fighters", "militants", "insurgents",
    "jihadists", "terrorists", "militiamen", "combatants",
})  # fmt: skip
# "the evacuation began / got under way / was completed": the evacuation happened
UNDER_WAY = frozenset({"begin", "start", "continue", "resume", "complete", "finish", "get"})
# "hundreds of militants", "a convoy of fighters": a count or group whose "of" names fighters
QUANTITY_HEADS = frozenset({"hundred", "thousand", "dozen", "score", "group", "batch", "convoy"})


def _fighters(noun: Token | None) -> bool:
    """NOUN names fighters: "rebels", "rebel fighters", "hundreds of militants", or a
    conjunction holding them ("insurgents and their families")."""
    if noun is None:
        return False
    if noun.lemma_.lower() in FIGHTERS or noun.lower_ in FIGHTERS:
        return True
    for c in noun.children:
        if c.dep_ == "conj" and _fighters(c):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and noun.pos_ in {"NOUN", "NUM"}:
            if any(g.dep_ == "pobj" and _fighters(g) for g in c.children):
                return noun.lemma_.lower() in QUANTITY_HEADS
    return False


def _evacuees_of_noun(t: Token) -> bool:
    """ "the rebel evacuation", "the evacuation of fighters": the noun's evacuees are fighters."""
    for c in t.children:
        if c.dep_ in {"amod", "compound"} and c.lower_ in FIGHTERS:
            return True
        if c.dep_ == "prep" and c.lower_ == "of":
            if any(g.dep_ == "pobj" and _fighters(g) for g in c.children):
                return True
    return False


def fighters_evacuated(t: Token) -> bool:
    """T tells fighters evacuated from a place they held (see the module's docstring)."""
    lem = t.lemma_.lower()
    if lem == "evacuation" and t.pos_ == "NOUN":
        return (
            t.dep_ in {"nsubj", "nsubjpass"}
            and t.head.lemma_.lower() in UNDER_WAY
            and _evacuees_of_noun(t)
        )
    if lem != "evacuate" or t.pos_ != "VERB":
        return False
    kids = {c.dep_: c for c in t.children}
    if "nsubjpass" in kids:  # "fighters were evacuated from X"
        frm = any(c.dep_ == "prep" and c.lower_ == "from" for c in t.children)
        return frm and _fighters(kids["nsubjpass"])
    subj = kids.get("nsubj")
    if subj is None and t.dep_ == "conj":
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    dobj = kids.get("dobj")  # "rebels evacuated the town": the place they held
    return dobj is not None and dobj.pos_ == "PROPN" and _fighters(subj)


def evacuated_from(trig: Token, place: Token) -> bool:
    """ "Fighters were evacuated from X", "the evacuation of rebels from X": the place the
    fighters left is the evacuation's own place (the ground that changed hands), though
    "from" elsewhere names where an attack came from."""
    if trig.lemma_.lower() not in {"evacuate", "evacuation"} or place.dep_ != "pobj":
        return False
    prep = place.head
    if prep.lower_ != "from":
        return False
    h = prep.head
    return h.i == trig.i or (h.dep_ == "pobj" and h.head.head.i == trig.i)
