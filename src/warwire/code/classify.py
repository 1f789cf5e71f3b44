"""The sub-event type a short text reports, without place or day.

Used to measure the event typing alone (on snippets such as CASE 2021's, which come from
every country): the same triggers, factuality test and actor roles as the full coder, but
no gazetteer place is required. `classify` is the rule coder alone; `classify_learned` adds
the shipped type model, which reads the words and the rules' verdicts together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from warwire.code import taxonomy as tx
from warwire.code.coder import _kind_for, _sub_event, _taker
from warwire.code.context import ActorHit
from warwire.code.patterns import named_killer, protest_type, weapon_neutralised, worded_type
from warwire.code.roles import assign_actors
from warwire.code.triggers import find_triggers, is_factual
from warwire.code.type_features import rule_features, text_features
from warwire.code.type_model import NONE, TypeModel, load_type_model


@dataclass
class RuleReading:
    """What the rule coder makes of a text: its best sub-event type and the kinds it saw."""

    sub_event: str | None = None
    kinds: list[str] = field(default_factory=list)  # every trigger word's kind
    factual: list[str] = field(default_factory=list)  # kinds of factual triggers, after roles


def rule_reading(sents: list[Span], actors: list[ActorHit], offset: int = 0) -> RuleReading:
    """The rules over SENTS: the most specific factual action wins (KIND_RANK)."""
    out = RuleReading()
    best: tuple[int, str] | None = None
    withdrew = False  # a withdrawal stated as done (not "urged them to withdraw")
    for sent in sents:
        for trig in find_triggers(sent):
            out.kinds.append(trig.kind)
            if not is_factual(trig):
                continue
            if trig.kind == tx.WITHDRAWAL:
                withdrew = True
            a1, a2, _ = assign_actors(trig, sent, offset, actors)
            # "destroyed 300 mines": a weapon found or neutralised, not used (the type reading
            # only: in the coder the verb that neutralised it is the event)
            kind = tx.DISRUPTED if weapon_neutralised(trig) else _kind_for(trig, a1, a2, sent.text)
            if kind is None:
                continue
            named = a1 is not None and a1.actor.side != "civilians"
            if kind == tx.KILL and not (named or named_killer(trig)):
                continue  # a toll with nobody named who killed: as in the coder, no event
            if kind == tx.KILL:
                kind = tx.ATTACK if a2 is None or a2.actor.side == "civilians" else tx.CLASH
            out.factual.append(kind)
            rank = tx.KIND_RANK.get(kind, 3)
            if best is None or rank > best[0]:
                best = (rank, _sub_event(kind, _taker(trig, kind, a1, offset)))
    out.sub_event = best[1] if best else None
    if sents:
        text = sents[0].doc.text[sents[0].start_char : sents[-1].end_char]
        if out.sub_event is None:
            out.sub_event = worded_type(text, withdrew)
        elif out.sub_event == "Peaceful protest":
            # a protest the text goes on to call violent or broken up ("... the scene of
            # escalating violence") is typed by the whole text, not its first sentence
            out.sub_event = protest_type(text)
    return out


def parse(text: str) -> tuple[Doc, list[ActorHit]]:
    from warwire.read.actors import load_actors
    from warwire.read.nlp import load_nlp

    doc = load_nlp()(text)
    actors = [ActorHit(a.start, a.end, a.surface, a.actor) for a in load_actors().find(text)]
    return doc, actors


def features_of(doc: Doc, actors: list[ActorHit]) -> tuple[list[str], RuleReading]:
    """The type model's features for a parsed text, and the rule reading they include."""
    reading = rule_reading(list(doc.sents), actors)
    feats = text_features(doc[:]) + rule_features(reading.sub_event, reading.kinds, reading.factual)
    return feats, reading


def classify(text: str) -> str | None:
    """The ACLED sub-event type of the most specific factual action in TEXT, or None."""
    doc, actors = parse(text)
    return rule_reading(list(doc.sents), actors).sub_event


def classify_learned(text: str, model: TypeModel | None = None) -> str | None:
    """The type model's ACLED sub-event type for TEXT, or None for no conflict event.

    Falls back to the rules when no model is shipped."""
    model = model or load_type_model()
    doc, actors = parse(text)
    feats, reading = features_of(doc, actors)
    if model is None:
        return reading.sub_event
    label, _ = model.predict(feats)
    return None if label == NONE else label
