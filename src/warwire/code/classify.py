"""The sub-event type a short text reports, without place or day.

Used to measure the event typing alone (on snippets such as CASE 2021's, which come from
every country): the same triggers, factuality test and actor roles as the full coder, but
no gazetteer place is required.
"""

from __future__ import annotations

from warwire.code import taxonomy as tx
from warwire.code.coder import _kind_for, _sub_event
from warwire.code.context import ActorHit
from warwire.code.roles import assign_actors
from warwire.code.triggers import find_triggers, is_factual


def classify(text: str) -> str | None:
    """The ACLED sub-event type of the most specific factual action in TEXT, or None."""
    from warwire.read.actors import load_actors
    from warwire.read.nlp import load_nlp

    doc = load_nlp()(text)
    actors = [ActorHit(a.start, a.end, a.surface, a.actor) for a in load_actors().find(text)]
    best: tuple[int, str] | None = None
    for sent in doc.sents:
        for trig in find_triggers(sent):
            if not is_factual(trig):
                continue
            a1, a2, _ = assign_actors(trig, sent, 0, actors)
            kind = _kind_for(trig, a1, a2, sent.text)
            if kind is None:
                continue
            if kind == tx.KILL:
                kind = tx.ATTACK if a2 is None or a2.actor.side == "civilians" else tx.CLASH
            rank = tx.KIND_RANK.get(kind, 3)
            if best is None or rank > best[0]:
                best = (rank, _sub_event(kind, a1.actor.side if a1 else ""))
    return best[1] if best else None
