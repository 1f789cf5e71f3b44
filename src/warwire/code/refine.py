"""The learned type model's one say in the pipeline: refining a rule mention's sub-event type.

The rules decide *whether* a sentence reports an event and where; the model (trained on CASE
2021, see scripts/train_type_classifier.py) may then change the sub-event type, but only of
the generic kinds whose distinguishing test the rules make from thin cues: a clash or an
attack (was the target armed?), a protest or riot (did police intervene, shoot, did a mob
form?), and looting. Weapon-specific kinds (air strike, shelling, IED, suicide bomb, grenade,
chemical) and territory stay with the rules, which are precise there and code one mention per
action in a sentence. (Letting the model turn captures into non-violent transfers re-typed a
capture after a bombardment on the seed articles: the rules' handover test decides that.)
"""

from __future__ import annotations

from spacy.tokens import Span

from warwire.code import taxonomy as tx
from warwire.code.context import ActorHit
from warwire.code.type_features import rule_features, text_features
from warwire.code.type_model import NONE, load_type_model

# rule kinds the model may re-type, and the types it may give each
REFINABLE: dict[str, frozenset[str]] = {
    k: frozenset(v)
    for k, v in {
        tx.CLASH: {"Attack", "Mob violence"},
        tx.ATTACK: {"Armed clash", "Mob violence"},
        tx.KILL: {"Attack", "Armed clash", "Mob violence"},
        tx.PROTEST: {
            "Protest with intervention", "Excessive force against protesters",
            "Violent demonstration", "Mob violence",
        },
        "intervention": {"Peaceful protest", "Excessive force against protesters"},
        "excessive_force": {"Protest with intervention", "Violent demonstration"},
        tx.RIOT: {"Peaceful protest", "Protest with intervention", "Mob violence"},
        tx.MOB: {"Violent demonstration", "Attack"},
        tx.LOOTING: {"Attack", "Violent demonstration", "Mob violence"},
    }.items()
}  # fmt: skip
CONFIDENT = 0.5  # the model's probability for its type before it overrides the rules


def refine_sub_event(
    sub: str, kind: str, sent: Span | None, actors: list[ActorHit], offset: int
) -> str:
    """SUB, or the model's type for the sentence when the rules' kind is generic and the
    model is confident of a type that kind can turn into."""
    allowed = REFINABLE.get(kind)
    model = load_type_model()
    if not allowed or model is None or sent is None:
        return sub
    from warwire.code.classify import rule_reading  # classify imports the coder

    reading = rule_reading([sent], actors, offset)
    feats = text_features(sent) + rule_features(reading.sub_event, reading.kinds, reading.factual)
    label, p = model.predict(feats)
    if label == NONE or label not in allowed or p < CONFIDENT:
        return sub
    return label
