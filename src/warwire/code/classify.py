"""The sub-event type a short text reports, without place or day: the system's own typing.

Used to measure the event typing alone (on snippets such as CASE 2021's, which come from
every country): the same triggers, factuality test and actor roles as the full coder, and the
same decision between the rules and the learned type model (refine.typed) that types the
coder's mentions; no gazetteer place is required. `classify_rules` is the rule coder alone.
"""

from __future__ import annotations

from spacy.tokens import Doc

from warwire.code.coder import RuleReading, rule_reading, type_features
from warwire.code.context import ActorHit
from warwire.code.refine import typed
from warwire.code.type_model import TypeModel

__all__ = [
    "RuleReading",
    "classify",
    "classify_rules",
    "features_of",
    "parse",
    "rule_reading",
    "typed_text",
]


def parse(text: str) -> tuple[Doc, list[ActorHit]]:
    from warwire.read.actors import load_actors
    from warwire.read.nlp import load_nlp

    doc = load_nlp()(text)
    actors = [ActorHit(a.start, a.end, a.surface, a.actor) for a in load_actors().find(text)]
    return doc, actors


def features_of(doc: Doc, actors: list[ActorHit]) -> tuple[list[str], RuleReading]:
    """The type model's features for a parsed text, and the rule reading they include."""
    sents = list(doc.sents)
    reading = rule_reading(sents, actors)
    return type_features(sents, actors, reading=reading), reading


def classify(text: str, model: TypeModel | None = None) -> str | None:
    """The ACLED sub-event type the system gives TEXT, or None: the type model's choice among
    the rules' readings of it, as the coder types its mentions (refine.typed)."""
    return typed_text(*features_of(*parse(text)), model)


def typed_text(
    feats: list[str], reading: RuleReading, model: TypeModel | None = None
) -> str | None:
    """The type of a text already read (features_of), as one event: the coder's typing of an
    action (refine.typed), the text's choices being any of its actions' (refine.choices)."""
    return typed(reading.sub_event, feats, model, text=True)


def classify_rules(text: str) -> str | None:
    """The rule coder alone: the most specific factual action in TEXT, or None."""
    doc, actors = parse(text)
    return rule_reading(list(doc.sents), actors).sub_event
