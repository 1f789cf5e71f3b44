"""The system's one typing: the rules' sub-event type, refined by the learned type model.

The rules decide *whether* a sentence reports an event and where; `typed` then gives the
sub-event type, for the coder's mentions and for `classify.classify` alike. The model
(trained on CASE 2021, see scripts/train_type_classifier.py) reads the words, the trigger
words and the rules' verdicts together.

A text typed as one event (`classify`, per_action off) takes the model's type once the rules
found an action: the rules' verdict is one of its features, weighed as the training text
showed it deserves, where a fixed override threshold kept the rules' type exactly where their
cue phrases hold least (text unlike the one they were written from). Split halves of CASE:
weighted F1 0.800 with the thresholds, 0.815 with the model's type.

A coder's mention (per_action on) is one action of a sentence that may hold several, and its
type also decides which reports merge into one event: there the model turns the generic kinds
whose distinguishing test the rules make from thin cues (a clash or an attack: was the target
armed? a protest or riot: did police intervene, shoot, did a mob form? looting) into their
neighbours when it is fairly sure, and overrides any other rule type only when it is surer
(giving it every mention's type split merged reports on the shared sets: real-dev 0.963 to
0.867).

When the rules find no action at all, the model types the text only when it is sure
(ALONE): the coder never gets there (it makes no mention without a rule), but a text read on
its own (a CASE snippet) is typed by the same function.
"""

from __future__ import annotations

from collections.abc import Sequence

from warwire.code.taxonomy import TERRITORY_SUBS, WEAPON_SUBS
from warwire.code.type_model import NONE, TypeModel, load_type_model

# rule types the model may re-type, and the types it may give each
REFINABLE: dict[str, frozenset[str]] = {
    k: frozenset(v)
    for k, v in {
        "Armed clash": {"Attack", "Mob violence"},
        "Attack": {"Armed clash", "Mob violence"},
        "Peaceful protest": {
            "Protest with intervention", "Excessive force against protesters",
            "Violent demonstration", "Mob violence",
        },
        "Protest with intervention": {"Peaceful protest", "Excessive force against protesters"},
        "Excessive force against protesters": {
            "Protest with intervention", "Violent demonstration",
        },
        "Violent demonstration": {"Peaceful protest", "Protest with intervention", "Mob violence"},
        "Mob violence": {"Violent demonstration", "Attack"},
        "Looting/property destruction": {"Attack", "Violent demonstration", "Mob violence"},
    }.items()
}  # fmt: skip
# The model's probability for its answer before it has its way (chosen under 5-fold CV on the
# CASE half with the rules frozen, and checked on held-out gold of ../shared/corpus, FA-KES):
CONFIDENT = 0.5  # ... to turn a generic rule type into a neighbour (REFINABLE)
OVERRIDE = 0.6  # ... to give any other type: the model reads the whole text, the rules a word
PRECISE_OVERRIDE = 0.8  # ... to re-type a weapon or a capture: the rules are precise there
# weapon-specific kinds and territory, which the rules code one mention per action in a
# sentence (letting the model turn captures into handovers re-typed a capture after a
# bombardment on the seed articles: the rules' handover test decides that)
PRECISE = WEAPON_SUBS | TERRITORY_SUBS
ALONE = 0.5  # the model's probability for its type before it types a text the rules found empty
# ... to say a text the rules typed reports no conflict event at all: 0.4 keeps the share of
# CASE's non-conflict snippets typed under 20% when the shared half is split in two (16% on
# average), for the same weighted F1
NOT_CONFLICT = 0.4


def typed(
    rule_sub: str | None,
    feats: Sequence[str],
    model: TypeModel | None = None,
    *,
    per_action: bool = True,
) -> str | None:
    """The sub-event type of a text whose rules said RULE_SUB, given its model FEATS; None
    for no conflict event. No model shipped means the rules alone.

    A text typed as one event (PER_ACTION false, `classify`): once the rules found an
    action, its type is the model's, except between the territory types (who took a place
    is the rules' test). A coder's mention (PER_ACTION): the model re-types it only when sure
    (CONFIDENT, OVERRIDE, PRECISE_OVERRIDE), never in a sentence of several actions.

    The coder keeps a rule mention the model calls no event (detection is the rules' job,
    and each mention has its own trigger); `classify` reports the None."""
    model = model or load_type_model()
    if model is None:
        return rule_sub
    label, p = model.predict(feats)
    if rule_sub is None:
        return label if label != NONE and p >= ALONE else None
    if label == NONE:
        return None if p >= NOT_CONFLICT else rule_sub
    if rule_sub in TERRITORY_SUBS and label in TERRITORY_SUBS:
        # who took a place and whether it was fought for are the rules' tests (the taker's
        # side; a fight or a withdrawal told elsewhere in the article, which the model, reading
        # one sentence, does not see): the model never moves a place between these types
        return rule_sub
    if not per_action:
        return label
    if label in REFINABLE.get(rule_sub, ()) and p >= CONFIDENT:
        return label
    if several_actions(feats):
        return rule_sub  # one label for the sentence cannot stand for each of its actions
    if rule_sub in PRECISE or label in PRECISE:
        return label if p >= PRECISE_OVERRIDE else rule_sub
    return label if p >= OVERRIDE else rule_sub


def several_actions(feats: Sequence[str]) -> bool:
    """The rules read more than one kind of factual action in the text ("troops took the
    town as sappers defused mines"): each is its own mention with its own type."""
    return sum(1 for f in feats if f.startswith("f:")) > 1
